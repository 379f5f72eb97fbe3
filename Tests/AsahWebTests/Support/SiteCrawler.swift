import Foundation

/// Follows the links a signed-in person can see, from the dashboard outwards, and remembers
/// the pages reached and the names of every query parameter the pages offer (search forms,
/// filters, paging links): the surface a probe must cover.
struct SiteCrawler {
    private(set) var pages: [String] = []
    private(set) var parameterNames: Set<String> = []

    /// Pages that change state or sign out when fetched are not crawled.
    static let skipped = ["/logout", "/static/", "/healthz"]

    mutating func crawl(_ browser: inout Browser, from start: String = "/", limit: Int) throws {
        var queue = [start]
        var seen: Set<String> = [start]
        while !queue.isEmpty, pages.count < limit {
            let path = queue.removeFirst()
            let answer = try browser.get(path)
            guard answer.status == 200, answer.header("Content-Type")?.hasPrefix("text/html") == true else { continue }
            pages.append(path)
            parameterNames.formUnion(Self.getFormFieldNames(in: answer.text))
            for link in Self.links(in: answer.text) {
                let (linkPath, keys) = Self.split(link)
                parameterNames.formUnion(keys)
                if !seen.contains(linkPath), !Self.skipped.contains(where: linkPath.hasPrefix) {
                    seen.insert(linkPath)
                    queue.append(linkPath)
                }
            }
        }
    }

    static func links(in html: String) -> [String] {
        matches(of: ##"href="(/[^"#]*)""##, in: html).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func getFormFieldNames(in html: String) -> [String] {
        matches(of: #"(?s)<form[^>]*method="get"[^>]*>(.*?)</form>"#, in: html)
            .flatMap { matches(of: #"name="([^"]+)""#, in: $0) }
    }

    private static func split(_ link: String) -> (String, [String]) {
        let parts = link.split(separator: "?", maxSplits: 1)
        let keys = parts.count > 1 ? parts[1].split(separator: "&").map { String($0.split(separator: "=")[0]) } : []
        return (String(parts.first ?? ""), keys)
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
