import Testing
@testable import AsahCore

@Suite("Course body Markdown")
struct CatalogueMarkdownTests {
    @Test("a <script> in a course file shows as text")
    func scriptInCourseFile() throws {
        let body = "## Deskripsi\n\nPelatihan <script>alert('x')</script> untuk ASN.\n\n<script>document.cookie</script>\n"
        let file = try CourseFileParser.parse(CatalogueFixtures.course("A-1", body: body), file: "a.md")
        #expect(!file.bodyHTML.contains("<script"))
        #expect(file.bodyHTML.contains("<p>Pelatihan &lt;script&gt;alert('x')&lt;/script&gt; untuk ASN.</p>"))
        #expect(file.bodyHTML.contains("&lt;script&gt;document.cookie&lt;/script&gt;"))
        #expect(file.summary == "Pelatihan <script>alert('x')</script> untuk ASN.")
    }

    @Test("no raw HTML: blocks, inline tags, comments and attributes are escaped")
    func rawHTMLEscaped() {
        let html = SafeMarkdown.html("""
            <div onclick="steal()">blok</div>

            Teks <b>tebal</b> dan <img src=x onerror=alert(1)> <!-- komentar -->
            """)
        #expect(!html.contains("<div") && !html.contains("<b>") && !html.contains("<img") && !html.contains("<!--"))
        #expect(html.contains("&lt;div onclick=&quot;steal()&quot;&gt;blok&lt;/div&gt;"))
    }

    @Test("a link target cannot close its attribute or run script")
    func links() {
        let html = SafeMarkdown.html("""
            [laporan](https://lapor.go.id/?a=1&b=2), [surel](mailto:bkpsdm@example.go.id), [lokal](/kursus/PPP-01),
            [jahat](javascript:alert(1)), [spasi]( java\tscript:alert(2)), [kutip](https://x.id/" onmouseover="alert(3))
            ![gambar](data:image/svg+xml,abc) ![logo](/static/logo.png)
            """)
        #expect(html.contains(#"<a href="https://lapor.go.id/?a=1&amp;b=2">laporan</a>"#))
        #expect(html.contains(#"<a href="mailto:bkpsdm@example.go.id">surel</a>"#))
        #expect(html.contains(#"<a href="/kursus/PPP-01">lokal</a>"#))
        #expect(!html.contains("javascript") && !html.contains("java\tscript"))
        #expect(html.contains("jahat") && html.contains("spasi"))
        #expect(!html.contains(#"" onmouseover"#))
        #expect(!html.contains("data:image") && html.contains(#"<img src="/static/logo.png" alt="logo"/>"#))
    }

    @Test("code shows its text once escaped; quotes, ampersands and block quotes render")
    func codeAndText() {
        let html = SafeMarkdown.html("""
            Pakai `<br>` & "kutip" di teks.

            > Catatan: A > B.

            ```html
            <p class="x">&amp;</p>
            ```
            """)
        #expect(html.contains("<code>&lt;br&gt;</code> &amp; &quot;kutip&quot;"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("&lt;p class=&quot;x&quot;&gt;&amp;amp;&lt;/p&gt;"))
        #expect(SafeMarkdown.firstParagraphText(html) == #"Pakai <br> & "kutip" di teks."#)
    }

    @Test("the summary is the first paragraph as plain text, after headings and without markup")
    func summary() {
        let html = SafeMarkdown.html("## Deskripsi\n\nPelatihan **praktis** tentang [SKM](https://skm.id).\n\nParagraf kedua.\n")
        #expect(SafeMarkdown.firstParagraphText(html) == "Pelatihan praktis tentang SKM.")
        #expect(SafeMarkdown.firstParagraphText(SafeMarkdown.html("## Hanya judul\n")) == "")
    }

    @Test("a run of unclosed brackets (found by the fuzzer: it hung Ink) renders as text, links still work")
    func unclosedBrackets() {
        let html = SafeMarkdown.html("## Tujuan Pembelaj" + String(repeating: "[", count: 2_000) + "aran\n\nLihat [laporan](https://lapor.go.id).\n")
        #expect(html.contains("Pembelaj[[&#91;&#91;") && html.contains("aran</h2>"))
        #expect(html.contains("<a href=\"https://lapor.go.id\">laporan</a>"), "the next paragraph's link still works")
        let nested = SafeMarkdown.html("[a [b [c [d](https://x.id) e] f] g]\n\n[tautan](https://lapor.go.id)")
        #expect(nested.contains("https://lapor.go.id"))
    }

    @Test("text ending inside a list item, without a newline (a fuzzed course file made Ink trap), still renders the list")
    func listAtEndOfText() {
        let html = SafeMarkdown.html("Tujuan:\n\n1. Menyusun jadwal.\n2. Mengendalikan mutu pekerjaan melalui ren")
        #expect(html.contains("<ol>") && html.contains("Mengendalikan mutu pekerjaan melalui ren"))
    }
}
