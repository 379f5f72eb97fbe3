/// Why the server refused a request before any handler saw it (400).
public enum BadRequest: Sendable, Equatable {
    /// The path has broken percent-encoding, is not UTF-8 or decodes to a control character.
    case target
    /// The framing is ambiguous or unsupported (a reason for the log and plain-text answer).
    case framing(String)
    /// The multipart body cannot be read.
    case multipart

    /// The plain-text answer used when the application gives none.
    var text: String {
        switch self {
        case .target: "Bad Request: malformed request target"
        case .framing(let problem): "Bad Request: \(problem)"
        case .multipart: "Bad Request: malformed multipart body"
        }
    }
}
