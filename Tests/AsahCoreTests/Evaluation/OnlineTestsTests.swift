@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Evaluation {
    @Suite("Online tests from a course's question bank")
    struct OnlineTestsTests {
        static let file = """
            ---
            code: TST-01
            title: {id: Uji, en: Test}
            kind: pelatihan_teknis
            jp: 8
            test: true
            test_minutes: 10
            test_questions:
              - question: Satu tambah satu
                options: ["1", "2", "3"]
                answer: B
              - question: Ibu kota Sulawesi Selatan
                options: [Makassar, Kendari, Palu, Manado]
                answer: Makassar
              - question: Warna langit cerah
                options: [Merah, Biru]
                answer: b
            ---

            Kursus uji.
            """

        @Test("the course file declares the bank; answers by letter or text; mistakes refused at their line")
        func parse() throws {
            let course = try CourseFileParser.parse(Self.file, file: "tst-01.md")
            let bank = try #require(course.testBank)
            #expect(bank.minutes == 10 && bank.questions.map(\.answer) == [1, 0, 1])
            #expect(throws: CourseFileError.self) {
                try CourseFileParser.parse(Self.file.replacingOccurrences(of: "answer: Makassar", with: "answer: E"), file: "x.md")
            }
            #expect(throws: CourseFileError.self) {
                try CourseFileParser.parse(Self.file.replacingOccurrences(of: "test: true", with: "test: false"), file: "x.md")
            }
        }

        /// A run of the test course taught over two sessions with one participant.
        private func setUp(_ world: WorkshopWorld) throws -> (Run, Principal) {
            let bank = try #require(try CourseFileParser.parse(Self.file, file: "tst-01.md").testBank)
            let course = try world.course("TST-01")
            let metadata = String(decoding: try JSONEncoder().encode(["test": bank]), as: UTF8.self)
            try world.database.pool.write { try $0.execute(sql: "UPDATE courses SET metadata = ? WHERE id = ?", arguments: [metadata, course]) }
            let run = try world.openRun(world.plan(course: course, code: "TST-01", capacity: 5))
            let person = try world.staff(1)[0]
            _ = try EnrolmentService(database: world.database).nominate(runId: run.id!, employeeId: person.id!, mandatory: false,
                                                                         actor: world.coordinator, now: WorkshopFixtures.now).get()
            return (run, try world.principal(person.id!))
        }

        @Test("one attempt per phase, shuffled by its seed, graded, the deadline kept by the server")
        func attempts() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, person) = try setUp(world)
                let tests = OnlineTests(database: world.database)
                let before = WorkshopFixtures.start - 3600
                #expect(try tests.start(runId: run.id!, phase: .post, actor: person, now: before).problem == .testClosed)
                #expect(try tests.start(runId: run.id!, phase: .pre, actor: world.principal(world.people.pegawai), now: before)
                        .problem == .notAttended)
                let attempt = try tests.start(runId: run.id!, phase: .pre, actor: person, seed: 99, now: before).get()
                #expect(attempt.deadlineAt == before + 600)
                #expect(try tests.start(runId: run.id!, phase: .pre, actor: person, seed: 5, now: before + 60).get() == attempt,
                        "resumed, not restarted")
                let bank = try #require(try world.database.pool.read { try OnlineTests.bank(runId: run.id!, in: $0) })
                let paper = OnlineTests.paper(bank, seed: 99)
                #expect(paper == OnlineTests.paper(bank, seed: 99))
                #expect(Set(paper.map(\.bankIndex)) == [0, 1, 2] && paper.allSatisfy { Set($0.options.map(\.index)).count == $0.options.count })
                let orders = Set((1...20).map { seed in OnlineTests.paper(bank, seed: UInt64(seed)).map { [$0.bankIndex] + $0.options.map(\.index) } })
                #expect(orders.count > 5, "different attempts see different orders")
                #expect(try tests.submit(runId: run.id!, phase: .pre, actor: person, answers: [0: 1, 1: 3, 2: 1], now: before + 300).get() == 2)
                #expect(try tests.submit(runId: run.id!, phase: .pre, actor: person, answers: [0: 1, 1: 0, 2: 1], now: before + 310)
                        .problem == .alreadyAnswered)
                let afterLast = WorkshopFixtures.start + 86400 + 4 * 3600
                _ = try tests.start(runId: run.id!, phase: .post, actor: person, now: afterLast).get()
                #expect(try tests.submit(runId: run.id!, phase: .post, actor: person, answers: [0: 1, 1: 0, 2: 1],
                                         now: afterLast + 600 + OnlineTests.graceSeconds + 1).problem == .timeUp)
                let results = try world.database.pool.read { try TestScores.results(runId: run.id!, in: $0) }
                let mine = try #require(results.first { $0.employeeId == person.employeeId })
                #expect(mine.pre?.score == 66.7 && mine.pre?.maximum == 100 && mine.post == nil, "late answers are not scored")
            }
        }
    }
}
