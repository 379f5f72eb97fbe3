import AsahCore
import Synchronization

/// One value computed at most once every `lifetime` seconds (for costly counts shown on
/// dashboards, where a few seconds of delay is invisible).
final class TimedCache<Value: Sendable>: Sendable {
    private let state = Mutex<(value: Value, expires: Int64)?>(nil)
    private let lifetime: Int64

    init(lifetime: Int64) {
        self.lifetime = lifetime
    }

    func value(_ compute: () throws -> Value) rethrows -> Value {
        let now = Clock.now()
        if let cached = state.withLock({ $0 }), cached.expires > now { return cached.value }
        let fresh = try compute()
        state.withLock { $0 = (fresh, now + lifetime) }
        return fresh
    }
}
