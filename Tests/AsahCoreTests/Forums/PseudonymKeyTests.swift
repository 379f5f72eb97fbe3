@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    /// The pseudonym key file: made once, never replaced behind anyone's back, and a clear
    /// refusal when it is missing, unreadable or damaged.
    @Suite("The pseudonym key file")
    struct PseudonymKeyTests {
        @Test("a new database gets its key; the server's check finds it sound")
        func newDatabase() throws {
            let path = NSTemporaryDirectory() + "asah-key-" + UUID().uuidString + "/asah.sqlite"
            let database = try AppDatabase(path: path)
            let key = PseudonymKey.path(forDatabaseAt: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: key)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect((attributes[.size] as? Int) == 64)
            #expect(try PseudonymKey.prepare(for: database) == .present)
        }

        @Test("a restored database with pseudonyms but no key is refused, and no new key is made")
        func missingKeyIsNotReplaced() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                _ = try world.suggestion("Transparansi penilaian angka kredit", by: author, pseudonymous: true)
                let key = PseudonymKey.path(forDatabaseAt: world.database.path)
                try FileManager.default.moveItem(atPath: key, toPath: key + ".aside")
                defer { try? FileManager.default.moveItem(atPath: key + ".aside", toPath: key) }
                #expect(throws: KeyFileProblem.missing(path: key, sealedRecords: 2)) { try PseudonymKey.prepare(for: world.database) }
                #expect(!FileManager.default.fileExists(atPath: key), "the check made no key")
                _ = try AppDatabase(path: world.database.path)
                #expect(!FileManager.default.fileExists(atPath: key), "nor did opening the database")
            }
        }

        @Test("a database that never held a pseudonym gets a key from migrate or serve")
        func keyForPseudonymFreeDatabase() throws {
            try ForumFixtures.withWorld { world in
                let key = PseudonymKey.path(forDatabaseAt: world.database.path)
                try FileManager.default.removeItem(atPath: key)
                #expect(try PseudonymKey.prepare(for: world.database) == .created)
                #expect((try FileManager.default.attributesOfItem(atPath: key)[.size] as? Int) == 64)
            }
        }

        @Test("a damaged or unreadable key file is named with what is wrong, not turned into errors on every page")
        func damagedKey() throws {
            try ForumFixtures.withWorld { world in
                let copy = world.database.path + ".copy"
                try world.database.backup(to: copy)
                let key = PseudonymKey.path(forDatabaseAt: copy)
                FileManager.default.createFile(atPath: key, contents: Data(repeating: 1, count: 40))
                let restored = try AppDatabase(path: copy)
                #expect(throws: KeyFileProblem.damaged(path: key, bytes: 40)) { try PseudonymKey.prepare(for: restored) }
                #expect(throws: KeyFileProblem.damaged(path: key, bytes: 40)) { try Forums(database: restored) }
                try FileManager.default.removeItem(atPath: key)
                FileManager.default.createFile(atPath: key, contents: Data(repeating: 1, count: 64), attributes: [.posixPermissions: 0])
                if geteuid() != 0 {
                    #expect(throws: KeyFileProblem.self) { try PseudonymKey.prepare(for: restored) }
                }
            }
        }

        @Test("notices an earlier version wrote to a pseudonymous author's account move to the pseudonym when migrating")
        func earlierNoticesMove() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let (author, follower) = (people[0], people[1])
                let thread = try world.suggestion("Ruang ibadah di kantor kecamatan", by: author, pseudonymous: true)
                _ = try world.forums.setFollowing(thread.id!, employeeId: follower.employeeId!, true).get()
                try world.database.pool.write { db in
                    try db.execute(sql: """
                        DELETE FROM pseudonym_notifications;
                        INSERT INTO notifications (employee_id, kind, message, link, created_at) VALUES
                            (?, 'forum_moderation', 'Tulisan Anda disembunyikan.', '/forums/threads/\(thread.id!)#tulisan-1', 100),
                            (?, 'forum_status', 'Usulan kini Ditinjau.', '/forums/threads/\(thread.id!)', 200),
                            (?, 'forum_status', 'Usulan kini Ditinjau.', '/forums/threads/\(thread.id!)', 200);
                        DROP TABLE pseudonym_notifications;
                        DELETE FROM email_deliveries;  -- that version mailed nothing
                        ALTER TABLE notifications DROP COLUMN notice;
                        DELETE FROM grdb_migrations WHERE identifier IN ('v13-pseudonym-notifications', 'v15-notices-as-facts');
                        """, arguments: [author.employeeId, author.employeeId, follower.employeeId])
                }
                let migrated = try AppDatabase(path: world.database.path)
                let named = try migrated.pool.read { db in
                    try Int64.fetchAll(db, sql: "SELECT employee_id FROM notifications WHERE link LIKE ?",
                                       arguments: ["/forums/threads/\(thread.id!)%"])
                }
                #expect(named == [follower.employeeId!], "only the follower's notice stays named")
                let authorReads = try Notifications(database: migrated).recent(employeeId: author.employeeId!)
                #expect(Set(authorReads.map(\.message)) == ["Tulisan Anda disembunyikan.", "Usulan kini Ditinjau."])
                #expect(authorReads.allSatisfy { ($0.id ?? 0) < 0 })
            }
        }
    }
}
