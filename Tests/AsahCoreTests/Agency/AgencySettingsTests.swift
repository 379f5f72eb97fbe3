import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Agency settings: the rules of the form and saving whole or not at all")
struct AgencySettingsTests {
    let today = CalendarDate(year: 2026, month: 12, day: 5)!

    static func complete() -> AgencySettingsInput {
        var input = AgencySettingsInput()
        input.regionName = "  Pemerintah Kabupaten Sumbawa Barat "
        input.agencyName = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        input.address = "Jl. Bung Karno No. 1, Taliwang"
        input.signingPlace = "Taliwang"
        input.officialName = "Dr. Lalu Ahmad Zaini, S.Sos., M.Si."
        input.officialNIP = "19750817 200003 1 004"
        input.officialJabatan = "Kepala BKPSDM"
        input.publicURL = "HTTPS://Asah.SumbawaBaratKab.go.id/"
        return input
    }

    private func findings(_ input: AgencySettingsInput) -> [(AgencySettingsField, String)] {
        guard case .failure(let problem) = input.validated(today: today) else { return [] }
        return problem.findings.map { ($0.field, $0.refusal.key) }
    }

    @Test("complete values make settings: trimmed, the NIP parsed, the address lower-cased without its trailing slash")
    func complete() throws {
        let settings = try Self.complete().validated(today: today).get()
        #expect(settings.regionName == "Pemerintah Kabupaten Sumbawa Barat")
        #expect(settings.official?.nip.digits == "197508172000031004")
        #expect(settings.official?.nip.formatted == "19750817 200003 1 004")
        #expect(settings.official?.jabatan == "Kepala BKPSDM")
        #expect(settings.publicURL == "https://asah.sumbawabaratkab.go.id")
        #expect(settings.signingPlace == "Taliwang")
        #expect(settings.isConfigured)
    }

    @Test("region and agency are required; the official and the address may be left out")
    func required() throws {
        var input = AgencySettingsInput()
        let missing = findings(input)
        #expect(missing.map(\.0) == [.regionName, .agencyName])
        #expect(missing.allSatisfy { $0.1 == "problem_agency_required" })
        input.regionName = "Pemerintah Kota Mataram"
        input.agencyName = "BKPSDM"
        let settings = try input.validated(today: today).get()
        #expect(settings.official == nil && settings.publicURL == nil)
    }

    @Test("an official is named in full or not at all")
    func officialInFull() {
        var input = Self.complete()
        input.officialNIP = ""
        input.officialJabatan = ""
        let found = findings(input)
        #expect(found.map(\.0) == [.officialNIP, .officialJabatan])
        #expect(found.allSatisfy { $0.1 == "problem_agency_official_incomplete" })
    }

    @Test("the official's NIP follows the NIP rules, and each error says which", arguments: [
        ("197508172000031", "import_nip_not_18_digits"),
        ("197508172000033004", "import_nip_sex_digit"),
        ("197508172000131004", "import_nip_tmt_month_invalid"),
        ("197508172000031000", "import_nip_sequence_zero"),
    ])
    func badNIP(nip: String, reason: String) throws {
        var input = Self.complete()
        input.officialNIP = nip
        guard case .failure(let problem) = input.validated(today: today) else { Issue.record("accepted \(nip)"); return }
        let finding = try #require(problem.findings.first)
        #expect(problem.findings.count == 1)
        #expect(finding.field == .officialNIP)
        #expect(finding.refusal.key == "problem_agency_nip")
        #expect(finding.refusal.arguments["reason"] == "@" + reason)
        #expect(problem.refusal.kind == .invalid)
        #expect(problem.refusal.parts == [finding.refusal])
    }

    @Test("public addresses: http(s), a host, an optional port and path; nothing else", arguments: [
        ("https://asah.pemda.go.id", "https://asah.pemda.go.id"),
        ("http://10.0.0.5:8080/asah/", "http://10.0.0.5:8080/asah"),
        ("https://bkpsdm.sumbawabaratkab.go.id/asah", "https://bkpsdm.sumbawabaratkab.go.id/asah"),
    ])
    func goodAddresses(text: String, normalised: String) {
        #expect(PublicAddress.normalised(text) == normalised)
    }

