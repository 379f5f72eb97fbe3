import Foundation
import GRDB

/// One backup of everything an installation needs to start again elsewhere: the database
/// (SQLite's online backup, consistent while the server writes), every uploaded file that
/// database refers to (project submissions, training evidence, the agency logo), the pseudonym key only when
/// asked, and a manifest with each file's size and SHA-256, written last, so a folder without
/// one is an unfinished backup.
///
/// The files are read after the database copy is made, from the list that copy refers to:
/// uploads are content-addressed and never removed while referred to (``StoredUploads``), so
/// each is there and holds the bytes its name says.
public enum InstallationBackup {
    /// The database's name inside a backup folder.
    public static let databaseName = "asah.sqlite"
    public static let manifestName = "manifest.json"

    /// The audit-log action of a finished backup (its time is the last backup's).
    public static let backupAction = "backup.written"

    /// When the last backup of `database` was finished, Unix seconds.
    public static func lastBackupAt(of database: AppDatabase) throws -> Int64? {
        try database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT MAX(at) FROM audit_log WHERE action = ?", arguments: [backupAction])
        }
    }

    /// What a backup holds.
    public struct Manifest: Codable, Sendable, Equatable {
        /// One copied upload.
        public struct File: Codable, Sendable, Equatable {
            public let folder: String
            public let name: String
            public let size: Int
            public let sha256: String
        }

        public var format = 1
        /// Unix seconds when the database copy was taken.
        public let createdAt: Int64
        /// The last migration applied to the copied database.
        public let schema: String
        public let databaseSHA256: String
        public let files: [File]
        /// Uploads the database refers to that were already missing from the data folder
        /// (`folder/name`): reported, not a reason to have no backup at all.
        public let missingAtSource: [String]
        public let includesKey: Bool
    }

    /// Why a backup cannot be written or restored; the command line words each.
    public enum Problem: Error, Equatable, Sendable {
        case destinationExists(String)
        case notABackup(String)
        case damagedDatabase(String)
        case missingFile(String)
        case changedFile(String)
        case keyMissing(String)
    }

    /// Writes a backup of `database` into the new folder `folder`.
    public static func write(_ database: AppDatabase, to folder: String, includeKey: Bool) throws -> Result<Manifest, Problem> {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: folder) else { return .failure(.destinationExists(folder)) }
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let copy = (folder as NSString).appendingPathComponent(databaseName)
        let createdAt = Clock.now()
        try database.backup(to: copy)
        let (schema, references) = try contents(ofDatabaseAt: copy)
        let source = (database.path as NSString).deletingLastPathComponent
        var files: [Manifest.File] = []
        var missing: [String] = []
        for (folderName, name) in references {
            let from = (source as NSString).appendingPathComponent(folderName + "/" + name)
            guard let bytes = manager.contents(atPath: from) else {
                missing.append(folderName + "/" + name)
                continue
            }
            let into = (folder as NSString).appendingPathComponent(folderName)
            try manager.createDirectory(atPath: into, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: (into as NSString).appendingPathComponent(name)))
            files.append(.init(folder: folderName, name: name, size: bytes.count, sha256: SecureToken.digest([UInt8](bytes))))
        }
        let key = PseudonymKey.path(forDatabaseAt: database.path)
        let keyCopied = includeKey && manager.fileExists(atPath: key)
        if keyCopied {
            try manager.copyItem(atPath: key, toPath: PseudonymKey.path(forDatabaseAt: copy))
        }
        let manifest = Manifest(createdAt: createdAt, schema: schema, databaseSHA256: try SecureToken.digest(ofFileAt: copy), files: files,
                                missingAtSource: missing, includesKey: keyCopied)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(manifestName)))
        try AuditLog.record(backupAction, actor: nil, ip: nil, subject: folder, detail: "\(files.count) files", in: database)
        return .success(manifest)
    }

    /// Checks the backup in `folder`: its manifest, the database's digest and integrity, and
    /// every file's presence, size and digest.
    public static func verify(_ folder: String) throws -> Result<Manifest, Problem> {
        let manager = FileManager.default
        guard let data = manager.contents(atPath: (folder as NSString).appendingPathComponent(manifestName)),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return .failure(.notABackup(folder)) }
        let copy = (folder as NSString).appendingPathComponent(databaseName)
        guard manager.fileExists(atPath: copy) else { return .failure(.missingFile(databaseName)) }
        guard try SecureToken.digest(ofFileAt: copy) == manifest.databaseSHA256 else { return .failure(.changedFile(databaseName)) }
        // A manifest names only plain files of the upload folders: nothing it lists can be
        // written outside the restored data folder.
        let folders = Set(StoredUploads.folders)
        if let stray = manifest.files.first(where: { !folders.contains($0.folder) || $0.name.contains("/") || $0.name.hasPrefix(".") }) {
            return .failure(.notABackup(stray.folder + "/" + stray.name))
        }
        let check = try DatabaseQueue(path: copy, configuration: readOnly()).read {
            try String.fetchAll($0, sql: "PRAGMA integrity_check")
        }
        guard check == ["ok"] else { return .failure(.damagedDatabase(check.prefix(3).joined(separator: "; "))) }
        for file in manifest.files {
            let path = (folder as NSString).appendingPathComponent(file.folder + "/" + file.name)
            guard let bytes = manager.contents(atPath: path) else { return .failure(.missingFile(file.folder + "/" + file.name)) }
            guard bytes.count == file.size, SecureToken.digest([UInt8](bytes)) == file.sha256 else {
                return .failure(.changedFile(file.folder + "/" + file.name))
            }
        }
        if manifest.includesKey, !manager.fileExists(atPath: PseudonymKey.path(forDatabaseAt: copy)) {
            return .failure(.missingFile((PseudonymKey.path(forDatabaseAt: databaseName))))
        }
        return .success(manifest)
    }

    /// Puts the backup in `folder` in place as the database `path` (which must not exist: a
    /// restore never overwrites a live installation), with its uploads beside it and the key
    /// from the backup or from `keyFile`. Verifies the backup first and the result after.
    public static func restore(_ folder: String, to path: String, keyFile: String? = nil) throws -> Result<Manifest, Problem> {
        let manager = FileManager.default
        for existing in [path, path + "-wal"] where manager.fileExists(atPath: existing) {
            return .failure(.destinationExists(existing))
        }
        let manifest: Manifest
        switch try verify(folder) {
        case .failure(let problem): return .failure(problem)
        case .success(let verified): manifest = verified
        }
        let key = keyFile ?? (manifest.includesKey ? PseudonymKey.path(forDatabaseAt: (folder as NSString).appendingPathComponent(databaseName)) : nil)
        if let key, !manager.fileExists(atPath: key) { return .failure(.keyMissing(key)) }
        let target = (path as NSString).deletingLastPathComponent
        if !target.isEmpty { try manager.createDirectory(atPath: target, withIntermediateDirectories: true) }
        try manager.copyItem(atPath: (folder as NSString).appendingPathComponent(databaseName), toPath: path)
        for file in manifest.files {
            let into = ((target.isEmpty ? "." : target) as NSString).appendingPathComponent(file.folder)
            try manager.createDirectory(atPath: into, withIntermediateDirectories: true)
            let destination = (into as NSString).appendingPathComponent(file.name)
            if !manager.fileExists(atPath: destination) {
                try manager.copyItem(atPath: (folder as NSString).appendingPathComponent(file.folder + "/" + file.name), toPath: destination)
            }
        }
        if let key {
            try manager.copyItem(atPath: key, toPath: PseudonymKey.path(forDatabaseAt: path))
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: PseudonymKey.path(forDatabaseAt: path))
        }
        let check = try DatabaseQueue(path: path, configuration: readOnly()).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        guard check == ["ok"] else { return .failure(.damagedDatabase(check.prefix(3).joined(separator: "; "))) }
        return .success(manifest)
    }

    /// The last migration applied and the uploads (folder, name) the database at `path` refers to.
    private static func contents(ofDatabaseAt path: String) throws -> (schema: String, references: [(String, String)]) {
        try DatabaseQueue(path: path, configuration: readOnly()).read { db in
            let schema = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
            return (schema, try StoredUploads.references(in: db).map { ($0.folder, $0.name) })
        }
    }

    private static func readOnly() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
