/// A concrete path for a router pattern: each `:name` segment replaced by `value(":name")`.
enum RoutePath {
    static func fill(_ pattern: String, _ value: (Substring) -> String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? value($0) : String($0) }.joined(separator: "/")
    }
}
