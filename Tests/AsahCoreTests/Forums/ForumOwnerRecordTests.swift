@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Owner records of pseudonyms")
    struct ForumOwnerRecordTests {
        @Test("my posts finds pseudonymous posts through the owner tag; nothing stored ties one person's pseudonyms together")
        func myPostsThroughTheTag() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let (author, other) = (people[0], people[1])
                let first = try world.suggestion("Ruang laktasi di setiap kantor dinas", by: author, pseudonymous: true)
                let second = try world.suggestion("Cuti pendampingan bagi pegawai laki-laki", by: other, pseudonymous: true)
                let reply = try world.forums.reply(to: second.id!, body: "Saya mendukung.", pseudonymous: true, by: author).get()
                let named = try world.forums.reply(to: second.id!, body: "Dengan nama saya.", pseudonymous: false, by: author,
                                                   now: ForumFixtures.now + 60).get()
                let expected: Set = [try world.openingPost(first.id!).id, reply.id, named.id]
                #expect(Set(try world.database.pool.read { try world.forums.myPosts(userId: author.userId, in: $0) }.map(\.post.id))
                        == expected)

                let (pseudonyms, owners) = try world.database.pool.read { db in
                    (try Row.fetchAll(db, sql: "SELECT author_tag, sealed_user FROM forum_pseudonyms"),
                     try Row.fetchAll(db, sql: "SELECT owner_tag, sealed_pseudonym FROM forum_pseudonym_owners"))
                }
                #expect(owners.count == pseudonyms.count, "one owner record per pseudonym")
                let pseudonymValues: [Data] = pseudonyms.flatMap { [$0["author_tag"], $0["sealed_user"]] }
                #expect(Set(pseudonymValues).count == pseudonymValues.count, "no value repeats between one person's pseudonyms")
                let stranger = PseudonymVault(key: [UInt8](repeating: 3, count: 64))
                #expect(owners.allSatisfy { stranger.openPseudonym($0["sealed_pseudonym"]) == nil })

                // Without the owner records the pseudonymous posts are not found: the lookup goes through them.
                try world.database.pool.write { try $0.execute(sql: "DELETE FROM forum_pseudonym_owners") }
                #expect(try world.database.pool.read { try world.forums.myPosts(userId: author.userId, in: $0) }.map(\.post.id)
                        == [named.id])
            }
        }

        @Test("migrating a database from before the owner records fills them from the key file, or leaves them without one")
        func migrationFillsExistingPseudonyms() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Jadwal piket layanan akhir pekan", by: author, pseudonymous: true)
                let post = try world.openingPost(thread.id!)
                func reopenedBeforeOwnerRecords() throws -> AppDatabase {
                    try world.database.pool.write { db in
                        try db.execute(sql: """
                            DROP TABLE forum_pseudonym_owners;
                            DELETE FROM grdb_migrations WHERE identifier = 'v9-forum-pseudonym-owner-tag';
                            """)
                    }
                    return try AppDatabase(path: world.database.path)
                }

                let migrated = try reopenedBeforeOwnerRecords()
                let forums = try Forums(database: migrated)
                #expect(try migrated.pool.read { try forums.myPosts(userId: author.userId, in: $0) }.map(\.post.id) == [post.id])

                let key = world.database.path + ".forum-key"
                try FileManager.default.moveItem(atPath: key, toPath: key + ".aside")
                defer { try? FileManager.default.moveItem(atPath: key + ".aside", toPath: key) }
                let keyless = try reopenedBeforeOwnerRecords()
                #expect(try keyless.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM forum_pseudonym_owners") } == 0)
                #expect(!FileManager.default.fileExists(atPath: key), "the migration creates no key file")
            }
        }
    }
}
