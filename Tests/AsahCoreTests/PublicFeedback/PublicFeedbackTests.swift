import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("The public's voice: the form's rules, codes per unit, moderation, SKM periods and their import")
struct PublicFeedbackTests {
    static func ratings(_ scores: [Int]) -> [ServiceElement: String] {
        Dictionary(uniqueKeysWithValues: zip(ServiceElement.allCases, scores.map(String.init)))
    }

    @Test("every element needs a score 1-4; the comment is optional, trimmed and bounded")
    func formRules() throws {
        let valid = try FeedbackInput(ratings: Self.ratings([4, 3, 2, 1]), comment: "  Antrean cepat.\n ").validated().get()
        #expect(valid.scores == [.overall: 4, .speed: 3, .requirements: 2, .courtesy: 1])
        #expect(valid.comment == "Antrean cepat.")
        #expect(try FeedbackInput(ratings: Self.ratings([4, 4, 4, 4])).validated().get().comment == nil)
        for bad in ["0", "5", "", "x", "44", "-1", "9999999999999999999999"] {
            var ratings = Self.ratings([4, 4, 4, 4])
            ratings[.speed] = bad
            guard case .failure(let problem) = FeedbackInput(ratings: ratings).validated() else {
                Issue.record("\(bad) was taken"); continue
            }
            #expect(problem.findings.map(\.field) == ["speed"])
        }
        guard case .failure(let long) = FeedbackInput(ratings: [:], comment: String(repeating: "a", count: 1001)).validated() else {
            Issue.record("nothing answered was taken"); return
        }
        #expect(long.findings.count == 5, "four elements and the comment")
        #expect(long.findings.last?.refusal.key == "problem_feedback_comment_long")
        guard case .failure(let control) = FeedbackInput(ratings: Self.ratings([1, 2, 3, 4]), comment: "a\u{0}b").validated() else {
            Issue.record("NUL taken"); return
        }
        #expect(control.findings.map(\.refusal.key) == ["problem_feedback_comment_control"])
    }

    @Test("periods: a year, a semester or a quarter, with their first and last days; anything else is refused")
    func periods() {
        let year = SatisfactionPeriod("2025")
        #expect(year?.text == "2025" && year?.startsOn.iso == "2025-01-01" && year?.endsOn.iso == "2025-12-31")
        let half = SatisfactionPeriod(" 2026-s2 ")
        #expect(half?.text == "2026-S2" && half?.startsOn.iso == "2026-07-01" && half?.endsOn.iso == "2026-12-31")
        #expect(SatisfactionPeriod("2026/SEM1")?.text == "2026-S1")
        let quarter = SatisfactionPeriod("2024-TW1")
        #expect(quarter?.text == "2024-Q1" && quarter?.endsOn.iso == "2024-03-31")
        #expect(SatisfactionPeriod("2024-Q4")?.startsOn.iso == "2024-10-01")
        for bad in ["", "26", "2026-S3", "2026-Q5", "1999", "2026-H1", "semester 1"] {
            #expect(SatisfactionPeriod(bad) == nil, "\(bad)")
        }
    }

    @Test("an index is shown from five answers or respondents on; the IKM is the 1-4 mean times 25")
    func smallReadings() {
        #expect(PublicVoiceImpact.Reading(count: 4, index: 80).index == nil)
        #expect(PublicVoiceImpact.Reading(count: 5, index: 80, period: "2026-S1").index == 80)
        #expect(PublicVoiceImpact.Reading(count: 0, index: nil).index == nil)
        #expect(ServiceElement.index(fromMean: 1) == 25 && ServiceElement.index(fromMean: 4) == 100)
    }

