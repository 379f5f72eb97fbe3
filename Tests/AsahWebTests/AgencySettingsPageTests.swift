@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Logging
import Testing
@testable import AsahWeb

@Suite("Agency settings: the administrators' page, the certificate and the printed report")
struct AgencySettingsPageTests {
    /// A 1×1 PNG.
    static let png = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)

    static let fields: [(String, String)] = [
        ("region_name", "Pemerintah Kabupaten Sumbawa Barat"),
        ("agency_name", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("address", "Jl. Bung Karno No. 1, Taliwang"),
        ("signing_place", "Taliwang"),
        ("official_name", "Ir. Baiq Nurhayati Saputri, M.Eng."),
        ("official_nip", "19750817 200003 2 004"),
        ("official_jabatan", "Kepala Badan Kepegawaian dan Pengembangan SDM"),
        ("public_url", "https://asah.sumbawabaratkab.go.id/"),
    ]

    private static func with(_ name: String, _ value: String) -> [(String, String)] {
        fields.map { $0.0 == name ? (name, value) : $0 }
    }

    private func saved(_ app: TestApp) throws -> AgencySettings {
        try AgencySettings.current(in: app.database)
    }

    private func audits(_ app: TestApp) throws -> Int {
        try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'agency.settings'") ?? 0 }
    }

    @Test("an admin saves the settings with a logo; the certificate shows the letterhead and the official, its QR the configured address whatever the Host")
    func adminSaves() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let certificate = try fixture.certificate(of: try fixture.completedRun("AGY-01"))
        var admin = try app.signIn("demo.admin")
        let form = try admin.get("/admin/agency")
        #expect(form.status == 200)
        #expect(form.text.contains("enctype=\"multipart/form-data\""))
        let before = try audits(app)
        let answer = try admin.postMultipart("/admin/agency", fields: Self.fields,
                                             files: [MultipartFile(field: "logo", filename: "logo-ksb.png", contentType: "image/png", content: Self.png)])
        #expect(answer.status == 303, "\(answer.text)")
        let settings = try saved(app)
        #expect(settings.regionName == "Pemerintah Kabupaten Sumbawa Barat")
        #expect(settings.official?.nip.digits == "197508172000032004")
        #expect(settings.publicURL == "https://asah.sumbawabaratkab.go.id")
        let logo = try #require(settings.logoFile)
        #expect(try audits(app) == before + 1)
        let page = try admin.get(try #require(answer.header("Location")))
        #expect(page.text.contains("Pengaturan instansi tersimpan"))
        #expect(page.text.contains("value=\"Ir. Baiq Nurhayati Saputri, M.Eng.\""))
        #expect(page.text.contains("https://asah.sumbawabaratkab.go.id (alamat publik pada pengaturan ini)"))

        #expect(try app.client.get("/agency/logo/\(logo)").status == 303, "a visitor is sent to sign in")
        let image = try admin.get("/agency/logo/\(logo)")
        #expect(image.status == 200)
        #expect(image.header("Content-Type") == "image/png")
        #expect(image.body == Self.png)
        #expect(try admin.get("/agency/logo/" + String(repeating: "0", count: 64) + ".png").status == 404)

        var holder = try app.signIn("demo.pegawai")
        let sheet = try holder.get("/certificates/\(certificate.id)", headers: [("Host", "intranet.internal:8080")])
        #expect(sheet.status == 200)
        for text in ["Pemerintah Kabupaten Sumbawa Barat", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                     "Jl. Bung Karno No. 1, Taliwang", "Ir. Baiq Nurhayati Saputri, M.Eng.", "NIP. 19750817 200003 2 004",
                     "Kepala Badan Kepegawaian dan Pengembangan SDM", "src=\"/agency/logo/\(logo)\"",
                     "https://asah.sumbawabaratkab.go.id/verify/\(certificate.code)"] {
            #expect(sheet.text.contains(text), "the certificate shows \(text)")
        }
        #expect(sheet.text.firstMatch(of: /Taliwang, \d{1,2} \w+ \d{4}/) != nil, "place and date above the jabatan")
        #expect(!sheet.text.contains("intranet.internal"))
    }

    @Test("without a public address the QR code takes the browser's address, and the page says so")
    func hostFallback() throws {
        let app = try TestApp()
        try app.database.pool.write { try $0.execute(sql: "UPDATE agency_settings SET public_url = NULL") }
        let fixture = TrainingFixture(app: app)
        let certificate = try fixture.certificate(of: try fixture.completedRun("AGY-02"))
        var holder = try app.signIn("demo.pegawai")
        let sheet = try holder.get("/certificates/\(certificate.id)", headers: [("Host", "asah.local:8080")])
        #expect(sheet.text.contains("http://asah.local:8080/verify/\(certificate.code)"))
        var admin = try app.signIn("demo.admin")
        let page = try admin.get("/admin/agency")
        #expect(page.text.contains("class=\"alert warning\" id=\"agency-address-source\""))
        #expect(page.text.contains("Alamat publik belum diisi"))
    }

    @Test("people who are not administrators get 403, and nothing changes")
    func onlyAdministrators() throws {
        let app = try TestApp()
        let before = try saved(app)
        for login in ["demo.pegawai", "demo.koordinator"] {
            var browser = try app.signIn(login)
            #expect(try browser.get("/admin/agency").status == 403)
            #expect(try browser.postMultipart("/admin/agency", fields: Self.fields, files: []).status == 403)
            #expect(!(try browser.get("/").text.contains("href=\"/admin/agency\"")))
        }
        #expect(try saved(app) == before)
        var admin = try app.signIn("demo.admin")
        #expect(try admin.get("/").text.contains("href=\"/admin/agency\""))
    }

    @Test("a bad NIP is refused with the reason in the reader's language; nothing is saved")
    func badNIP() throws {
        let app = try TestApp()
        let before = try saved(app)
        let audited = try audits(app)
        var admin = try app.signIn("demo.admin")
        try admin.get("/admin/agency")
        let answer = try admin.postMultipart("/admin/agency", fields: Self.with("official_nip", "197508172000033004"),
                                             files: [MultipartFile(field: "logo", filename: "logo.png", contentType: "image/png", content: Self.png)])
        #expect(answer.status == 422)
        #expect(answer.text.contains("NIP pejabat tidak valid: digit jenis kelamin harus 1 atau 2."))
        #expect(answer.text.contains("id=\"agency-official_nip-error\""))
        #expect(answer.text.contains("aria-invalid=\"true\""))
        #expect(answer.text.contains("value=\"197508172000033004\""), "the form keeps what was typed")
        #expect(try saved(app) == before)
        #expect(try audits(app) == audited)

        try admin.post("/language", [("lang", "en"), ("next", "/admin/agency")])
        try admin.get("/admin/agency")
        let english = try admin.postMultipart("/admin/agency", fields: Self.with("official_nip", "1975"), files: [])
        #expect(english.status == 422)
        #expect(english.text.contains("The official&#39;s NIP is not valid") || english.text.contains("The official's NIP is not valid"))
    }

    @Test("a logo that is not a PNG or JPEG by its bytes, or too large, is refused; nothing is saved or stored")
    func badLogo() throws {
        let app = try TestApp()
        let before = try saved(app)
        var admin = try app.signIn("demo.admin")
        try admin.get("/admin/agency")
        let pdf = MultipartFile(field: "logo", filename: "logo.png", contentType: "image/png", content: Array("%PDF-1.4 not an image".utf8))
        let refused = try admin.postMultipart("/admin/agency", fields: Self.fields, files: [pdf])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Logo harus berkas PNG atau JPEG"))
        let svg = MultipartFile(field: "logo", filename: "logo.svg", contentType: "image/svg+xml", content: Array("<svg onload=alert(1)>".utf8))
        #expect(try admin.postMultipart("/admin/agency", fields: Self.fields, files: [svg]).status == 422)
        let large = MultipartFile(field: "logo", filename: "logo.png", contentType: "image/png",
                                  content: Self.png + [UInt8](repeating: 0, count: 1024 * 1024))
        let tooLarge = try admin.postMultipart("/admin/agency", fields: Self.fields, files: [large])
        #expect(tooLarge.status == 422)
        #expect(tooLarge.text.contains("Logo paling besar 1 MB."))
        #expect(try saved(app) == before)
        let folder = app.folder + "/" + StoredUploads.agencyFolder
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
    }

    @Test("the printed compliance report is signed by the official in the settings")
    func complianceReport() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let demo = try coordinator.get("/hours/compliance")
        #expect(demo.text.contains("Dr. Lalu Surya Wiratama, S.Sos., M.Si."))
        #expect(demo.text.contains("NIP. 19720415 199803 1 005"))
        #expect(demo.text.contains("Pemerintah Kabupaten Asah Makmur"))
        try app.database.pool.write { try $0.execute(sql: "DELETE FROM agency_settings") }
        let blank = try coordinator.get("/hours/compliance?year=2026")
        #expect(blank.text.contains("Kepala BKPSDM"))
        #expect(blank.text.contains("<p class=\"signature-nip\">NIP: </p>"), "blank lines to write by hand")
    }
}

