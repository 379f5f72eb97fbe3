import Foundation

/// Why a query string or urlencoded body could not be decoded.
public enum FormDecodingError: Error, Equatable, Sendable {
    /// A `%` not followed by two hex digits.
    case brokenPercentEncoding
    /// The decoded bytes are not valid UTF-8.
    case invalidUTF8
    /// A name or value holds a control character (U+0000 and the like; tab and line breaks are
    /// allowed): `field` names where.
    case controlCharacter(field: String)
}

/// Decoded form or query fields: each name may carry several values, in the order sent.
public struct FormData: Sendable {
    public private(set) var fields: [String: [String]]

    public init(fields: [String: [String]] = [:]) {
        self.fields = fields
    }

    /// `fields` checked like a decoded form: control characters are refused.
    public init(checking fields: [String: [String]]) throws(FormDecodingError) {
        for (name, values) in fields {
            if let field = Self.fieldWithControlCharacter(name: name, values: values) {
                throw .controlCharacter(field: field)
            }
        }
        self.fields = fields
    }

    /// Decodes `application/x-www-form-urlencoded` text strictly: broken escapes and
    /// invalid UTF-8 are errors, never silently repaired.
    public init(urlEncoded text: String) throws(FormDecodingError) {
        fields = [:]
        for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decodeComponent(parts[0])
            let value = parts.count > 1 ? try Self.decodeComponent(parts[1]) : ""
            if let field = Self.fieldWithControlCharacter(name: name, values: [value]) {
                throw .controlCharacter(field: field)
            }
            fields[name, default: []].append(value)
        }
    }

    /// The first value of `name`, if present.
    public subscript(name: String) -> String? { fields[name]?.first }

    /// The first value of `name` with surrounding white space removed; nil when empty.
    public func trimmed(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Every value of `name`.
    public func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// Decodes one percent-encoded component, with `+` as space.
    public static func decodeComponent(_ bytes: Substring.UTF8View.SubSequence) throws(FormDecodingError) -> String {
        try decodeComponent(Array(bytes)[...])
    }

    /// Decodes one percent-encoded component, with `+` as space.
    public static func decodeComponent(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool = true) throws(FormDecodingError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    throw FormDecodingError.brokenPercentEncoding
                }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw FormDecodingError.invalidUTF8 }
        return text
    }

    private static func fieldWithControlCharacter(name: String, values: [String]) -> String? {
        if TextSafety.hasControlCharacter(name) { return TextSafety.stripped(name) }
        return values.contains(where: TextSafety.hasControlCharacter) ? name : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
