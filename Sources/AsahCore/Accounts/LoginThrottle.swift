import GRDB

/// Slows down password guessing: too many failures for one account (or one unknown name) or
/// from one address within a window block further attempts until the window has passed.
/// An attempt is counted before its password is checked (``reserve(key:ip:in:)``), in the
/// same transaction as the check, so attempts racing the slow hash cannot slip past the
/// limit; a successful one is then forgiven.
public struct LoginThrottle: Sendable {
    public var window: Int64 = 15 * 60
    public var maxFailuresPerKey = 5
    public var maxFailuresPerAddress = 30

    public init() {}

    /// The key attempts are counted under: the account when the typed name resolves to one (so
    /// every spelling of a login or NIP shares it), else the name without spaces or case.
    public static func key(accountId: Int64?, typed: String) -> String {
        accountId.map { "account:\($0)" } ?? "name:" + typed.filter { !$0.isWhitespace }.lowercased()
    }

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    public func retryAfter(key: String, ip: String, in db: Database) throws -> Int64? {
        let since = Clock.now() - window
        let byKey = try Int64.fetchAll(db.cachedStatement(sql: "SELECT at FROM login_failures WHERE login = ? AND at > ? ORDER BY at"),
                                       arguments: [key, since])
        let byAddress = try Int64.fetchAll(db.cachedStatement(sql: "SELECT at FROM login_failures WHERE ip = ? AND at > ? ORDER BY at"),
                                           arguments: [ip, since])
        var waits: [Int64] = []
        if byKey.count >= maxFailuresPerKey { waits.append(byKey[byKey.count - maxFailuresPerKey] + window) }
        if byAddress.count >= maxFailuresPerAddress {
            waits.append(byAddress[byAddress.count - maxFailuresPerAddress] + window)
        }
        guard let until = waits.max() else { return nil }
        return max(1, until - Clock.now())
    }

    /// Counts an attempt as failed until it is forgiven.
    public func reserve(key: String, ip: String, in db: Database) throws {
        let now = Clock.now()
        try db.execute(sql: "DELETE FROM login_failures WHERE at < ?", arguments: [now - window])
        try db.execute(sql: "INSERT INTO login_failures (login, ip, at) VALUES (?, ?, ?)", arguments: [key, ip, now])
    }

    /// A successful attempt: its reservation and the earlier failures under `key` are dropped.
    public func forgive(key: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM login_failures WHERE login = ?", arguments: [key])
    }
}
