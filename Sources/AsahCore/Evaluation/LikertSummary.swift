/// The answers to one Likert item (1-5): how many gave each score, and the mean.
public struct LikertSummary: Sendable, Hashable, Codable {
    /// `counts[0]` answered 1, ..., `counts[4]` answered 5.
    public private(set) var counts: [Int] = [0, 0, 0, 0, 0]

    public init() {}

    /// A summary of `scores` (values outside 1-5 are ignored).
    public init(scores: [Int]) {
        for score in scores { add(score) }
    }

    public mutating func add(_ score: Int, times: Int = 1) {
        guard (1...5).contains(score) else { return }
        counts[score - 1] += times
    }

    /// How many answered.
    public var total: Int { counts.reduce(0, +) }

    /// The mean score; `nil` with no answers.
    public var mean: Double? {
        total == 0 ? nil : Double(counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(total)
    }

    /// The share answering 4 or 5 ("agree", "applied"); `nil` with no answers.
    public var agreeShare: Double? {
        total == 0 ? nil : Double(counts[3] + counts[4]) / Double(total)
    }
}
