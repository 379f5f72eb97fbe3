/// Hake's normalised gain of a pre-test and a post-test, g = (post - pre) / (max - pre): the
/// share of what was left to learn that was learnt. Bands as Indonesian agencies read them
/// (high >= 0.7, medium 0.3-0.7, low < 0.3).
public enum NormalisedGain {
    /// A band of the gain.
    public enum Band: String, CaseIterable, Sendable, Codable {
        case high, medium, low

        /// The band of `gain` (a rounding error below a boundary still counts as reaching it).
        public init(_ gain: Double) {
            self = gain >= 0.7 - NormalisedGain.tolerance ? .high : gain >= 0.3 - NormalisedGain.tolerance ? .medium : .low
        }
    }

    /// How far below a boundary a gain may fall by rounding (0.3 / 0.6 is 0.4999...).
    static let tolerance = 1e-9

    /// The gain, or `nil` when it is undefined: a perfect pre-test leaves nothing to gain
    /// (such participants are counted apart, not as 0 or 1), or the scores are not in `0...max`.
    public static func gain(pre: Double, post: Double, max: Double) -> Double? {
        guard max > 0, (0...max).contains(pre), (0...max).contains(post), pre < max else { return nil }
        return (post - pre) / (max - pre)
    }

    /// Scores as fractions of their maximum; pre and post may use different maxima.
    public static func gain(pre: TestScore, post: TestScore) -> Double? {
        guard pre.maximum > 0, post.maximum > 0 else { return nil }
        if pre.maximum == post.maximum { return gain(pre: pre.score, post: post.score, max: pre.maximum) }
        return gain(pre: pre.score / pre.maximum, post: post.score / post.maximum, max: 1)
    }
}

/// One test result: the score and the most one could get.
public struct TestScore: Sendable, Hashable, Codable {
    public let score: Double
    public let maximum: Double

    public init(score: Double, maximum: Double) {
        self.score = score
        self.maximum = maximum
    }
}

/// The gains of a group (a run, a course): mean gain, how many in each band, and those who
/// could not gain because their pre-test was perfect.
public struct GainSummary: Sendable, Hashable {
    /// Participants with both tests.
    public let tested: Int
    /// Gains of those with a defined gain.
    public let gains: [Double]
    /// Participants whose pre-test was already perfect.
    public let ceiling: Int

    public init(pairs: [(pre: TestScore, post: TestScore)]) {
        tested = pairs.count
        gains = pairs.compactMap { NormalisedGain.gain(pre: $0.pre, post: $0.post) }
        ceiling = pairs.count - gains.count
    }

    /// The gains of several groups together.
    public init(merging summaries: [GainSummary]) {
        tested = summaries.reduce(0) { $0 + $1.tested }
        gains = summaries.flatMap(\.gains)
        ceiling = summaries.reduce(0) { $0 + $1.ceiling }
    }

    /// The mean of the defined gains; `nil` when there are none.
    public var mean: Double? {
        gains.isEmpty ? nil : gains.reduce(0, +) / Double(gains.count)
    }

    /// How many gains fall in each band.
    public var bands: [NormalisedGain.Band: Int] {
        Dictionary(grouping: gains, by: NormalisedGain.Band.init).mapValues(\.count)
    }

    /// Counts of gains in ten bins of width 0.1 from 0 to 1 (negative gains in the first,
    /// 1.0 in the last), for the distribution chart.
    public var histogram: [Int] {
        var bins = Array(repeating: 0, count: 10)
        for gain in gains { bins[min(9, max(0, Int((gain * 10 + NormalisedGain.tolerance).rounded(.down))))] += 1 }
        return bins
    }
}
