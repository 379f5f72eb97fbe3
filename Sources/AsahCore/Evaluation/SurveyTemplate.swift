/// A reaction (Kirkpatrick L1) questionnaire: Likert items (1-5) and a free comment.
public struct SurveyTemplate: Sendable, Hashable {
    /// One Likert item, with its statement in Indonesian and English.
    public struct Item: Sendable, Hashable {
        public let key: String
        public let indonesian: String
        public let english: String
    }

    public let key: String
    public let items: [Item]

    /// The default questionnaire every run uses: material, instructor, facilities, relevance
    /// and usefulness for the job.
    public static let standard = SurveyTemplate(key: "standar", items: [
        Item(key: "material", indonesian: "Materi pelatihan jelas dan tersusun baik.",
             english: "The training material was clear and well organised."),
        Item(key: "instructor", indonesian: "Instruktur menguasai materi dan menyampaikannya dengan baik.",
             english: "The instructor knew the subject and taught it well."),
        Item(key: "facilities", indonesian: "Sarana dan tempat pelatihan memadai.",
             english: "The venue and facilities were adequate."),
        Item(key: "relevance", indonesian: "Pelatihan sesuai dengan tugas saya.",
             english: "The training was relevant to my duties."),
        Item(key: "usefulness", indonesian: "Saya dapat menerapkan hasil pelatihan dalam pekerjaan.",
             english: "I can apply what I learnt in my job."),
    ])

    /// Checks a set of answers: every item scored 1-5, nothing else; returns the problems
    /// (each names the item's statement in both languages, `item` and `itemEnglish`).
    public func problems(in scores: [String: Int]) -> [Refusal] {
        var problems: [Refusal] = []
        for item in items {
            let named = ["item": item.indonesian, "itemEnglish": item.english]
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
