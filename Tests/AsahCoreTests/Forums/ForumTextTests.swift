@testable import AsahCore
import Foundation
import Testing

extension ForumSuites {
    @Suite("The forum text format never lets HTML or script through")
    struct ForumTextTests {
        /// Payloads from the usual XSS cheat sheets, in Markdown and raw HTML forms.
        static let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">klik</a>",
            "[klik](javascript:alert(1))",
            "[klik](JaVaScRiPt:alert(1))",
            "[klik]( java\tscript:alert(1))",
            "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[klik](vbscript:msgbox(1))",
            "![x](javascript:alert(1))",
            "![x](https://contoh.go.id/a.png\" onerror=\"alert(1))",
            "[x](https://contoh.go.id/\" onmouseover=\"alert(1))",
            "<iframe src=\"https://contoh.go.id\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "`<script>alert(1)</script>`",
            "```\n<script>alert(1)</script>\n```",
            "> <script>alert(1)</script>",
            "* <b onclick=alert(1)>x</b>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<scr<script>ipt>alert(1)</script>",
            "\"><script>alert(1)</script>",
            "[a](//evil.example/x)",
            "<details open ontoggle=alert(1)>",
        ]

        @Test("every payload renders as text: only whitelisted tags, only href and rel, only web and mail targets")
        func corpus() {
            for payload in Self.payloads {
                let html = ForumText.html(payload)
                for tag in Self.tags(in: html) {
                    #expect(Self.allowedTags.contains(tag.name), "\(payload) → \(html)")
                    for (name, value) in tag.attributes {
                        #expect(name == "href" || (name == "rel" && value == "nofollow noopener"), "\(payload) → \(html)")
                        if name == "href" {
                            #expect(["http://", "https://", "mailto:"].contains { value.lowercased().hasPrefix($0) },
                                    "\(payload) → \(html)")
                        }
                    }
                }
            }
        }

        static let allowedTags: Set<String> = ["p", "ul", "ol", "li", "blockquote", "strong", "em", "a", "code", "pre", "br", "hr",
                                               "h1", "h2", "h3", "h4", "h5", "h6"]

        /// The opening tags of `html` with their attributes, as a browser would read them
        /// (the renderer escapes `<` and `"` in text, so every `<` opens a real tag).
        static func tags(in html: String) -> [(name: String, attributes: [(String, String)])] {
            var tags: [(String, [(String, String)])] = []
            var rest = Substring(html)
            while let open = rest.firstIndex(of: "<") {
                rest = rest[rest.index(after: open)...]
                let inside = rest.prefix { $0 != ">" }
                rest = rest.dropFirst(inside.count)
                guard !inside.hasPrefix("/") else { continue }
                let name = String(inside.prefix { $0.isLetter || $0.isNumber }).lowercased()
                var attributes: [(String, String)] = []
                var text = inside.dropFirst(name.count)
                while let equals = text.firstIndex(of: "=") {
                    let attribute = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                    var value = text[text.index(after: equals)...]
                    if value.first == "\"" {
                        value = value.dropFirst()
                        let end = value.firstIndex(of: "\"") ?? value.endIndex
                        attributes.append((attribute, String(value[..<end])))
                        text = end < value.endIndex ? value[value.index(after: end)...] : ""
                    } else {
                        let end = value.firstIndex(of: " ") ?? value.endIndex
                        attributes.append((attribute, String(value[..<end])))
                        text = value[end...]
                    }
                }
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { attributes.append((text.trimmingCharacters(in: .whitespaces), "")) }
                tags.append((name, attributes))
            }
            return tags
        }

        @Test("paragraphs, lists, quotes, emphasis and safe links render; links get nofollow noopener")
        func format() {
            let html = ForumText.html("""
                Usulan **penting** dan *mendesak*.

                - satu
                - dua

                > kutipan

                [Peraturan](https://jdih.go.id/x) dan [surel](mailto:bkpsdm@asahmakmur.go.id)
                """)
            #expect(html.contains("<strong>penting</strong>"))
            #expect(html.contains("<em>mendesak</em>"))
            #expect(html.contains("<ul><li>satu</li><li>dua</li></ul>"))
            #expect(html.contains("<blockquote>"))
            #expect(html.contains(#"<a href="https://jdih.go.id/x" rel="nofollow noopener">Peraturan</a>"#))
            #expect(html.contains(#"<a href="mailto:bkpsdm@asahmakmur.go.id" rel="nofollow noopener">surel</a>"#))
            #expect(ForumText.html("[lokal](/admin/users)") == "<p>lokal</p>", "relative links lose their target")
            #expect(!ForumText.html("![foto](https://contoh.go.id/a.png)").contains("<img"), "images are dropped")
        }

        @Test("a quote starts a reply with the quoted author's label")
        func quote() {
            #expect(ForumText.quote("baris 1\nbaris 2", author: "Pegawai #2") == "> **Pegawai #2:**\n> baris 1\n> baris 2\n\n")
        }
    }
}
