import Foundation
import GRDB

/// What `asah doctor` reads from the database of an installation: its schema against this
/// release, SQLite's quick check, its size and its WAL's, the uploads it refers to that are
/// missing from the data folder, and the latest time it recorded (a clock set back shows as
/// "now" before it).
public struct InstallationFacts: Sendable {
    public let pendingMigrations: [String]
    /// SQLite's `PRAGMA quick_check` lines; `["ok"]` when whole.
    public let quickCheck: [String]
    public let databaseBytes: Int64
    public let walBytes: Int64
    /// Referred-to uploads missing from the data folder, as `folder/name`.
    public let missingUploads: [String]
    /// The latest audit-log time, Unix seconds.
    public let latestRecordedAt: Int64?

    /// Reads the facts of `database` (opened without migrating).
    public static func gather(_ database: AppDatabase) throws -> InstallationFacts {
        let base = (database.path as NSString).deletingLastPathComponent
        let (check, references, latest) = try database.pool.read { db in
            (try String.fetchAll(db, sql: "PRAGMA quick_check"),
             try StoredUploads.references(in: db),
             try Int64.fetchOne(db, sql: "SELECT MAX(at) FROM audit_log"))
        }
        let missing = references.filter { folder, name in
            !FileManager.default.fileExists(atPath: ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(folder + "/" + name))
        }
        func size(_ path: String) -> Int64 {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return InstallationFacts(pendingMigrations: try database.pendingMigrations(), quickCheck: check,
                                 databaseBytes: size(database.path), walBytes: size(database.path + "-wal"),
                                 missingUploads: missing.map { $0.0 + "/" + $0.1 }, latestRecordedAt: latest)
    }
}
