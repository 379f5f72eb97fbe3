/// Parses a `Cookie` request header into name/value pairs (first occurrence wins).
public func parseCookies(_ header: String?) -> [String: String] {
    guard let header else { return [:] }
    var cookies: [String: String] = [:]
    for part in header.split(separator: ";") {
        guard let eq = part.firstIndex(of: "=") else { continue }
        let name = part[..<eq].trimmingSpaces()
        var value = part[part.index(after: eq)...].trimmingSpaces()
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        if !name.isEmpty, cookies[name] == nil { cookies[name] = value }
    }
    return cookies
}

/// A `Set-Cookie` value with the attributes a session cookie needs.
public struct SetCookie: Sendable {
    public enum SameSite: String, Sendable { case strict = "Strict", lax = "Lax", none = "None" }

    public var name: String
    public var value: String
    public var path = "/"
    public var maxAge: Int?
    public var httpOnly = true
    public var secure = false
    public var sameSite: SameSite = .lax

    public init(name: String, value: String, maxAge: Int? = nil, httpOnly: Bool = true,
                secure: Bool = false, sameSite: SameSite = .lax) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to forget `name`.
    public static func expired(_ name: String, secure: Bool = false) -> SetCookie {
        SetCookie(name: name, value: "", maxAge: 0, secure: secure)
    }

    public var headerValue: String {
        var text = "\(name)=\(value); Path=\(path)"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if httpOnly { text += "; HttpOnly" }
        if secure { text += "; Secure" }
        text += "; SameSite=\(sameSite.rawValue)"
        return text
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs (walks the UTF-8 bytes: this runs
    /// for every cookie of every request).
    func trimmingSpaces() -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start].isSpaceOrTab { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last].isSpaceOrTab else { break }
            end = last
        }
        return String(self[start..<end])
    }
}

private extension UInt8 {
    var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}
