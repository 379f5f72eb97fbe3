@testable import AsahCore
import Foundation
import HTTPTestSupport
import Testing

@Suite("Projects JSON API: submit, review queue, review, board; CSRF, bearer tokens and strangers")
struct ProjectsAPITests {
    /// A signed-in API caller: the session cookie with its CSRF token, and a bearer token.
    struct Caller {
        let client: RawHTTPClient
        let cookie: String
        let csrf: String
        let token: String

        init(_ app: TestApp, _ login: String) throws {
            client = app.client
            let body = Array(#"{"login":"\#(login)","password":"\#(TestApp.password)"}"#.utf8)
            let session = try client.request("POST", "/api/v1/session", headers: [("Content-Type", "application/json")], body: body)
            cookie = String(try #require(session.headers(named: "Set-Cookie").first { $0.hasPrefix("asah_session=") })
                .split(separator: ";")[0])
            csrf = try #require(try ProjectsAPITests.object(session)["csrf_token"] as? String)
            let created = try client.request("POST", "/api/v1/tokens", headers: [("Cookie", cookie), ("X-CSRF-Token", csrf),
                                                                                 ("Content-Type", "application/json")],
                                             body: Array(#"{"name":"uji proyek"}"#.utf8))
            token = try #require(try ProjectsAPITests.object(created)["token"] as? String)
        }

        var bearer: [(String, String)] { [("Authorization", "Bearer \(token)")] }
        var session: [(String, String)] { [("Cookie", cookie), ("X-CSRF-Token", csrf)] }

        func get(_ path: String) throws -> RawHTTPResponse { try client.get(path, headers: bearer) }

        func submit(_ project: Int64, _ position: Int, body: String, files: [MultipartFile] = [],
                    headers: [(String, String)]? = nil) throws -> RawHTTPResponse {
            try client.postMultipart("/api/v1/projects/\(project)/milestones/\(position)/submissions", fields: [("body", body)],
                                     files: files, headers: headers ?? bearer)
        }

        func review(_ project: Int64, _ position: Int, _ json: String, headers: [(String, String)]? = nil) throws -> RawHTTPResponse {
            try client.request("POST", "/api/v1/projects/\(project)/milestones/\(position)/reviews",
                               headers: [("Content-Type", "application/json")] + (headers ?? bearer), body: Array(json.utf8))
        }
    }

    static func object(_ response: RawHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], "\(response.status) \(response.text)")
    }

