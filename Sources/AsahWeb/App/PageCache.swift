import AsahCore
import Dispatch
import HTTPServer
import Synchronization

/// Keeps recent successful GET answers per caller for a few seconds, and drops all of them
/// as soon as the app commits any write (`ChangeCounter`), so a cached page never hides a
/// change made through Asah. Writes by another process (the command line) show within the
/// lifetime. Only signed-in callers are cached, keyed by their session or token, so one
/// person's page is never served to another.
///
/// Many connections asking for the same page do not all render it at once (that stampede was
/// the p99 of the heavier pages): while one caller renders a missing answer the others wait for
/// it, and when an answer's lifetime runs out with nothing written, one caller renders it again
/// while the others keep getting the old answer for that moment.
final class PageCache: Sendable {
    private struct Entry {
        let response: Response
        let version: UInt64
        let expires: Int64
        /// Until when a caller is rendering the answer again (after which another may try).
        var refreshingUntil: Int64?
    }

    private let entries = Mutex<(byKey: [String: Entry], bytes: Int)>(([:], 0))
    private let lifetime: Int64
    private let changes: ChangeCounter
    private let now: @Sendable () -> Int64
    /// Memory the cached bodies may use; when a new answer would pass it, the cache starts over.
    private static let budgetBytes = 16 * 1024 * 1024
    /// How long one caller may take to render an expired answer again before another tries.
    private static let refreshSeconds: Int64 = 2
    /// Pages being rendered, each with the group its waiting callers wait on.
    private let rendering = Mutex<[String: DispatchGroup]>([:])
    /// How long a caller waits for another's rendering of the same page before rendering it too.
    private static let waitSeconds = 5.0

    init(lifetime: Int64, changes: ChangeCounter, now: @escaping @Sendable () -> Int64 = Clock.now) {
        self.lifetime = lifetime
        self.changes = changes
        self.now = now
    }

    var isEnabled: Bool { lifetime > 0 }

    /// The key of a request by `identityKey` for `request`'s path and query, in `locale`.
    static func key(identity: String, locale: String, request: Request) -> String {
        identity + "\n" + locale + "\n" + request.path + "?" + request.rawQuery
    }

    /// The kept answer for `key`, else `render`'s, kept for the next callers; a caller asking
    /// for a page that another is rendering waits for that answer.
    func answer(for key: String, render: () throws -> Response) rethrows -> Response {
        if let kept = response(for: key) { return kept }
        func renderAndStore() throws -> Response {
            let version = changes.version
            let answer = try render()
            store(answer, for: key, version: version)
            return answer
        }
        let (group, rendersHere) = rendering.withLock { groups -> (DispatchGroup, Bool) in
            if let group = groups[key] { return (group, false) }
            let group = DispatchGroup()
            group.enter()
            groups[key] = group
            return (group, true)
        }
        guard rendersHere else {
            _ = group.wait(timeout: .now() + Self.waitSeconds)
            return try response(for: key) ?? renderAndStore()
        }
        defer {
            rendering.withLock { $0[key] = nil }
            group.leave()
        }
        return try renderAndStore()
    }

    /// The kept answer for `key`, or `nil` when the caller must render it (and `store` it).
    func response(for key: String) -> Response? {
        let version = changes.version
        let now = now()
        return entries.withLock { entries in
            guard var entry = entries.byKey[key] else { return nil }
            guard entry.version == version else {
                entries.byKey[key] = nil
                entries.bytes -= entry.response.body.count
                return nil
            }
            if entry.expires >= now { return entry.response }
            if let until = entry.refreshingUntil, until >= now { return entry.response }
            entry.refreshingUntil = now + Self.refreshSeconds
            entries.byKey[key] = entry
            return nil
        }
    }

    /// Keeps `response` when it is a plain success that sets no cookie.
    func store(_ response: Response, for key: String, version: UInt64) {
        guard response.status == 200, !response.headers.contains("Set-Cookie") else { return }
        let entry = Entry(response: response, version: version, expires: now() + lifetime)
        entries.withLock { entries in
            if entries.bytes + response.body.count > Self.budgetBytes {
                entries = ([:], 0)
            }
            if let replaced = entries.byKey.updateValue(entry, forKey: key) {
                entries.bytes -= replaced.response.body.count
            }
            entries.bytes += response.body.count
        }
    }
}
