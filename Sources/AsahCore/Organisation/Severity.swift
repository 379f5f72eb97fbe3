/// How bad a data problem is: an error stops the record from being saved, a warning is shown
/// but the record is saved (legacy data is often odd but real).
public enum Severity: String, Sendable, Codable, Hashable {
    case error
    case warning
}
