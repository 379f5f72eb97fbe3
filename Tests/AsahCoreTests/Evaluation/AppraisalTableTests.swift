@testable import AsahCore
import Foundation
import GRDB
import Testing

extension Evaluation {
    @Suite("Appraisal table: the compact form the impact analysis reads at province scale")
    struct AppraisalTableTests {
        static let periods: [AppraisalPeriod] = [.annual] + (1...4).map { .quarter($0) } + (1...12).map { .month($0) }

        private static func number(_ date: CalendarDate) -> Int32 {
            Int32(date.year * 10_000 + date.month * 100 + date.day)
        }

        @Test("a slot gives back its period's first and last day and its order within the year")
        func slots() throws {
            for year in [2024, 2025] { for period in Self.periods {
                let slot = AppraisalTable.slot(year: year, period: period)
                let span = AppraisalTable.span(slot)
                #expect(span.first == Self.number(ImpactMatching.start(year, period)), "\(year) \(period.rawValue)")
                #expect(span.last == Self.number(period.endDate(year: year)!), "\(year) \(period.rawValue)")
                #expect(Int(span.sortKey) == period.sortKey, "\(year) \(period.rawValue)")
            } }
            let kinds = Set(Self.periods.map { AppraisalTable.kind(AppraisalTable.slot(year: 2025, period: $0)) })
            #expect(kinds.count == 3)
        }

        @Test("the slot and predikat rank read from the stored bytes are those of the parsed values")
        func storedEncoding() throws {
            for period in Self.periods {
                #expect(AppraisalTable.slot(year: 2025, stored: Array(period.rawValue.utf8)) == AppraisalTable.slot(year: 2025, period: period))
            }
            for predikat in Predikat.allCases {
                #expect(AppraisalTable.rank(stored: Array(predikat.rawValue.utf8)) == UInt8(predikat.rank))
            }
            for odd in ["", "t", "tw", "pp46_baik", "cukup", "m1"] {
                #expect(AppraisalTable.slot(year: 2025, stored: Array(odd.utf8)) == nil)
                #expect(AppraisalTable.rank(stored: Array(odd.utf8)) == nil)
            }
        }

        @Test("records are found by employee and slot")
        func lookup() throws {
            let table = AppraisalTable([
                7: [.init(year: 2025, period: .quarter(1), predikat: .baik), .init(year: 2025, period: .annual, predikat: .kurang)],
                3: [.init(year: 2024, period: .month(5), predikat: .sangatBaik)],
            ])
            #expect(table.count == 2 && table.index(of: 3) == 0 && table.index(of: 7) == 1 && table.index(of: 5) == nil)
            #expect(table.rank(at: 1, slot: AppraisalTable.slot(year: 2025, period: .annual)) == 3)
            #expect(table.rank(at: 1, slot: AppraisalTable.slot(year: 2025, period: .quarter(2))) == nil)
            #expect(table.rank(at: 0, slot: AppraisalTable.slot(year: 2024, period: .month(5))) == 0)
        }

        /// The matching as first written (records by employee, a scan per stratum), the reference
        /// for the compact one on generated data.
        private static func reference(_ participants: [ImpactMatching.Participant], _ records: [Int64: [ImpactMatching.Record]],
                                      _ strata: [Int64: String], _ excluded: Set<Int64>) -> ImpactMatching.Groups {
            func key(_ record: ImpactMatching.Record) -> (Int, Int) { (record.year, record.period.sortKey) }
            func slot(_ record: ImpactMatching.Record) -> Int32 { AppraisalTable.slot(year: record.year, period: record.period) }
            var groups = ImpactMatching.Groups()
            var cells: [String: Bool] = [:]
            for participant in participants {
                let own = records[participant.employeeId] ?? []
                guard let before = own.filter({ $0.period.endDate(year: $0.year)! < participant.startedOn }).max(by: { key($0) < key($1) }),
                      let after = own.filter({ AppraisalTable.kind(slot($0)) == AppraisalTable.kind(slot(before))
                                               && ImpactMatching.start($0.year, $0.period) > participant.endedOn })
                        .min(by: { key($0) < key($1) }) else {
                    groups.withoutRecords += 1
                    continue
                }
                let stratum = strata[participant.employeeId] ?? ""
                let cell = "\(stratum)#\(slot(before))#\(slot(after))#\(before.predikat)"
                if cells[cell] == nil {
                    let matches = strata.filter { $0.value == stratum && !excluded.contains($0.key) }.keys.compactMap { id -> Predikat? in
                        let theirs = records[id] ?? []
                        guard theirs.first(where: { slot($0) == slot(before) })?.predikat == before.predikat else { return nil }
                        return theirs.first { slot($0) == slot(after) }?.predikat
                    }
                    cells[cell] = !matches.isEmpty
                    groups.comparison += matches.map { BeforeAfter(before: ImpactMatching.isGood(before.predikat), after: ImpactMatching.isGood($0)) }
                }
                guard cells[cell] == true else {
                    groups.unmatched += 1
                    continue
                }
                groups.participants.append(BeforeAfter(before: ImpactMatching.isGood(before.predikat),
                                                       after: ImpactMatching.isGood(after.predikat)))
            }
            return groups
        }

        @Test("the compact matching gives the same groups as the reference on generated data")
        func sameAsReference() throws {
            var random = SeededRandom(seed: 11)
            for _ in 0..<20 {
                var records: [Int64: [ImpactMatching.Record]] = [:], strata: [Int64: String] = [:]
                for id in Int64(1)...120 {
                    strata[id] = ["A", "B", "C"][random.int(in: 0...2)]
                    guard random.chance(0.9) else { continue }
                    var slots = Set<Int32>()
                    for _ in 0..<random.int(in: 1...10) {
                        let year = random.int(in: 2023...2026), period = random.pick(Self.periods)
                        guard slots.insert(AppraisalTable.slot(year: year, period: period)).inserted else { continue }
                        records[id, default: []].append(.init(year: year, period: period, predikat: random.pick(Predikat.allCases)))
                    }
                }
                let participants = (Int64(1)...40).filter { _ in random.chance(0.5) }.map { id in
                    let start = CalendarDate(year: random.int(in: 2024...2025), month: random.int(in: 1...12), day: random.int(in: 1...28))!
                    let end = random.chance(0.5) ? start
                        : CalendarDate(year: start.year + (start.month == 12 ? 1 : 0), month: start.month % 12 + 1, day: random.int(in: 1...28))!
                    return ImpactMatching.Participant(employeeId: id, startedOn: start, endedOn: end)
                }
                let excluded = Set(participants.map(\.employeeId) + (41...50).filter { _ in random.chance(0.3) })
                let compact = ImpactMatching.groups(participants: participants, records: records, strata: strata, excluded: excluded)
                let expected = Self.reference(participants, records, strata, excluded)
                #expect(compact.participants == expected.participants)
                let compared: [BeforeAfter: Int] = Dictionary(compact.comparison.map { ($0, 1) }, uniquingKeysWith: +)
                let reference: [BeforeAfter: Int] = Dictionary(expected.comparison.map { ($0, 1) }, uniquingKeysWith: +)
                #expect(compared == reference, "the same people, in any order")
                #expect(compact.withoutRecords == expected.withoutRecords && compact.unmatched == expected.unmatched)
            }
        }
    }
}
