import ArgumentParser
import AsahCore
import Foundation

/// `asah migrate`: brings the database schema up to date, after a backup of the installation
/// (database and uploads) into `backups/` beside it. A database from a newer release is refused.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Back up, then apply pending database migrations.")

    @OptionGroup var database: DatabaseOption
    @Flag(help: "Apply the migrations without taking a backup first.") var noBackup = false

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: database.db)
        let current = try AppDatabase(path: database.db, migrate: false)
        let pending = try current.pendingMigrations()
        if existed, !pending.isEmpty, !noBackup {
            let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate, .withTime])
            let folder = ((database.db as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("backups/before-migrate-\(stamp)")
            _ = try BackupWords.check(try InstallationBackup.write(current, to: folder, includeKey: false))
            print("Backup before migrating written to \(folder).")
        }
        try current.close()
        let migrated = try AppDatabase(path: database.db)
        print(pending.isEmpty ? "Database is up to date." : "Applied: " + pending.joined(separator: ", "))
        try KeyFileStep.prepare(migrated)
    }
}
