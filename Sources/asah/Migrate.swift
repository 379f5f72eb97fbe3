import ArgumentParser
import AsahCore

/// `asah migrate`: brings the database schema up to date.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let pending = try AppDatabase(path: database.db, migrate: false).pendingMigrations()
        let migrated = try AppDatabase(path: database.db)
        print(pending.isEmpty ? "Database is up to date." : "Applied: " + pending.joined(separator: ", "))
        try KeyFileStep.prepare(migrated)
    }
}
