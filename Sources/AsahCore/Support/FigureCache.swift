import Foundation

/// Costly figures (a province's impact report, training demand, JP compliance) kept per key
/// while the data they were computed from has not changed: each value is stored with the
/// data version it read (``AsahCore/DataVersion/evaluation``) and served while the caller
/// reads the same version.
///
/// A key is computed by one request at a time: others asking for it meanwhile wait for that
/// result instead of repeating the work, and at most `concurrency` keys are computed at once,
/// since each computation may hold a province's appraisals in memory.
public final class FigureCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var stored: [Key: (version: Int64, value: Value)] = [:]
    private var computing: Set<Key> = []
    private let capacity: Int
    private let concurrency: Int

    public init(capacity: Int = 64, concurrency: Int = 2) {
        self.capacity = capacity
        self.concurrency = concurrency
    }

    /// The value of `key` at data `version`: stored, or from `compute`, which returns the
    /// value with the version it read (in the same transaction).
    public func value(_ key: Key, version: Int64, compute: () throws -> (value: Value, version: Int64)) throws -> Value {
        condition.lock()
        while true {
            if let entry = stored[key], entry.version == version {
                condition.unlock()
                return entry.value
            }
            if !computing.contains(key), computing.count < concurrency { break }
            condition.wait()
        }
        computing.insert(key)
        condition.unlock()
        let result: (value: Value, version: Int64)
        do {
            result = try compute()
        } catch {
            finish(key, nil)
            throw error
        }
        finish(key, (result.version, result.value))
        return result.value
    }

    private func finish(_ key: Key, _ result: (version: Int64, value: Value)?) {
        condition.lock()
        defer { condition.unlock() }
        computing.remove(key)
        if let result {
            if stored[key] == nil, stored.count >= capacity {
                stored = stored.filter { $0.value.version == result.version }
                if stored.count >= capacity, let any = stored.keys.first { stored[any] = nil }
            }
            stored[key] = result
        }
        condition.broadcast()
    }
}
