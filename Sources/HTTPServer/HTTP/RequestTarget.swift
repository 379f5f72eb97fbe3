/// The path and query of a raw request target, decoded strictly.
struct RequestTarget {
    let path: String
    let query: String

    /// Nil when the path has broken percent-encoding, is not UTF-8, or decodes to a control
    /// character (U+0000-U+001F, U+007F): no route needs one, and a `%0a` in a path is a way to
    /// forge log lines or split headers further along.
    init?(_ raw: String) {
        let utf8 = Array(raw.utf8)
        let split = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
        guard let decoded = try? FormData.decodeComponent(utf8[..<split], plusAsSpace: false),
              !decoded.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        path = decoded.hasPrefix("/") ? decoded : "/" + decoded
        query = split < utf8.endIndex ? String(decoding: utf8[(split + 1)...], as: UTF8.self) : ""
    }
}
