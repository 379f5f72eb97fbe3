import Foundation
@testable import AsahCore

/// Renders message keys with the web layer's Indonesian catalogue (`Sources/AsahWeb/Messages/id`),
/// by the argument rules of ``NotificationContent`` for text and `@key` values, so the domain's
/// tests still check the very sentence a coordinator reads.
enum IndonesianText {
    static let messages: [String: String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/AsahWeb/Messages/id")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.reduce(into: [:]) { all, file in
            let data = (try? Data(contentsOf: folder.appendingPathComponent(file))) ?? Data()
            all.merge((try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]) { first, _ in first }
        }
    }()

    static func render(_ key: String, _ arguments: [String: String]) -> String {
        var plain: [String: String] = [:]
        for (name, value) in arguments where !value.hasPrefix("@") {
            if name.hasSuffix("List") {
                let items = value.split(separator: "\n").map(String.init)
                plain[name] = items.count > 1 ? items.dropLast().joined(separator: ", ") + (items.count > 2 ? ", atau " : " atau ") + items.last!
                    : items.first ?? ""
            } else if name.hasSuffix("At"), let seconds = Int64(value) {
                plain[name] = dateTime(seconds)
            } else {
                plain[name] = value
            }
        }
        var shown = plain
        for (name, value) in arguments where value.hasPrefix("@") {
            shown[name] = fill(messages[String(value.dropFirst())] ?? value, plain)
        }
        return fill(messages[key] ?? key, shown)
    }

    private static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// "16 Maret 2026 09.00", as the Indonesian localizer shows a time (in WIB).
    static func dateTime(_ seconds: Int64) -> String {
        let day = IndonesianTime.date(of: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianTime.wib
        let parts = calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return IndonesianTime.describe(day) + String(format: " %02d.%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func render(_ refusal: Refusal) -> String {
        ((refusal.key.isEmpty ? [] : [render(refusal.key, refusal.arguments)]) + refusal.parts.map(render)).joined(separator: " ")
    }
}

extension ImportIssue {
    /// The sentence the import page shows in Indonesian.
    var message: String { IndonesianText.render(key, arguments) }
}

extension NIPProblem {
    /// The sentence the import page shows in Indonesian.
    var message: String { IndonesianText.render(key, arguments) }
}

extension Refusal {
    /// The sentence the page shows in Indonesian.
    var message: String { IndonesianText.render(self) }
}

extension WorkshopProblem {
    /// The sentence the page shows in Indonesian.
    var message: String { refusal.message }
}

extension RunPlanIssue {
    /// The sentence the form shows in Indonesian.
    var message: String { refusal.message }
}

extension NotificationContent {
    /// The sentence an Indonesian reader sees.
    var text: String { IndonesianText.render(key, arguments) }
}

extension AppNotification {
    /// The sentence an Indonesian reader sees: the notice worded from the catalogue, or the
    /// stored text of an old notification.
    var text: String { notice?.text ?? message }
}

extension EnrolmentStanding {
    /// What the employee reads in Indonesian.
    var message: String { explanation.text }
}

extension WaitlistStanding {
    /// Where the person stands on the waitlist, in Indonesian.
    var message: String { NotificationContent("notice_workshop_standing_waitlisted", arguments).text }
}
