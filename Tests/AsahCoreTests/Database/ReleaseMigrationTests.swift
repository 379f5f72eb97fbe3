import Foundation
import GRDB
import Testing
@testable import AsahCore

/// A database made by an earlier release opens under this one: every migration since applies
/// to real data of that release, and what people had stays theirs.
@Suite("Migrating a database made by an earlier release")
struct ReleaseMigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A fresh copy of the release's database and key in a temporary folder.
    static func copy(of release: String) throws -> String {
        let folder = NSTemporaryDirectory() + "asah-release-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/asah.sqlite"
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", "\(fixtures)/\(release)/asah.sqlite.gz"]
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        gunzip.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try gunzip.run()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        try FileManager.default.copyItem(atPath: "\(fixtures)/\(release)/asah.sqlite.forum-key", toPath: path + ".forum-key")
        return path
    }

    /// The release folders under `Tests/Fixtures` ("release-v12", ...).
    static func releases() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { $0.hasPrefix("release-") }.sorted()
    }

    @Test("every release's database migrates to the latest schema with every record kept", arguments: releases())
    func everyRelease(release: String) throws {
        let path = try Self.copy(of: release)
        let tables = ["employees", "users", "units", "runs", "enrolments", "forum_threads", "forum_posts", "appraisals", "audit_log"]
        func counts(_ db: Database) throws -> [Int] { try tables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 } }
        let before = try DatabaseQueue(path: path).read(counts)
        let database = try AppDatabase(path: path)
        #expect(try database.pendingMigrations().isEmpty)
        #expect(try PseudonymKey.prepare(for: database) == .present)
        let integrity = try database.pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        let dangling = try database.pool.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(integrity == "ok" && dangling.isEmpty)
        #expect(try database.pool.read(counts) == before, "no record is lost")
    }

    @Test("the v12 release's database migrates to the latest schema, whole and sound")
    func fromV12() throws {
        let path = try Self.copy(of: "release-v12")
        let before = try DatabaseQueue(path: path).read { db in
            try ["employees", "users", "runs", "enrolments", "forum_posts", "forum_pseudonyms", "notifications", "audit_log"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
        let database = try AppDatabase(path: path)
        #expect(try database.pendingMigrations().isEmpty)
        #expect(try PseudonymKey.prepare(for: database) == .present, "the release's key still opens its pseudonyms")
        try database.pool.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let after = try ["employees", "users", "runs", "enrolments", "forum_posts", "forum_pseudonyms"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
            #expect(after == Array(before.prefix(6)), "no record is lost")
            let notices = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM notifications) + (SELECT COUNT(*) FROM pseudonym_notifications)")
            #expect(notices == before[6], "every notification is kept, named or moved to its pseudonym")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND at % 3600 != 0") == 0)
        }
        // Every pseudonymous author still finds their posts and is recognised in their threads.
        let forums = try Forums(database: database)
        let pseudonyms = try database.pool.read { try Row.fetchAll($0, sql: "SELECT thread_id, number, sealed_user FROM forum_pseudonyms") }
        #expect(!pseudonyms.isEmpty)
        let vault = try PseudonymVault.of(database)
        for row in pseudonyms {
            let userId = try #require(vault.open(row["sealed_user"]))
            let mine = try database.pool.read { try forums.myPosts(userId: userId, in: $0) }
            #expect(mine.contains { $0.post.threadId == row["thread_id"] && $0.post.pseudonym == row["number"] })
        }
    }
}
