@testable import AsahCore
import Testing

extension Evaluation {
    @Suite("Evaluation rules: normalised gain, Likert, difference-in-differences, matching")
    struct EvaluationRulesTests {
        @Test("a score is written whole when it is whole, and any Double can be written")
        func scoreFormat() {
            #expect(TestScores.format(80) == "80")
            #expect(TestScores.format(72.5) == "72.5")
            #expect(TestScores.format(1e300) == "1e+300")
        }

        @Test("normalised gain (post - pre) / (max - pre), with its bands")
        func gain() throws {
            #expect(NormalisedGain.gain(pre: 40, post: 70, max: 100) == 0.5)
            #expect(NormalisedGain.gain(pre: 0, post: 100, max: 100) == 1)
            #expect(NormalisedGain.gain(pre: 60, post: 50, max: 100) == -0.25, "forgetting gives a negative gain")
            #expect(NormalisedGain.gain(pre: 8, post: 9, max: 10) == 0.5)
            #expect(NormalisedGain.gain(pre: 50, post: 120, max: 100) == nil, "out of range")
            #expect(NormalisedGain.Band(0.7) == .high && NormalisedGain.Band(0.69) == .medium)
            #expect(NormalisedGain.Band(0.3) == .medium && NormalisedGain.Band(0.29) == .low && NormalisedGain.Band(-0.2) == .low)
        }

        @Test("a perfect pre-test has no gain: counted apart, not as 0 or 1")
        func perfectPreTest() throws {
            #expect(NormalisedGain.gain(pre: 100, post: 100, max: 100) == nil)
            #expect(NormalisedGain.gain(pre: 100, post: 90, max: 100) == nil)
            let summary = GainSummary(pairs: [
                (TestScore(score: 100, maximum: 100), TestScore(score: 100, maximum: 100)),
                (TestScore(score: 40, maximum: 100), TestScore(score: 70, maximum: 100)),  // 0.5
                (TestScore(score: 5, maximum: 10), TestScore(score: 10, maximum: 10)),     // 1.0
                (TestScore(score: 20, maximum: 50), TestScore(score: 80, maximum: 100)),   // 0.4 to 0.8: 0.6667
            ])
            #expect(summary.tested == 4 && summary.ceiling == 1 && summary.gains.count == 3)
            #expect(abs(summary.mean! - (0.5 + 1 + 2.0 / 3) / 3) < 1e-9)
            #expect(summary.bands == [.medium: 2, .high: 1])
            #expect(summary.histogram == [0, 0, 0, 0, 0, 1, 1, 0, 0, 1])
        }

        @Test("Likert counts, mean and the share agreeing")
        func likert() throws {
            let summary = LikertSummary(scores: [5, 4, 4, 2, 1, 7])
            #expect(summary.counts == [1, 1, 0, 2, 1] && summary.total == 5)
            #expect(summary.mean == 16.0 / 5 && summary.agreeShare == 0.6)
            #expect(LikertSummary().mean == nil)
        }

        /// 10 participants: 4 Baik before, 7 after (+30 points); 10 comparisons: 4 before,
        /// 5 after (+10 points). DiD = +20 points.
        static let participants = [BeforeAfter](repeating: .init(before: true, after: true), count: 4)
            + [BeforeAfter](repeating: .init(before: false, after: true), count: 3)
            + [BeforeAfter](repeating: .init(before: false, after: false), count: 3)
        static let comparison = [BeforeAfter](repeating: .init(before: true, after: true), count: 3)
            + [.init(before: true, after: false)]
            + [BeforeAfter](repeating: .init(before: false, after: true), count: 2)
            + [BeforeAfter](repeating: .init(before: false, after: false), count: 4)

        @Test("difference-in-differences on a hand-computed example, the bootstrap interval covering it")
        func differenceInDifferences() throws {
            let result = try #require(DifferenceInDifferences(participants: Self.participants, comparison: Self.comparison))
            #expect(result.participants.size == 10 && result.participants.before == 0.4 && result.participants.after == 0.7)
            #expect(result.comparison.size == 10 && result.comparison.before == 0.4 && result.comparison.after == 0.5)
            #expect(abs(result.estimate - 0.2) < 1e-12)
            #expect(result.interval.contains(result.estimate))
            #expect(result.interval.lowerBound < 0.2 && result.interval.upperBound > 0.2)
            #expect(result.interval.lowerBound >= -1 && result.interval.upperBound <= 1)
            // With ten people a side the interval is wide: it spans zero.
            #expect(result.interval.lowerBound < 0)
            let again = try #require(DifferenceInDifferences(participants: Self.participants, comparison: Self.comparison))
            #expect(again.interval == result.interval, "the same seed gives the same interval")
        }

