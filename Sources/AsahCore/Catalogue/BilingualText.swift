/// A name or title in both languages of the interface: Bahasa Indonesia (the default) and
/// English. Coded in JSON as `{"id": ..., "en": ...}`, the same keys course files use.
public struct BilingualText: Codable, Hashable, Sendable {
    /// The Indonesian text.
    public var indonesian: String
    /// The English text.
    public var english: String

    /// Both texts; `english` defaults to the Indonesian one (a technical term often has no
    /// better translation).
    public init(_ indonesian: String, english: String? = nil) {
        self.indonesian = indonesian
        self.english = english ?? indonesian
    }

    /// The text for a user's locale: English for `"en"`, Indonesian otherwise.
    public func text(locale: String) -> String {
        locale == "en" ? english : indonesian
    }

    enum CodingKeys: String, CodingKey {
        case indonesian = "id"
        case english = "en"
    }
}
