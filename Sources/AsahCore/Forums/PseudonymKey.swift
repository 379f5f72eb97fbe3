import CSodium
import Foundation
import GRDB

/// The pseudonym key file beside a database (`<database>.forum-key`, 64 random bytes, owner
/// read/write only). It is made once: with a new database, or by `asah migrate`/`asah serve`
/// for a database that has never held a pseudonym. It is never replaced behind anyone's
/// back: when pseudonymous posts exist and the key is missing (a restore without it), or the
/// file cannot be read or is damaged, the server refuses to start and says which.
public enum PseudonymKey {
    /// What ``prepare(for:)`` found.
    public enum Preparation: Sendable, Equatable {
        /// The key file was there and is sound.
        case present
        /// There was none and the database held no pseudonym: a new one was made.
        case created
    }

    /// The key file of the database at `databasePath`.
    public static func path(forDatabaseAt databasePath: String) -> String {
        databasePath + ".forum-key"
    }

    /// Checks the key file of `database`, making it when there is none and nothing in the
    /// database was sealed with an earlier key.
    @discardableResult
    public static func prepare(for database: AppDatabase) throws -> Preparation {
        let path = path(forDatabaseAt: database.path)
        if FileManager.default.fileExists(atPath: path) {
            _ = try read(at: path)
            return .present
        }
        let sealed = try database.pool.read { db in
            try Int.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT COUNT(*) FROM forum_pseudonyms) + (SELECT COUNT(*) FROM forum_pseudonym_owners)
                """)) ?? 0
        }
        guard sealed == 0 else { throw KeyFileProblem.missing(path: path, sealedRecords: sealed) }
        try create(at: path, ownedLike: database.path)
        return .created
    }

    /// Makes the key file for a database that has none and holds no pseudonym (used when the
    /// database itself is new). Run as root, the file goes to the owner of the database file,
    /// so the server's account can read a key made by an administrator's command.
    static func create(at path: String, ownedLike databasePath: String) throws {
        precondition(PseudonymVault.ready, "libsodium failed to initialise")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw KeyFileProblem.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var key = [UInt8](repeating: 0, count: 64)
        randombytes_buf(&key, key.count)
        guard write(descriptor, key, key.count) == key.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw KeyFileProblem.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var owner = stat()
        if geteuid() == 0, stat(databasePath, &owner) == 0 {
            _ = fchown(descriptor, owner.st_uid, owner.st_gid)
        }
    }

    /// The 64 key bytes in the file at `path`.
    static func read(at path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw KeyFileProblem.missing(path: path, sealedRecords: nil) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw KeyFileProblem.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw KeyFileProblem.unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_size == 64 else { throw KeyFileProblem.damaged(path: path, bytes: Int(status.st_size)) }
        var key = [UInt8](repeating: 0, count: 64)
        guard Foundation.read(descriptor, &key, key.count) == key.count else {
            throw KeyFileProblem.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return key
    }
}

/// Why the pseudonym key cannot be used. The command line turns these into sentences.
public enum KeyFileProblem: Error, Sendable, Equatable {
    /// No key file; `sealedRecords` pseudonym records need it (nil when not counted).
    case missing(path: String, sealedRecords: Int?)
    /// The file exists but the process may not read it, or it could not be written.
    case unreadable(path: String, reason: String)
    /// The file does not hold exactly 64 bytes.
    case damaged(path: String, bytes: Int)
}
