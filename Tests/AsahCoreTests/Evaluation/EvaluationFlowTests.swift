@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Evaluation {
    @Suite("Surveys, test scores and behaviour checks of a finished run")
    struct EvaluationFlowTests {
        /// A finished two-session run of a course with two competencies, taught by the demo
        /// instructor: `attending` participants attended both sessions, one more attended none.
        private func finishedRun(_ world: WorkshopWorld, attending: Int = 3) throws -> (run: Run, attended: [Employee], absent: Employee) {
            let course = try world.course("EVA-01", minAttendance: 50)
            try world.database.pool.write { db in
                try db.execute(sql: "UPDATE courses SET competencies = ? WHERE id = ?",
                               arguments: [#"["akuntabel",{"id":"Standar pelayanan","en":"Service standards"}]"#, course])
            }
            let run = try world.openRun(world.plan(course: course, code: "EVA-01", capacity: 20, instructor: world.people.instruktur))
            let people = try world.staff(attending + 1)
            for person in people {
                _ = try EnrolmentService(database: world.database).nominate(runId: run.id!, employeeId: person.id!, mandatory: false,
                                                                             actor: world.coordinator, now: WorkshopFixtures.now).get()
            }
            let planning = RunPlanning(database: world.database)
            _ = try planning.setStatus(runId: run.id!, to: .running, actor: world.coordinator).get()
            let attended = Array(people.prefix(attending))
            for session in try planning.sessions(runId: run.id!) {
                _ = try Attendance(database: world.database).mark(sessionId: session.id!, present: Set(attended.map { $0.id! }),
                                                                   actor: world.coordinator).get()
            }
            _ = try Completion(database: world.database).finish(runId: run.id!, actor: world.coordinator, now: Self.afterRun).get()
            return (try world.database.pool.read { try Run.fetchOne($0, key: run.id!)! }, attended, people[attending])
        }

        /// The evening after the second session.
        static let afterRun = WorkshopFixtures.start + 86400 + 8 * 3600
        static let answers = Dictionary(uniqueKeysWithValues: SurveyTemplate.standard.items.map { ($0.key, 4) })

        @Test("one reaction per attendee, after the last session; none from absentees; nobody can tell who said what")
        func oneReactionPerAttendee() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, attended, absent) = try finishedRun(world)
                let surveys = Surveys(database: world.database)
                #expect(try surveys.announce(now: Self.afterRun) == 3, "the three attendees, not the absentee")
                #expect(try surveys.announce(now: Self.afterRun + 600) == 0, "once")
                #expect(try world.notifications(absent.id!).allSatisfy { $0.kind != .surveyOpen })
                let first = try world.principal(attended[0].id!)
                #expect(try surveys.submit(runId: run.id!, actor: first, scores: Self.answers, comment: nil,
                                           now: WorkshopFixtures.start + 3600).problem == .surveyNotYetOpen)
                try surveys.submit(runId: run.id!, actor: first, scores: Self.answers, comment: "Bagus", now: Self.afterRun).get()
                #expect(try surveys.submit(runId: run.id!, actor: first, scores: Self.answers, comment: nil, now: Self.afterRun)
                        .problem == .alreadyAnswered)
                #expect(try surveys.submit(runId: run.id!, actor: world.principal(absent.id!), scores: Self.answers, comment: nil,
                                           now: Self.afterRun).problem == .notAttended)
                #expect(try surveys.submit(runId: run.id!, actor: world.principal(world.people.pegawai), scores: Self.answers,
                                           comment: nil, now: Self.afterRun).problem == .notAttended)
                var partial = Self.answers
                partial["facilities"] = nil
                if case .invalidAnswers = try surveys.submit(runId: run.id!, actor: world.principal(attended[1].id!), scores: partial,
                                                             comment: nil, now: Self.afterRun).problem {} else {
                    Issue.record("an unanswered item is refused")
                }
                try world.database.pool.read { db in
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM survey_responses WHERE run_id = ?", arguments: [run.id]) == 1)
                    let columns = try db.columns(in: "survey_responses").map(\.name) + db.columns(in: "survey_answers").map(\.name)
                    #expect(!columns.contains("employee_id"), "answers carry no link to the person")
                    #expect(try Int64.fetchOne(db, sql: "SELECT id FROM survey_responses WHERE run_id = ?", arguments: [run.id]) ?? 0 > 1_000_000,
                             "response ids are random, not in the order people answered")
                    let summary = try Surveys.summary([run.id!], in: db)
                    #expect(summary.responses == 1 && !summary.shown && summary.items.isEmpty && summary.comments.isEmpty)
                }
            }
        }

        @Test("survey aggregates appear from five answers on, to the run's instructor and coordinators only")
        func surveyThreshold() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, attended, _) = try finishedRun(world, attending: 5)
                for (index, person) in attended.enumerated() {
                    var scores = Self.answers
                    scores["material"] = index + 1
                    try Surveys(database: world.database).submit(runId: run.id!, actor: world.principal(person.id!), scores: scores,
                                                                 comment: nil, now: Self.afterRun).get()
                }
                let instructor = try world.principal(world.people.instruktur), participant = try world.principal(attended[0].id!)
                try world.database.pool.read { db in
                    let summary = try Surveys.summary([run.id!], in: db)
                    #expect(summary.shown && summary.items["material"]?.counts == [1, 1, 1, 1, 1])
                    #expect(summary.items["material"]?.mean == 3 && summary.overall.total == 25)
                    #expect(try Surveys.mayReadResults(instructor, runId: run.id!, in: db))
                    #expect(try Surveys.mayReadResults(world.coordinator, runId: run.id!, in: db))
                    #expect(try !Surveys.mayReadResults(participant, runId: run.id!, in: db))
                }
            }
        }

        @Test("test scores are entered all or nothing, by the run's instructor; gains follow")
        func testScores() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, attended, absent) = try finishedRun(world)
                let scores = TestScores(database: world.database)
                let instructor = try world.principal(world.people.instruktur)
                let good = [TestScores.Entry(nip: attended[0].nip, pre: 40, post: 70),
                            TestScores.Entry(nip: attended[1].nip, pre: 100, post: 100)]
                #expect(try scores.record(runId: run.id!, entries: good, maximum: 100, actor: world.principal(attended[2].id!))
                        .problem == .notPermitted)
                let bad = good + [TestScores.Entry(nip: "199001012015011999", pre: 10, post: nil),
                                  TestScores.Entry(nip: attended[2].nip, pre: 120, post: nil)]
                guard case .invalidScores(let problems) = try scores.record(runId: run.id!, entries: bad, maximum: 100, actor: instructor)
                    .problem else { Issue.record("refused"); return }
                #expect(problems.count == 2)
                let negative = [TestScores.Entry(nip: attended[0].nip, pre: -1, post: nil)]
                for maximum in [0, -1, 1e300, Double.infinity, Double.nan] {
                    #expect(try scores.record(runId: run.id!, entries: negative, maximum: maximum, actor: instructor).problem != nil,
                            "maximum \(maximum) refused, not a trap")
                }
                let huge = [TestScores.Entry(nip: attended[0].nip, pre: 1e300, post: nil)]
                #expect(try scores.record(runId: run.id!, entries: huge, maximum: 100, actor: instructor).problem != nil)
                #expect(try world.database.pool.read { try TestScores.results(runId: run.id!, in: $0) }.allSatisfy { $0.pre == nil })
                #expect(try scores.record(runId: run.id!, entries: good, maximum: 100, actor: instructor).get() == 4)
                let results = try world.database.pool.read { try TestScores.results(runId: run.id!, in: $0) }
                #expect(results.count == 4, "every participant listed, the absentee too (enrolled, not completed)")
                #expect(results.first { $0.nip == attended[0].nip }?.gain == 0.5)
                #expect(results.first { $0.nip == attended[1].nip }?.gain == nil)
                #expect(results.first { $0.nip == absent.nip }?.pre == nil)
                let summary = try world.database.pool.read { try TestScores.summary(runFilter: "r.id = ?", [run.id!], in: $0) }
                #expect(summary.tested == 2 && summary.ceiling == 1 && summary.gains == [0.5])
            }
        }

        @Test("behaviour checks: scheduled months after the run, opened, reminded, overdue, answered once by the respondent")
        func behaviourChecks() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, attended, _) = try finishedRun(world)
                let checks = BehaviourChecks(database: world.database, monthsAfter: 3)
                #expect(try checks.schedule() == 6, "a supervisor task and a self-assessment per completed place")
                #expect(try checks.schedule() == 0)
                let person = attended[0]
                let supervisorId = try #require(person.supervisorId)
                let tasks = try world.database.pool.read { db in
                    try BehaviourChecks.tasks("p.id = ?", [person.id!], in: db)
                }
                #expect(tasks.count == 2 && tasks.allSatisfy { $0.dueOn == CalendarDate(year: 2026, month: 6, day: 17) })
                #expect(tasks.first?.competencies.map(\.name.indonesian) == ["Akuntabel", "Standar pelayanan"])
                let beforeDue = WorkshopFixtures.wib(2026, 6, 16, 9)
                #expect(try checks.notify(now: beforeDue) == (0, 0))
                let due = WorkshopFixtures.wib(2026, 6, 17, 9)
                #expect(try checks.notify(now: due) == (6, 0))
                #expect(try checks.notify(now: due + 3600) == (0, 0), "told once")
                #expect(try world.notifications(supervisorId).contains { $0.kind == .behaviourCheckDue })
                #expect(try checks.notify(now: due + 15 * 86400) == (0, 6))
                #expect(try world.notifications(person.id!).contains { $0.kind == .behaviourCheckReminder })
                let supervisorTask = try #require(tasks.first { $0.respondent == .supervisor })
                let answers: [String: BehaviourChecks.Answer] = ["Akuntabel": .init(score: 4, example: "Laporan tepat waktu"),
                                                                 "Standar pelayanan": .init(score: 5, example: nil)]
                #expect(try checks.answer(supervisorTask.id, actor: world.principal(person.id!), answers: answers, now: due)
                        .problem == .checkNotFound, "only the respondent")
                #expect(try checks.answer(supervisorTask.id, actor: world.principal(supervisorId), answers: ["Akuntabel": answers["Akuntabel"]!],
                                          now: due).problem != nil, "every competency")
                try checks.answer(supervisorTask.id, actor: world.principal(supervisorId), answers: answers, now: due).get()
                #expect(try checks.answer(supervisorTask.id, actor: world.principal(supervisorId), answers: answers, now: due)
                        .problem == .checkNotDue, "once")
                try world.database.pool.read { db in
                    let open = try BehaviourChecks.open(for: supervisorId, today: CalendarDate(year: 2026, month: 6, day: 17)!, in: db)
                    #expect(!open.contains { $0.id == supervisorTask.id })
                    #expect(try BehaviourChecks.open(for: supervisorId, as: .supervisor, today: CalendarDate(year: 2026, month: 6, day: 17)!,
                                                     limit: 2, in: db).map(\.id)
                            == Array(open.filter { $0.respondent == .supervisor }.prefix(2)).map(\.id), "the home's first few, in the same order")
                    #expect(try BehaviourChecks.overdue(now: due + 29 * 86400, limit: 50, in: db).isEmpty)
                    #expect(try BehaviourChecks.overdueCount(now: due + 29 * 86400, in: db) == 0)
                    let overdue = try BehaviourChecks.overdue(now: due + 31 * 86400, limit: 50, in: db)
                    #expect(overdue.count == 5 && !overdue.contains { $0.id == supervisorTask.id })
                    #expect(try BehaviourChecks.overdueCount(now: due + 31 * 86400, in: db) == 5)
                    #expect(try BehaviourChecks.overdue(now: due + 31 * 86400, limit: 2, offset: 4, in: db).map(\.id) == [overdue[4].id],
                            "pages follow the same order")
                    let summary = try BehaviourChecks.summary(runFilter: "r.id = ?", [run.id!],
                                                              today: CalendarDate(year: 2026, month: 7, day: 1)!, in: db)
                    #expect(summary.due == 3 && summary.answered == 1 && summary.scores.counts == [0, 0, 0, 1, 1])
                    #expect(summary.responseRate == nil, "fewer than five due: not shown")
                }
                try world.database.pool.write { try $0.execute(sql: "UPDATE behaviour_checks SET notified_at = NULL, reminded_at = NULL WHERE answered_at IS NULL") }
                #expect(try checks.notify(now: due + 60 * 86400) == (0, 0), "checks first seen long overdue send no messages")
            }
        }
    }
}