    @Test("addresses a printed QR code must not carry are refused", arguments: [
        "asah.pemda.go.id", "ftp://asah.pemda.go.id", "javascript:alert(1)", "https://asah.pemda.go.id/?a=1",
        "https://asah.pemda.go.id/#x", "https://user:pw@asah.pemda.go.id", "https://asah..go.id", "https://-asah.go.id",
        "https://asah.pemda.go.id:99999", "https://", "https://asah pemda.go.id", "https://asah.pemda.go.id//x",
    ])
    func badAddresses(text: String) {
        #expect(PublicAddress.normalised(text) == nil)
        var input = Self.complete()
        input.publicURL = text
        #expect(findings(input).map(\.1) == ["problem_agency_public_url"])
    }

    @Test("a field over its length or with a line break is refused, naming the field")
    func lengthAndLines() {
        var input = Self.complete()
        input.agencyName = String(repeating: "a", count: AgencySettingsField.agencyName.maximumLength + 1)
        input.address = "Jl. Bung Karno\nTaliwang"
        guard case .failure(let problem) = input.validated(today: today) else { Issue.record("accepted"); return }
        #expect(problem.findings.map(\.field) == [.agencyName, .address])
        #expect(problem.findings[0].refusal.arguments == ["field": "@agency_field_agency_name", "maximumCount": "200"])
        #expect(problem.findings[1].refusal.key == "problem_agency_control_characters")
    }

    @Test("a logo is a stored PNG or JPEG name; the logo is kept unless replaced or removed")
    func logo() throws {
        let current = AgencySettings(regionName: "R", agencyName: "A", logoFile: String(repeating: "a", count: 64) + ".png")
        var input = Self.complete()
        #expect(try input.validated(from: current, today: today).get().logoFile == current.logoFile)
        input.logo = .remove
        #expect(try input.validated(from: current, today: today).get().logoFile == nil)
        input.logo = .use("../../etc/passwd")
        #expect(findings(input).map(\.1) == ["problem_agency_logo_type"])
        input.logo = .use(String(repeating: "b", count: 64) + ".svg")
        #expect(findings(input).map(\.1) == ["problem_agency_logo_type"])
    }

    @Test("saving: nothing is written when a field is wrong; a save is audited with the fields it changed")
    func saving() throws {
        try OrganisationFixtures.withDatabase { database in
            func auditEntries() throws -> [String] {
                try database.pool.read { try String.fetchAll($0, sql: "SELECT detail FROM audit_log WHERE action = 'agency.settings'") }
            }
            #expect(try AgencySettings.current(in: database) == .empty)
            var bad = Self.complete()
            bad.officialNIP = "197508172000033004"
            guard case .failure = try AgencySettings.save(bad, actor: nil, ip: "127.0.0.1", in: database, today: today) else {
                Issue.record("a bad NIP was saved"); return
            }
            #expect(try AgencySettings.current(in: database) == .empty)
            #expect(try auditEntries().isEmpty)

            let saved = try AgencySettings.save(Self.complete(), actor: nil, ip: "127.0.0.1", in: database, today: today).get()
            #expect(try AgencySettings.current(in: database) == saved)
            var change = AgencySettingsInput(saved)
            change.officialJabatan = "Plt. Kepala BKPSDM"
            let changed = try AgencySettings.save(change, actor: nil, ip: "127.0.0.1", in: database, today: today).get()
            #expect(changed.official?.jabatan == "Plt. Kepala BKPSDM")
            #expect(changed.regionName == saved.regionName)
            #expect(try auditEntries().last == "official_jabatan")
            #expect(try auditEntries().first?.contains("region_name") == true)
        }
    }

    @Test("the saved logo counts as an upload: the sweep keeps it and removes an old unreferenced one")
    func logoIsAnUpload() throws {
        try OrganisationFixtures.withDatabase { database in
            let folder = ((database.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(StoredUploads.agencyFolder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let kept = String(repeating: "a", count: 64) + ".png", orphan = String(repeating: "b", count: 64) + ".png"
            let old = Date().addingTimeInterval(-2 * StoredUploads.graceSeconds)
            for name in [kept, orphan] {
                _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data([0x89, 0x50, 0x4E, 0x47]))
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + name)
            }
            var input = Self.complete()
            input.logo = .use(kept)
            _ = try AgencySettings.save(input, actor: nil, ip: nil, in: database, today: today).get()
            #expect(try StoredUploads.removeOrphans(database: database) == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [kept])
        }
    }
}
