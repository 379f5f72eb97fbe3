/// The forum's safe text format: paragraphs, lists, links, quotes and emphasis written as
/// Markdown. Raw HTML is never rendered (it shows as text), images are dropped and links keep
/// only http, https and mailto targets, marked `rel="nofollow noopener"`.
public enum ForumText {
    /// The HTML of a post's source.
    public static func html(_ source: String) -> String {
        SafeMarkdown.html(source, links: .forum)
    }

    /// `source` as a Markdown quote attributed to `author`, to start a reply with.
    public static func quote(_ source: String, author: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        return "> **\(author):**\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
