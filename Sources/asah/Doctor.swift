import ArgumentParser
import AsahCore
import AsahWeb
import Foundation

/// `asah doctor`: checks an installation and says in plain words what is wrong, one line per
/// check (OK, WARN or FAIL); exits 1 when any check fails.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check an installation: folders, key, disk, schema, uploads, courses, clock.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Folder with the course files.") var courses = "courses"

    enum Level: String { case ok = "OK  ", warn = "WARN", fail = "FAIL" }

    func run() throws {
        var failed = false
        func report(_ level: Level, _ text: String) {
            print("\(level.rawValue)  \(text)")
            if level == .fail { failed = true }
        }
        let manager = FileManager.default
        let folder = (database.db as NSString).deletingLastPathComponent.isEmpty ? "." : (database.db as NSString).deletingLastPathComponent
        checkFolder(folder, report)
        guard manager.fileExists(atPath: database.db) else {
            report(.fail, "No database at \(database.db). Create it with `asah migrate --db \(database.db)` or restore a backup.")
            throw ExitCode(1)
        }
        checkKey(PseudonymKey.path(forDatabaseAt: database.db), report)
        do {
            let facts = try InstallationFacts.gather(try AppDatabase(path: database.db, migrate: false))
            checkDatabase(facts, report)
            checkDisk(folder, databaseBytes: facts.databaseBytes + facts.walBytes, report)
        } catch let newer as AppDatabase.NewerSchema {
            report(.fail, newer.description)
        }
        checkCourses(report)
        if failed { throw ExitCode(1) }
    }

    private func checkFolder(_ folder: String, _ report: (Level, String) -> Void) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else {
            return report(.fail, "The data folder \(folder) does not exist.")
        }
        if access(folder, W_OK) != 0 {
            report(.fail, "The data folder \(folder) is not writable by this user (uid \(getuid())): the database, its WAL and uploads live there.")
        } else if mode & 0o002 != 0 {
            report(.fail, "The data folder \(folder) is writable by everyone (mode \(String(mode, radix: 8))): chmod 750 and chown it to the service user.")
        } else if mode & 0o005 != 0 {
            report(.warn, "The data folder \(folder) is readable by every user of the machine (mode \(String(mode, radix: 8))): chmod 750.")
        } else {
            report(.ok, "Data folder \(folder) is writable by this user and closed to others.")
        }
    }

    private func checkKey(_ key: String, _ report: (Level, String) -> Void) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: key) else {
            return report(.warn, "No pseudonym key at \(key): if the forum ever held pseudonymous posts, restore it from where you keep it; otherwise `asah migrate` makes one.")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if access(key, R_OK) != 0 {
            report(.fail, "The pseudonym key \(key) is not readable by this user: chown it to the service user.")
        } else if size != 64 {
            report(.fail, "The pseudonym key \(key) holds \(size) bytes instead of 64: restore it from your key copy.")
        } else if mode & 0o077 != 0 {
            report(.warn, "The pseudonym key \(key) is readable by others (mode \(String(mode, radix: 8))): chmod 600.")
        } else {
            report(.ok, "Pseudonym key present, 64 bytes, owner-only.")
        }
    }

    private func checkDatabase(_ facts: InstallationFacts, _ report: (Level, String) -> Void) {
        if facts.quickCheck == ["ok"] {
            report(.ok, "Database passes SQLite's quick check (\(facts.databaseBytes / 1_048_576) MB, WAL \(facts.walBytes / 1_048_576) MB).")
        } else {
            report(.fail, "Database fails SQLite's quick check: \(facts.quickCheck.prefix(3).joined(separator: "; ")). Restore the latest backup.")
        }
        if facts.pendingMigrations.isEmpty {
            report(.ok, "Schema is this release's.")
        } else {
            report(.warn, "\(facts.pendingMigrations.count) migrations to apply (\(facts.pendingMigrations.joined(separator: ", "))): run `asah migrate` (it backs up first).")
        }
        if facts.walBytes > 1 << 30 {
            report(.warn, "The WAL is \(facts.walBytes / 1_048_576) MB: a long-running reader may keep it from being checkpointed.")
        }
        if facts.missingUploads.isEmpty {
            report(.ok, "Every uploaded file the database refers to is in the data folder.")
        } else {
            report(.warn, "\(facts.missingUploads.count) uploaded files the database refers to are missing (e.g. \(facts.missingUploads[0])): restore them from a backup.")
        }
        let now = Int64(Date().timeIntervalSince1970)
        if let latest = facts.latestRecordedAt, latest > now + 300 {
            report(.fail, "The clock is behind the database's latest record by \(latest - now) s: fix the time (timedatectl, NTP) before serving.")
        } else {
            report(.ok, "Clock is not behind the database's records.")
        }
    }

    private func checkDisk(_ folder: String, databaseBytes: Int64, _ report: (Level, String) -> Void) {
        guard let free = ((try? FileManager.default.attributesOfFileSystem(forPath: folder))?[.systemFreeSize] as? NSNumber)?.int64Value
        else { return report(.warn, "Free disk space of \(folder) is unknown.") }
        let needed = max(1 << 30, 2 * databaseBytes)
        if free < databaseBytes {
            report(.fail, "Only \(free / 1_048_576) MB free beside a \(databaseBytes / 1_048_576) MB database: a backup or migration cannot finish. Free space.")
        } else if free < needed {
            report(.warn, "\(free / 1_048_576) MB free; keep at least \(needed / 1_048_576) MB (1 GB or twice the database) for backups and migrations.")
        } else {
            report(.ok, "\(free / 1_048_576) MB free on the data folder's disk.")
        }
    }

    private func checkCourses(_ report: (Level, String) -> Void) {
        guard let folder = try? CourseFolder(reading: courses) else {
            return report(.warn, "No course folder at \(courses) (pass --courses).")
        }
        let refused = (try? CourseFileErrorText.lines(folder.errors)) ?? folder.errors.map(\.description)
        if refused.isEmpty {
            report(.ok, "\(folder.names.count) course files read without errors.")
        } else {
            report(.warn, "\(refused.count) of \(folder.names.count) course files are refused, e.g. \(refused[0])")
        }
    }
}
