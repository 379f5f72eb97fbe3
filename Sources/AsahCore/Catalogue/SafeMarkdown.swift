import Ink

/// Markdown to HTML with Ink, made safe for course files written by hand: raw HTML never
/// reaches the page and links only use web, mail and phone addresses.
///
/// Ink copies HTML blocks and inline tags as they are, and link targets verbatim. So before
/// rendering, `&`, `<` and `"` in the source become entities: no tag can open, no attribute
/// can close early, and Ink passes entities in text through unchanged. Code spans and blocks
/// are the exception (Ink escapes `&` there itself), so one level of escaping is undone in
/// them. `>` stays, it marks block quotes, and Ink escapes it in text.
public enum SafeMarkdown {
    /// Which links and images survive.
    public enum Links: Sendable {
        /// Course files: relative, http, https, mailto and tel links; images kept.
        case course
        /// Forum posts written by anyone: only http, https and mailto links, marked
        /// `rel="nofollow noopener"`; images dropped.
        case forum

        var schemes: Set<String> {
            switch self {
            case .course: ["http", "https", "mailto", "tel"]
            case .forum: ["http", "https", "mailto"]
            }
        }
    }

    /// How many `[` may be open at once (a link inside an image inside a link needs two).
    static let maxOpenBrackets = 2

    /// The HTML of `markdown`; a `<script>` in it shows as text.
    public static func html(_ markdown: String, links: Links = .course) -> String {
        var escaped = ""
        escaped.reserveCapacity(markdown.utf8.count)
        var openBrackets = 0
        var previous: Character = "\n"
        for character in markdown {
            defer { previous = character }
            switch character {
            case "\n" where previous == "\n":
                openBrackets = 0  // a new paragraph: links never span paragraphs
                escaped.append(character)
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case "\"": escaped += "&quot;"
            // Ink retries a link at every `[` nested in an unclosed one, so its time doubles with
            // each level: a line of `[[[[[[[[[[[[[[[[[[[[[[[[[` took minutes. Beyond two open
            // levels in a paragraph a bracket is plain text.
            case "[" where openBrackets >= maxOpenBrackets: escaped += "&#91;"
            case "[":
                openBrackets += 1
                escaped.append(character)
            case "]":
                openBrackets = max(0, openBrackets - 1)
                escaped.append(character)
            default: escaped.append(character)
            }
        }
        let undoDoubleEscape: Modifier.Closure = { $0.html.replacingOccurrences(of: "&amp;", with: "&") }
        let parser = MarkdownParser(modifiers: [
            Modifier(target: .codeBlocks, closure: undoDoubleEscape),
            Modifier(target: .inlineCode, closure: undoDoubleEscape),
            Modifier(target: .links) { input in
                let (url, rest) = split(input.html, after: "<a href=\"")
                // Unsafe target: keep the link text, drop the link.
                guard isSafe(url, links) else { return String(rest.dropFirst(2).dropLast(4)) }
                guard links == .forum else { return input.html }
                return "<a href=\"\(url)\" rel=\"nofollow noopener\"" + rest.dropFirst()
            },
            Modifier(target: .images) { input in
                links == .course && isSafe(split(input.html, after: "<img src=\"").url, links) ? input.html : ""
            },
        ])
        // Ink reads past the end of a list item that ends the text without a newline, and traps.
        if !escaped.hasSuffix("\n") { escaped.append("\n") }
        return parser.html(from: escaped)
    }

    /// The text of the first paragraph of `html` (as made by ``html(_:)``), tags removed and
    /// entities decoded: the summary of a course in the catalogue list. Empty without one.
    static func firstParagraphText(_ html: String) -> String {
        guard let start = html.range(of: "<p>"),
              let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else { return "" }
        var text = ""
        var inTag = false
        for character in html[start.upperBound..<end.lowerBound] {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        return text
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The attribute value that follows `prefix` in `html` (it ends at the next `"`, as the
    /// source's quotes were escaped) and what comes after its closing quote.
    private static func split(_ html: String, after prefix: String) -> (url: Substring, rest: Substring) {
        let afterPrefix = html.dropFirst(prefix.count)
        let url = afterPrefix.prefix { $0 != "\"" }
        return (url, afterPrefix.dropFirst(url.count))
    }

    /// Whether a link target is relative (course files only) or uses one of the policy's
    /// schemes. Browsers ignore spaces and control characters in a scheme, so they are
    /// ignored here too.
    private static func isSafe(_ url: Substring, _ links: Links) -> Bool {
        let compact = url.filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
        guard let colon = compact.firstIndex(of: ":"),
              !compact[..<colon].contains(where: { "/?#".contains($0) }) else { return links == .course }
        return links.schemes.contains(compact[..<colon].lowercased())
    }
}
