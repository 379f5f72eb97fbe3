@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Pseudonymous posting")
    struct ForumPseudonymTests {
        @Test("stable inside a thread, different between threads; the database holds no readable link")
        func stableAndSealed() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(3)
                let (author, other) = (people[0], people[1])
                let first = try world.suggestion("Transparansi penilaian kinerja pegawai", by: other, pseudonymous: true)
                let reply = try world.forums.reply(to: first.id!, body: "Saya juga setuju.", pseudonymous: true, by: author).get()
                let again = try world.forums.reply(to: first.id!, body: "Tambahan dari saya.", pseudonymous: true, by: author,
                                                   now: ForumFixtures.now + 60).get()
                #expect(reply.pseudonym == 2)
                #expect(again.pseudonym == reply.pseudonym, "stable inside one thread")
                let second = try world.suggestion("Kalibrasi nilai SKP antarunit", by: author, pseudonymous: true)
                #expect(try world.openingPost(second.id!).pseudonym == 1)
                let (tags, authors, seals) = try world.database.pool.read { db in
                    (try Data.fetchAll(db, sql: "SELECT author_tag FROM forum_pseudonyms"),
                     try Int64?.fetchAll(db, sql: "SELECT author_user_id FROM forum_posts"),
                     try Data.fetchAll(db, sql: "SELECT sealed_user FROM forum_pseudonyms"))
                }
                #expect(Set(tags).count == tags.count, "no two pseudonyms share a tag, not even one person's in two threads")
                #expect(authors.allSatisfy { $0 == nil })
                let stranger = PseudonymVault(key: [UInt8](repeating: 1, count: 64))
                #expect(seals.allSatisfy { stranger.open($0) == nil }, "without the key file the seals stay shut")
                #expect(Set(seals).count == seals.count, "every seal has its own nonce")
                let posts = try world.database.pool.read { try world.forums.posts(first.id!, viewer: author, in: $0) }
                #expect(posts.map(\.author) == [.pseudonym(1), .pseudonym(2), .pseudonym(2)])
                #expect(posts.map(\.isMine) == [false, true, true])
                let mine = try world.database.pool.read { try world.forums.myPosts(userId: author.userId, in: $0) }
                #expect(Set(mine.map(\.post.id)) == [reply.id, again.id, try world.openingPost(second.id!).id])
            }
        }

        @Test("pseudonyms only where the category allows them; official answers are never pseudonymous")
        func allowed() throws {
            try ForumFixtures.withWorld { world in
                let result = try world.forums.open(Forums.NewThread(categoryId: world.announcements.id!, kind: .discussion,
                                                                    title: "Pengumuman jadwal forum", body: "Isi", pseudonymous: true),
                                                   by: world.coordinator)
                #expect(result.problem == .pseudonymsNotAllowed)
                let employee = try world.staff(1)[0]
                #expect(try world.forums.open(Forums.NewThread(categoryId: world.announcements.id!, kind: .discussion,
                                                               title: "Topik dari pegawai", body: "Isi", pseudonymous: false),
                                              by: employee).problem == .coordinatorsOnly)
                let thread = try world.suggestion("Jam layanan pelatihan daring", by: employee)
                #expect(try world.forums.reply(to: thread.id!, body: "Resmi", pseudonymous: true, official: true,
                                               by: world.coordinator).problem == .notPermitted)
            }
        }

        @Test("a reveal needs an admin and a written reason, and leaves an audit entry")
        func reveal() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Pungutan liar di layanan perizinan", by: author, pseudonymous: true)
                let post = try world.openingPost(thread.id!)
                let password = "sandi-admin-yang-panjang"
                let admin = try world.database.pool.write { db -> String in
                    try db.execute(sql: "INSERT INTO users (login, display_name, password_hash, created_at) VALUES ('admin.uji', 'Admin', ?, 0)",
                                   arguments: [PasswordHasher.hash(password)])
                    try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')", arguments: [db.lastInsertedRowID])
                    return "admin.uji"
                }
                #expect(try world.forums.reveal(postId: post.id!, reason: "Dugaan fitnah terhadap pejabat", adminLogin: author.login,
                                                password: password).problem == .notAnAdmin)
                #expect(try world.forums.reveal(postId: post.id!, reason: "Dugaan fitnah terhadap pejabat", adminLogin: admin,
                                                password: "bukan-sandinya").problem == .notAnAdmin, "the admin named must prove it")
                #expect(try world.forums.reveal(postId: post.id!, reason: "abuse", adminLogin: admin, password: password).problem
                        == .reasonRequired)
                let revealed = try world.forums.reveal(postId: post.id!, reason: "Laporan resmi dugaan fitnah nomor 12/2026",
                                                       adminLogin: admin, password: password).get()
                #expect(revealed.login == author.login)
                let log = try world.database.pool.read { try AuditLog.recent(in: $0) }
                #expect(log.filter { $0.action == "forum.pseudonym.reveal.refused" }.count == 2)
                let entry = log.first { $0.action == "forum.pseudonym.reveal" }
                #expect(entry?.subject == "post:\(post.id!)")
                #expect(entry?.detail?.contains("Laporan resmi dugaan fitnah") == true)
            }
        }

        @Test("the key file is created once, readable by its owner only; another key cannot open the seal")
        func keyFile() throws {
            try ForumFixtures.withWorld { world in
                let path = world.database.path + ".forum-key"
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect((attributes[.posixPermissions] as? Int) == 0o600)
                #expect((attributes[.size] as? Int) == 64)
                let vault = try PseudonymVault.of(world.database)
                let sealed = vault.seal(userId: 42)
                #expect(vault.open(sealed) == 42)
                #expect(PseudonymVault(key: [UInt8](repeating: 7, count: 64)).open(sealed) == nil)
                #expect(vault.authorTag(userId: 42, threadId: 1) != vault.authorTag(userId: 42, threadId: 2))
            }
        }
    }
}
