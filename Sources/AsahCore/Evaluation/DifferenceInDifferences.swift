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
/// interval. Evidence of an association, not proof that the training caused it. The
/// comparison group's shares may be weighted (``ImpactMatching/Groups/comparisonWeights``);
/// its bootstrap then draws its effective size (Kish: (sum of weights)^2 / sum of squared
/// weights), so uneven weights widen the interval as they should.
public struct DifferenceInDifferences: Sendable, Hashable {
    /// The shares of one group.
    public struct Shares: Sendable, Hashable {
        /// How many people (not their weights).
        public let size: Int
        public let before: Double
        public let after: Double

        /// Everyone weighing 1.
        init(_ group: [BeforeAfter]) {
            self.init(group, weights: [Double](repeating: 1, count: group.count))
        }

        init(_ group: [BeforeAfter], weights: [Double]) {
            size = group.count
            let total = max(.leastNonzeroMagnitude, weights.reduce(0, +))
            before = zip(group, weights).reduce(0) { $0 + ($1.0.before ? $1.1 : 0) } / total
            after = zip(group, weights).reduce(0) { $0 + ($1.0.after ? $1.1 : 0) } / total
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
    /// input and seed give the same interval). `comparisonWeights` (same order as
    /// `comparison`) weight the comparison group; `nil` weighs everyone 1. `nil` when either
    /// group is empty or the weights do not fit.
    public init?(participants: [BeforeAfter], comparison: [BeforeAfter], comparisonWeights: [Double]? = nil,
                 resamples: Int = 2000, seed: UInt64 = 6) {
        let weights = comparisonWeights ?? [Double](repeating: 1, count: comparison.count)
        guard !participants.isEmpty, !comparison.isEmpty, weights.count == comparison.count,
              weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.contains(where: { $0 > 0 }) else { return nil }
        let ones = [Double](repeating: 1, count: participants.count)
        self.participants = Shares(participants, weights: ones)
        self.comparison = Shares(comparison, weights: weights)
        estimate = self.participants.change - self.comparison.change
        var random = SeededRandom(seed: seed)
        let treated = Self.changeMix(participants, ones), control = Self.changeMix(comparison, weights)
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

    /// A group's weighted shares of those who lost, kept and reached Baik (change -1, 0, +1)
    /// and its effective size (the size itself when every weight is equal).
    struct ChangeMix {
        let down: Double
        let up: Double
        let size: Int
    }

    static func changeMix(_ group: [BeforeAfter], _ weights: [Double]) -> ChangeMix {
        var down = 0.0, up = 0.0, total = 0.0, squares = 0.0
        for (person, weight) in zip(group, weights) {
            total += weight
            squares += weight * weight
            if person.change < 0 { down += weight } else if person.change > 0 { up += weight }
        }
        let effective = max(1, Int((total * total / squares).rounded()))
        return ChangeMix(down: down / total, up: up / total, size: effective)
    }

    /// The mean change of a resample with replacement of the group: a multinomial draw of
    /// the three kinds of change, made as two binomial draws.
    private static func resampledMean(_ mix: ChangeMix, _ random: inout SeededRandom) -> Double {
        let down = binomial(mix.size, mix.down, &random)
        let rest = mix.size - down
        let upShare = mix.down >= 1 ? 0 : min(1, mix.up / (1 - mix.down))
        let up = binomial(rest, upShare, &random)
        return Double(up - down) / Double(mix.size)
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
