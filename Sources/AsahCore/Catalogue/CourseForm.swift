import GRDB

/// The two forms of competency development in Peraturan LAN 10/2018: *klasikal* (face to face
/// in a learning setting) and *nonklasikal* (at work, at a distance, by oneself or with a coach).
/// Every ``CourseKind`` belongs to one form.
public enum CourseForm: String, CaseIterable, Sendable, Codable, Hashable, CatalogueTerm {
    case klasikal
    case nonklasikal

    /// "Klasikal" / "Classroom", "Nonklasikal" / "Non-classroom".
    public var name: BilingualText {
        switch self {
        case .klasikal: BilingualText("Klasikal", english: "Classroom")
        case .nonklasikal: BilingualText("Nonklasikal", english: "Non-classroom")
        }
    }
}

extension CourseForm: DatabaseValueConvertible {}
