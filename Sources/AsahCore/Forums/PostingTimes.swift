import Foundation

/// The recent posting times behind the forum's rate limit, kept in the server's memory and
/// never in the database: a record tying one person's named and pseudonymous posts together,
/// even for the minutes of the rate window, would link them for anyone holding the file. A
/// restart forgets them, which at worst lets someone post a few more times at once.
final class PostingTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Int64: [Int64]] = [:]

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: PostingTimes] = [:]

    /// The posting times of the database at `path` (one set per database in this process).
    static func of(databaseAt path: String) -> PostingTimes {
        registryLock.withLock {
            if let existing = registry[path] { return existing }
            let created = PostingTimes()
            registry[path] = created
            return created
        }
    }

    /// `userId`'s posting times within the rate window before `now`.
    func recent(userId: Int64, now: Int64) -> [Int64] {
        lock.withLock { (times[userId] ?? []).filter { $0 > now - ForumRules.rateWindowSeconds } }
    }

    /// Records that `userId` posted at `now`, forgetting everyone's times past the window.
    func record(userId: Int64, now: Int64) {
        lock.withLock {
            let cutoff = now - ForumRules.rateWindowSeconds
            times[userId, default: []].append(now)
            if times.count > 1_000 || times[userId]!.count > 2 * ForumRules.postsPerWindow {
                times = times.compactMapValues { list in
                    let kept = list.filter { $0 > cutoff }
                    return kept.isEmpty ? nil : kept
                }
            }
        }
    }
}