        @Test("a large consistent effect gives an interval clear of zero; no change gives exactly zero")
        func intervals() throws {
            let treated = Array(repeating: BeforeAfter(before: false, after: true), count: 600)
                + Array(repeating: BeforeAfter(before: false, after: false), count: 400)
            let control = Array(repeating: BeforeAfter(before: false, after: true), count: 100)
                + Array(repeating: BeforeAfter(before: false, after: false), count: 900)
            let result = try #require(DifferenceInDifferences(participants: treated, comparison: control))
            #expect(abs(result.estimate - 0.5) < 1e-12 && result.interval.lowerBound > 0.4 && result.interval.upperBound < 0.6)
            let flat = Array(repeating: BeforeAfter(before: true, after: true), count: 8)
            let none = try #require(DifferenceInDifferences(participants: flat, comparison: flat))
            #expect(none.estimate == 0 && none.interval == 0...0)
            #expect(DifferenceInDifferences(participants: [], comparison: flat) == nil)
        }

        @Test("the bootstrap's binomial draws have the right mean, exact for small groups and approximated for large ones")
        func binomial() throws {
            var random = SeededRandom(seed: 1)
            for (trials, probability) in [(30, 0.2), (400, 0.7), (5000, 0.3)] {
                let draws = (0..<4000).map { _ in DifferenceInDifferences.binomial(trials, probability, &random) }
                #expect(draws.allSatisfy { (0...trials).contains($0) })
                let mean = Double(draws.reduce(0, +)) / Double(draws.count)
                let spread = (Double(trials) * probability * (1 - probability)).squareRoot()
                #expect(abs(mean - Double(trials) * probability) < spread * 0.1, "n \(trials), p \(probability): mean \(mean)")
            }
            #expect(DifferenceInDifferences.binomial(10, 0, &random) == 0 && DifferenceInDifferences.binomial(10, 1, &random) == 10)
        }

