import Foundation

/// The UI text of every language, loaded from `Messages/<locale>.json` (Bahasa Indonesia first).
struct MessageCatalogue: Sendable {
    static let locales = ["id", "en"]
    let messages: [String: [String: String]]

    init() throws {
        var loaded: [String: [String: String]] = [:]
        for locale in Self.locales {
            guard let url = Bundle.module.url(forResource: locale, withExtension: "json", subdirectory: "Messages") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Messages/\(locale).json"])
            }
            loaded[locale] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        messages = loaded
    }

    /// The localizer for `locale`, falling back to Indonesian.
    func localizer(_ locale: String?) -> Localizer {
        let chosen = locale.flatMap { messages[$0] != nil ? $0 : nil } ?? "id"
        return Localizer(locale: chosen, messages: messages[chosen] ?? [:])
    }
}
