/// The words of a search box, as every search reads them: split at white space and cut to
/// `limit` words, so a pasted page of text cannot grow a query past what SQLite will plan
/// ("Expression tree is too large") or make one request scan the table a thousand times.
public enum SearchWords {
    /// The most words of one search that are used; more are ignored.
    public static let limit = 8

    /// The first `limit` words of `text`, split where `isSeparator` says.
    public static func split(_ text: String, where isSeparator: (Character) -> Bool = \.isWhitespace) -> [Substring] {
        Array(text.split(whereSeparator: isSeparator).prefix(limit))
    }
}
