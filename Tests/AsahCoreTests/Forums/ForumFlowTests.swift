@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Suggestions: support, status, merging, agenda, proposals")
    struct ForumFlowTests {
        @Test("one support per person, withdrawable, counted; the threshold puts a suggestion on the agenda")
        func support() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(10)
                let thread = try world.suggestion("Pelatihan Excel lanjutan untuk bendahara", by: people[0])
                let forums = world.forums
                #expect(try forums.support(thread.id!, employeeId: people[1].employeeId!).get() == 1)
                #expect(try forums.support(thread.id!, employeeId: people[1].employeeId!).get() == 1, "a second support does not count")
                #expect(try forums.withdrawSupport(thread.id!, employeeId: people[1].employeeId!).get() == 0)
                #expect(try forums.withdrawSupport(thread.id!, employeeId: people[1].employeeId!).get() == 0)
                let eligible = try world.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees WHERE active")! }
                let threshold = ForumRules.agendaThreshold(permille: 20, eligible: eligible)
                for person in people.prefix(threshold - 1) { _ = try forums.support(thread.id!, employeeId: person.employeeId!).get() }
                #expect(try world.thread(thread.id!).agendaAt == nil)
                _ = try forums.support(thread.id!, employeeId: people[threshold - 1].employeeId!).get()
                #expect(try world.thread(thread.id!).agendaAt != nil, "\(threshold) of \(eligible) employees is 2 %")
                #expect(try world.thread(thread.id!).supportCount == threshold)
            }
        }

        @Test("each category's thread count follows the threads opened and moved to another category")
        func categoryThreadCounts() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(3)
                let first = try world.suggestion("Ruang laktasi di setiap kantor dinas", by: people[0])
                _ = try world.suggestion("Jadwal apel pagi yang lebih singkat", by: people[1])
                func matchesRows() throws -> Bool {
                    try world.database.pool.read { db in
                        let counted = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                            SELECT c.id, (SELECT COUNT(*) FROM forum_threads t WHERE t.category_id = c.id) AS n FROM forum_categories c
                            """).map { ($0["id"] as Int64, $0["n"] as Int) })
                        return try Forums.threadCounts(in: db) == counted && counted.values.contains { $0 > 0 }
                    }
                }
                #expect(try matchesRows())
                let other = try world.database.pool.read {
                    try Int64.fetchOne($0, sql: "SELECT id FROM forum_categories WHERE id != ? ORDER BY id", arguments: [first.categoryId])!
                }
                try world.database.pool.write { try $0.execute(sql: "UPDATE forum_threads SET category_id = ? WHERE id = ?", arguments: [other, first.id!]) }
                #expect(try matchesRows(), "a thread moved counts in its new category only")
            }
        }

        @Test("parallel supports by the same people never double-count")
        func parallelSupport() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(20)
                let thread = try world.suggestion("Sistem antrean daring di Dukcapil", by: people[0])
                let forums = world.forums
                DispatchQueue.concurrentPerform(iterations: 80) { index in
                    let person = people[index % people.count]
                    if index % 7 == 3 {
                        _ = try? forums.withdrawSupport(thread.id!, employeeId: person.employeeId!)
                    }
                    _ = try? forums.support(thread.id!, employeeId: person.employeeId!)
                }
                let (count, rows) = try world.database.pool.read { db in
                    (try Int.fetchOne(db, sql: "SELECT support_count FROM forum_threads WHERE id = ?", arguments: [thread.id])!,
                     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_supports WHERE thread_id = ?", arguments: [thread.id])!)
                }
                #expect(count == rows)
                #expect(rows <= people.count)
            }
        }

        @Test("a status change needs a reason and tells the author (even a pseudonymous one), supporters and repliers")
        func statusNotifies() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(4)
                let (author, supporter, replier, bystander) = (people[0], people[1], people[2], people[3])
                let thread = try world.suggestion("Tunjangan kinerja dibayar tepat waktu", by: author, pseudonymous: true)
                _ = try world.forums.support(thread.id!, employeeId: supporter.employeeId!).get()
                _ = try world.forums.reply(to: thread.id!, body: "Setuju, sering terlambat.", by: replier, now: ForumFixtures.now).get()
                #expect(try world.forums.setStatus(thread.id!, to: .ditinjau, reason: "  ", by: world.coordinator).problem
                        == .reasonRequired)
                #expect(try world.forums.setStatus(thread.id!, to: .ditinjau, reason: "Dibahas", by: people[1]).problem == .notPermitted)
                _ = try world.forums.setStatus(thread.id!, to: .diterima, reason: "Disetujui rapat forum 12 Maret.",
                                               by: world.coordinator).get()
                for person in [author, supporter, replier] {
                    let notes = try world.notifications(person)
                    #expect(notes.contains { $0.kind == .forumStatus
                        && $0.says("notice_forum_status", "@suggestion_status_diterima", "Disetujui rapat forum 12 Maret.") },
                            "\(person.login)")
                }
                #expect(try world.notifications(bystander).isEmpty)
                let history = try world.database.pool.read { try Forums.statusChanges(thread.id!, in: $0) }
                #expect(history.map(\.toStatus) == [.diterima])
                #expect(history.first?.reason == "Disetujui rapat forum 12 Maret.")
                #expect(try world.forums.setStatus(thread.id!, to: .diterima, reason: "lagi", by: world.coordinator).problem
                        == .statusChange(from: .diterima, to: .diterima))
            }
        }

        @Test("an official answer is marked and tells the followers")
        func officialAnswer() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Jadwal diklat diumumkan lebih awal", by: author)
                #expect(try world.forums.reply(to: thread.id!, body: "Jawaban", official: true, by: author).problem == .notPermitted)
                let answer = try world.forums.reply(to: thread.id!, body: "Jadwal terbit tiap Januari.", official: true,
                                                    by: world.coordinator).get()
                #expect(answer.official)
                #expect(try world.notifications(author).contains { $0.kind == .forumAnswer })
            }
        }

        @Test("merging moves supporters into the original exactly once and tells both sets of people")
        func merge() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(6)
                let original = try world.suggestion("Pelatihan tata naskah dinas elektronik", by: people[0])
                let duplicate = try world.suggestion("Diklat naskah dinas elektronik (TNDE)", by: people[1])
                for person in people[2...4] { _ = try world.forums.support(original.id!, employeeId: person.employeeId!).get() }
                for person in people[3...5] { _ = try world.forums.support(duplicate.id!, employeeId: person.employeeId!).get() }
                #expect(try world.forums.merge(duplicate.id!, into: duplicate.id!, reason: "sama", by: world.coordinator).problem
                        == .mergeTarget)
                let merged = try world.forums.merge(duplicate.id!, into: original.id!, reason: "Isinya sama.", by: world.coordinator).get()
                #expect(merged.status == .duplikat)
                #expect(merged.mergedIntoId == original.id)
                #expect(try world.thread(original.id!).supportCount == 4, "people 2, 3, 4 and 5: 3 and 4 counted once")
                #expect(try world.thread(duplicate.id!).supportCount == 0)
                #expect(try world.forums.support(duplicate.id!, employeeId: people[0].employeeId!).problem == .supportDuplicate)
                #expect(try world.notifications(people[5]).contains { $0.says("notice_forum_merged") })
                #expect(try world.notifications(people[1]).contains { $0.says("notice_forum_merged") }, "the duplicate's author")
                #expect(try world.notifications(people[0]).contains { $0.says("notice_forum_similar_merged") }, "the original's author")
                #expect(try world.notifications(people[2]).contains { $0.says("notice_forum_similar_merged") })
            }
        }

        @Test("only coordinators own suggestions; overdue ones are found on the board")
        func ownerAndOverdue() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Ruang laktasi di setiap kantor dinas", by: author)
                let due = CalendarDate(year: 2026, month: 3, day: 1)!
                #expect(try world.forums.assignOwner(thread.id!, ownerUserId: author.userId, due: due, by: world.coordinator).problem
                        == .ownerNotCoordinator)
                _ = try world.forums.assignOwner(thread.id!, ownerUserId: world.coordinator.userId, due: due, by: world.coordinator).get()
                var filter = Forums.BoardFilter()
                filter.overdueOnly = true
                let overdue = try world.database.pool.read {
                    try Forums.board(filter, today: CalendarDate(year: 2026, month: 3, day: 2)!, in: $0)
                }
                #expect(overdue.map(\.id) == [thread.id!])
                #expect(overdue.first?.ownerName == world.coordinator.displayName)
                // The coordinator's home counts it from the day after its decision date, until it is decided.
                func homeCount(on day: Int) throws -> Int? {
                    let now = IndonesianTime.timestamp(CalendarDate(year: 2026, month: 3, day: day)!, hour: 9, minute: 0)!
                    return try world.database.pool.read { try CoordinatorTasks.load(for: world.coordinator, now: now, in: $0)?.overdueSuggestions }
                }
                #expect(try homeCount(on: 1) == 0)
                #expect(try homeCount(on: 2) == 1)
                try world.database.pool.write { try $0.execute(sql: "UPDATE forum_threads SET status = 'diterima' WHERE id = ?", arguments: [thread.id!]) }
                #expect(try homeCount(on: 2) == 0)
            }
        }

        @Test("a training suggestion becomes a course proposal whose draft the catalogue parses")
        func proposal() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Pelatihan \"SPBE\" untuk operator kecamatan", by: author)
                #expect(try world.forums.propose(thread.id!, by: author).problem == .notPermitted)
                let proposal = try world.forums.propose(thread.id!, by: world.coordinator).get()
                #expect(proposal.code == "USL-\(thread.id!)")
                let file = try CourseFileParser.parse(proposal.draft, file: "usl-\(thread.id!).md")
                #expect(file.code == proposal.code)
                #expect(file.title.indonesian == "Pelatihan \"SPBE\" untuk operator kecamatan")
                #expect(proposal.draft.contains("/forums/threads/\(thread.id!)"))
                #expect(try world.forums.propose(thread.id!, by: world.coordinator).problem == .proposalExists)
            }
        }

        @Test("the rate limit refuses the sixth post in ten minutes with the minutes to wait")
        func rateLimit() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Absensi daring bagi pegawai lapangan", by: author)
                for minute in 1...4 {
                    _ = try world.forums.reply(to: thread.id!, body: "Tambahan \(minute)", by: author,
                                               now: ForumFixtures.now + Int64(minute) * 60).get()
                }
                let refused = try world.forums.reply(to: thread.id!, body: "Lagi", by: author, now: ForumFixtures.now + 300)
                #expect(refused.problem == .tooManyPosts(retryAfterMinutes: 5))
                #expect(refused.problem?.refusal == Refusal(.tooMany, "problem_forum_too_many_posts", ["minutesCount": "5"]))
                #expect(try world.forums.reply(to: thread.id!, body: "Sesudah jeda", by: author, now: ForumFixtures.now + 601).problem == nil)
            }
        }

        @Test("authors edit within the window; the earlier text is kept")
        func edit() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let thread = try world.suggestion("Seragam batik daerah tiap Kamis", by: people[0], pseudonymous: true)
                let opening = try world.openingPost(thread.id!)
                #expect(try world.forums.edit(postId: opening.id!, body: "Diubah", by: people[1]).problem == .notFound)
                let edited = try world.forums.edit(postId: opening.id!, body: "Seragam batik tiap Kamis dan Jumat.", by: people[0],
                                                   now: ForumFixtures.now + 60).get()
                #expect(edited.editedAt != nil)
                #expect(try world.forums.revisions(postId: opening.id!).map(\.body) == [opening.body])
                #expect(try world.forums.edit(postId: opening.id!, body: "Terlambat", by: people[0], now: ForumFixtures.now + 3600).problem
                        == .editWindowClosed(minutes: 30))
            }
        }

        @Test("posting times live in memory only, not in the database file; deleted rows are overwritten")
        func postingTimesInMemory() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                _ = try world.suggestion("Parkir sepeda beratap di kantor", by: author)
                let tables = try world.database.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
                #expect(!tables.contains("forum_post_times"))
                #expect(try world.database.pool.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1)
            }
        }

        @Test("a post takes a bounded number of edits, since each keeps a revision")
        func editLimit() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let thread = try world.suggestion("Jadwal apel pagi di kecamatan", by: author)
                let opening = try world.openingPost(thread.id!)
                for edit in 1...ForumRules.editsPerPost {
                    _ = try world.forums.edit(postId: opening.id!, body: "Perubahan ke-\(edit) dari usulan ini.", by: author,
                                              now: ForumFixtures.now + Int64(edit)).get()
                }
                let refused = try world.forums.edit(postId: opening.id!, body: "Satu perubahan lagi.", by: author,
                                                    now: ForumFixtures.now + 100)
                #expect(refused.problem == .tooManyEdits(limit: ForumRules.editsPerPost))
                #expect(try world.forums.revisions(postId: opening.id!).count == ForumRules.editsPerPost)
            }
        }
    }
}
