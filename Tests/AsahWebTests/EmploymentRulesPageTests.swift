@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

@Suite("JP targets and caps per employment type, and withheld small units, over HTTP")
struct EmploymentRulesPageTests {
    private static let fields: [(String, String)] = [("pns_target", "20"), ("pns_cap", ""), ("pppk_target", "20"), ("pppk_cap", "24")]

    @Test("the page cites the regulations and shows the defaults; a save is audited and used by the compliance page")
    func adminSaves() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        let page = try admin.get("/admin/agency/jp")
        #expect(page.status == 200)
        #expect(page.text.contains("PP 11/2017 pasal 203 ayat (4)") && page.text.contains("PP 49/2018 pasal 39"))
        #expect(page.text.contains("name=\"pns_target\" value=\"20\"") && page.text.contains("name=\"pppk_cap\" value=\"24\""))
        #expect(page.text.contains("name=\"pppk_target\" value=\"\""), "by default a PPPK has no target")
        #expect(try admin.get("/admin/agency").text.contains("href=\"/admin/agency/jp\""))

        let answer = try admin.post("/admin/agency/jp", Self.fields)
        #expect(answer.status == 303)
        #expect(try admin.get(try #require(answer.header("Location"))).text.contains("Target dan batas JP tersimpan."))
        #expect(try EmploymentRules.current(in: app.database) == EmploymentRules(pns: .init(target: 20, cap: nil), pppk: .init(target: 20, cap: 24)))
        #expect(try app.database.pool.read {
            try String.fetchOne($0, sql: "SELECT detail FROM audit_log WHERE action = 'agency.employment_rules' ORDER BY id DESC")
        } == "pns target 20 cap -, pppk target 20 cap 24")

        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/hours/compliance").text.contains("(target PNS 20 JP; PPPK 20 JP, paling banyak 24 JP,"))
    }

    @Test("bad values are refused whole, each explained beside its field, with what was typed kept")
    func badValues() throws {
        let app = try TestApp()
        var admin = try app.signIn("demo.admin")
        try admin.get("/admin/agency/jp")
        let unreadable = try admin.post("/admin/agency/jp", [("pns_target", "dua puluh"), ("pns_cap", ""), ("pppk_target", ""), ("pppk_cap", "24")])
        #expect(unreadable.status == 422)
        #expect(unreadable.text.contains("value=\"dua puluh\""))
        #expect(unreadable.text.contains("id=\"rules-pns_target-error\">isi dengan angka JP, mis. 20 atau 20,5, atau kosongkan</p>"))
        let aboveCap = try admin.post("/admin/agency/jp", [("pns_target", "20"), ("pns_cap", ""), ("pppk_target", "30"), ("pppk_cap", "24")])
        #expect(aboveCap.status == 422)
        #expect(aboveCap.text.contains("id=\"rules-pppk_target-error\">target PPPK tidak boleh melebihi batasnya</p>"))
        #expect(aboveCap.text.contains("value=\"30\""))
        #expect(try EmploymentRules.current(in: app.database) == .regulation, "nothing was saved")

        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/admin/agency/jp").status == 403)
        #expect(try coordinator.post("/admin/agency/jp", Self.fields).status == 403)
    }

    @Test("a unit of three is withheld in the compliance page and CSV, and never alone: the total cannot give it away")
    func smallUnitWithheld() throws {
        let app = try TestApp()
        try app.database.pool.write { db in
            try db.execute(sql: "INSERT INTO units (code, name, kind) VALUES ('KECIL', 'Unit Tiga Orang', 'badan')")
            let unitId = db.lastInsertedRowID
            for (index, nip) in ["198001012005011001", "198001012005011002", "198001012005011003"].enumerated() {
                try db.execute(sql: "INSERT INTO employees (nip, name, unit_id, employment) VALUES (?, ?, ?, 'pns')",
                               arguments: [nip, "Pegawai Kecil \(index)", unitId])
            }
        }
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/hours/compliance")
        let rows = page.text.components(separatedBy: "<tr").filter { $0.contains("/hours/compliance/") || $0.contains("withheld") }
        let small = try #require(rows.first { $0.contains("Unit Tiga Orang") })
        #expect(small.contains("<td>disembunyikan</td>"))
        #expect(!small.contains("<td>3</td>"))
        #expect(rows.filter { $0.contains("class=\"withheld\"") }.count >= 2, "a second unit is withheld with it")
        #expect(page.text.contains("id=\"compliance-withheld\""))

        let csv = try coordinator.get("/hours/compliance.csv").text.split(separator: "\n")
        let line = try #require(csv.first { $0.contains("KECIL") })
        #expect(line.hasSuffix(",disembunyikan,disembunyikan,disembunyikan"))
        #expect(csv.filter { $0.hasSuffix(",disembunyikan,disembunyikan,disembunyikan") }.count >= 2)
    }

    @Test("the compliance table, kept for every coordinator, shows JP credited at once")
    func complianceFollowsCredits() throws {
        let app = try TestApp()
        let year = IndonesianTime.date(of: Clock.now()).year
        let first = try app.database.pool.write { db in
            try db.execute(sql: "INSERT INTO units (code, name, kind) VALUES ('ENAM', 'Unit Enam Orang', 'badan')")
            let unitId = db.lastInsertedRowID
            var ids: [Int64] = []
            for index in 1...6 {
                try db.execute(sql: "INSERT INTO employees (nip, name, unit_id, employment) VALUES (?, ?, ?, 'pns')",
                               arguments: [String(format: "1985020220100210%02d", index), "Pegawai Enam \(index)", unitId])
                ids.append(db.lastInsertedRowID)
            }
            return ids[0]
        }
        func row() throws -> String {
            let page = try coordinator.get("/hours/compliance")
            return try #require(page.text.components(separatedBy: "<tr").first { $0.contains("Unit Enam Orang") })
        }
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try row().contains("<td>6</td><td>0</td>"))
        try app.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO training_hours (employee_id, year, jp, source, title, status, created_at) VALUES (?, ?, 24, 'asah', 'x', 'verified', 0)
                """, arguments: [first, year])
        }
        #expect(try row().contains("<td>6</td><td>1</td>"))
    }

    @Test("a survey's answer distribution withholds a small count and the next smallest, drawn without length")
    func likertChartWithheld() {
        // 8 answered 5, 6 answered 4, 1 answered 3: the 1 is withheld, and the 6 with it (15 - 8 would give 7 otherwise).
        let summary = LikertSummary(scores: Array(repeating: 5, count: 8) + Array(repeating: 4, count: 6) + [3])
        #expect(summary.counts == [0, 0, 1, 6, 8])
        let chart = EvaluationCharts.likert(summary, title: "L1", id: "c", Localizer(locale: "id", messages: [:]))
        let values = chart.matches(of: /class="chart-value"[^>]*>([^<]*)</).map { String($0.1) }
        #expect(values.count == 5)
        #expect(values[0] == "0" && values[1] == "0" && values[4] == "8")
        // "fewer than 5" for the 1, "withheld" for the 6: neither a number.
        #expect(Int(values[2]) == nil && Int(values[3]) == nil && values[2] != values[3], "\(values)")
    }
}
