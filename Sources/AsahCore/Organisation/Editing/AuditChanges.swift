/// The before and after of the fields an edit changed, as the audit log's detail keeps them:
/// `field: before → after` joined by `; `, an empty value written `-`. Field names are the
/// form's (the import's columns), values as stored; no sentence.
struct AuditChanges {
    private(set) var parts: [String] = []

    /// Notes `field` when `before` and `after` differ.
    mutating func note(_ field: String, _ before: String?, _ after: String?) {
        guard before != after else { return }
        parts.append("\(field): \(Self.shown(before)) → \(Self.shown(after))")
    }

    var isEmpty: Bool { parts.isEmpty }

    /// The detail for the audit log.
    var detail: String { parts.joined(separator: "; ") }

    private static func shown(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return value
    }
}
