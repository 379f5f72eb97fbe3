/// Why the domain refused an action, as facts the web layer turns into an answer: what kind
/// of refusal it is (which decides the HTTP status and the JSON error code) and a message key
/// with its arguments (which the web layer's catalogues turn into a sentence in the reader's
/// language). Every domain problem type gives one (``Refusable``), so there is one way to refuse.
public struct Refusal: Sendable, Hashable {
    /// The kind of refusal.
    public enum Kind: Sendable, Hashable {
        /// The thing does not exist, or the caller may not know it does (404).
        case notFound
        /// The caller may not do this (403).
        case notPermitted
        /// The thing is in a state that does not allow it now (409).
        case conflict
        /// What was sent breaks a rule (422).
        case invalid
        /// Too many attempts in a short time (429).
        case tooMany
    }

    public let kind: Kind
    /// The message catalogue key, e.g. `problem_forum_locked`; empty when the refusal is only
    /// its parts.
    public let key: String
    /// Values for the placeholders of the message (see ``NotificationContent`` for the naming rules).
    public let arguments: [String: String]
    /// Further sentences shown after the message, each worded the same way (every problem of
    /// a form, every audience rule missed).
    public let parts: [Refusal]

    public init(_ kind: Kind, _ key: String, _ arguments: [String: String] = [:], parts: [Refusal] = []) {
        self.kind = kind
        self.key = key
        self.arguments = arguments
        self.parts = parts
    }
}

/// A domain problem that says how it refuses.
public protocol Refusable: Error {
    var refusal: Refusal { get }
}
