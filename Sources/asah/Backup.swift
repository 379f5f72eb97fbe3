import ArgumentParser
import AsahCore
import Foundation

/// `asah backup FOLDER`: one consistent backup of the installation (database, uploads,
/// manifest; the pseudonym key only with `--include-key`), safe while the server runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up the database and every uploaded file it refers to into a new folder, while in use.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The new folder to write the backup into.") var folder: String
    @Flag(help: "Also copy the pseudonym key (keep such a backup apart: with the key, pseudonymous authors can be revealed).")
    var includeKey = false

    func run() throws {
        let result = try InstallationBackup.write(AppDatabase(path: database.db), to: folder, includeKey: includeKey)
        let manifest = try BackupWords.check(result)
        let bytes = manifest.files.reduce(0) { $0 + $1.size }
        print("Backup written to \(folder): database at schema \(manifest.schema), \(manifest.files.count) uploaded files (\(bytes) bytes).")
        if !manifest.missingAtSource.isEmpty {
            print("WARNING: \(manifest.missingAtSource.count) uploaded files the database refers to were already missing from the data "
                  + "folder and are not in the backup (listed in the manifest), e.g. \(manifest.missingAtSource[0]).")
        }
        let key = PseudonymKey.path(forDatabaseAt: database.db)
        if manifest.includesKey {
            print("WARNING: this backup holds the pseudonym key. Store it apart from ordinary backups and restrict who can read it.")
        } else if FileManager.default.fileExists(atPath: key) {
            print("The pseudonym key (\(key)) is not in this backup: keep a copy of it stored apart. A restore without it loses the link between pseudonymous posts and their authors.")
        }
    }
}

/// `asah restore FOLDER --db PATH`: puts a backup in place for a stopped (or new) server.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a backup folder and put it in place as a new database with its uploads (never over an existing one).")

    @Argument(help: "The backup folder written by `asah backup`.") var folder: String
    @Option(help: "Where the restored database goes; must not exist yet.") var db: String
    @Option(help: "The pseudonym key file kept apart, when the backup does not hold it.") var key: String?
    @Flag(help: "Only check the backup (manifest, digests, integrity); write nothing.") var checkOnly = false

    func run() throws {
        if checkOnly {
            let manifest = try BackupWords.check(try InstallationBackup.verify(folder))
            print("Backup is whole: schema \(manifest.schema), \(manifest.files.count) uploaded files, every digest matches.")
            return
        }
        let manifest = try BackupWords.check(try InstallationBackup.restore(folder, to: db, keyFile: key))
        print("Restored into \(db): schema \(manifest.schema), \(manifest.files.count) uploaded files; integrity check ok.")
        if !manifest.includesKey && key == nil {
            print("No pseudonym key was restored: copy the key kept apart to \(PseudonymKey.path(forDatabaseAt: db)) before starting the server.")
        }
        print("Start the server with --db \(db); it applies any newer migrations itself.")
    }
}

/// The command line's words for backup problems.
enum BackupWords {
    static func check(_ result: Result<InstallationBackup.Manifest, InstallationBackup.Problem>) throws -> InstallationBackup.Manifest {
        switch result {
        case .success(let manifest): return manifest
        case .failure(let problem): throw CLIError(text(problem))
        }
    }

    static func text(_ problem: InstallationBackup.Problem) -> String {
        switch problem {
        case .destinationExists(let path): "\(path) exists already; a backup or restore never overwrites: choose a new path."
        case .notABackup(let folder): "\(folder) holds no backup manifest: it is not a backup, or an unfinished one."
        case .damagedDatabase(let detail): "The database copy fails SQLite's integrity check: \(detail)."
        case .missingFile(let name): "The backup lacks \(name)."
        case .changedFile(let name): "\(name) differs from the manifest (size or SHA-256): the backup was changed or damaged."
        case .keyMissing(let path): "The pseudonym key \(path) does not exist."
        }
    }
}
