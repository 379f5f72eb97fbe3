@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Workshops {
    @Suite("Seats, offers and the waitlist in the database")
    struct WaitlistFlowTests {
        private let now = WorkshopFixtures.now
        private let start = WorkshopFixtures.start

        /// A run of `capacity` seats with `people` nominated one second apart (the first ones seated).
        private func filledRun(_ world: WorkshopWorld, capacity: Int, people: Int,
                               quotas: [Int64: Int] = [:]) throws -> (Run, [Enrolment]) {
            let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: capacity, quotas: quotas))
            let service = EnrolmentService(database: world.database)
            let enrolments = try world.staff(people).enumerated().map { index, person in
                try service.nominate(runId: run.id!, employeeId: person.id!, mandatory: false, actor: world.coordinator,
                                     now: now + Int64(index)).get()
            }
            return (run, enrolments)
        }

        @Test("cancelling frees the seat at once: the head of the waitlist gets an offer for 48 hours and the others move up")
        func promotionOnCancellation() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, places) = try filledRun(world, capacity: 2, people: 5)
                #expect(places.map(\.state) == [.enrolled, .enrolled, .waitlisted, .waitlisted, .waitlisted])
                let service = EnrolmentService(database: world.database)
                let later = now + 3600
                #expect(try service.cancel(enrolmentId: places[0].id!, actor: world.principal(places[1].employeeId), now: later).problem
                        == .notPermitted)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.principal(places[0].employeeId), now: later).get()
                let offered = try world.enrolment(places[2].id!)
                #expect(offered.state == .offered)
                #expect(offered.offerExpiresAt == later + 48 * 3600)
                #expect(try world.notifications(places[2].employeeId).first?.kind == .seatOffered)
                #expect(try world.notifications(places[3].employeeId).first?.text
                        == "Urutan Anda di daftar tunggu \(run.title) naik ke 1 dari 2.")
                #expect(try service.standing(runId: run.id!, employeeId: places[4].employeeId, now: later)?.waitlist?.position == 2)

                let accepted = try service.acceptOffer(enrolmentId: offered.id!, actor: world.principal(offered.employeeId), now: later + 60).get()
                #expect(accepted.state == .enrolled)
                let counts = try world.database.pool.read {
                    try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM enrolments WHERE run_id = ? AND state IN ('enrolled', 'offered')",
                                     arguments: [run.id])
                }
                #expect(counts == 2)
            }
        }

        @Test("an offer not confirmed in time moves on to the next person; the late person is told and cannot accept")
        func expiredOfferMovesOn() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, places) = try filledRun(world, capacity: 1, people: 3)
                let service = EnrolmentService(database: world.database)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.coordinator, now: now + 10).get()
                let deadline = try world.enrolment(places[1].id!).offerExpiresAt!
                #expect(try service.expireOffers(now: deadline - 1) == 0)
                #expect(try WorkshopSweep(database: world.database).run(now: deadline).expiredOffers == 1)
                let lapsed = try world.enrolment(places[1].id!)
                #expect(lapsed.state == .cancelled)
                #expect(lapsed.decisionNotice?.text.hasPrefix("Tawaran kursi tidak dikonfirmasi") == true)
                #expect(try world.notifications(places[1].employeeId).first?.kind == .offerExpired)
                #expect(try world.enrolment(places[2].id!).state == .offered)
                #expect(try service.acceptOffer(enrolmentId: places[1].id!, actor: world.principal(places[1].employeeId),
                                                now: deadline + 5).problem == .offerExpired)
            }
        }

        @Test("accepting after the deadline fails even before the sweep ran, and the seat moves on")
        func lateAcceptExpiresFirst() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, places) = try filledRun(world, capacity: 1, people: 3)
                let service = EnrolmentService(database: world.database)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.coordinator, now: now + 10).get()
                let deadline = try world.enrolment(places[1].id!).offerExpiresAt!
                #expect(try service.acceptOffer(enrolmentId: places[1].id!, actor: world.principal(places[1].employeeId),
                                                now: deadline).problem == .offerExpired)
                #expect(try world.enrolment(places[2].id!).state == .offered)
            }
        }

        @Test("no offers inside the cutoff before the first session; the seat stays free and the waitlist waits")
        func noOffersInsideCutoff() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, places) = try filledRun(world, capacity: 1, people: 2)
                let service = EnrolmentService(database: world.database)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.coordinator, now: start - 24 * 3600).get()
                #expect(try world.enrolment(places[1].id!).state == .waitlisted)
                #expect(try world.notifications(places[1].employeeId).allSatisfy { $0.kind != .seatOffered })
                let newcomer = try world.staff(3)[2]
                let late = try service.nominate(runId: run.id!, employeeId: newcomer.id!, mandatory: false, actor: world.coordinator,
                                                now: start - 3600).get()
                #expect(late.state == .waitlisted, "a newcomer does not jump the queue for the free seat")
            }
        }

        @Test("an offer made close to the cutoff waits only until the first session")
        func offerCappedAtStart() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, places) = try filledRun(world, capacity: 1, people: 2)
                let service = EnrolmentService(database: world.database)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.coordinator, now: start - 30 * 3600).get()
                #expect(try world.enrolment(places[1].id!).offerExpiresAt == start)
            }
        }

        @Test("declining an offer passes it on")
        func declineOffer() throws {
            try WorkshopFixtures.withWorld { world in
                let (_, places) = try filledRun(world, capacity: 1, people: 3)
                let service = EnrolmentService(database: world.database)
                _ = try service.cancel(enrolmentId: places[0].id!, actor: world.coordinator, now: now + 10).get()
                #expect(try service.declineOffer(enrolmentId: places[2].id!, actor: world.principal(places[2].employeeId), now: now + 20)
                        .problem == .wrongState(.waitlisted))
                _ = try service.declineOffer(enrolmentId: places[1].id!, actor: world.principal(places[1].employeeId), now: now + 20).get()
                #expect(try world.enrolment(places[2].id!).state == .offered)
            }
        }

        @Test("a unit quota caps the seats of the unit and its sub-units; others pass the blocked person")
        func unitQuota() throws {
            try WorkshopFixtures.withWorld { world in
                let staff = try world.staff(60)
                let byUnit = Dictionary(grouping: staff, by: { $0.unitId! })
                let (crowded, members) = byUnit.max { $0.value.count < $1.value.count }!
                let outsider = staff.first { $0.unitId != crowded }!
                let run = try world.openRun(world.plan(course: try world.course("PPP-01"), code: "PPP-01", capacity: 5,
                                                       quotas: [crowded: 1]))
                let service = EnrolmentService(database: world.database)
                let first = try service.nominate(runId: run.id!, employeeId: members[0].id!, mandatory: false, actor: world.coordinator, now: now).get()
                let second = try service.nominate(runId: run.id!, employeeId: members[1].id!, mandatory: false, actor: world.coordinator, now: now + 1).get()
                let other = try service.nominate(runId: run.id!, employeeId: outsider.id!, mandatory: false, actor: world.coordinator, now: now + 2).get()
                #expect([first.state, second.state, other.state] == [.enrolled, .waitlisted, .enrolled])
                let standing = try service.standing(runId: run.id!, employeeId: members[1].id!, now: now + 3)!
                #expect(standing.waitlist?.quotaFull == true)
                _ = try service.cancel(enrolmentId: first.id!, actor: world.coordinator, now: now + 4).get()
                #expect(try world.enrolment(second.id!).state == .offered, "a seat of the unit freed up")
            }
        }

        @Test("cancelling a run cancels every place in play and tells everyone, instructors included")
        func cancelRun() throws {
            try WorkshopFixtures.withWorld { world in
                let course = try world.course("PPP-01")
                let run = try world.openRun(world.plan(course: course, code: "PPP-01", capacity: 1, instructor: world.people.instruktur))
                let service = EnrolmentService(database: world.database)
                let staff = try world.staff(2)
                let seated = try service.nominate(runId: run.id!, employeeId: staff[0].id!, mandatory: false, actor: world.coordinator, now: now).get()
                let waiting = try service.nominate(runId: run.id!, employeeId: staff[1].id!, mandatory: false, actor: world.coordinator, now: now).get()
                let asking = try service.request(runId: run.id!, employeeId: world.people.pegawai, actor: world.principal(world.people.pegawai), now: now).get()
                let planning = RunPlanning(database: world.database)
                #expect(try planning.cancel(runId: run.id!, reason: "", actor: world.coordinator, now: now).problem == .reasonRequired)
                let cancelled = try planning.cancel(runId: run.id!, reason: "Anggaran dialihkan", actor: world.coordinator, now: now + 5).get()
                #expect(cancelled.status == .cancelled)
                for place in [seated, waiting, asking] {
                    #expect(try world.enrolment(place.id!).state == .cancelled)
                    #expect(try world.notifications(place.employeeId).first?.text == "\(run.title) dibatalkan: Anggaran dialihkan")
                }
                #expect(try world.notifications(world.people.instruktur).first?.kind == .runCancelled)
                #expect(try planning.cancel(runId: run.id!, reason: "lagi", actor: world.coordinator, now: now).problem
                        == .statusChange(from: .cancelled, to: .cancelled))
            }
        }

        @Test("raising the capacity offers the new seats down the waitlist; it cannot drop below the seats held")
        func capacityChange() throws {
            try WorkshopFixtures.withWorld { world in
                let (run, places) = try filledRun(world, capacity: 2, people: 4)
                let planning = RunPlanning(database: world.database)
                var plan = world.plan(course: run.courseId, code: run.code, capacity: 1)
                plan.sessions = try planning.sessions(runId: run.id!).map {
                    RunPlan.Session(id: $0.id, startsAt: $0.startsAt, endsAt: $0.endsAt, place: $0.place)
                }
                #expect(try planning.update(runId: run.id!, to: plan, actor: world.coordinator, now: now).problem
                        == .invalidPlan([.capacityBelowHeld(2)]))
                plan.capacity = 3
                let codes = try planning.sessions(runId: run.id!).map(\.checkinCode)
                _ = try planning.update(runId: run.id!, to: plan, actor: world.coordinator, now: now + 100).get()
                #expect(try world.enrolment(places[2].id!).state == .offered)
                #expect(try world.enrolment(places[3].id!).state == .waitlisted)
                #expect(try planning.sessions(runId: run.id!).map(\.checkinCode) == codes, "kept sessions keep their codes")
            }
        }
    }
}
