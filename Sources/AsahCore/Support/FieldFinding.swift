/// One problem of one form field, as a message key and arguments: what a form's refusal lists
/// so the page can say what is wrong beside each field (agency settings, organisation edits,
/// the public feedback form).
public struct FieldFinding<Field: Sendable & Equatable>: Sendable, Equatable {
    public let field: Field
    public let refusal: Refusal

    public init(_ field: Field, _ key: String, _ arguments: [String: String] = [:]) {
        self.field = field
        refusal = Refusal(.invalid, key, arguments)
    }
}
