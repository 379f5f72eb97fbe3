/// The one rule for which characters of text from outside may be stored or computed with.
public enum TextSafety {
    /// Whether `text` holds a control character other than tab, line feed and carriage return
    /// (U+0000–U+001F, U+007F–U+009F). A NUL would cut the text short in C strings, SQLite's
    /// FTS queries and every tool that reads the database; the others have no place in a name,
    /// a title or a post.
    public static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isForbidden)
    }

    /// `text` without its control characters, to name a field in an error message.
    public static func stripped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0) }))
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
    }
}
