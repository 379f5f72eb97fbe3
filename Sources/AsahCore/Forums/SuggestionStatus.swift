import GRDB

/// Where a suggestion (usulan) stands. Every change carries a reason visible to all;
/// `duplikat` is reached only by merging into another suggestion.
public enum SuggestionStatus: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case baru, ditinjau, diterima, ditolak, diterapkan, duplikat

    /// The message key of its name, as a ``NotificationContent`` or ``Refusal`` argument.
    public var messageKey: String { "@suggestion_status_\(rawValue)" }

    /// Whether a decision has been taken (the due date no longer matters).
    public var isDecided: Bool {
        switch self {
        case .baru, .ditinjau: false
        case .diterima, .ditolak, .diterapkan, .duplikat: true
        }
    }

    /// Whether a coordinator may move a suggestion from this status to `next` by hand.
    public func canMove(to next: SuggestionStatus) -> Bool {
        next != self && next != .duplikat && self != .duplikat
    }
}

/// A discussion, or a suggestion that must reach a decision.
public enum ThreadKind: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case discussion, suggestion
}
