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
        var text = messages[key] ?? key
        for (name, value) in arguments {
            var shown = value.hasPrefix("@") ? messages[String(value.dropFirst())] ?? value : value
            if name.hasSuffix("List") {
                let items = value.split(separator: "\n").map(String.init)
                shown = items.count > 1 ? items.dropLast().joined(separator: ", ") + (items.count > 2 ? ", atau " : " atau ") + items.last!
                    : items.first ?? ""
            }
            text = text.replacingOccurrences(of: "{\(name)}", with: shown)
        }
        return text
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
