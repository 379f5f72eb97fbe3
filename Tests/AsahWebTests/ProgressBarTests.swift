import AsahCore
import Foundation
import Testing

/// The JP target bars are drawn under the CSP (`style-src 'self'`), which blocks inline style
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
        // demo.pegawai is a PPPK, who has no target by default (PP 49/2018 sets only a cap): no bar
        // until the agency sets one.
        #expect(!(try employee.get("/my/trainings").text.contains("<progress class=\"jp-progress\"")))
        var rules = EmploymentRules.regulation
        rules.pppk.target = 20
        _ = try EmploymentRules.save(rules, actor: nil, ip: nil, in: app.database).get()
        let mine = try employee.get("/my/trainings").text
        #expect(mine.contains("<progress class=\"jp-progress\" max=\"100\" value=\""))
        var supervisor = try app.signIn("demo.atasan")
        let team = try supervisor.get("/team/hours").text
        #expect(team.contains("<progress class=\"jp-progress small\" max=\"100\" value=\""))
    }
}
