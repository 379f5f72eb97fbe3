import AsahCore
import Synchronization

/// One value computed at most once every `lifetime` seconds (for costly counts shown on
/// dashboards, where a few seconds of delay is invisible); given the app's `ChangeCounter`,
/// also computed again after any write of this process.
final class TimedCache<Value: Sendable>: Sendable {
    private let state = Mutex<(value: Value, expires: Int64, version: UInt64)?>(nil)
    private let lifetime: Int64
    private let changes: ChangeCounter?

    init(lifetime: Int64, changes: ChangeCounter? = nil) {
        self.lifetime = lifetime
        self.changes = changes
    }

    func value(_ compute: () throws -> Value) rethrows -> Value {
        let now = Clock.now(), version = changes?.version ?? 0
        if let cached = state.withLock({ $0 }), cached.expires > now, cached.version == version { return cached.value }
        let fresh = try compute()
        state.withLock { $0 = (fresh, now + lifetime, version) }
        return fresh
    }
}
