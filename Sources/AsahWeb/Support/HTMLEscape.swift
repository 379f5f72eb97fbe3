import Mustache

/// Escapes text for HTML element content and quoted attribute values, byte by byte on UTF-8
/// (the five characters that matter are ASCII), returning the text untouched when nothing
/// needs escaping. It is also the escaper of every template (see `Views`).
struct HTMLEscape: MustacheContentType {
    /// The name templates select it by, in a `{{% CONTENT_TYPE: ... }}` pragma.
    static let contentTypeName = "ASAH_HTML"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
            case 0x22: out.append(contentsOf: Array("&quot;".utf8))
            case 0x27: out.append(contentsOf: Array("&#39;".utf8))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
