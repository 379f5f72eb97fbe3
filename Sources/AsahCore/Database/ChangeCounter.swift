import GRDB
import Synchronization

/// Counts committed write transactions of this process that changed what pages show, so
/// caches can tell cheaply whether anything may have changed since they stored a value.
/// Writes to `sessions` alone (a sign-in, the periodic "last seen" touch) are not counted: no
/// page shows them, and counting them dropped every cached page whenever a session was touched.
public final class ChangeCounter: TransactionObserver, Sendable {
    private let commits = Atomic<UInt64>(0)
    /// Whether the transaction in progress ran a statement that writes a counted table (the
    /// writer connection is serial).
    private let changedContent = Atomic<Bool>(false)

    public init() {}

    /// Changes on every commit that wrote a counted table.
    public var version: UInt64 { commits.load(ordering: .acquiring) }

    /// GRDB asks this before each writing statement, for every table it writes (WITHOUT ROWID
    /// tables and trigger targets included); noting it here needs no per-row callback.
    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if eventKind.tableName != "sessions" { changedContent.store(true, ordering: .relaxed) }
        return false
    }

    public func databaseDidChange(with event: DatabaseEvent) {}

    public func databaseDidCommit(_ db: Database) {
        if changedContent.exchange(false, ordering: .relaxed) { commits.add(1, ordering: .releasing) }
    }

    public func databaseDidRollback(_ db: Database) { changedContent.store(false, ordering: .relaxed) }
}
