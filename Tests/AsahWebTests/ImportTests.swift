@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Importing employees through the upload page and the API")
struct ImportTests {
    private static let header = "nip,nama,golongan,jabatan,jenis_jabatan,unit,nip_atasan,email\n"

    private func count(_ app: TestApp) throws -> Int {
        try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees")! }
    }

    private func unitCode(_ app: TestApp) throws -> String {
        try app.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM units ORDER BY id LIMIT 1")! }
    }

    @Test("a file with bad NIPs, a duplicate NIP and an unknown unit is reported row by row and nothing is saved")
    func badFileAppliesNothing() throws {
        let app = try TestApp()
        let unit = try unitCode(app)
        let before = try count(app)
        let csv = Self.header
            + "198503122010011003,Budi Santoso,III/b,Analis Kepegawaian,pelaksana,\(unit),,budi@contoh.go.id\n"
            + "19850312201001100,NIP Pendek,III/a,Pengadministrasi,pelaksana,\(unit),,\n"
            + "198503122010011003,Budi Kembar,III/b,Analis,pelaksana,\(unit),,\n"
            + "199001012015012001,Siti Aminah,III/a,Analis,pelaksana,UNIT-FIKTIF,,\n"
        var browser = try app.signIn("demo.koordinator")
        try browser.get("/people/import")
        let answer = try browser.postMultipart("/people/import", fields: [("kind", "employees")], files: [
            MultipartFile(field: "file", filename: "pegawai.csv", contentType: "text/csv", content: Array(csv.utf8)),
        ])
        #expect(answer.status == 422)
        #expect(answer.text.contains("Tidak ada yang disimpan"))
        for line in ["<td>3</td>", "<td>4</td>", "<td>5</td>"] { #expect(answer.text.contains(line), "row \(line) reported") }
        #expect(try count(app) == before)
    }

    @Test("skipping bad rows saves the good ones and reports the rest")
    func skipBadRows() throws {
        let app = try TestApp()
        let unit = try unitCode(app)
        let before = try count(app)
        let csv = Self.header
            + "198503122010011003,Budi Santoso,III/b,Analis Kepegawaian,pelaksana,\(unit),,budi@contoh.go.id\n"
            + "12345,NIP Rusak,III/a,Pengadministrasi,pelaksana,\(unit),,\n"
        var browser = try app.signIn("demo.koordinator")
        try browser.get("/people/import")
        let answer = try browser.postMultipart("/people/import", fields: [("kind", "employees"), ("skip_bad_rows", "1")], files: [
            MultipartFile(field: "file", filename: "pegawai.csv", contentType: "text/csv", content: Array(csv.utf8)),
        ])
        #expect(answer.status == 200)
        #expect(answer.text.contains("1 baru"))
        #expect(try count(app) == before + 1)
        let audit = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") }
        #expect(audit == "import.employees")
    }

    @Test("a dry run says what a real import with the same choices would do: with skip, the good rows; without, nothing")
    func dryRunSummary() throws {
        let app = try TestApp()
        let unit = try unitCode(app)
        let csv = Self.header
            + "198503122010011003,Budi Santoso,III/b,Analis Kepegawaian,pelaksana,\(unit),,budi@contoh.go.id\n"
            + "19850312201001100,NIP Pendek,III/a,Pengadministrasi,pelaksana,\(unit),,\n"
        var browser = try app.signIn("demo.koordinator")
        try browser.get("/people/import")
        func upload(_ fields: [(String, String)]) throws -> String {
            try browser.postMultipart("/people/import", fields: [("kind", "employees")] + fields, files: [
                MultipartFile(field: "file", filename: "pegawai.csv", contentType: "text/csv", content: Array(csv.utf8)),
            ]).text
        }
        let skipping = try upload([("dry_run", "on"), ("skip_bad_rows", "on")])
        #expect(skipping.contains("Uji coba selesai: 1 akan ditambahkan"))
        #expect(!skipping.contains("Tidak ada yang disimpan karena"))
        let blocked = try upload([("dry_run", "on")])
        #expect(blocked.contains("Uji coba selesai: 1 galat ditemukan"))
    }

    @Test("the API import answers 422 with the issues as JSON and a dry run changes nothing")
    func apiImport() throws {
        let app = try TestApp()
        let unit = try unitCode(app)
        var browser = try app.signIn("demo.koordinator")
        let bad = Self.header + "99999999,X,III/a,Y,pelaksana,\(unit),,\n"
        let refused = try browser.request("POST", "/api/v1/imports/employees", headers: [
            ("Content-Type", "text/csv"), ("X-CSRF-Token", browser.csrf),
        ], body: Array(bad.utf8))
        #expect(refused.status == 422)
        #expect(refused.text.contains("\"severity\":\"error\""))
        let before = try count(app)
        let good = Self.header + "198503122010011003,Budi Santoso,III/b,Analis,pelaksana,\(unit),,\n"
        let dry = try browser.request("POST", "/api/v1/imports/employees?dry_run=true", headers: [
            ("Content-Type", "text/csv"), ("X-CSRF-Token", browser.csrf),
        ], body: Array(good.utf8))
        #expect(dry.status == 200)
        #expect(dry.text.contains("\"inserted\":1"))
        #expect(try count(app) == before)
        let applied = try browser.request("POST", "/api/v1/imports/employees?create_accounts=true", headers: [
            ("Content-Type", "text/csv"), ("X-CSRF-Token", browser.csrf),
        ], body: Array(good.utf8))
        #expect(applied.text.contains("\"accounts_created\":1"), "the new employee gets an account to activate")
        #expect(try app.database.pool.read {
            try Bool.fetchOne($0, sql: "SELECT password_hash IS NULL FROM users WHERE login = '198503122010011003'")
        } == true)
    }

    @Test("accounts made by a page import: an administrator is linked to the activation codes, a coordinator told who prints them")
    func accountsFromThePage() throws {
        let app = try TestApp()
        let unit = try unitCode(app)
        for (login, nip) in [("demo.koordinator", "198503122010011003"), ("demo.admin", "198503122010011004")] {
            var browser = try app.signIn(login)
            try browser.get("/people/import")
            let csv = Self.header + "\(nip),Budi Santoso,III/b,Analis,pelaksana,\(unit),,\n"
            let answer = try browser.postMultipart("/people/import", fields: [("kind", "employees"), ("create_accounts", "1")], files: [
                MultipartFile(field: "file", filename: "pegawai.csv", contentType: "text/csv", content: Array(csv.utf8)),
            ])
            #expect(answer.text.contains("id=\"import-accounts\""), "\(login): \(answer.status)")
            if login == "demo.admin" {
                #expect(answer.text.contains("<a href=\"/admin/activation\">"))
            } else {
                #expect(!answer.text.contains("/admin/activation") && answer.text.contains("dicetak oleh admin"),
                        "a coordinator is not sent to a page that refuses them")
            }
        }
    }

    @Test("an employee cannot import")
    func employeeCannotImport() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let answer = try browser.request("POST", "/api/v1/imports/employees", headers: [
            ("Content-Type", "text/csv"), ("X-CSRF-Token", browser.csrf),
        ], body: Array(Self.header.utf8))
        #expect(answer.status == 403)
    }
}
