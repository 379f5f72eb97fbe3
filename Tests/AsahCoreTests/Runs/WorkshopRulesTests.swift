@testable import AsahCore
import Foundation
import Testing

extension Workshops {
    @Suite("Run plan, status and completion rules (pure)")
    struct WorkshopRulesTests {
        private let day = CalendarDate(year: 2026, month: 3, day: 16)!

        private func plan(_ change: (inout RunPlan) -> Void = { _ in }) -> RunPlan {
            let nine = WorkshopFixtures.wib(2026, 3, 16, 9)
            var plan = RunPlan(courseId: 1, code: "PPP-01", title: "Pelayanan Publik Prima I", capacity: 20,
                               enrolOpensAt: nine - 20 * 86400, enrolClosesAt: nine - 3 * 86400, startsOn: day,
                               endsOn: CalendarDate(year: 2026, month: 3, day: 17)!,
                               sessions: [.init(startsAt: nine, endsAt: nine + 3 * 3600, place: "Aula BKPSDM"),
                                          .init(startsAt: nine + 86400, endsAt: nine + 86400 + 3 * 3600, onlineUrl: "https://meet.example/x")])
            change(&plan)
            return plan
        }

        @Test("a sound plan has no issues; each mistake is named in Indonesian")
        func planIssues() {
            #expect(RunPlanIssue.check(plan()).isEmpty)
            #expect(RunPlanIssue.check(plan { $0.capacity = 0 }) == [.capacityNotPositive])
            #expect(RunPlanIssue.check(plan { $0.capacity = 0 }).first?.message == "Kapasitas harus lebih dari 0.")
            #expect(RunPlanIssue.check(plan { $0.sessions[1].endsAt = $0.sessions[1].startsAt }) == [.sessionEndsBeforeStart(2)])
            #expect(RunPlanIssue.check(plan { $0.sessions[1].startsAt += 2 * 86400; $0.sessions[1].endsAt += 2 * 86400 })
                    == [.sessionOutsideDates(2)])
            #expect(RunPlanIssue.check(plan { $0.sessions[0].place = " " }) == [.sessionWithoutPlace(1)])
            #expect(RunPlanIssue.check(plan { $0.enrolClosesAt = $0.sessions[0].startsAt + 1 }) == [.windowAfterStart])
            #expect(RunPlanIssue.check(plan { $0.enrolClosesAt = $0.enrolOpensAt }) == [.windowReversed])
            #expect(RunPlanIssue.check(plan { $0.endsOn = CalendarDate(year: 2026, month: 3, day: 15)! }).contains(.endsBeforeStarts))
            #expect(RunPlanIssue.check(plan { $0.sessions = [] }) == [.noSessions])
            #expect(RunPlanIssue.check(plan { $0.code = ""; $0.title = "" }) == [.codeMissing, .titleMissing])
        }

        @Test("a session late in the evening WIB is on that WIB day, not the UTC one")
        func sessionDayInWIB() {
            let late = WorkshopFixtures.wib(2026, 3, 17, 22)
            #expect(RunPlanIssue.check(plan { $0.sessions[1].startsAt = late; $0.sessions[1].endsAt = late + 3600 }).isEmpty)
        }

        @Test("run statuses move only forward, with reopening from closed")
        func statuses() {
            #expect(RunStatus.draft.canMove(to: .open))
            #expect(RunStatus.closed.canMove(to: .open))
            #expect(RunStatus.running.canMove(to: .finished))
            #expect(!RunStatus.open.canMove(to: .finished))
            #expect(!RunStatus.finished.canMove(to: .cancelled))
            #expect(RunStatus.cancelled.next.isEmpty)
        }

        @Test("completion by minimum attendance, with the reason shown; 79.5 % does not round up to 80 %")
        func completionRule() {
            let seven = CompletionVerdict(rate: AttendanceRate(attended: 7, sessions: 8), minimumPercent: 80)
            #expect(seven.completed)
            #expect(seven.reason.text == "Hadir 7 dari 8 sesi (88 %), minimal 80 %")
            let six = CompletionVerdict(rate: AttendanceRate(attended: 6, sessions: 8), minimumPercent: 80)
            #expect(!six.completed)
            #expect(six.reason.text == "Hadir 6 dari 8 sesi (75 %), minimal 80 %")
            #expect(!AttendanceRate(attended: 159, sessions: 200).reaches(80))
            #expect(AttendanceRate(attended: 160, sessions: 200).reaches(80))
            #expect(!AttendanceRate(attended: 0, sessions: 0).reaches(0))
        }

        @Test("dates and times read the Indonesian way, in WIB")
        func indonesianTime() {
            #expect(IndonesianTime.describe(WorkshopFixtures.wib(2026, 3, 16, 9)) == "Senin, 16 Maret 2026 09.00 WIB")
            #expect(IndonesianTime.describe(from: day, to: CalendarDate(year: 2026, month: 3, day: 18)!)
                    == "16 Maret 2026 s.d. 18 Maret 2026")
        }
    }
}
