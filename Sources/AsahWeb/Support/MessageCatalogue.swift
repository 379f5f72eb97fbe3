import Foundation

/// The UI text of every language (Bahasa Indonesia first), loaded from `Messages/<locale>/*.json`:
/// one file per feature, merged; a key defined twice is an error, so features cannot clash.
struct MessageCatalogue: Sendable {
    static let locales = ["id", "en"]
    let messages: [String: [String: String]]

    /// Why the catalogue could not load.
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        guard let root = Bundle.module.url(forResource: "Messages", withExtension: nil) else {
            throw LoadError(description: "the Messages folder is missing from the bundle")
        }
        var loaded: [String: [String: String]] = [:]
        for locale in Self.locales {
            let folder = root.appendingPathComponent(locale)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            var merged: [String: String] = [:]
            for file in files {
                let entries = try JSONDecoder().decode([String: String].self,
                                                       from: Data(contentsOf: folder.appendingPathComponent(file)))
                for (key, value) in entries {
                    guard merged.updateValue(value, forKey: key) == nil else {
                        throw LoadError(description: "message \(key) is defined twice in Messages/\(locale) (\(file))")
                    }
                }
            }
            loaded[locale] = merged
        }
        messages = loaded
    }

    /// The localizer for `locale`, falling back to Indonesian.
    func localizer(_ locale: String?) -> Localizer {
        let chosen = locale.flatMap { messages[$0] != nil ? $0 : nil } ?? "id"
        return Localizer(locale: chosen, messages: messages[chosen] ?? [:])
    }
}
