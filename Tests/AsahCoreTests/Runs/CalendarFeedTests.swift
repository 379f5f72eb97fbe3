@testable import AsahCore
import Foundation
import Testing

extension Workshops {
    @Suite("Calendar feed sessions from the database")
    struct CalendarFeedTests {
        @Test("a run's feed lists its sessions; a person's feed their runs and the sessions they teach")
        func feeds() throws {
            try WorkshopFixtures.withWorld { world in
                let course = try world.course("PPP-01")
                let run = try world.openRun(world.plan(course: course, code: "PPP-01", capacity: 1, sessions: 3,
                                                       instructor: world.people.instruktur))
                let service = EnrolmentService(database: world.database)
                let staff = try world.staff(2)
                for person in staff {
                    _ = try service.nominate(runId: run.id!, employeeId: person.id!, mandatory: false, actor: world.coordinator,
                                             now: WorkshopFixtures.now).get()
                }
                let calendar = WorkshopCalendar(database: world.database)
                let (title, sessions) = try #require(try calendar.run(runId: run.id!))
                #expect(title == "Angkatan PPP-01")
                #expect(sessions.count == 3)
                #expect(sessions.map(\.number) == [1, 2, 3])
                #expect(sessions.allSatisfy { $0.total == 3 && $0.runId == run.id! && !$0.cancelled })
                #expect(sessions[0].startsAt == WorkshopFixtures.start)
                #expect(sessions[0].place == "Aula BKPSDM, Lt. 2")
                #expect(sessions[0].instructor != nil)
                #expect(try calendar.run(runId: 9999) == nil)

                #expect(try calendar.person(employeeId: staff[0].id!).count == 3)
                #expect(try calendar.person(employeeId: staff[1].id!).isEmpty, "a waitlisted person has no sessions yet")
                #expect(try calendar.person(employeeId: world.people.instruktur).count == 3)

                _ = try RunPlanning(database: world.database).cancel(runId: run.id!, reason: "Banjir", actor: world.coordinator).get()
                #expect(try calendar.person(employeeId: world.people.instruktur).allSatisfy(\.cancelled))
            }
        }
    }
}
