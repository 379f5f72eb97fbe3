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

        @Test("snippet markers become marked fragments")
        func fragments() {
            let fragments = ForumSearch.fragments("…soal \u{E000}tunjangan\u{E001} <b> kinerja")
            #expect(fragments == [.init(text: "…soal ", marked: false), .init(text: "tunjangan", marked: true),
                                  .init(text: " <b> kinerja", marked: false)])
        }
    }
}
