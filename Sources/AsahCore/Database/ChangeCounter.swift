import GRDB
import Synchronization

/// Counts committed write transactions of this process, so caches can tell cheaply whether
/// anything may have changed since they stored a value.
public final class ChangeCounter: TransactionObserver, Sendable {
    private let commits = Atomic<UInt64>(0)

    public init() {}

    /// Changes on every commit.
    public var version: UInt64 { commits.load(ordering: .acquiring) }

    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    public func databaseDidChange(with event: DatabaseEvent) {}
    public func databaseDidCommit(_ db: Database) { commits.add(1, ordering: .releasing) }
    public func databaseDidRollback(_ db: Database) {}
}
