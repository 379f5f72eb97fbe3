import GRDB
import Synchronization

/// Facts that read the same for every person (the runs to come, each course's terms, each
/// unit's chain of codes, JP compliance, a forum search's answer), kept per database while
/// their data version (``DataVersion``, by default the evaluation one: raised by triggers on
/// units, employees, courses, runs, enrolments and the other tables those facts come from)
/// stays the same. The busiest pages then read them once per change instead of once per view,
/// and a change shows on the next read: the version is read in the caller's own transaction.
///
/// Only read-only connections use what is kept: a write transaction may have changed the
/// rows (and raised the version) without committing yet, so it always computes afresh.
enum SharedFacts {
    fileprivate struct Entry {
        let version: Int64
        let value: any Sendable
    }

    /// Where facts are kept, each with its own bound: the many small answers of one kind
    /// (forum searches) never push out the few costly ones (the evaluation figures).
    final class Store: Sendable {
        fileprivate let kept = Mutex<[String: Entry]>([:])
        /// Names times databases; past it (days' keys, a test process's many databases) all go.
        fileprivate let maximumEntries: Int

        private init(maximumEntries: Int) {
            self.maximumEntries = maximumEntries
        }

        /// Facts read by many pages: figures, terms, compliance.
        static let facts = Store(maximumEntries: 256)
        /// Forum search answers, one per query asked (about 6 KB each).
        static let searches = Store(maximumEntries: 256)
    }

    /// Whether `db` uses what is kept (a read-only connection): a caller that reads one item
    /// of a kept whole may read just that item otherwise.
    static func isShared(_ db: Database) -> Bool { db.configuration.readonly }

    /// The value named `name` at `db`'s current `version` (by default the evaluation data
    /// version): kept in `store`, or `compute`'s.
    static func value<Value: Sendable>(_ name: String, version family: DataVersion = .evaluation, keptIn store: Store = .facts,
                                       in db: Database, compute: () throws -> Value) throws -> Value {
        guard isShared(db) else { return try compute() }
        let version = try family.current(db)
        let key = (db.configuration.label ?? "") + "\n" + name
        if let entry = store.kept.withLock({ $0[key] }), entry.version == version, let value = entry.value as? Value {
            return value
        }
        let value = try compute()
        store.kept.withLock { kept in
            if kept.count >= store.maximumEntries { kept.removeAll() }
            kept[key] = Entry(version: version, value: value)
        }
        return value
    }
}
