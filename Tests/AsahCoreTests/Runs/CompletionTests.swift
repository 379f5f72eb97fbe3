@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Workshops {
    @Suite("Attendance, completion, JP credit and certificates")
    struct CompletionTests {
        private let now = WorkshopFixtures.now
        private let start = WorkshopFixtures.start

        /// A run of four sessions taught by the demo instructor with three participants seated.
        private func runWithParticipants(_ world: WorkshopWorld, jp: Int = 24) throws -> (Run, [RunSession], [Employee]) {
            let course = try world.course("PPP-01", jp: jp, minAttendance: 75)
            let run = try world.openRun(world.plan(course: course, code: "PPP-01", capacity: 10, sessions: 4,
                                                   instructor: world.people.instruktur))
            let people = try world.staff(3)
            for person in people {
                _ = try EnrolmentService(database: world.database).nominate(runId: run.id!, employeeId: person.id!, mandatory: false,
                                                                             actor: world.coordinator, now: now).get()
            }
            return (run, try RunPlanning(database: world.database).sessions(runId: run.id!), people)
        }

        @Test("the instructor marks a whole session at once; only participants can be on the list")
        func markSession() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, sessions, people) = try runWithParticipants(world)
                let attendance = Attendance(database: world.database)
                let instructor = try world.principal(world.people.instruktur)
                #expect(try attendance.mark(sessionId: sessions[0].id!, present: [people[0].id!], actor: world.principal(people[1].id!))
                        .problem == .notPermitted)
                #expect(try attendance.mark(sessionId: sessions[0].id!, present: [world.people.pegawai], actor: instructor).problem
                        == .notParticipants([world.people.pegawai]))
                #expect(try attendance.mark(sessionId: sessions[0].id!, present: [people[0].id!, people[2].id!], actor: instructor).get() == 3)
                let sheet = try attendance.sheet(sessionId: sessions[0].id!)
                #expect(Dictionary(uniqueKeysWithValues: sheet.map { ($0.employeeId, $0.present) })
                        == [people[0].id!: true, people[1].id!: false, people[2].id!: true])
                #expect(try attendance.sheet(sessionId: sessions[1].id!).allSatisfy { $0.present == nil })
            }
        }

        @Test("participants check in with the room code only around their own session")
        func selfCheckIn() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, sessions, people) = try runWithParticipants(world)
                let attendance = Attendance(database: world.database)
                let me = try world.principal(people[0].id!)
                let code = sessions[1].checkinCode!
                #expect(code.count == 6)
                #expect(try attendance.checkIn(employeeId: people[0].id!, code: code, actor: me, now: sessions[1].startsAt - 3600).problem
                        == .checkInCodeInvalid, "too early")
                #expect(try attendance.checkIn(employeeId: people[0].id!, code: sessions[0].checkinCode!, actor: me,
                                               now: sessions[1].startsAt).problem == .checkInCodeInvalid, "yesterday's code")
                #expect(try attendance.checkIn(employeeId: world.people.pegawai, code: code, actor: world.principal(world.people.pegawai),
                                               now: sessions[1].startsAt).problem == .checkInCodeInvalid, "not a participant")
                let session = try attendance.checkIn(employeeId: people[0].id!, code: " \(code.lowercased()) ", actor: me,
                                                     now: sessions[1].startsAt - 600).get()
                #expect(session.id == sessions[1].id)
                #expect(try attendance.rates(runId: sessions[1].runId)[people[0].id!] == AttendanceRate(attended: 1, sessions: 4))
            }
        }

        @Test("finishing judges each participant by minimum attendance, credits JP for the run's year and issues certificates")
        func finish() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, sessions, people) = try runWithParticipants(world, jp: 24)
                let attendance = Attendance(database: world.database)
                let instructor = try world.principal(world.people.instruktur)
                // people[0] all four, people[1] three of four (75 %), people[2] two of four.
                let present: [Set<Int64>] = [[people[0].id!, people[1].id!, people[2].id!], [people[0].id!, people[1].id!],
                                             [people[0].id!, people[1].id!, people[2].id!], [people[0].id!]]
                for (session, marked) in zip(sessions, present) {
                    _ = try attendance.mark(sessionId: session.id!, present: marked, actor: instructor).get()
                }
                let completion = Completion(database: world.database)
                let end = sessions.last!.endsAt
                #expect(try completion.finish(runId: run.id!, actor: world.coordinator, now: end).problem == .statusChange(from: .open, to: .finished))
                _ = try RunPlanning(database: world.database).setStatus(runId: run.id!, to: .running, actor: world.coordinator).get()
                #expect(try completion.finish(runId: run.id!, actor: world.coordinator, now: end - 1).problem == .sessionsNotOver)
                #expect(try completion.finish(runId: run.id!, actor: instructor, now: end).problem == .notPermitted)
                let outcomes = try completion.finish(runId: run.id!, actor: world.coordinator, now: end).get()
                let byPerson = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.employeeId, $0) })
                #expect(byPerson[people[0].id!]?.verdict.reason.text == "Hadir 4 dari 4 sesi (100 %), minimal 75 %")
                #expect(byPerson[people[1].id!]?.verdict.completed == true)
                #expect(byPerson[people[1].id!]?.verdict.reason.text == "Hadir 3 dari 4 sesi (75 %), minimal 75 %")
                #expect(byPerson[people[2].id!]?.verdict.completed == false)
                #expect(byPerson[people[2].id!]?.certificateNumber == nil)
                #expect(Set(outcomes.compactMap(\.certificateNumber)) == ["ASAH/2026/PPP-01/0001", "ASAH/2026/PPP-01/0002"])

                let hours = TrainingHours(database: world.database)
                let ledger = try hours.ledger(employeeId: people[1].id!, year: 2026)
                #expect(ledger.verifiedJP == 24)
                #expect(ledger.reached)
                #expect(ledger.entries.first?.source == .asah)
                #expect(try hours.ledger(employeeId: people[2].id!, year: 2026).verifiedJP == 0)
                #expect(try world.notifications(people[2].id!).first?.text.contains("Hadir 2 dari 4 sesi (50 %), minimal 75 %") == true)
                #expect(try world.notifications(people[0].id!).first?.kind == .certificateReady)
                #expect(try world.enrolment(try EnrolmentService(database: world.database)
                    .standing(runId: run.id!, employeeId: people[2].id!, now: end)!.enrolment.id!).state == .notCompleted)
                #expect(try completion.finish(runId: run.id!, actor: world.coordinator, now: end).problem
                        == .statusChange(from: .finished, to: .finished))
            }
        }

        @Test("a certificate code verifies holder, course, dates and JP; revoked and unknown codes say so")
        func certificates() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, sessions, people) = try runWithParticipants(world, jp: 12)
                for session in sessions {
                    _ = try Attendance(database: world.database).mark(sessionId: session.id!, present: [people[0].id!], actor: world.coordinator).get()
                }
                _ = try RunPlanning(database: world.database).setStatus(runId: run.id!, to: .running, actor: world.coordinator).get()
                _ = try Completion(database: world.database).finish(runId: run.id!, actor: world.coordinator, now: sessions.last!.endsAt).get()
                let certificates = Certificates(database: world.database)
                let held = try certificates.held(employeeId: people[0].id!)
                #expect(held.count == 1)
                let code = held[0].certificate.code
                #expect(code.count >= 20)
                #expect(code.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                let verified = try certificates.verify(code: code)
                #expect(verified == CertificateVerification(holderName: people[0].name, courseTitle: "Kursus PPP-01",
                                                            startedOn: run.startsOn, endedOn: run.endsOn, jp: 12, revoked: false))
                #expect(try certificates.verify(code: String(repeating: "A", count: 22)) == nil)
                #expect(try certificates.verify(code: "'; DROP TABLE certificates; --") == nil)
                #expect(try certificates.revoke(certificateId: held[0].certificate.id!, reason: "Data kehadiran keliru",
                                                actor: world.principal(people[0].id!)).problem == .notPermitted)
                _ = try certificates.revoke(certificateId: held[0].certificate.id!, reason: "Data kehadiran keliru", actor: world.coordinator).get()
                #expect(try certificates.verify(code: code)?.revoked == true)
                #expect(try certificates.revoke(certificateId: held[0].certificate.id!, reason: "lagi", actor: world.coordinator).problem
                        == .certificateRevoked)
            }
        }

        @Test("the sweep reminds enrolled participants once of a session starting within a day")
        func sessionReminders() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, sessions, people) = try runWithParticipants(world)
                let sweep = WorkshopSweep(database: world.database)
                #expect(try sweep.run(now: sessions[0].startsAt - 25 * 3600).reminders == 0)
                #expect(try sweep.run(now: sessions[0].startsAt - 20 * 3600).reminders == 3)
                #expect(try sweep.run(now: sessions[0].startsAt - 19 * 3600).reminders == 0, "once per session")
                let reminder = try world.notifications(people[0].id!).first!
                #expect(reminder.kind == .sessionTomorrow)
                #expect(reminder.says("notice_workshop_session_tomorrow", String(sessions[0].startsAt)))
                #expect(reminder.text.contains("16 Maret 2026 09.00 WIB"))
                let notifications = try Notifications(database: world.database)
                #expect(try notifications.unreadCount(employeeId: people[0].id!) == 2)
                try notifications.markRead(id: reminder.id!, employeeId: people[1].id!)
                #expect(try notifications.unreadCount(employeeId: people[0].id!) == 2, "nobody marks another's notification")
                try notifications.markRead(id: reminder.id!, employeeId: people[0].id!)
                #expect(try notifications.unread(employeeId: people[0].id!).map(\.kind) == [.approved])
                try notifications.markAllRead(employeeId: people[0].id!)
                #expect(try notifications.unreadCount(employeeId: people[0].id!) == 0)
            }
        }
    }
}
