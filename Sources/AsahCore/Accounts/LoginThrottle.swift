import GRDB

/// Slows down password guessing: too many failures for one login or from one address within
/// a window block further attempts until the window has passed.
public struct LoginThrottle: Sendable {
    public var window: Int64 = 15 * 60
    public var maxFailuresPerLogin = 5
    public var maxFailuresPerAddress = 30

    public init() {}

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    public func retryAfter(login: String, ip: String, in db: Database) throws -> Int64? {
        let since = Clock.now() - window
        let key = login.lowercased()
        let byLogin = try Int64.fetchAll(db, sql: "SELECT at FROM login_failures WHERE login = ? AND at > ? ORDER BY at",
                                         arguments: [key, since])
        let byAddress = try Int64.fetchAll(db, sql: "SELECT at FROM login_failures WHERE ip = ? AND at > ? ORDER BY at",
                                           arguments: [ip, since])
        var waits: [Int64] = []
        if byLogin.count >= maxFailuresPerLogin { waits.append(byLogin[byLogin.count - maxFailuresPerLogin] + window) }
        if byAddress.count >= maxFailuresPerAddress {
            waits.append(byAddress[byAddress.count - maxFailuresPerAddress] + window)
        }
        guard let until = waits.max() else { return nil }
        return max(1, until - Clock.now())
    }

    public func recordFailure(login: String, ip: String, in db: Database) throws {
        let now = Clock.now()
        try db.execute(sql: "INSERT INTO login_failures (login, ip, at) VALUES (?, ?, ?)",
                       arguments: [login.lowercased(), ip, now])
        try db.execute(sql: "DELETE FROM login_failures WHERE at < ?", arguments: [now - window])
    }

    public func clear(login: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM login_failures WHERE login = ?", arguments: [login.lowercased()])
    }
}
