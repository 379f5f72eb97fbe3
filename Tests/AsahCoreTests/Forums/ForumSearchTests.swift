@testable import AsahCore
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Forum search with FTS5")
    struct ForumSearchTests {
        @Test("prefixes and words without diacritics match; hits are ranked, highlighted and filtered")
        func search() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let pay = try world.suggestion("Tunjangan kinerja dibayar sebelum tanggal lima", by: people[0], pseudonymous: true)
                _ = try world.forums.reply(to: pay.id!, body: "Pembayaran tunjangan sering terlambat di kecamatan.", by: people[1]).get()
                let cafe = try world.suggestion("Menu kafé kantor lebih sehat", by: people[1])
                func hits(_ text: String, configure: (inout ForumSearch.Query) -> Void = { _ in }) throws -> [ForumSearch.Hit] {
                    var query = ForumSearch.Query(text: text)
                    configure(&query)
                    return try world.database.pool.read { try ForumSearch.search(query, in: $0) }
                }
                #expect(try hits("tunjang").map(\.threadId) == [pay.id!, pay.id!])
                #expect(try hits("kafe").map(\.threadId) == [cafe.id!], "diacritics are ignored")
                let first = try hits("tunjangan kinerja").first!
                #expect(first.postNumber == 1, "title and body both match the opening post")
                #expect(first.author == .pseudonym(1))
                #expect(first.snippet.contains { $0.marked && $0.text.lowercased() == "tunjangan" })
                #expect(try hits("tunjangan") { $0.status = .diterima }.isEmpty)
                #expect(try hits("tunjangan") { $0.until = ForumFixtures.now }.isEmpty)
                #expect(try hits("\" OR *").isEmpty)
                _ = try world.forums.hide(try world.openingPost(cafe.id!).id!, reason: "Uji", by: world.coordinator).get()
                #expect(try hits("kafe").isEmpty, "hidden posts are not found")
            }
        }

        @Test("an answer is kept across supports and follows the posts, titles, statuses, categories and names it shows at once")
        func keptAnswerFollowsItsRows() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(2)
                let pay = try world.suggestion("Tunjangan kinerja dibayar tepat waktu", by: people[0])
                func hits() throws -> [ForumSearch.Hit] {
                    try world.database.pool.read { try ForumSearch.search(ForumSearch.Query(text: "tunjangan"), in: $0) }
                }
                func version() throws -> Int64 { try world.database.pool.read { try DataVersion.forumSearch.current($0) } }
                let first = try hits()
                #expect(first.map(\.threadId) == [pay.id!])
                let kept = try version()
                _ = try world.forums.support(pay.id!, employeeId: people[1].employeeId!, now: ForumFixtures.now).get()
                #expect(try version() == kept, "a support changes nothing a hit shows")
                #expect(try hits() == first)

                let reply = try world.forums.reply(to: pay.id!, body: "Tunjangan bulan lalu terlambat.", by: people[1]).get()
                #expect(try hits().map(\.postId).contains(reply.id!), "a new post is found on the next search")
                func write(_ sql: String, _ arguments: StatementArguments) throws {
                    try world.database.pool.write { try $0.execute(sql: sql, arguments: arguments) }
                }
                try write("UPDATE forum_threads SET title = 'Tunjangan kinerja dibayar tanggal satu' WHERE id = ?", [pay.id!])
                #expect(try hits().allSatisfy { $0.title == "Tunjangan kinerja dibayar tanggal satu" })
                try write("UPDATE forum_threads SET status = 'ditinjau' WHERE id = ?", [pay.id!])
                #expect(try hits().allSatisfy { $0.status == .ditinjau })
                try write("UPDATE forum_categories SET name = 'Kesejahteraan Pegawai' WHERE id = (SELECT category_id FROM forum_threads WHERE id = ?)", [pay.id!])
                #expect(try hits().allSatisfy { $0.categoryName == "Kesejahteraan Pegawai" })
                try write("UPDATE users SET display_name = 'Nama Baru' WHERE id = ?", [people[1].userId])
                #expect(try hits().first { $0.postId == reply.id! }?.author == .named("Nama Baru"))
            }
        }

        @Test("a whole last word finds the longer words it begins, unless its own matches fill the window of recent posts")
        func wholeLastWord() throws {
            try ForumFixtures.withWorld { world in
                let people = try world.staff(40)
                let report = try world.suggestion("Laporan kinerja triwulan", by: people[0])
                let longer = try world.forums.reply(to: report.id!, body: "Kinerjanya sudah dilaporkan.", by: people[1]).get()
                func posts(_ text: String) throws -> Set<Int64> {
                    try Set(world.database.pool.read { try ForumSearch.search(ForumSearch.Query(text: text), in: $0) }.map(\.postId))
                }
                #expect(try posts("kinerja").contains(longer.id!), "few matches as typed: the longer word is looked for too")
                for index in 0..<ForumSearch.window {
                    _ = try world.forums.reply(to: report.id!, body: "Kinerja bagian \(index) dilaporkan.", by: people[2 + index % 38]).get()
                }
                let full = try posts("kinerja")
                #expect(full.count == 20 && !full.contains(longer.id!), "the window is the most recent posts with the word as typed")
                #expect(try posts("kinerjanya") == [longer.id!])
            }
        }

        @Test("similar open suggestions are offered while typing a title")
        func similar() throws {
            try ForumFixtures.withWorld { world in
                let author = try world.staff(1)[0]
                let target = try world.suggestion("Pelatihan Microsoft Excel untuk bendahara", by: author)
                _ = try world.suggestion("Ruang menyusui di kantor camat", by: author)
                let found = try world.database.pool.read { try ForumSearch.similarSuggestions(to: "pelatihan exc", in: $0) }
                #expect(found.first?.id == target.id)
                #expect(found.count == 1)
            }
        }
    }
}
