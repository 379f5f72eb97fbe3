import Foundation

/// The forum's safe text format: paragraphs, lists, links, quotes and emphasis written as
/// Markdown. Raw HTML is never rendered (it shows as text), images are dropped and links keep
/// only http, https and mailto targets, marked `rel="nofollow noopener"`.
public enum ForumText {
    private static let cache = RenderCache(capacity: 20_000)

    /// The HTML of a post's source (rendered once per distinct text and kept in memory: a
    /// thread page shows up to hundreds of posts on every view).
    public static func html(_ source: String) -> String {
        cache.html(for: source) { SafeMarkdown.html($0, links: .forum) }
    }

    /// `source` as a Markdown quote attributed to `author`, to start a reply with.
    public static func quote(_ source: String, author: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        return "> **\(author):**\n" + lines.joined(separator: "\n") + "\n\n"
    }
}

/// Rendered texts by source, emptied when full (simple, and a full cache means the forum is
/// busy enough to refill it at once).
private final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var rendered: [String: String] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    func html(for source: String, render: (String) -> String) -> String {
        if let known = lock.withLock({ rendered[source] }) { return known }
        let html = render(source)
        lock.withLock {
            if rendered.count >= capacity { rendered.removeAll(keepingCapacity: true) }
            rendered[source] = html
        }
        return html
    }
}
