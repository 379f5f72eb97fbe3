@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Moderation: flags, reasons, no self-moderation, one appeal to another moderator")
    struct ForumModerationTests {
        @Test("flags never hide a post; three distinct flaggers queue it for a moderator")
        func flagsQueue() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(5)
                let thread = try world.suggestion("Parkir kendaraan dinas di halaman kantor", by: people[0])
                let post = try world.openingPost(thread.id!)
                #expect(try world.forums.flag(post.id!, reason: " ", by: people[1]).problem == .reasonRequired)
                #expect(try world.forums.flag(post.id!, reason: "Menyinggung", by: people[1]).get() == false)
                #expect(try world.forums.flag(post.id!, reason: "Lagi", by: people[1]).problem == .alreadyFlagged)
                #expect(try world.forums.flag(post.id!, reason: "Tidak relevan", by: people[2]).get() == false)
                #expect(try !world.post(post.id!).hidden)
                #expect(try world.forums.flag(post.id!, reason: "Spam", by: people[3]).get() == true)
                let after = try world.post(post.id!)
                #expect(!after.hidden, "queued, still visible until a moderator decides")
                #expect(after.queuedAt != nil)
                let queue = try world.database.pool.read { try world.forums.queue(viewer: world.coordinator, in: $0) }
                #expect(queue.map(\.post.post.id) == [post.id])
                #expect(queue.first?.reasons == ["Menyinggung", "Tidak relevan", "Spam"])
            }
        }

        @Test("the queue is read with as many statements for three posts as for one, each labelled and with its reasons")
        func queueReadsInBulk() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(5)
                func queued(_ title: String, pseudonymous: Bool = false) throws -> ForumPost {
                    let post = try world.openingPost(try world.suggestion(title, by: people[0], pseudonymous: pseudonymous).id!)
                    for person in people[1...3] { _ = try world.forums.flag(post.id!, reason: "Tidak pantas", by: person).get() }
                    return post
                }
                func read() throws -> (queue: [Forums.QueuedPost], statements: Int) {
                    try world.database.pool.read { db in
                        var queue: [Forums.QueuedPost] = []
                        let statements = try statementCount(in: db) { queue = try world.forums.queue(viewer: people[0], in: db) }
                        return (queue, statements)
                    }
                }
                let first = try queued("Kantin sehat di kantor bupati", pseudonymous: true)
                let one = try read()
                let second = try queued("Ruang ibadah di lantai dua", pseudonymous: true)
                let third = try queued("Jalur sepeda ke kompleks perkantoran")
                let three = try read()
                #expect(three.statements == one.statements)
                #expect(three.queue.map(\.post.post.id) == [first.id, second.id, third.id])
                #expect(three.queue.map(\.post.author) == [.pseudonym(1), .pseudonym(1), .named(people[0].displayName)])
                #expect(three.queue.allSatisfy { $0.post.isMine && $0.reasons == ["Tidak pantas", "Tidak pantas", "Tidak pantas"] })
                #expect(three.queue.map(\.threadTitle) == ["Kantin sehat di kantor bupati", "Ruang ibadah di lantai dua",
                                                            "Jalur sepeda ke kompleks perkantoran"])
            }
        }

        @Test("keeping a queued post takes it out of the queue; later flags count afresh")
        func keep() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(5)
                let thread = try world.suggestion("Lampu jalan di kompleks perkantoran", by: people[0])
                let post = try world.openingPost(thread.id!)
                for person in people[1...3] { _ = try world.forums.flag(post.id!, reason: "Tidak pantas", by: person).get() }
                _ = try world.forums.keep(post.id!, reason: "Usulan wajar, tidak melanggar aturan.", by: world.coordinator).get()
                let kept = try world.post(post.id!)
                #expect(kept.queuedAt == nil && !kept.hidden && kept.flagCount == 0)
                #expect(try world.database.pool.read { try world.forums.queue(viewer: world.coordinator, in: $0) }.isEmpty)
                #expect(try world.forums.flag(post.id!, reason: "Lagi", by: people[4]).get() == false, "one new flag is not enough")
                #expect(try world.forums.flag(post.id!, reason: "Lagi", by: people[1]).problem == .alreadyFlagged)
            }
        }

        @Test("hiding needs a reason and the moderation right; nobody moderates their own post")
        func hideRules() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let thread = try world.suggestion("Lembur dibayar sesuai jam kerja", by: people[0])
                let post = try world.openingPost(thread.id!)
                #expect(try world.forums.hide(post.id!, reason: "", by: world.coordinator).problem == .reasonRequired)
                #expect(try world.forums.hide(post.id!, reason: "Kasar", by: people[1]).problem == .notAModerator)
                let own = try world.forums.reply(to: thread.id!, body: "Tanggapan moderator", pseudonymous: true, by: world.coordinator).get()
                #expect(try world.forums.hide(own.id!, reason: "Uji", by: world.coordinator).problem == .ownPost,
                        "a pseudonymous post of the moderator is still their own")
                let ownThread = try world.suggestion("Usulan dari koordinator sendiri", by: world.coordinator)
                #expect(try world.forums.setLocked(ownThread.id!, true, reason: "Uji", by: world.coordinator).problem == .ownPost)

                _ = try world.forums.hide(post.id!, reason: "Menyebut nama rekan kerja.", by: world.coordinator).get()
                let hidden = try world.post(post.id!)
                #expect(hidden.hidden)
                #expect(hidden.hiddenReason == "Menyebut nama rekan kerja.")
                #expect(try world.notifications(people[0]).contains {
                    $0.kind == .forumModeration && $0.says("notice_forum_post_hidden", "Menyebut nama rekan kerja.")
                })
                let audit = try world.database.pool.read { try AuditLog.recent(in: $0) }
                #expect(audit.contains { $0.action == "forum.post.hide" && $0.subject == "post:\(post.id!)" })
            }
        }

        @Test("the author appeals once; the moderator who acted cannot decide it, another one can")
        func appeal() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let thread = try world.suggestion("Rapat koordinasi cukup daring", by: people[0], pseudonymous: true)
                let post = try world.openingPost(thread.id!)
                let action = try world.forums.hide(post.id!, reason: "Di luar topik.", by: world.coordinator).get()
                #expect(try world.forums.appeal(action.id!, text: "Masih relevan", by: people[1]).problem == .notFound,
                        "only the author appeals")
                _ = try world.forums.appeal(action.id!, text: "Tulisan ini sesuai topik forum.", by: people[0]).get()
                #expect(try world.forums.appeal(action.id!, text: "Sekali lagi", by: people[0]).problem == .appealUsed)
                #expect(try world.forums.decideAppeal(action.id!, overturn: true, reason: "Saya", by: world.coordinator).problem
                        == .sameModerator)
                #expect(try world.forums.decideAppeal(action.id!, overturn: true, reason: "", by: world.secondModerator).problem
                        == .reasonRequired)
                let decided = try world.forums.decideAppeal(action.id!, overturn: true, reason: "Masih sesuai topik.",
                                                            by: world.secondModerator).get()
                #expect(decided.appealOutcome == .overturned)
                #expect(try !world.post(post.id!).hidden)
                #expect(try world.notifications(people[0]).contains { $0.says("notice_forum_appeal_overturned") })
                let audit = try world.database.pool.read { try AuditLog.recent(in: $0) }
                #expect(audit.contains { $0.action == "forum.appeal.overturned" })
                #expect(audit.first { $0.action == "forum.appeal" }?.actorUserId == nil, "a pseudonymous author's appeal is logged without them")
            }
        }

        @Test("locking needs a reason, stops replies from employees and tells the followers")
        func lock() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let thread = try world.suggestion("Kantin sehat di lingkungan Setda", by: people[0])
                _ = try world.forums.setLocked(thread.id!, true, reason: "Sudah dibahas tuntas.", by: world.coordinator).get()
                #expect(try world.forums.reply(to: thread.id!, body: "Masih mau komentar", by: people[1]).problem == .locked)
                #expect(try world.notifications(people[0]).contains { $0.says("notice_forum_locked", "Sudah dibahas tuntas.") })
            }
        }
    }
}
