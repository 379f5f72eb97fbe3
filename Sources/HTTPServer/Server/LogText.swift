/// Makes values that come from a request safe to write into a log line.
///
/// A decoded path such as `/x%0a127.0.0.1 GET /admin 200` would otherwise start a forged line,
/// and escape sequences could drive the terminal that shows the log. Every value taken from a
/// request (method, path, an error that may quote input) goes through `escaped` first.
public enum LogText {
    /// `text` with backslash and control characters written out: `\\`, `\n`, `\r`, `\t`,
    /// `\x00`...`\x1f` and `\x7f` for the ASCII ones, `\u{85}` for C1 controls and the Unicode
    /// line and paragraph separators. Everything else is kept as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.isASCII ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// Backslash, the C0 controls, DEL, the C1 controls and U+2028/U+2029.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x5C, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}
