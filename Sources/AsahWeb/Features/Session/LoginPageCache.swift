import AsahCore
import HTTPServer
import Synchronization

/// The login page as nearly every visitor first gets it (nothing typed, no error, no return
/// path), rendered once per language with a stand-in where the visitor's CSRF token goes and
/// answered by putting each visitor's own token in. Anonymous pages are not in the page cache
/// (each visitor has their own token), and this one is everybody's first page of the day.
final class LoginPageCache: Sendable {
    private struct Page {
        /// The page's bytes around each place the token goes.
        let parts: [[UInt8]]
        let headers: HTTPHeaders
    }

    /// A random token-shaped stand-in, which no other text on the page can equal.
    private let standIn = SecureToken.generate()
    private let pages = Mutex<[String: Page]>([:])

    /// The page in `locale` carrying `token`; `render` draws it with the token it is given
    /// the first time in each language, or whenever its answer is not a plain 200 page.
    func response(locale: String, token: String, render: (String) -> Response) -> Response {
        let kept = pages.withLock { $0[locale] }
        let page: Page
        if let kept {
            page = kept
        } else {
            let drawn = render(standIn)
            guard drawn.status == 200, !drawn.headers.contains("Set-Cookie") else { return render(token) }
            page = Page(parts: Self.split(drawn.body, at: Array(standIn.utf8)), headers: drawn.headers)
            pages.withLock { $0[locale] = page }
        }
        let tokenBytes = Array(token.utf8)
        var body: [UInt8] = []
        body.reserveCapacity(page.parts.reduce(0) { $0 + $1.count } + tokenBytes.count * (page.parts.count - 1))
        for (index, part) in page.parts.enumerated() {
            if index > 0 { body.append(contentsOf: tokenBytes) }
            body.append(contentsOf: part)
        }
        return Response(status: 200, headers: page.headers, body: body)
    }

    /// `bytes` cut at every occurrence of `separator` (which is left out).
    static func split(_ bytes: [UInt8], at separator: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = [], start = 0, index = 0
        while index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }
}
