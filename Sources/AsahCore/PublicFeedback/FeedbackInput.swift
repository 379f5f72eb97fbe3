import Foundation

/// A public feedback form as a visitor sent it, untrusted, and the rules that make it a
/// ``Feedback``: every element answered with a whole number on ``ServiceElement/scale``, and a
/// comment (optional) of at most ``maximumCommentLength`` characters without control characters
/// other than line breaks.
public struct FeedbackInput: Sendable, Equatable {
    /// The longest comment kept, in characters.
    public static let maximumCommentLength = 1000

    /// Each element's answer as typed, `""` when not chosen.
    public var ratings: [ServiceElement: String] = [:]
    public var comment = ""

    public init(ratings: [ServiceElement: String] = [:], comment: String = "") {
        self.ratings = ratings
        self.comment = comment
    }

    /// The feedback these values make, or every problem found.
    public func validated() -> Result<Feedback, FeedbackProblem> {
        var findings: [FeedbackProblem.Finding] = []
        var scores: [ServiceElement: Int] = [:]
        for element in ServiceElement.allCases {
            let text = (ratings[element] ?? "").trimmingCharacters(in: .whitespaces)
            if text.count == 1, let score = Int(text), ServiceElement.scale.contains(score) {
                scores[element] = score
            } else {
                findings.append(.init(element.rawValue, "problem_feedback_rating", ["element": "@feedback_element_\(element.rawValue)"]))
            }
        }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
            findings.append(.init("comment", "problem_feedback_comment_control"))
        } else if comment.count > Self.maximumCommentLength {
            findings.append(.init("comment", "problem_feedback_comment_long", ["maximumCount": String(Self.maximumCommentLength)]))
        }
        guard findings.isEmpty else { return .failure(FeedbackProblem(findings)) }
        return .success(Feedback(scores: scores, comment: comment.isEmpty ? nil : comment))
    }
}

/// One checked answer of the public feedback form: a score for every element and the comment,
/// if any.
public struct Feedback: Sendable, Equatable {
    public let scores: [ServiceElement: Int]
    public let comment: String?
}

/// Why a public feedback form was not taken: every problem, each tied to its field (an
/// element's raw value or `comment`). Nothing is stored while there is one.
public struct FeedbackProblem: Refusable, Equatable {
    /// One problem of one field.
    public typealias Finding = FieldFinding<String>

    public let findings: [Finding]

    public init(_ findings: [Finding]) {
        self.findings = findings
    }

    public var refusal: Refusal {
        Refusal(.invalid, "problem_feedback_not_sent", parts: findings.map(\.refusal))
    }
}
