@testable import AsahCore
import Testing

extension ForumSuites {
    @Suite("Forum rules as plain functions")
    struct ForumRulesTests {
        @Test("the fifth post in ten minutes is the last; the sixth waits until the oldest leaves the window")
        func rateLimit() {
            let now: Int64 = 1_000_000
            #expect(ForumRules.minutesToWait(recentPosts: [], now: now) == nil)
            let four = [now - 500, now - 400, now - 300, now - 10]
            #expect(ForumRules.minutesToWait(recentPosts: four, now: now) == nil)
            // The oldest of five was 500 s ago: it leaves the 600 s window in 100 s, rounded up to 2 minutes.
            #expect(ForumRules.minutesToWait(recentPosts: four + [now - 1], now: now) == 2)
            #expect(ForumRules.minutesToWait(recentPosts: [now - 700, now - 650] + four, now: now) == nil,
                    "posts older than the window do not count")
        }

        @Test("titles and bodies are trimmed and must fit their lengths")
        func lengths() {
            #expect(ForumRules.validTitle("  Jadwal pelatihan daring  ") == .success("Jadwal pelatihan daring"))
            #expect(ForumRules.validTitle("Gaji").problem == .titleLength(min: 8, max: 140))
            #expect(ForumRules.validTitle(String(repeating: "a", count: 141)).problem != nil)
            #expect(ForumRules.validBody(" \n ").problem == .bodyLength(min: 2, max: 10_000))
            #expect(ForumRules.validBody(String(repeating: "b", count: 10_001)).problem != nil)
        }

        @Test("authors edit within thirty minutes")
        func editWindow() {
            #expect(ForumRules.mayEdit(postedAt: 0, now: 30 * 60))
            #expect(!ForumRules.mayEdit(postedAt: 0, now: 30 * 60 + 1))
        }

        @Test("the agenda threshold is a share of eligible employees, rounded up, at least one")
        func agenda() {
            #expect(ForumRules.agendaThreshold(permille: 20, eligible: 400) == 8)
            #expect(ForumRules.agendaThreshold(permille: 20, eligible: 401) == 9)
            #expect(ForumRules.agendaThreshold(permille: 20, eligible: 10) == 1)
            #expect(ForumRules.agendaThreshold(permille: 5, eligible: 0) == 1)
        }

        @Test("one or two flags never call for review; three distinct flaggers do")
        func flags() {
            #expect(!ForumRules.needsReview(distinctFlaggers: 2))
            #expect(ForumRules.needsReview(distinctFlaggers: 3))
        }

        @Test("suggestion statuses: duplikat only by merging, decided ones are never overdue")
        func statuses() {
            #expect(SuggestionStatus.baru.canMove(to: .ditinjau))
            #expect(!SuggestionStatus.baru.canMove(to: .duplikat))
            #expect(!SuggestionStatus.duplikat.canMove(to: .baru))
            #expect(!SuggestionStatus.ditinjau.canMove(to: .ditinjau))
            var thread = ForumThread(categoryId: 1, kind: .suggestion, title: "Usulan uji", createdAt: 0)
            thread.decisionDue = CalendarDate(year: 2026, month: 3, day: 1)
            #expect(thread.isOverdue(today: CalendarDate(year: 2026, month: 3, day: 2)!))
            #expect(!thread.isOverdue(today: CalendarDate(year: 2026, month: 3, day: 1)!))
            thread.status = .diterima
            #expect(!thread.isOverdue(today: CalendarDate(year: 2026, month: 3, day: 2)!))
        }

        @Test("search words become quoted words, the last a prefix; punctuation and FTS syntax are dropped")
        func searchExpression() {
            #expect(ForumSearch.expression("Gaji TPP") == "\"gaji\" \"tpp\"*", "the last word may still be being typed")
            #expect(ForumSearch.expression("\" OR title:* NEAR(") == "\"or\" \"title\" \"near\"*")
            #expect(ForumSearch.expression("  -- ") == nil)
            #expect(ForumSearch.expression("uang makan di kantor", separator: " OR ", minimumLength: 3, allPrefixes: true)
                    == "\"uang\"* OR \"makan\"* OR \"kantor\"*")
        }

        @Test("a snippet is the words around the first match, searched words marked, cuts shown")
        func snippet() throws {
            let matcher = try #require(SearchMatcher("Tunjangan kiner"))
            #expect(matcher.words == ["tunjangan", "kiner"])
            let fragments = matcher.snippet(of: "Soal <b>TUNJANGAN</b> dan kinerjanya.", size: 16)
            #expect(fragments == [.init(text: "Soal <b>", marked: false), .init(text: "TUNJANGAN", marked: true),
                                  .init(text: "</b> dan ", marked: false), .init(text: "kinerjanya", marked: true)])
            let long = (1...40).map { "kata\($0)" }.joined(separator: " ") + " tunjangan " + (41...80).map { "kata\($0)" }.joined(separator: " ")
            let cut = try #require(matcher.snippet(of: long, size: 8))
            #expect(cut.first?.text.hasPrefix("…kata39 kata40 ") == true && cut.last?.text.hasSuffix(" kata45…") == true)
            #expect(cut.contains(.init(text: "tunjangan", marked: true)))
            #expect(matcher.snippet(of: "tidak ada yang cocok", size: 8) == nil)
            #expect(try #require(SearchMatcher("kafe")).snippet(of: "Menu kafé kantor")?.contains(.init(text: "kafé", marked: true)) == true,
                    "diacritics are ignored")
            #expect(SearchMatcher(" -- ") == nil)
        }

        @Test("ranking prefers the text that uses the words more densely, and the title")
        func ranking() throws {
            let matcher = try #require(SearchMatcher("cuti"))
            let once = matcher.use(title: nil, body: "cuti " + String(repeating: "lain ", count: 30))
            let dense = matcher.use(title: nil, body: "cuti tahunan dan cuti besar")
            let titled = matcher.use(title: "Cuti bersama", body: "cuti " + String(repeating: "lain ", count: 30))
            #expect(dense.score(averageLength: 20) > once.score(averageLength: 20))
            #expect(titled.score(averageLength: 20) > once.score(averageLength: 20))
        }
    }
}
