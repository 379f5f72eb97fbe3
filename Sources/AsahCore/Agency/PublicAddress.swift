/// The address people reach Asah at, as certificate QR codes and e-mail links begin: http or
/// https, a host name or IPv4 address, an optional port and path. No user name, query or
/// fragment: a QR code printed on paper must not carry anything but the place.
public enum PublicAddress {
    /// `text` as a base address (scheme and host lower-cased, no trailing slash), or `nil`
    /// when it is not one.
    public static func normalised(_ text: String) -> String? {
        let pattern = /^(?i:(https?)):\/\/([A-Za-z0-9.\-]{1,253})(?::([0-9]{1,5}))?(\/[A-Za-z0-9._~!$&'()*+,;=:@%\/\-]*)?$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let host = match.2.lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return nil }
        var result = match.1.lowercased() + "://" + host
        if let port = match.3 {
            guard let number = Int(port), (1...65535).contains(number) else { return nil }
            result += ":" + String(number)
        }
        var path = match.4.map(String.init) ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        guard !path.contains("//") else { return nil }
        return result + path
    }
}
