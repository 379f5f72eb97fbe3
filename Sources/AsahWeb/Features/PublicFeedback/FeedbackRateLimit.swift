import AsahCore
import Synchronization

/// How often one address may send the public feedback form: at most ``limit`` answers in a clock
/// hour. Addresses are kept only in the server's memory, as digests keyed with a secret made at
/// start, and forgotten when the hour turns; nothing of them reaches the database or the log.
final class FeedbackRateLimit: Sendable {
    /// Answers one address may send in an hour (a service desk's shared connection included).
    static let limit = 10
    /// The most addresses remembered in one hour; past it new addresses wait for the next hour,
    /// so a flood cannot grow the server's memory.
    static let capacity = 100_000

    private let key = SecureToken.generate()
    private let state = Mutex<(hour: Int64, counts: [String: Int])>((0, [:]))

    /// Whether `address` may send one more answer at `now`; counts it when so.
    func admit(_ address: String, now: Int64 = Clock.now()) -> Bool {
        let hour = now / 3600
        let digest = SecureToken.digest(key + "|" + address)
        return state.withLock { state in
            if state.hour != hour { state = (hour, [:]) }
            let used = state.counts[digest] ?? 0
            guard used < Self.limit, used > 0 || state.counts.count < Self.capacity else { return false }
            state.counts[digest] = used + 1
            return true
        }
    }
}
