@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Approvals")
struct ApprovalsTests {
    /// The id of the pending request of `login` in run `runId`.
    private func enrolmentId(_ app: TestApp, _ login: String, run runId: Int64) throws -> Int64 {
        try app.database.pool.read { db in
            try #require(try Int64.fetchOne(db, sql: """
                SELECT e.id FROM enrolments e JOIN users u ON u.employee_id = e.employee_id WHERE u.login = ? AND e.run_id = ?
                """, arguments: [login, runId]))
        }
    }

    @Test("request → the supervisor sees it in the inbox → approves → the employee is enrolled and a seat is gone")
    func approveFlow() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        #expect(RunFixtures.seatsLeft(try pegawai.get("/runs/\(id)").text) == 10)
        #expect(try pegawai.post("/runs/\(id)/request", []).status == 303)
        #expect(try pegawai.get("/approvals").status == 403, "an employee has no inbox")

        var atasan = try app.signIn("demo.atasan")
        let inbox = try atasan.get("/approvals")
        #expect(inbox.status == 200)
        #expect(inbox.text.contains(try app.nip(of: "demo.pegawai")))
        #expect(inbox.text.contains("Komunikasi Angkatan Uji"))
        #expect(!inbox.text.contains("Atas nama atasan langsung"), "the direct supervisor decides for themselves")
        let enrolment = try enrolmentId(app, "demo.pegawai", run: id)
        let approved = try atasan.post("/approvals/\(enrolment)/approve", [])
        #expect(approved.status == 303)
        let after = try atasan.get(try #require(approved.header("Location")))
        #expect(after.text.contains("Permohonan disetujui; pegawai mendapat kursi."))
        #expect(!after.text.contains("permohonan-\(enrolment)"), "a decided request leaves the inbox")

        let page = try pegawai.get("/runs/\(id)")
        #expect(page.text.contains("Terdaftar"))
        #expect(page.text.contains("Anda terdaftar sebagai peserta."))
        #expect(RunFixtures.seatsLeft(page.text) == 9)
        _ = try pegawai.post("/language", [("lang", "en"), ("next", "/runs/\(id)")])
        let english = try pegawai.get("/runs/\(id)")
        #expect(english.text.contains("Enrolled"))
        #expect(english.text.contains("Seats left"))
    }

    @Test("a decline needs a reason, and the employee reads it")
    func declineFlow() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.post("/runs/\(id)/request", []).status == 303)
        let enrolment = try enrolmentId(app, "demo.pegawai", run: id)

        var atasan = try app.signIn("demo.atasan")
        _ = try atasan.get("/approvals")
        let empty = try atasan.post("/approvals/\(enrolment)/decline", [("reason", " ")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Alasan wajib diisi."))
        #expect(empty.text.contains(#"aria-invalid="true""#))
        let declined = try atasan.post("/approvals/\(enrolment)/decline", [("reason", "Beban kerja akhir tahun tinggi")])
        #expect(declined.status == 303)

        let page = try pegawai.get("/runs/\(id)")
        #expect(page.text.contains("Ditolak"))
        #expect(page.text.contains("Beban kerja akhir tahun tinggi"))
        #expect(page.text.contains("Ajukan kursi"), "they may ask again")
    }

    @Test("a coordinator sees every request, labelled as acting for the supervisor")
    func coordinatorOnBehalf() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.post("/runs/\(id)/request", []).status == 303)
        var coordinator = try app.signIn("demo.koordinator")
        let inbox = try coordinator.get("/approvals")
        #expect(inbox.text.contains("Atas nama atasan langsung"))
        #expect(inbox.text.contains(try app.nip(of: "demo.pegawai")))
    }

    @Test("someone else's request cannot be decided by an employee or another supervisor")
    func notYours() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try app.signIn("demo.pegawai")
        #expect(try pegawai.post("/runs/\(id)/request", []).status == 303)
        let enrolment = try enrolmentId(app, "demo.pegawai", run: id)
        var instruktur = try app.signIn("demo.instruktur")
        _ = try instruktur.get("/")
        #expect([403, 404].contains(try instruktur.post("/approvals/\(enrolment)/approve", []).status))
        #expect(try pegawai.post("/approvals/\(enrolment)/approve", []).status == 403)
        let api = try pegawai.request("POST", "/api/v1/enrolments/\(enrolment)/approval",
                                      headers: [("Content-Type", "application/json"), ("X-CSRF-Token", pegawai.csrf)])
        #expect([403, 404].contains(api.status))
        #expect(try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM enrolments WHERE id = ?", arguments: [enrolment])
        } == "requested")
    }
}

@Suite("Runs API")
struct RunsAPITests {
    private func apiLogin(_ app: TestApp, _ login: String) throws -> [(String, String)] {
        let body = Array(#"{"login":"\#(login)","password":"\#(TestApp.password)"}"#.utf8)
        let answer = try app.client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")], body: body)
        #expect(answer.status == 200)
        let cookie = try #require(answer.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
        let csrf = try #require(document["csrf_token"] as? String)
        return [("Cookie", String(cookie.split(separator: ";")[0])), ("X-CSRF-Token", csrf), ("Content-Type", "application/json")]
    }

    private func object(_ response: RawHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], "\(response.status) \(response.text)")
    }

    @Test("request, approve, waitlist at capacity 1, and an offer when the first person cancels")
    func capacityFlow() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app, capacity: 1)
        let pegawai = try apiLogin(app, "demo.pegawai")
        let atasan = try apiLogin(app, "demo.atasan")
        let koordinator = try apiLogin(app, "demo.koordinator")
        let instruktur = try apiLogin(app, "demo.instruktur")

        let without = try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: Array(pegawai.prefix(1)))
        #expect(without.status == 403, "the cookie alone is not enough to change anything")
        let asked = try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: pegawai)
        #expect(asked.status == 201)
        let place = try object(asked)
        #expect(place["state"] as? String == "requested")
        let enrolmentId = try #require(place["enrolment_id"] as? Int)
        let duplicate = try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: pegawai)
        #expect(duplicate.status == 409)
        #expect(try object(duplicate)["error"].flatMap { ($0 as? [String: Any])?["message"] as? String }?.contains("Sudah tercatat") == true)

        let inbox = try app.client.get("/api/v1/approvals", headers: atasan)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(inbox.body)) as? [[String: Any]])
        #expect(items.contains { $0["enrolment_id"] as? Int == enrolmentId && $0["on_behalf"] as? Bool == false })
        #expect(try app.client.get("/api/v1/approvals", headers: pegawai).status == 403)

        let approved = try app.client.request("POST", "/api/v1/enrolments/\(enrolmentId)/approval", headers: atasan)
        #expect(approved.status == 200)
        #expect(try object(approved)["state"] as? String == "enrolled")
        let again = try app.client.request("POST", "/api/v1/enrolments/\(enrolmentId)/approval", headers: atasan)
        #expect(again.status == 409)

        let nominated = try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: koordinator,
                                               body: Array(#"{"employee_nip":"\#(try app.nip(of: "demo.instruktur"))","mandatory":false}"#.utf8))
        #expect(nominated.status == 201)
        let waiting = try object(nominated)
        #expect(waiting["state"] as? String == "waitlisted")
        #expect(waiting["waitlist_position"] as? Int == 1)
        let second = try #require(waiting["enrolment_id"] as? Int)

        let run = try object(app.client.get("/api/v1/runs/\(id)", headers: instruktur))
        #expect(run["seats_left"] as? Int == 0)
        #expect(run["waitlist_length"] as? Int == 1)
        #expect((run["sessions"] as? [Any])?.count == 2)
        #expect((run["standing"] as? [String: Any])?["waitlist_position"] as? Int == 1)

        #expect(try app.client.request("DELETE", "/api/v1/enrolments/\(enrolmentId)", headers: instruktur).status == 404,
                "someone else's place does not exist for them")
        let cancelled = try app.client.request("DELETE", "/api/v1/enrolments/\(enrolmentId)", headers: pegawai)
        #expect(cancelled.status == 200)
        #expect(try object(cancelled)["state"] as? String == "cancelled")

        let offered = try object(app.client.get("/api/v1/runs/\(id)", headers: instruktur))
        let standing = try #require(offered["standing"] as? [String: Any])
        #expect(standing["state"] as? String == "offered")
        #expect(standing["enrolment_id"] as? Int == second)
        #expect(standing["offer_expires_at"] as? Int != nil)
    }

    @Test("a nomination needs the right to nominate; a decline needs a reason; unknown runs are 404")
    func refusals() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        let pegawai = try apiLogin(app, "demo.pegawai")
        let atasan = try apiLogin(app, "demo.atasan")
        let nominate = Array(#"{"employee_nip":"\#(try app.nip(of: "demo.instruktur"))"}"#.utf8)
        #expect(try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: pegawai, body: nominate).status == 403)
        #expect(try app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: atasan, body: nominate).status == 403,
                "not in the supervisor's chain")
        #expect(try app.client.get("/api/v1/runs/424242", headers: pegawai).status == 404)
        #expect(try app.client.request("POST", "/api/v1/runs/424242/enrolments", headers: pegawai).status == 404)

        let asked = try object(app.client.request("POST", "/api/v1/runs/\(id)/enrolments", headers: pegawai))
        let enrolment = try #require(asked["enrolment_id"] as? Int)
        let blank = try app.client.request("POST", "/api/v1/enrolments/\(enrolment)/decline", headers: atasan,
                                           body: Array(#"{"reason":""}"#.utf8))
        #expect(blank.status == 422)
        #expect(blank.text.contains("Alasan wajib diisi."))
        let declined = try app.client.request("POST", "/api/v1/enrolments/\(enrolment)/decline", headers: atasan,
                                              body: Array(#"{"reason":"Jadwal bentrok"}"#.utf8))
        #expect(declined.status == 200)
        let mine = try object(app.client.get("/api/v1/runs/\(id)", headers: pegawai))
        #expect((mine["standing"] as? [String: Any])?["reason"] as? String == "Jadwal bentrok")
    }
}
