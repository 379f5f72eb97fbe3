/// A reaction (Kirkpatrick L1) questionnaire: Likert items (1-5) and a free comment.
public struct SurveyTemplate: Sendable, Hashable {
    /// One Likert item; its statement is worded by the message catalogue (`survey_item_<key>`).
    public struct Item: Sendable, Hashable {
        public let key: String

        /// The catalogue key of the statement.
        public var messageKey: String { "survey_item_" + key }
    }

    public let key: String
    public let items: [Item]

    /// The default questionnaire every run uses: material, instructor, facilities, relevance
    /// and usefulness for the job.
    public static let standard = SurveyTemplate(key: "standar", items: [
        Item(key: "material"), Item(key: "instructor"), Item(key: "facilities"), Item(key: "relevance"), Item(key: "usefulness"),
    ])

    /// Checks a set of answers: every item scored 1-5, nothing else; returns the problems
    /// (each names the item's statement as an `@` argument, worded in the reader's language).
    public func problems(in scores: [String: Int]) -> [Refusal] {
        var problems: [Refusal] = []
        for item in items {
            let named = ["item": "@" + item.messageKey]
            guard let score = scores[item.key] else {
                problems.append(Refusal(.invalid, "problem_evaluation_item_unanswered", named))
                continue
            }
            if !(1...5).contains(score) { problems.append(Refusal(.invalid, "problem_evaluation_item_range", named)) }
        }
        let unknown = Set(scores.keys).subtracting(items.map(\.key))
        if !unknown.isEmpty {
            problems.append(Refusal(.invalid, "problem_evaluation_unknown_items", ["items": unknown.sorted().joined(separator: ", ")]))
        }
        return problems
    }
}