    @Test("every unit has a code of its own, new units too; a submission counts at once, its comment waits; a rejection erases the text")
    func codesAndModeration() throws {
        try WorkshopFixtures.withWorld { world in
            let database = world.database
            let codes = try database.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM units")!, try String.fetchAll(db, sql: "SELECT code FROM feedback_codes"))
            }
            #expect(codes.1.count == codes.0)
            #expect(Set(codes.1).count == codes.0 && codes.1.allSatisfy(PublicFeedback.isCode))
            let newCode = try database.pool.write { db -> String in
                var unit = AsahCore.Unit(code: "PKM.BARU", name: "Puskesmas Baru", kind: .lainnya)
                try unit.insert(db)
                return try String.fetchOne(db, sql: "SELECT code FROM feedback_codes WHERE unit_id = ?", arguments: [unit.id])!
            }
            let store = PublicFeedback(database: database)
            #expect(try store.unit(code: newCode)?.name == "Puskesmas Baru")
            #expect(try store.unit(code: "0000000000000000") == nil)
            #expect(try store.unit(code: "' OR 1=1 --") == nil)

            let day = CalendarDate(year: 2026, month: 5, day: 4)!
            let commented = try FeedbackInput(ratings: Self.ratings([4, 4, 3, 4]), comment: "Petugas ramah").validated().get()
            #expect(try store.submit(commented, code: newCode, on: day))
            #expect(try store.submit(try FeedbackInput(ratings: Self.ratings([2, 2, 2, 2]), comment: "Kasar sekali").validated().get(),
                                     code: newCode, on: day))
            #expect(try !store.submit(commented, code: "ffffffffffffffff", on: day))
            let pages = FeedbackPages(database: database)
            let overview = try pages.overview()
            let line = try #require(overview.units.first { $0.unit.code == newCode })
            #expect(line.responses == 2 && line.pendingComments == 2)
            let unitId = line.unit.id
            #expect(try pages.unit(unitId)?.comments.isEmpty == true, "nothing shown before approval")
            #expect(try pages.unit(unitId)?.means.isEmpty == true, "two answers are fewer than five")

            let (approve, reject) = (overview.pending[0].id, overview.pending[1].id)
            #expect(try store.moderate(approve, approve: true, actor: world.coordinator.userId, ip: nil))
            #expect(try store.moderate(reject, approve: false, actor: world.coordinator.userId, ip: nil))
            #expect(try !store.moderate(reject, approve: true, actor: world.coordinator.userId, ip: nil), "decided once")
            #expect(try pages.unit(unitId)?.comments.map(\.text) == ["Petugas ramah"])
            try database.pool.read { db in
                #expect(try String.fetchOne(db, sql: "SELECT comment FROM public_feedback WHERE id = ?", arguments: [reject]) == nil)
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM public_feedback WHERE unit_id = ?", arguments: [unitId]) == 2,
                        "the ratings of a rejected comment still count")
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'feedback.%'") == 2)
                let columns = try db.columns(in: "public_feedback").map(\.name)
                #expect(!columns.contains { $0.contains("ip") || $0.contains("user") || $0.contains("session") })
            }
            for _ in 0..<3 { _ = try store.submit(commented, code: newCode, on: day) }
            let page = try #require(try pages.unit(unitId))
            let overall: Double = 18.0 / 5
            #expect(page.means[.overall] == overall, "four 4s and a 2")
            #expect(page.index == ServiceElement.index(fromMean: page.means.values.reduce(0, +) / 4))
        }
    }

    @Test("the SKM import checks every row with line, column and reason, writes all or nothing, and a second import changes nothing")
    func importRows() throws {
        try WorkshopFixtures.withWorld { world in
            let code = try world.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM units ORDER BY id LIMIT 1")! }
            let importer = SatisfactionImport(database: world.database)
            let bad = """
                kode_unit,periode,ikm,responden
                \(code),2025-S1,"82,5",120
                TIDAK.ADA,2025-S1,80,10
                \(code),2025-S3,80,10
                \(code),2025,101,10
                \(code),2024,80,nol
                \(code),2025-S1,70,10
                """
            let report = try importer.run(csv: bad)
            #expect(!report.applied)
            let issues = report.issues.map { "\($0.line) \($0.column ?? "-") \($0.key)" }
            #expect(issues == ["3 kode_unit import_skm_unit_not_found", "4 periode import_skm_period_invalid",
                               "5 ikm import_skm_score_range", "6 responden import_skm_respondents_invalid",
                               "7 periode import_skm_duplicate"])
            #expect(try world.database.pool.read { try SatisfactionSurvey.fetchCount($0) } == 0)
            #expect(try importer.run(csv: "kode_unit,periode,ikm\n").issues.map(\.key) == ["import_column_missing"])

            let good = "Kode Unit;Periode;IKM;Responden\n\(code);2025-S1;82,5;120\n\(code);2026-q1;88;40\n"
            let first = try importer.run(csv: good)
            #expect(first.applied && first.inserted == 2 && !first.hasErrors)
            let again = try importer.run(csv: good)
            #expect(again.applied && again.unchanged == 2 && again.inserted == 0)
            let changed = try importer.run(csv: "kode_unit,periode,ikm,responden\n\(code.lowercased()),2025-S1,84,130\n")
            #expect(changed.updated == 1)
            let stored = try world.database.pool.read { try SatisfactionSurvey.order(sql: "starts_on").fetchAll($0) }
            #expect(stored.map(\.period) == ["2025-S1", "2026-Q1"])
            #expect(stored.first?.score == 84 && stored.first?.respondents == 130)
            #expect(stored.last?.startsOn.iso == "2026-01-01" && stored.last?.endsOn.iso == "2026-03-31")
        }
    }
}
