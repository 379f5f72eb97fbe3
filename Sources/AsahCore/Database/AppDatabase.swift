import Foundation
import GRDB

/// The one SQLite database of an Asah installation: a WAL-mode pool with foreign keys on and
/// a busy timeout, migrated to the latest schema when opened.
public final class AppDatabase: Sendable {
    /// Readers run concurrently; writers are serialised by SQLite.
    package let pool: DatabasePool
    public let path: String
    /// Counts this process's commits (see `ChangeCounter`).
    public let changes = ChangeCounter()
    /// The installation's time zone, kept in memory (see ``LocalZone``).
    let zoneSetting = LocalZoneSetting()

    /// Opens (creating the file and its folder if needed) and migrates the database at `path`.
    /// A new database gets its pseudonym key file beside it (see ``PseudonymKey``).
    public init(path: String, migrate: Bool = true) throws {
        self.path = path
        let isNew = !FileManager.default.fileExists(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 8
        // Tells this database's connections apart from another's with the same path (a test's
        // or a restored file's) in what is kept per database (``SharedFacts``).
        configuration.label = "asah-" + UUID().uuidString
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Deleted rows (expired sessions, posting times, withdrawn supports) are overwritten,
            // not left readable in free pages of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        pool.add(transactionObserver: changes)
        let migrator = Migrations.migrator(databasePath: path)
        let unknown = try pool.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        guard unknown.isEmpty else { throw NewerSchema(path: path, unknownMigrations: unknown) }
        if migrate { try migrator.migrate(pool) }
        let keyPath = PseudonymKey.path(forDatabaseAt: path)
        if isNew, !FileManager.default.fileExists(atPath: keyPath) { try PseudonymKey.create(at: keyPath, ownedLike: path) }
    }

    /// A database migrated by a newer release than this one: opening it could strand data
    /// this release does not know, so it is refused (the administrator upgrades instead).
    public struct NewerSchema: Error, Sendable, Equatable {
        public let path: String
        /// Migrations applied to it that this release does not have.
        public let unknownMigrations: [String]
    }

    /// Names of the migrations not yet applied.
    public func pendingMigrations() throws -> [String] {
        let migrator = Migrations.migrator(databasePath: path)
        let applied = try pool.read { try migrator.appliedIdentifiers($0) }
        return migrator.migrations.filter { !applied.contains($0) }
    }

    /// Runs `body` in one write transaction with the time of the change: `now` when given,
    /// otherwise the clock read inside the transaction, so that times (approval times order
    /// the waitlist) follow the order in which changes commit. A `Problem` (the domain's
    /// refusal, e.g. ``WorkshopProblem``) thrown inside rolls the transaction back and comes
    /// back as the failure; other errors are rethrown.
    func attempt<T, Problem: Error>(at now: Int64?, _ body: (Database, Int64) throws -> T) throws -> Result<T, Problem> {
        do {
            return .success(try pool.write { db in try body(db, now ?? Clock.now()) })
        } catch let problem as Problem {
            return .failure(problem)
        }
    }

    /// The installation's time zone, as saved in the agency settings (WIB until one is saved).
    public var localZone: LocalZone { zoneSetting.zone(pool) }

    /// Runs `body` with this installation's zone as ``LocalZone/current``: a web request, a
    /// sweep or a command, so every time it shows and every day it reckons is the agency's.
    public func withLocalZone<T>(_ body: () throws -> T) rethrows -> T {
        try LocalZone.$current.withValue(localZone, operation: body)
    }

    /// Whether the database answers a trivial query (for `/healthz`).
    public func isHealthy() -> Bool {
        (try? pool.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
    }

    /// Writes a consistent copy to `destination` with SQLite's online backup, safe while serving.
    public func backup(to destination: String) throws {
        let target = try DatabaseQueue(path: destination)
        try pool.backup(to: target)
        try target.close()
    }

    /// Checkpoints the WAL and closes every connection.
    public func close() throws {
        _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
    }
}
