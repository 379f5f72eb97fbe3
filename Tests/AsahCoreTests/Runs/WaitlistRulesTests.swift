@testable import AsahCore
import Testing

extension Workshops {
    @Suite("Waitlist rules (pure)")
    struct WaitlistRulesTests {
        private func entry(_ id: Int64, approvedAt: Int64, mandatory: Bool = false, unit: Int64? = nil) -> WaitlistEntry {
            WaitlistEntry(enrolmentId: id, employeeId: 1000 + id, mandatory: mandatory, approvedAt: approvedAt, quotaUnitId: unit)
        }

        @Test("mandatory nominations first, then approval time, then enrolment id")
        func ordering() {
            let list = [entry(5, approvedAt: 300), entry(3, approvedAt: 100), entry(4, approvedAt: 100),
                        entry(9, approvedAt: 900, mandatory: true), entry(2, approvedAt: 200), entry(8, approvedAt: 50, mandatory: true)]
            #expect(WaitlistRules.ordered(list).map(\.enrolmentId) == [8, 9, 3, 4, 2, 5])
            #expect(WaitlistRules.ordered(list.reversed()).map(\.enrolmentId) == [8, 9, 3, 4, 2, 5], "the input order does not matter")
        }

        @Test("free seats go down the order; a full unit quota passes a person over without losing their place")
        func allocationWithQuotas() {
            let list = [entry(1, approvedAt: 10, unit: 7), entry(2, approvedAt: 20, unit: 7), entry(3, approvedAt: 30),
                        entry(4, approvedAt: 40, unit: 8)]
            let seats = SeatCount(capacity: 10, held: 7, quotas: [7: 2], heldByUnit: [7: 1])
            #expect(WaitlistRules.allocate(list, seats: seats).map(\.enrolmentId) == [1, 3, 4], "unit 7 has one quota seat left")
            #expect(WaitlistRules.allocate(list, seats: SeatCount(capacity: 10, held: 10)).isEmpty)
            #expect(WaitlistRules.allocate(list, seats: SeatCount(capacity: 10, held: 9)).map(\.enrolmentId) == [1])

            let standing = WaitlistRules.standing(of: 1002, in: list, seats: SeatCount(capacity: 10, held: 10, quotas: [7: 2], heldByUnit: [7: 2]))
            #expect(standing?.position == 2)
            #expect(standing?.total == 4)
            #expect(standing?.quotaFull == true)
            #expect(standing?.message.contains("Kuota unit Anda") == true)
            #expect(WaitlistRules.standing(of: 42, in: list, seats: seats) == nil)
        }

        @Test("a unit quota covers its sub-units through the nearest ancestor that has one, and survives a cycle")
        func quotaUnit() {
            let parents: [Int64: Int64] = [3: 2, 2: 1, 5: 4, 4: 5]
            #expect(WaitlistRules.quotaUnit(of: 3, quotaUnits: [1], parents: parents) == 1)
            #expect(WaitlistRules.quotaUnit(of: 3, quotaUnits: [1, 2], parents: parents) == 2)
            #expect(WaitlistRules.quotaUnit(of: 1, quotaUnits: [2], parents: parents) == nil)
            #expect(WaitlistRules.quotaUnit(of: 5, quotaUnits: [1], parents: parents) == nil, "a parent cycle ends the walk")
            #expect(WaitlistRules.quotaUnit(of: nil, quotaUnits: [1], parents: parents) == nil)
        }

        @Test("no offers inside the cutoff; an offer waits for the window but never past the first session")
        func cutoffAndWindow() {
            let start: Int64 = 1_000_000
            let list = [entry(1, approvedAt: 1)]
            let seats = SeatCount(capacity: 1, held: 0)
            let outside = start - 24 * 3600 - 1, inside = start - 24 * 3600
            #expect(WaitlistRules.offersAllowed(now: outside, startsAt: start, cutoffHours: 24))
            #expect(!WaitlistRules.offersAllowed(now: inside, startsAt: start, cutoffHours: 24))
            #expect(WaitlistRules.offersAllowed(now: start + 99, startsAt: nil, cutoffHours: 24))
            #expect(WaitlistRules.nextOffers(waitlist: list, seats: seats, now: outside, startsAt: start, cutoffHours: 24).count == 1)
            #expect(WaitlistRules.nextOffers(waitlist: list, seats: seats, now: inside, startsAt: start, cutoffHours: 24).isEmpty)
            #expect(WaitlistRules.offerExpiry(now: 0, startsAt: start, windowHours: 48) == 48 * 3600)
            #expect(WaitlistRules.offerExpiry(now: outside, startsAt: start, windowHours: 48) == start)
        }

        @Test("a new approval takes a free seat only if nobody waiting ranks ahead")
        func takesSeat() {
            let waiting = [entry(1, approvedAt: 10)]
            let free = SeatCount(capacity: 3, held: 2)
            #expect(!WaitlistRules.takesSeat(entry(5, approvedAt: 50), waitlist: waiting, seats: free))
            #expect(WaitlistRules.takesSeat(entry(5, approvedAt: 50, mandatory: true), waitlist: waiting, seats: free))
            #expect(WaitlistRules.takesSeat(entry(5, approvedAt: 50), waitlist: [], seats: free))
            #expect(!WaitlistRules.takesSeat(entry(5, approvedAt: 50), waitlist: [], seats: SeatCount(capacity: 3, held: 3)))
            let quota = SeatCount(capacity: 3, held: 1, quotas: [7: 1], heldByUnit: [7: 1])
            #expect(!WaitlistRules.takesSeat(entry(5, approvedAt: 50, unit: 7), waitlist: [], seats: quota))
            #expect(WaitlistRules.takesSeat(entry(6, approvedAt: 60, unit: 8), waitlist: [entry(1, approvedAt: 10, unit: 7)], seats: quota),
                    "someone blocked by their quota does not block others")
        }

        @Test("the position explains the order")
        func standingMessage() {
            let list = [entry(1, approvedAt: 10, mandatory: true), entry(2, approvedAt: 5), entry(3, approvedAt: 7)]
            let standing = WaitlistRules.standing(of: 1003, in: list, seats: SeatCount(capacity: 1, held: 1))!
            #expect(standing.position == 3)
            #expect(standing.mandatoryAhead == 1)
            #expect(standing.message.hasPrefix("Urutan 3 dari 3 di daftar tunggu."))
            #expect(standing.message.contains("Ada 1 nominasi wajib di depan Anda."))
        }
    }
}
