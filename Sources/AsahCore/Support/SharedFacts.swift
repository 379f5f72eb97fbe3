import GRDB
import Synchronization

/// Facts that read the same for every person (the runs to come, each course's terms, each
/// unit's chain of codes, JP compliance), kept per database while their data version
/// (``DataVersion``, by default the evaluation one: raised by triggers on units, employees,
/// courses, runs, enrolments and the other tables those facts come from) stays the same. The busiest pages
/// then read them once per change instead of once per view, and a change shows on the next
/// read: the version is read in the caller's own transaction.
///
/// Only read-only connections use what is kept: a write transaction may have changed the
/// rows (and raised the version) without committing yet, so it always computes afresh.
enum SharedFacts {
    private struct Entry {
        let version: Int64
        let value: any Sendable
    }

    private static let kept = Mutex<[String: Entry]>([:])
    /// Names times databases; past it (days' keys, a test process's many databases) all go.
    private static let maximumEntries = 256

    /// Whether `db` uses what is kept (a read-only connection): a caller that reads one item
    /// of a kept whole may read just that item otherwise.
    static func isShared(_ db: Database) -> Bool { db.configuration.readonly }

    /// The value named `name` at `db`'s current `version` (by default the evaluation data
    /// version): kept, or `compute`'s.
    static func value<Value: Sendable>(_ name: String, version family: DataVersion = .evaluation, in db: Database,
                                       compute: () throws -> Value) throws -> Value {
        guard isShared(db) else { return try compute() }
        let version = try family.current(db)
        let key = (db.configuration.label ?? "") + "\n" + name
        if let entry = kept.withLock({ $0[key] }), entry.version == version, let value = entry.value as? Value {
            return value
        }
        let value = try compute()
        kept.withLock { kept in
            if kept.count >= maximumEntries { kept.removeAll() }
            kept[key] = Entry(version: version, value: value)
        }
        return value
    }
}