    static func errorCode(_ response: RawHTTPResponse) throws -> String? {
        (try object(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test("submit, revise, resubmit and accept through the API; session writes need X-CSRF-Token, bearer writes do not")
    func submitAndReview() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let id = project.id!
        let participant = try Caller(app, "demo.pegawai")
        let coach = try Caller(app, "demo.instruktur")

        let mine = try Self.object(try participant.get("/api/v1/my/projects"))
        #expect((mine["projects"] as? [[String: Any]])?.contains { $0["id"] as? Int == Int(id) } == true)

        let file = MultipartFile(field: "files", filename: "rancangan.pdf", contentType: "application/pdf", content: ProjectFixture.pdf)
        let forged = try participant.submit(id, 0, body: "tanpa token", files: [file], headers: [("Cookie", participant.cookie)])
        #expect(forged.status == 403)
        let sent = try participant.submit(id, 0, body: "Rancangan v1", files: [file], headers: participant.session)
        #expect(sent.status == 201)
        let submitted = try Self.object(sent)
        #expect(submitted["position"] as? Int == 0 && submitted["round"] as? Int == 1 && submitted["files"] as? Int == 1)
        let again = try participant.submit(id, 0, body: "lagi")
        #expect(again.status == 409)
        #expect(try Self.errorCode(again) == "conflict")
        #expect(try participant.submit(id, 7, body: "tahap yang tidak ada").status == 409)

        let queue = try Self.object(try coach.get("/api/v1/reviews"))
        let item = try #require((queue["items"] as? [[String: Any]])?.first { $0["project_id"] as? Int == Int(id) })
        #expect(item["role"] as? String == "coach" && item["position"] as? Int == 0 && item["round"] as? Int == 1)

        #expect(try coach.review(id, 0, #"{"decision":"mungkin"}"#).status == 422)
        #expect(try coach.review(id, 0, #"{"decision":"revise","comment":"  "}"#).status == 422)
        #expect(try coach.review(id, 0, #"{"decision":"revise","comment":"Tambah data"}"#,
                                 headers: [("Cookie", coach.cookie)]).status == 403)
        let revised = try coach.review(id, 0, #"{"decision":"revise","comment":"Tambah data antrean"}"#)
        #expect(revised.status == 201)
        let review = try Self.object(revised)
        #expect(review["decision"] as? String == "revise" && review["role"] as? String == "coach")
        #expect(try coach.review(id, 0, #"{"decision":"accept"}"#).status == 409, "nothing waits any more")
        let ownReview = try participant.review(id, 0, #"{"decision":"accept","comment":"saya setuju"}"#)
        #expect(ownReview.status == 403)
        #expect(try Self.errorCode(ownReview) == "forbidden")

        let resent = try participant.submit(id, 0, body: "Rancangan v2")
        #expect(resent.status == 201)
        #expect(try Self.object(resent)["round"] as? Int == 2)
        #expect(try coach.review(id, 0, #"{"decision":"accept","comment":"Bagus"}"#, headers: coach.session).status == 201)
        // Any milestone may be scored against the rubric; the scores must fit it.
        #expect(try participant.submit(id, 1, body: "Implementasi").status == 201)
        #expect(try coach.review(id, 1, #"{"decision":"accept","scores":[80]}"#).status == 422)
        #expect(try coach.review(id, 1, #"{"decision":"accept","scores":[80,101]}"#).status == 422)
        let scored = try coach.review(id, 1, #"{"decision":"revise","comment":"Data belum lengkap","scores":[60,70]}"#)
        #expect(scored.status == 201)
        #expect(try Self.object(scored)["scores"] as? [Int] == [60, 70])
        var browser = try app.signIn("demo.pegawai")
        let page = try browser.get("/projects/\(id)").text
        #expect(page.contains("Data belum lengkap"))
        #expect(page.contains("Nilai berbobot: 66"), "the weighted score 0.4 × 60 + 0.6 × 70 = 66 is shown")
        #expect(try participant.submit(id, 1, body: "Implementasi v2").status == 201)

        let document = try Self.object(try participant.get("/api/v1/projects/\(id)"))
        let first = try #require((document["milestones"] as? [[String: Any]])?.first)
        #expect(first["state"] as? String == "accepted")
        #expect((first["submissions"] as? [[String: Any]])?.count == 2)
        let board = try Self.object(try coach.get("/api/v1/runs/\(fixture.run.id!)/board"))
        let line = try #require((board["lines"] as? [[String: Any]])?.first { $0["project_id"] as? Int == Int(id) })
        #expect(line["states"] as? [String] == ["accepted", "waiting", "not_submitted"])
        #expect(line["waiting_since"] as? Int != nil)
    }

    @Test("a stranger and another participant get 404 from every project route of the API; anonymous callers 401")
    func strangers() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let id = project.id!
        let participant = try Caller(app, "demo.pegawai")
        #expect(try participant.submit(id, 0, body: "Rancangan rahasia").status == 201)
        _ = try Projects(database: app.database).start(runId: fixture.run.id!, Project.Description(title: "Arsip digital",
                                                       problem: "Arsip hilang"), actor: try fixture.training.principal("peserta.lain")).get()
        for login in ["orang.asing", "peserta.lain"] {
            let caller = try Caller(app, login)
            for answer in [try caller.get("/api/v1/projects/\(id)"),
                           try caller.submit(id, 0, body: "menyusup"),
                           try caller.review(id, 0, #"{"decision":"accept","comment":"ok"}"#),
                           try caller.get("/api/v1/runs/\(fixture.run.id!)/board")] {
                #expect(answer.status == 404, "\(login): \(answer.text)")
                #expect(!answer.text.contains("Antrean daring") && !answer.text.contains("rahasia"))
            }
            let queue = try Self.object(try caller.get("/api/v1/reviews"))
            #expect((queue["items"] as? [Any])?.isEmpty == true)
            let mine = try Self.object(try caller.get("/api/v1/my/projects"))
            #expect(!((mine["projects"] as? [[String: Any]]) ?? []).contains { $0["id"] as? Int == Int(id) })
        }
        #expect(try app.database.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM milestone_submissions WHERE project_id = ?", arguments: [id])
        } == 1)
        #expect(try app.client.get("/api/v1/projects/\(id)").status == 401)
        #expect(try app.client.postMultipart("/api/v1/projects/\(id)/milestones/0/submissions", fields: [("body", "x")]).status == 401)
    }
}
