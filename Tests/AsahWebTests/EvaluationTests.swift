@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Appraisal records and post-training evaluation over HTTP")
struct EvaluationTests {
    private func json(_ response: RawHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body))
    }

    /// A field left out or null: how the API answers a suppressed figure.
    private func absent(_ value: Any?) -> Bool {
        value == nil || value is NSNull
    }

    /// Signs in as an employee given a fresh account: a peer of demo.pegawai (same supervisor)
    /// or a stranger (another unit, no relation).
    private func signInAs(_ app: TestApp, _ which: String) throws -> (Browser, String) {
        let pegawai = try TrainingFixture(app: app).employeeId("demo.pegawai")
        let nip = try app.database.pool.read { db in
            let sql = which == "peer"
                ? "SELECT e.nip FROM employees e WHERE e.supervisor_id = (SELECT supervisor_id FROM employees WHERE id = ?1) AND e.id != ?1"
                : "SELECT e.nip FROM employees e WHERE e.unit_id != (SELECT unit_id FROM employees WHERE id = ?1) AND e.supervisor_id IS NOT NULL"
            return try String.fetchOne(db, sql: sql + " AND e.active AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id) ORDER BY e.id LIMIT 1",
                                       arguments: [pegawai])!
        }
        _ = try Accounts(database: app.database).add(login: "uji.\(which)", nip: nip, displayName: nil, password: TestApp.password,
                                                     roles: [], actor: nil, ip: nil).get()
        return (try app.signIn("uji.\(which)"), nip)
    }

    @Test("appraisals: the person, supervisors up the chain and coordinators see them; peer, subordinate, stranger get 404; reads are logged")
    func appraisalAccess() throws {
        let app = try TestApp()
        let pegawai = try app.nip(of: "demo.pegawai"), atasan = try app.nip(of: "demo.atasan")
        for login in ["demo.pegawai", "demo.atasan", "demo.koordinator"] {
            var browser = try app.signIn(login)
            let page = try browser.get("/people/\(pegawai)/appraisals")
            #expect(page.status == 200, "\(login) sees the page")
            #expect(page.text.contains("Triwulan") && page.text.contains("id=\"appraisals\""))
            let api = try browser.get("/api/v1/employees/\(pegawai)/appraisals")
            let records = try #require(try json(api) as? [[String: Any]])
            #expect(api.status == 200 && records.count == 9 && records.first?["period"] as? String != nil, "\(login) reads the API")
        }
        let (peer, _) = try signInAs(app, "peer")
        let (stranger, _) = try signInAs(app, "stranger")
        var subordinate = try app.signIn("demo.pegawai")
        var admin = try app.signIn("demo.admin")
        for (name, var browser, nip) in [("peer", peer, pegawai), ("stranger", stranger, pegawai),
                                         ("subordinate", subordinate, atasan), ("admin", admin, pegawai)] {
            #expect(try browser.get("/people/\(nip)/appraisals").status == 404, "\(name) page")
            #expect(try browser.get("/api/v1/employees/\(nip)/appraisals").status == 404, "\(name) API")
        }
        #expect(try subordinate.get("/api/v1/employees/199001012015011999/appraisals").status == 404, "unknown NIP")
        #expect(try admin.get("/people/\(pegawai)").text.contains("appraisals-link") == false)
        let reads = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'appraisal.read' AND subject = ?", arguments: [pegawai])!
        }
        #expect(reads == 6, "three pages and three API reads logged; refusals log nothing")
    }

    @Test("appraisal upload: a per-row report and nothing saved when a row is wrong; the API imports the good file")
    func appraisalUpload() throws {
        let app = try TestApp()
        let pegawai = try app.nip(of: "demo.pegawai")
        let count = { try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM appraisals")! } }
        let before = try count()
        let header = "nip,tahun,periode,hasil_kerja,perilaku_kerja,predikat,nilai,nip_penilai\n"
        let bad = header + "\(pegawai),2019,Tahunan,Sesuai,Sesuai,Baik,,\n"
            + "199001012015011999,2019,Tahunan,Sesuai,Sesuai,,,\n"
            + "\(pegawai),2018,TW V,Sesuai,Sesuai,,,\n"
            + "\(pegawai),2017,Tahunan,Di atas,Di bawah,Sangat Baik,,\n"
            + "\(pegawai),2010,Tahunan,,,,130,\n"
        var browser = try app.signIn("demo.koordinator")
        #expect(try browser.get("/people/import?kind=appraisals").text.contains(#"value="appraisals" checked"#))
        let answer = try browser.postMultipart("/people/import", fields: [("kind", "appraisals")], files: [
            MultipartFile(field: "file", filename: "skp.csv", contentType: "text/csv", content: Array(bad.utf8)),
        ])
        #expect(answer.status == 422 && answer.text.contains("Tidak ada yang disimpan"))
        for line in ["<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>"] { #expect(answer.text.contains(line), "row \(line) reported") }
        #expect(try count() == before)
        let good = header + "\(pegawai),2019,Tahunan,Sesuai,Sesuai,Baik,,\n\(pegawai),2010,Tahunan,,,,82.5,\n"
        let api = try browser.request("POST", "/api/v1/imports/appraisals", headers: [("Content-Type", "text/csv"), ("X-CSRF-Token", browser.csrf)],
                                      body: Array(good.utf8))
        let report = try json(api) as? [String: Any]
        #expect(api.status == 200 && report?["inserted"] as? Int == 2)
        #expect(try count() == before + 2)
        var pegawaiBrowser = try app.signIn("demo.pegawai")
        #expect(try pegawaiBrowser.request("POST", "/api/v1/imports/appraisals", headers: [("Content-Type", "text/csv"),
                                           ("X-CSRF-Token", pegawaiBrowser.csrf)], body: Array(good.utf8)).status == 403)
    }

    @Test("the attendee answers the survey once; the instructor sees no figures below five answers")
    func surveyOverHTTP() throws {
        let app = try TestApp()
        let run = try TrainingFixture(app: app).completedRun("EVAL1")
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/runs/\(run.id!)").text.contains("survey-link"))
        let form = try pegawai.get("/runs/\(run.id!)/survey")
        #expect(form.status == 200 && form.text.contains("survey-form"))
        let answers = SurveyTemplate.standard.items.map { ($0.key, "4") }
        #expect(try pegawai.post("/runs/\(run.id!)/survey", answers + [("comment", "Materi bagus")]).status == 303)
        #expect(try pegawai.get("/runs/\(run.id!)/survey").text.contains("survey-done"))
        let again = try pegawai.post("/runs/\(run.id!)/survey", answers)
        #expect(again.status == 422 && again.text.contains("sudah mengisi"))
        var atasan = try app.signIn("demo.atasan")
        #expect(try atasan.get("/runs/\(run.id!)/survey").status == 404, "not a participant")
        let body = Array(#"{"scores": {"material": 5, "instructor": 5, "facilities": 5, "relevance": 5, "usefulness": 5}}"#.utf8)
        #expect(try atasan.request("POST", "/api/v1/runs/\(run.id!)/survey", headers: [("Content-Type", "application/json"),
                                   ("X-CSRF-Token", atasan.csrf)], body: body).status == 404)
        var instructor = try app.signIn("demo.instruktur")
        let page = try instructor.get("/runs/\(run.id!)/evaluation")
        #expect(page.status == 200 && page.text.contains("survey-suppressed") && !page.text.contains("Materi bagus"))
        let summary = try #require(try json(instructor.get("/api/v1/runs/\(run.id!)/survey")) as? [String: Any])
        #expect(summary["responses"] as? Int == 1 && summary["suppressed"] as? Bool == true && absent(summary["items"]))
        #expect(try atasan.get("/runs/\(run.id!)/evaluation").status == 403)
    }

    @Test("instructor aggregates appear from five answers on, without who said what")
    func surveyThreshold() throws {
        let app = try TestApp()
        let run = try app.database.pool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT r.id FROM runs r WHERE r.status = 'finished'
                  AND (SELECT COUNT(*) FROM survey_responses s WHERE s.run_id = r.id) >= 5 ORDER BY r.id LIMIT 1
                """)!
        }
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/runs/\(run)/evaluation")
        #expect(page.status == 200 && page.text.contains("survey-items") && page.text.contains("<svg"))
        #expect(!page.text.contains("survey-suppressed"))
        let summary = try #require(try json(coordinator.get("/api/v1/runs/\(run)/survey")) as? [String: Any])
        #expect(summary["suppressed"] as? Bool == false && (summary["items"] as? [String: Any])?.count == 5)
        #expect(!String(decoding: try coordinator.get("/api/v1/runs/\(run)/survey").body, as: UTF8.self).contains("nip"))
    }

    @Test("the instructor enters scores all or nothing and sees each gain")
    func testScoresOverHTTP() throws {
        let app = try TestApp()
        let run = try TrainingFixture(app: app).completedRun("EVAL2")
        let nip = try app.nip(of: "demo.pegawai")
        var instructor = try app.signIn("demo.instruktur")
        try instructor.get("/runs/\(run.id!)/evaluation")
        let wrong = try instructor.post("/runs/\(run.id!)/tests", [("max", "100"), ("nip", nip), ("pre_\(nip)", "40"), ("post_\(nip)", "140")])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains(#"name="pre_\#(nip)" value="40""#) && wrong.text.contains(#"name="post_\#(nip)" value="140""#),
                "a refused table keeps every score typed")
        let notNumber = try instructor.post("/runs/\(run.id!)/tests", [("max", "100"), ("nip", nip), ("pre_\(nip)", "empat puluh"),
                                                                      ("post_\(nip)", "70")])
        #expect(notNumber.status == 422 && notNumber.text.contains(#"value="empat puluh""#) && notNumber.text.contains(nip))
        let saved = try instructor.post("/runs/\(run.id!)/tests", [("max", "100"), ("nip", nip), ("pre_\(nip)", "40"), ("post_\(nip)", "70")])
        #expect(saved.status == 200 && saved.text.contains("0,50"))
        let scores = try #require(try json(instructor.get("/api/v1/runs/\(run.id!)/test-scores")) as? [String: Any])
        let line = try #require((scores["participants"] as? [[String: Any]])?.first)
        #expect(line["gain"] as? Double == 0.5 && absent(scores["mean_gain"]), "one participant: no run mean")
        let csv = "nip,pre,post\n\(nip),100,100\n"
        let imported = try instructor.postMultipart("/runs/\(run.id!)/tests", fields: [("max", "100")], files: [
            MultipartFile(field: "file", filename: "nilai.csv", contentType: "text/csv", content: Array(csv.utf8)),
        ])
        #expect(imported.status == 200 && imported.text.contains("pre-test sempurna"))

        // The template to fill: the participants' NIPs (kept as text for Excel) and the scores so far;
        // filled in and sent back as it is, it is read.
        let page = try instructor.get("/runs/\(run.id!)/evaluation").text
        #expect(page.contains("/runs/\(run.id!)/tests/template.csv?format=excel"))
        let template = try instructor.get("/runs/\(run.id!)/tests/template.csv?format=excel")
        #expect(template.status == 200 && template.body.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: template.body.dropFirst(3), as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.first == "NIP;Nama;Pre-test;Post-test")
        let row = try #require(rows.first { $0.contains(nip) })
        #expect(row.hasPrefix("\"=\"\"\(nip)\"\"\";") && row.hasSuffix(";100;100"), "\(row)")
        let filled = rows.map { $0.contains(nip) ? $0.replacingOccurrences(of: ";100;100", with: ";60;90") : $0 }.joined(separator: "\n")
        let back = try instructor.postMultipart("/runs/\(run.id!)/tests", fields: [("max", "100")], files: [
            MultipartFile(field: "file", filename: "nilai-tes.csv", contentType: "text/csv", content: [0xEF, 0xBB, 0xBF] + Array(filled.utf8)),
        ])
        #expect(back.status == 200 && back.text.contains(#"name="post_\#(nip)" value="90""#), "the filled template is read")
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/runs/\(run.id!)/tests/template.csv").status == 403)
        #expect(try pegawai.get("/api/v1/runs/\(run.id!)/test-scores").status == 403)
    }

    @Test("the supervisor answers the behaviour check of demo.pegawai from the task list")
    func behaviourCheck() throws {
        let app = try TestApp()
        var atasan = try app.signIn("demo.atasan")
        let tasks = try atasan.get("/evaluation/checks")
        #expect(tasks.status == 200 && tasks.text.contains("open-checks"))
        let list = try #require(try json(atasan.get("/api/v1/behaviour-checks")) as? [[String: Any]])
        let task = try #require(list.first { $0["respondent"] as? String == "supervisor" && $0["nip"] as? String == (try? app.nip(of: "demo.pegawai")) })
        let id = try #require(task["id"] as? Int)
        let competencies = try #require(task["competencies"] as? [String])
        let form = try atasan.get("/evaluation/checks/\(id)")
        #expect(form.status == 200 && form.text.contains("check-form"))
        let partial = try atasan.post("/evaluation/checks/\(id)", [("score_0", "4")]
                                          + competencies.indices.map { ("example_\($0)", "Contoh ke-\($0) <b>") })
        #expect(competencies.count > 1 && partial.status == 422, "the demo's course targets several competencies")
        #expect(partial.text.contains("Contoh ke-1 &lt;b&gt;"), "what was typed for an unscored competency comes back")
        var fields: [(String, String)] = []
        for index in competencies.indices { fields += [("score_\(index)", "5"), ("example_\(index)", "Menyusun SOP baru")] }
        let done = try atasan.post("/evaluation/checks/\(id)", fields)
        #expect(done.status == 303)
        #expect(try atasan.get("/evaluation/checks?notice=answered").text.contains("check-thanks"))
        #expect(try atasan.get("/evaluation/checks/\(id)").text.contains("check-done"))
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/evaluation/checks/\(id)").status == 404, "only the respondent opens it")
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/evaluation/overdue").status == 200)
        #expect(try coordinator.get("/evaluation/overdue?page=99999").status == 200, "a page past the end shows the last one")
        #expect(try pegawai.get("/evaluation/overdue").status == 403)
    }

    @Test("the dashboard shows L1-L4 with SVG charts for a programme, exports CSV, prints, and answers the API")
    func dashboard() throws {
        let app = try TestApp()
        let programme = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM programmes WHERE code = 'PELAYANAN'")! }
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/evaluation?year=all&programme=\(programme)")
        #expect(page.status == 200)
        for id in ["l4-estimate", "l4-chart", "l1-chart", "l2-chart", "impact-runs", "impact-compliance", "l4-caveat", "impact-needs"] {
            #expect(page.text.contains("id=\"\(id)\""), "\(id) shown")
        }
        #expect(page.text.contains("<svg") && page.text.contains("<title"))
        let report = try coordinator.get("/evaluation/report?year=all&programme=\(programme)")
        #expect(report.status == 200 && report.text.contains("l4-chart"))
        let summary = try coordinator.get("/evaluation/summary.csv?year=all&programme=\(programme)")
        #expect(summary.status == 200 && summary.text.hasPrefix("ukuran,nilai") && summary.text.contains("l4_selang_bawah_95,"))
        let csv = try coordinator.get("/evaluation/runs.csv?year=all&programme=\(programme)")
        #expect(csv.status == 200 && csv.text.hasPrefix("kode_angkatan,") && csv.text.split(separator: "\n").count >= 2)
        let course = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT pc.course_code FROM programme_courses pc WHERE pc.programme_id = ? ORDER BY 1 LIMIT 1",
                                arguments: [programme])!
        }
        let impact = try #require(try json(coordinator.get("/api/v1/reports/impact?course=\(course)&year=all")) as? [String: Any])
        #expect(impact["course_id"] as? Int != nil && impact["minimum_group"] as? Int == 5)
        let whole = try #require(try json(coordinator.get("/api/v1/reports/impact?programme=\(programme)&year=all")) as? [String: Any])
        let results = try #require(whole["results"] as? [String: Any])
        #expect(results["suppressed"] as? Bool == false)
        let estimate = try #require(results["difference_in_differences"] as? Double)
        let low = try #require(results["interval_low"] as? Double), high = try #require(results["interval_high"] as? Double)
        #expect(low <= estimate && estimate <= high && estimate > 0)
        let unit = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1")! }
        let byUnit = try coordinator.get("/evaluation?year=all&programme=\(programme)&unit=\(unit)")
        #expect(byUnit.status == 200 && byUnit.text.contains("impact-kpis"), "the unit filter takes the unit and its sub-units")
        let unitAPI = try #require(try json(coordinator.get("/api/v1/reports/impact?year=all&unit=\(unit)")) as? [String: Any])
        #expect(unitAPI["unit_id"] as? Int == Int(unit))
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/evaluation").status == 403)
        #expect(try pegawai.get("/api/v1/reports/impact").status == 403)
    }

    @Test("the dashboard's compliance box: the total, then at most 20 units, lowest share first, and a link to every unit")
    func complianceLowestUnits() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/evaluation")
        #expect(page.status == 200)
        // By default only a PNS has a JP target; units withheld by small-cell suppression are left out of the box.
        let employees = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees WHERE active AND employment = 'pns' AND unit_id IS NOT NULL")!
        }
        let year = try #require(page.text.firstMatch(of: /id="compliance-heading">[^<]* (\d{4})<\/h2>/).map { Int($0.1)! })
        let compliance = try TrainingHours(database: app.database).compliance(year: year)
        let units = compliance.filter { $0.employees > 0 && !$0.hidden }.count
        #expect(compliance.contains { $0.hidden }, "the demo has small units to withhold")
        let table = try #require(page.text.components(separatedBy: "id=\"impact-compliance\"").last?.components(separatedBy: "</table>").first)
        let percents = table.matches(of: /<td>(\d+) %<\/td><\/tr>/).map { Int($0.1)! }
        #expect(percents.count == min(units, 20))
        #expect(percents == percents.sorted())
        let grouped = String(String(String(employees).reversed()).enumerated()
            .map { $0.offset > 0 && $0.offset % 3 == 0 ? ".\($0.element)" : String($0.element) }.joined().reversed())
        #expect(page.text.contains(" dari \(grouped) pegawai bertarget"), "the total counts every active employee with a target")
        #expect(page.text.contains("href=\"/hours/compliance?year="))
        #expect(page.text.contains("id=\"compliance-more\"") == (compliance.filter { $0.employees > 0 }.count > 20))
    }

    @Test("the impact page and its summary export state how the comparison group is weighted, in both languages")
    func l4Method() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/evaluation").text.contains("id=\"l4-method\">Cara menghitung: pembanding dibobot menurut komposisi peserta."))
        #expect(try coordinator.get("/evaluation/summary.csv").text.contains("metode,"))
        try coordinator.post("/language", [("lang", "en"), ("next", "/evaluation")])
        #expect(try coordinator.get("/evaluation").text.contains("id=\"l4-method\">Method: the comparison group is weighted to the participants"))
    }

    @Test("a run with fewer than five participants shows no group figure in the page, the CSV or the API")
    func smallCellSuppression() throws {
        let app = try TestApp()
        let run = try TrainingFixture(app: app).completedRun("EVAL3")
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/evaluation?year=all&run=\(run.id!)")
        #expect(page.status == 200 && page.text.contains("kurang dari 5") && page.text.contains("l4-suppressed"))
        #expect(!page.text.contains("l4-estimate") && !page.text.contains("l1-chart"))
        let csv = try coordinator.get("/evaluation/runs.csv?year=all&run=\(run.id!)")
        #expect(csv.text.contains("<5") && !csv.text.contains(",1,1,"))
        let summary = try coordinator.get("/evaluation/summary.csv?year=all&run=\(run.id!)")
        #expect(summary.text.contains("peserta,<5") && summary.text.contains("l4_peserta,<5") && summary.text.contains("l4_selisih_dari_selisih,\n"))
        let impact = try #require(try json(coordinator.get("/api/v1/reports/impact?run=\(run.id!)&year=all")) as? [String: Any])
        #expect(absent(impact["participants"]) && absent(impact["completion_rate"]))
        #expect((impact["results"] as? [String: Any])?["suppressed"] as? Bool == true)
        #expect(absent((impact["results"] as? [String: Any])?["participants"]))
        #expect(absent((impact["learning"] as? [String: Any])?["mean_gain"]))
        let demand = try #require(try json(coordinator.get("/api/v1/reports/training-needs")) as? [String: Any])
        for line in (demand["courses"] as? [[String: Any]] ?? []) + (demand["units"] as? [[String: Any]] ?? []) {
            if let count = line["employees"] as? Int { #expect(count >= 5) }
        }
    }

    @Test("training needs: the supervisor's team with reasons and a nomination; the coordinator's demand with CSV")
    func trainingNeeds() throws {
        let app = try TestApp()
        var atasan = try app.signIn("demo.atasan")
        let page = try atasan.get("/team/needs")
        #expect(page.status == 200 && page.text.contains("team-needs"))
        let needs = try #require(try json(atasan.get("/api/v1/team/needs")) as? [[String: Any]])
        #expect(!needs.isEmpty && needs.allSatisfy { !($0["reasons"] as? [String] ?? []).isEmpty })
        let fromAppraisal = Set(needs.filter { ($0["reasons"] as? [String] ?? []).contains { ["low_predikat", "perilaku_below"].contains($0) } }
            .compactMap { $0["nip"] as? String })
        let audited = try app.database.pool.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT a.subject FROM audit_log a JOIN users u ON u.id = a.actor_user_id
                WHERE a.action = 'appraisal.read' AND u.login = 'demo.atasan'
                """))
        }
        #expect(!fromAppraisal.isEmpty)
        #expect(fromAppraisal.isSubset(of: audited), "a predikat shown to the supervisor is an audited appraisal read")
        if let need = needs.first(where: { ($0["recommended"] as? [[String: Any]])?.contains { $0["open_run_id"] is Int } == true }),
           let course = (need["recommended"] as? [[String: Any]])?.first(where: { $0["open_run_id"] is Int }),
           let runId = course["open_run_id"] as? Int, let nip = need["nip"] as? String {
            let nominated = try atasan.post("/runs/\(runId)/nominate", [("nip", nip)])
            #expect(nominated.status == 303 || nominated.status == 422, "the run page's nomination rules apply")
        }
        var coordinator = try app.signIn("demo.koordinator")
        let demand = try coordinator.get("/evaluation/needs")
        #expect(demand.status == 200 && demand.text.contains("needs-courses") && demand.text.contains("needs-units"))
        let csv = try coordinator.get("/evaluation/needs/units.csv")
        #expect(csv.status == 200 && csv.text.hasPrefix("tahun,unit,jumlah_pegawai"))
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/team/needs").status == 403)
        #expect(try pegawai.get("/evaluation/needs").status == 403)
    }

    @Test("coordinators keep programmes: unknown courses are refused, a valid one is listed")
    func programmes() throws {
        let app = try TestApp()
        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/evaluation/programmes")
        let wrong = try coordinator.post("/evaluation/programmes", [("code", "RPK-2027"), ("name", "Rencana 2027"), ("year", "2027"),
                                                                    ("course", "TIDAK-ADA")])
        #expect(wrong.status == 422 && wrong.text.contains("TIDAK-ADA"))
        let course = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM courses ORDER BY code LIMIT 1")! }
        #expect(try coordinator.post("/evaluation/programmes", [("code", "RPK-2027"), ("name", "Rencana 2027"), ("year", "2027"),
                                                                ("course", course)]).status == 303)
        let list = try coordinator.get("/evaluation/programmes")
        #expect(list.text.contains("RPK-2027") && list.text.contains(course))
        #expect(try coordinator.get("/evaluation").text.contains("Rencana 2027"))
    }

    @Test("the participant takes the online pre-test: shuffled paper, graded on hand-in, once; others get 404")
    func onlineTest() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (run, _) = try fixture.runningRun("EVAL4", firstSession: IndonesianTime.clock(9, daysAfter: 1, from: Clock.now()))
        let bank = #"{"test":{"minutes":15,"questions":[{"text":"Satu tambah satu","options":["1","2","3"],"answer":1},"# +
            #"{"text":"Ibu kota Sulawesi Selatan","options":["Makassar","Kendari"],"answer":0}]}}"#
        try app.database.pool.write { try $0.execute(sql: "UPDATE courses SET metadata = ? WHERE id = ?", arguments: [bank, run.courseId]) }
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.get("/runs/\(run.id!)").text.contains("/runs/\(run.id!)/test/pre"))
        #expect(try pegawai.get("/runs/\(run.id!)/test/pre").text.contains("test-start"))
        #expect(try pegawai.post("/runs/\(run.id!)/test/pre/start", []).status == 303)
        let paper = try pegawai.get("/runs/\(run.id!)/test/pre")
        #expect(paper.text.contains("test-form") && paper.text.contains("test-deadline") && paper.text.contains("Ibu kota"))
        #expect(try pegawai.post("/runs/\(run.id!)/test/pre", [("q0", "1"), ("q1", "1")]).status == 303)
        #expect(try pegawai.get("/runs/\(run.id!)/test/pre").text.contains("1 dari 2"))
        let again = try pegawai.request("POST", "/api/v1/runs/\(run.id!)/tests/pre/answers",
                                        headers: [("Content-Type", "application/json"), ("X-CSRF-Token", pegawai.csrf)],
                                        body: Array(#"{"answers": {"0": 1, "1": 0}}"#.utf8))
        #expect(again.status == 409, "once")
        let post = try pegawai.request("POST", "/api/v1/runs/\(run.id!)/tests/post/attempt",
                                       headers: [("Content-Type", "application/json"), ("X-CSRF-Token", pegawai.csrf)])
        #expect(post.status == 409, "the post-test opens with the last session")
        let score = try app.database.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT score FROM test_scores WHERE run_id = ? AND phase = 'pre' AND source = 'online'",
                                arguments: [run.id])
        }
        #expect(score == 50)
        var atasan = try app.signIn("demo.atasan")
        #expect(try atasan.get("/runs/\(run.id!)/test/pre").status == 404)
    }
}
