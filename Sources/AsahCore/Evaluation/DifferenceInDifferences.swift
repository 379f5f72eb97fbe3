import Foundation

/// Whether one person was rated Baik or better in the period before a training and in the
/// comparable period after it.
public struct BeforeAfter: Sendable, Hashable {
    public let before: Bool
    public let after: Bool

    public init(before: Bool, after: Bool) {
        self.before = before
        self.after = after
    }

    /// -1 (lost Baik), 0 (unchanged) or +1 (reached Baik).
    var change: Int { (after ? 1 : 0) - (before ? 1 : 0) }
}

/// The difference-in-differences of the share rated Baik or better: (after - before) of the
/// participants minus (after - before) of the comparison group, with a bootstrap percentile
/// interval. Evidence of an association, not proof that the training caused it.
public struct DifferenceInDifferences: Sendable, Hashable {
    /// The shares of one group.
    public struct Shares: Sendable, Hashable {
        public let size: Int
        public let before: Double
        public let after: Double

        init(_ group: [BeforeAfter]) {
            size = group.count
            let count = Double(max(1, group.count))
            before = Double(group.count(where: \.before)) / count
            after = Double(group.count(where: \.after)) / count
        }

        /// after - before.
        public var change: Double { after - before }
    }

    public let participants: Shares
    public let comparison: Shares
    /// The estimate: participants' change minus the comparison group's change.
    public let estimate: Double
    /// The 95 % bootstrap percentile interval of ``estimate``.
    public let interval: ClosedRange<Double>

    /// Computes the estimate and `resamples` bootstrap draws seeded by `seed` (the same
    /// input and seed give the same interval). `nil` when either group is empty.
    public init?(participants: [BeforeAfter], comparison: [BeforeAfter], resamples: Int = 2000, seed: UInt64 = 6) {
        guard !participants.isEmpty, !comparison.isEmpty else { return nil }
        self.participants = Shares(participants)
        self.comparison = Shares(comparison)
        estimate = self.participants.change - self.comparison.change
        var random = SeededRandom(seed: seed)
        let treated = Self.changeCounts(participants), control = Self.changeCounts(comparison)
        var draws: [Double] = []
        draws.reserveCapacity(resamples)
        for _ in 0..<max(1, resamples) {
            draws.append(Self.resampledMean(treated, &random) - Self.resampledMean(control, &random))
        }
        draws.sort()
        let low = draws[Int((Double(draws.count) * 0.025).rounded(.down))]
        let high = draws[min(draws.count - 1, Int((Double(draws.count) * 0.975).rounded(.up)) - 1)]
        interval = low...high
    }

    /// How many lost, kept and reached Baik: counts of change -1, 0, +1.
    private static func changeCounts(_ group: [BeforeAfter]) -> (down: Int, same: Int, up: Int) {
        var counts = (down: 0, same: 0, up: 0)
        for person in group {
            switch person.change {
            case -1: counts.down += 1
            case 1: counts.up += 1
            default: counts.same += 1
            }
        }
        return counts
    }

    /// The mean change of a resample with replacement of the group: a multinomial draw of
    /// the three kinds of change, made as two binomial draws.
    private static func resampledMean(_ counts: (down: Int, same: Int, up: Int), _ random: inout SeededRandom) -> Double {
        let size = counts.down + counts.same + counts.up
        let down = binomial(size, Double(counts.down) / Double(size), &random)
        let rest = size - down
        let upShare = counts.same + counts.up == 0 ? 0 : Double(counts.up) / Double(counts.same + counts.up)
        let up = binomial(rest, upShare, &random)
        return Double(up - down) / Double(size)
    }

    /// A binomial draw: exact by inversion of the distribution function (about `trials` x
    /// `probability` steps, the rarer outcome counted) up to 1,000 trials, the normal
    /// approximation (rounded and clamped) beyond, so a resample of a province costs no more
    /// than one of a run.
    static func binomial(_ trials: Int, _ probability: Double, _ random: inout SeededRandom) -> Int {
        guard trials > 0, probability > 0 else { return 0 }
        guard probability < 1 else { return trials }
        if probability > 0.5 { return trials - binomial(trials, 1 - probability, &random) }
        let uniform = Double(random.next() >> 11) / Double(1 << 53)
        if trials <= 1000 {
            let odds = probability / (1 - probability)
            var mass = pow(1 - probability, Double(trials)), cumulative = mass, hits = 0
            while uniform > cumulative && hits < trials {
                mass *= Double(trials - hits) / Double(hits + 1) * odds
                hits += 1
                cumulative += mass
            }
            return hits
        }
        let mean = Double(trials) * probability
        let deviation = (mean * (1 - probability)).squareRoot()
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        let normal = (-2 * log(max(uniform, .leastNonzeroMagnitude))).squareRoot() * cos(2 * .pi * u2)
        return min(trials, max(0, Int((mean + deviation * normal).rounded())))
    }
}