@Suite("The public address: the settings first, then asah serve --public-url, then the Host header")
struct PublicAddressOrderTests {
    @Test("--public-url stands in while the settings name no address; the settings' address wins once saved")
    func option() throws {
        let app = try TestApp(publicURL: "https://asah.example.go.id/")
        let fixture = TrainingFixture(app: app)
        let certificate = try fixture.certificate(of: try fixture.completedRun("AGY-03"))
        var holder = try app.signIn("demo.pegawai")
        let sheet = try holder.get("/certificates/\(certificate.id)")
        #expect(sheet.text.contains("https://asah.example.go.id/verify/\(certificate.code)"))
        var admin = try app.signIn("demo.admin")
        #expect(try admin.get("/admin/agency").text.contains("dari opsi --public-url server"))

        try admin.get("/admin/agency")
        #expect(try admin.postMultipart("/admin/agency", fields: AgencySettingsPageTests.fields, files: []).status == 303)
        let again = try holder.get("/certificates/\(certificate.id)")
        #expect(again.text.contains("https://asah.sumbawabaratkab.go.id/verify/\(certificate.code)"))
    }

    @Test("e-mail links take the same address: the settings' when saved, else the option's")
    func email() throws {
        let app = try TestApp()
        var settings = EmailDispatch.Settings(url: "smtp://127.0.0.1:1", from: "asah@localhost")
        settings.publicURL = "https://option.example.go.id/"
        let dispatch = EmailDispatch(database: app.database, settings: settings, messages: try MessageCatalogue(),
                                     logger: Logger(label: "test"))
        // libdispatch traps on releasing a timer never resumed: resume and cancel it before its first round.
        defer {
            dispatch.start(interval: 3600)
            dispatch.stop()
        }
        #expect(try dispatch.publicURL() == "https://option.example.go.id")
        var input = AgencySettingsInput(try AgencySettings.current(in: app.database))
        input.publicURL = "https://asah.sumbawabaratkab.go.id"
        _ = try AgencySettings.save(input, actor: nil, ip: nil, in: app.database).get()
        #expect(try dispatch.publicURL() == "https://asah.sumbawabaratkab.go.id")
    }
}
