import Foundation
import HTTPServer

/// What a JSON body may not hold beyond what `Decodable` checks: keys the request type does not
/// know (a misspelt `nip` for `employee_nip` must not quietly mean something else) and control
/// characters in text (a NUL would store the text cut short).
///
/// The keys a type knows are its stored properties, read with `Mirror` from the decoded value,
/// whose names are the JSON keys (request bodies use the synthesised coding keys). Nested
/// objects decoded as structures are checked the same way; dictionaries (free keys) only for text.
enum JSONBodyCheck {
    enum Problem: Equatable {
        case unknownKey(String)
        case controlCharacter(String)
    }

    /// The first problem of `body` against its decoded `value`, or nil.
    static func problem(in body: [UInt8], decoded value: Any) -> Problem? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            return nil
        }
        return problem(object, value, path: "")
    }

    private static func problem(_ json: Any, _ value: Any?, path: String) -> Problem? {
        let mirror = value.map(unwrapped)
        switch json {
        case let text as String:
            return TextSafety.hasControlCharacter(text) ? .controlCharacter(path.isEmpty ? "$" : path) : nil
        case let object as [String: Any]:
            let fields = mirror?.displayStyle == .struct || mirror?.displayStyle == .class
                ? Dictionary(mirror!.children.compactMap { child in child.label.map { ($0, child.value) } },
                             uniquingKeysWith: { first, _ in first })
                : nil
            for key in object.keys.sorted() {
                let keyPath = path.isEmpty ? key : path + "." + key
                if TextSafety.hasControlCharacter(key) { return .controlCharacter(TextSafety.stripped(keyPath)) }
                if let fields, fields[key] == nil { return .unknownKey(keyPath) }
                if let found = problem(object[key]!, fields?[key], path: keyPath) { return found }
            }
            return nil
        case let array as [Any]:
            let elements = mirror?.displayStyle == .collection ? mirror!.children.map(\.value) : []
            for (index, element) in array.enumerated() {
                let found = problem(element, index < elements.count ? elements[index] : nil, path: "\(path)[\(index)]")
                if let found { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The mirror of `value`, looking through optionals.
    private static func unwrapped(_ value: Any) -> Mirror {
        var mirror = Mirror(reflecting: value)
        while mirror.displayStyle == .optional, let inner = mirror.children.first?.value {
            mirror = Mirror(reflecting: inner)
        }
        return mirror
    }
}
