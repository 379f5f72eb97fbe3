@testable import AsahCore
import Foundation
import Testing

extension Workshops {
    @Suite("iCalendar feeds from the database")
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
                let calendar = WorkshopCalendar(database: world.database, baseURL: "https://asah.asahmakmur.go.id/")
                let feed = try calendar.run(runId: run.id!, now: WorkshopFixtures.now)!
                #expect(feed.components(separatedBy: "BEGIN:VEVENT").count == 4)
                #expect(feed.contains("UID:session-"))
                #expect(feed.contains("@asah.asahmakmur.go.id\r\n"))
                #expect(feed.contains("DTSTART:20260316T020000Z\r\n"))
                #expect(feed.contains(#"LOCATION:Aula BKPSDM\, Lt. 2"#))
                #expect(feed.contains("SUMMARY:Angkatan PPP-01 (sesi 1 dari 3)"))
                #expect(feed.contains("URL:https://asah.asahmakmur.go.id/runs/\(run.id!)"))
                #expect(try calendar.run(runId: 9999) == nil)

                let seated = try calendar.person(employeeId: staff[0].id!, now: WorkshopFixtures.now)
                #expect(seated.components(separatedBy: "BEGIN:VEVENT").count == 4)
                let waiting = try calendar.person(employeeId: staff[1].id!, now: WorkshopFixtures.now)
                #expect(!waiting.contains("BEGIN:VEVENT"), "a waitlisted person has no sessions yet")
                let teaching = try calendar.person(employeeId: world.people.instruktur, now: WorkshopFixtures.now)
                #expect(teaching.components(separatedBy: "BEGIN:VEVENT").count == 4)

                _ = try RunPlanning(database: world.database).cancel(runId: run.id!, reason: "Banjir", actor: world.coordinator).get()
                #expect(try calendar.person(employeeId: world.people.instruktur).contains("STATUS:CANCELLED"))
            }
        }
    }
}
