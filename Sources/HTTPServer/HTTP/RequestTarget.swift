/// The path and query of a raw request target, decoded strictly.
struct RequestTarget {
    let path: String
    let query: String

    /// Nil when the path has broken percent-encoding or is not UTF-8.
    init?(_ raw: String) {
        let utf8 = Array(raw.utf8)
        let split = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
        guard let decoded = try? FormData.decodeComponent(utf8[..<split], plusAsSpace: false) else { return nil }
        path = decoded.hasPrefix("/") ? decoded : "/" + decoded
        query = split < utf8.endIndex ? String(decoding: utf8[(split + 1)...], as: UTF8.self) : ""
    }
}
