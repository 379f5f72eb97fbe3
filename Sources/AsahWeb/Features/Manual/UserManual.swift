import AsahCore
import Foundation

/// The user manual (Panduan) as the server shows it: the Markdown pages of `docs/panduan`
/// (one per role and an index) rendered once at start, and their screenshots held in memory.
/// The same files read well in the repository; links between pages (`atasan.md`) and image
/// paths (`img/x.png`) are rewritten to the server's addresses.
struct UserManual: Sendable {
    /// One rendered page.
    struct Page: Sendable {
        let title: String
        let html: String
    }

    /// Pages by name (`README` is the index), without `.md`.
    let pages: [String: Page]
    /// PNG screenshots by file name.
    let images: [String: [UInt8]]

    /// The manual in `folder`; empty (every address answers 404) when the folder is missing.
    init(folder: String) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var pages: [String: Page] = [:]
        for file in files where file.hasSuffix(".md") {
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
            let title = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? "Panduan"
            pages[String(file.dropLast(3))] = Page(title: title, html: Self.serverAddresses(SafeMarkdown.html(text)))
        }
        var images: [String: [UInt8]] = [:]
        let imageFolder = folder + "/img"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: imageFolder)) ?? [] where file.hasSuffix(".png") {
            if let data = FileManager.default.contents(atPath: imageFolder + "/" + file) { images[file] = Array(data) }
        }
        self.pages = pages
        self.images = images
    }

    /// The page a signed-in person's help link opens: the manual of their most involved role.
    static func pageName(for principal: Principal?) -> String {
        guard let principal else { return "README" }
        let order: [(Role, String)] = [(.admin, "admin"), (.koordinator, "koordinator"), (.instruktur, "instruktur"),
                                       (.atasan, "atasan")]
        return order.first { principal.has($0.0) }?.1 ?? "pegawai"
    }

    /// `html` with `href="atasan.md#x"` → `/panduan/atasan#x`, `src="img/x.png"` →
    /// `/panduan/img/x.png`, and each section heading given the id a repository viewer gives it,
    /// so `#cara-mengisi-pengaturan-instansi` opens the same section in both.
    private static func serverAddresses(_ html: String) -> String {
        html.replacing(/href="([A-Za-z0-9_-]+)\.md(#[^"]*)?"/) { match in
            "href=\"/panduan/\(match.1 == "README" ? "" : match.1)\(match.2 ?? "")\""
        }
        .replacingOccurrences(of: "src=\"img/", with: "src=\"/panduan/img/")
        .replacing(/<h([23])>([^<]*)<\/h[23]>/) { match in
            "<h\(match.1) id=\"\(anchor(String(match.2)))\">\(match.2)</h\(match.1)>"
        }
    }

    /// A heading's anchor as repository viewers make it: lower case, spaces as `-`, other
    /// punctuation dropped ("Langkah memulai (go-live)" → `langkah-memulai-go-live`).
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }
}
