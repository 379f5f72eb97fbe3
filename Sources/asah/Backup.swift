import ArgumentParser
import AsahCore
import Foundation

/// `asah backup FILE`: a consistent copy with SQLite's online backup, safe while the server runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the database to FILE while it is in use.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "Where to write the backup.") var file: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("\(file) exists already; choose a new file name")
        }
        try AppDatabase(path: database.db).backup(to: file)
        print("Backup written to \(file).")
        let key = PseudonymKey.path(forDatabaseAt: database.db)
        if FileManager.default.fileExists(atPath: key) {
            print("Keep a copy of \(key) too, stored apart from this backup: without it pseudonymous forum posts can no longer be recognised or revealed.")
        }
    }
}
