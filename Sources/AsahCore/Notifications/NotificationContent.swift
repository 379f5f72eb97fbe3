import Foundation
import GRDB

/// What a notification says, as facts: a message catalogue key and its arguments, rendered in
/// the reader's language when it is read (so an employee who chose English reads English).
/// Argument names say how a value is shown: ending in `At`, Unix seconds shown as date and
/// time; ending in `On`, an ISO date shown as a date; ending in `Count`, a number; ending in
/// `List`, items separated by line breaks shown as "A, B or C" in the reader's language; a value
/// starting with `@` is itself a message key (a status, a kind, a part of the sentence) shown
/// in the reader's language and worded with the other arguments; anything else is text shown as it is (titles, names, reasons).
public struct NotificationContent: Sendable, Hashable, Codable {
    public let key: String
    public let arguments: [String: String]

    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}


/// Stored as a JSON object with sorted keys, so equal notices are equal text.
extension NotificationContent: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}").databaseValue
    }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> NotificationContent? {
        guard let text = String.fromDatabaseValue(value) else { return nil }
        return try? JSONDecoder().decode(NotificationContent.self, from: Data(text.utf8))
    }
}
