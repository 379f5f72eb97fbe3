import Foundation
import HTTPTestSupport
import Testing

/// The user manual as the server shows it: its pages from docs/panduan with links and pictures
/// pointed at the server's addresses, open before sign-in, and linked from every page's header.
@Suite("The user manual")
struct ManualTests {
    @Test("the index and each role's page are served with working links and pictures; an unknown page or picture is 404")
    func pages() throws {
        let app = try TestApp()
        var visitor = Browser(client: app.client)
        let index = try visitor.get("/panduan")
        #expect(index.status == 200 && index.text.contains("<article class=\"manual\">"))
        for role in ["pegawai", "atasan", "instruktur", "koordinator", "admin"] {
            #expect(index.text.contains("href=\"/panduan/\(role)\""), "the index links \(role)")
            let page = try visitor.get("/panduan/\(role)")
            #expect(page.status == 200 && page.text.contains("<h1>Panduan"))
            for picture in page.text.matches(of: /src="(\/panduan\/img\/[a-z0-9-]+\.png)"/).map({ String($0.1) }) {
                let image = try visitor.get(picture)
                #expect(image.status == 200 && image.header("Content-Type") == "image/png", "\(picture)")
            }
            #expect(!page.text.contains(".md\""), "links between pages point at the server's addresses")
            for target in page.text.matches(of: /href="#([^"]+)"/).map({ String($0.1) }) {
                #expect(page.text.contains("id=\"\(target)\""), "/panduan/\(role) links #\(target), a section it has")
            }
        }
        #expect(try visitor.get("/panduan/pegawai.md").status == 200, "a link written for the repository works too")
        #expect(try visitor.get("/panduan/rahasia").status == 404)
        #expect(try visitor.get("/panduan/img/..%2F..%2FPackage.swift").status == 404)
        #expect(try visitor.get("/login").text.contains("<a class=\"help-link\" href=\"/panduan\">Panduan</a>"))
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/").text.contains("<a class=\"help-link\" href=\"/panduan/koordinator\">"))
    }
}
