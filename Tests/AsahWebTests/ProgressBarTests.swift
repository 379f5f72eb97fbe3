import Foundation
import Testing

/// The 20 JP bars are drawn under the CSP (`style-src 'self'`), which blocks inline style
/// attributes: a bar that set its width with `style="width: N%"` was always drawn full.
@Suite("JP progress under the Content-Security-Policy")
struct ProgressBarTests {
    @Test("no template carries an inline style attribute (the CSP would silently drop it)")
    func noInlineStyles() throws {
        let folder = TestApp.repositoryRoot + "/Sources/AsahWeb/Templates"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(!text.contains(" style="), "\(name)")
        }
    }

    @Test("my trainings and the team's hours draw the JP bar as a progress element carrying its value")
    func progressElements() throws {
        let app = try TestApp()
        var employee = try app.signIn("demo.pegawai")
        let mine = try employee.get("/my/trainings").text
        #expect(mine.contains("<progress class=\"jp-progress\" max=\"100\" value=\""))
        var supervisor = try app.signIn("demo.atasan")
        let team = try supervisor.get("/team/hours").text
        #expect(team.contains("<progress class=\"jp-progress small\" max=\"100\" value=\""))
    }
}