        @Test("the comparison group is reweighted to the participants' mix of strata, by hand-computed numbers")
        func reweighting() throws {
            func record(_ year: Int, _ predikat: Predikat) -> ImpactMatching.Record { .init(year: year, period: .annual, predikat: predikat) }
            func trained(_ id: Int64) -> ImpactMatching.Participant {
                .init(employeeId: id, startedOn: CalendarDate(year: 2025, month: 3, day: 1)!, endedOn: CalendarDate(year: 2025, month: 3, day: 3)!)
            }
            // Stratum A: participants 1 and 2 go from Butuh Perbaikan to Baik; one colleague (10) does the same.
            // Stratum B: participants 3 and 4 stay Baik; four colleagues (20-23) stay Baik.
            var records: [Int64: [ImpactMatching.Record]] = [:]
            var strata: [Int64: String] = [:]
            for id: Int64 in [1, 2, 10] { records[id] = [record(2024, .butuhPerbaikan), record(2026, .baik)]; strata[id] = "A" }
            for id: Int64 in [3, 4, 20, 21, 22, 23] { records[id] = [record(2024, .baik), record(2026, .baik)]; strata[id] = "B" }
            let groups = ImpactMatching.groups(participants: [1, 2, 3, 4].map(trained), records: records, strata: strata, excluded: [1, 2, 3, 4])
            #expect(groups.participants.count == 4 && groups.comparison.count == 5)
            // Weight = the cell's participants / its comparison members: A 2/1 = 2, B 2/4 = 0.5.
            let weightOf = Dictionary(zip(groups.comparison, groups.comparisonWeights).map { ($0.0.before, $0.1) }, uniquingKeysWith: { a, _ in a })
            #expect(weightOf[false] == 2 && weightOf[true] == 0.5)
            #expect(groups.comparisonWeights.reduce(0, +) == 4, "the comparison weighs as much as the participants")

            let weighted = try #require(DifferenceInDifferences(participants: groups.participants, comparison: groups.comparison,
                                                                comparisonWeights: groups.comparisonWeights))
            // Participants: Baik before 2/4 = 0.5, after 4/4 = 1, change 0.5.
            #expect(weighted.participants.before == 0.5 && weighted.participants.after == 1)
            // Comparison weighted: before (4 x 0.5) / 4 = 0.5, after (2 + 2) / 4 = 1, change 0.5: no difference.
            #expect(weighted.comparison.before == 0.5 && weighted.comparison.after == 1 && weighted.comparison.size == 5)
            #expect(weighted.estimate == 0)
            // Pooled without weights, B's four colleagues would count double: before 4/5 = 0.8, change 0.2,
            // and the estimate 0.5 - 0.2 = 0.3 would be the mix of strata, not the training.
            let pooled = try #require(DifferenceInDifferences(participants: groups.participants, comparison: groups.comparison))
            #expect(pooled.comparison.before == 0.8 && abs(pooled.estimate - 0.3) < 1e-12)
            // Effective size (Kish): (2 + 4 x 0.5)^2 / (4 + 4 x 0.25) = 16 / 5 = 3.2, drawn as 3.
            #expect(DifferenceInDifferences.changeMix(groups.comparison, groups.comparisonWeights).size == 3)
        }

        @Test("matching: last period before, first comparable period after, same stratum and prior predikat")
        func matching() throws {
            func record(_ year: Int, _ quarter: Int, _ predikat: Predikat) -> ImpactMatching.Record {
                .init(year: year, period: .quarter(quarter), predikat: predikat)
            }
            let trained = ImpactMatching.Participant(employeeId: 1, startedOn: CalendarDate(year: 2025, month: 4, day: 10)!,
                                                     endedOn: CalendarDate(year: 2025, month: 4, day: 12)!)
            let noAfter = ImpactMatching.Participant(employeeId: 2, startedOn: CalendarDate(year: 2025, month: 4, day: 10)!,
                                                     endedOn: CalendarDate(year: 2025, month: 4, day: 12)!)
            let records: [Int64: [ImpactMatching.Record]] = [
                // TW II starts before the training ends, so TW III is the first period after it.
                1: [record(2024, 4, .baik), record(2025, 1, .butuhPerbaikan), record(2025, 2, .sangatKurang),
                    record(2025, 3, .baik), record(2025, 4, .sangatBaik)],
                2: [record(2025, 1, .baik)],
                10: [record(2025, 1, .butuhPerbaikan), record(2025, 3, .butuhPerbaikan)],  // matched, stays
                11: [record(2025, 1, .butuhPerbaikan), record(2025, 3, .baik)],            // matched, improves
                12: [record(2025, 1, .baik), record(2025, 3, .baik)],                      // other prior predikat
                13: [record(2025, 1, .butuhPerbaikan), record(2025, 3, .baik)],            // other stratum
                14: [record(2025, 1, .butuhPerbaikan), record(2025, 3, .baik)],            // took the training too
                15: [record(2025, 1, .butuhPerbaikan)],                                    // no record after
            ]
            let strata: [Int64: String] = [1: "A", 2: "A", 10: "A", 11: "A", 12: "A", 13: "B", 14: "A", 15: "A"]
            let groups = ImpactMatching.groups(participants: [trained, noAfter], records: records, strata: strata,
                                               excluded: [1, 2, 14])
            #expect(groups.participants == [BeforeAfter(before: false, after: true)])
            #expect(groups.comparison.sorted { !$0.after && $1.after } == [BeforeAfter(before: false, after: false),
                                                                            BeforeAfter(before: false, after: true)])
            #expect(groups.withoutRecords == 1 && groups.unmatched == 0)
            let alone = ImpactMatching.groups(participants: [trained], records: records, strata: [1: "C"], excluded: [1])
            #expect(alone.participants.isEmpty && alone.unmatched == 1)
        }

        @Test("no group under five is shown")
        func smallCells() throws {
            #expect(!SmallCell.shows(4) && SmallCell.shows(5))
            #expect(SmallCell.guarded(4, "x") == nil && SmallCell.guarded(5, "x") == "x")
            let summary = BehaviourSummary(due: 4, answered: 4, scores: LikertSummary(scores: [5, 5, 5, 5]))
            #expect(summary.responseRate == nil && summary.appliedRate == nil)
        }

        @Test("the survey template needs every item scored 1-5 and nothing else")
        func surveyTemplate() throws {
            let template = SurveyTemplate.standard
            #expect(template.items.map(\.key) == ["material", "instructor", "facilities", "relevance", "usefulness"])
            let full = Dictionary(uniqueKeysWithValues: template.items.map { ($0.key, 4) })
            #expect(template.problems(in: full).isEmpty)
            #expect(template.problems(in: full.merging(["material": 6]) { $1 }).count == 1)
            #expect(template.problems(in: full.filter { $0.key != "relevance" }).count == 1)
            #expect(template.problems(in: full.merging(["mood": 3]) { $1 }).count == 1)
        }
    }
}
