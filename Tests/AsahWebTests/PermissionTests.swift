import Foundation
import HTTPTestSupport
import Testing

@Suite("Who may see what")
struct PermissionTests {
    @Test("a visitor is sent to the login page, remembering where they were going")
    func anonymousRedirect() throws {
        let app = try TestApp()
        let answer = try app.client.get("/people")
        #expect(answer.status == 303)
        #expect(answer.header("Location") == "/login?next=/people")
    }

    @Test("an employee cannot open coordinator or admin pages and API")
    func employeeRefused() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        for path in ["/people", "/people/import", "/admin/users", "/admin/audit", "/team"] {
            #expect(try browser.get(path).status == 403, "\(path)")
        }
        let api = try browser.get("/api/v1/employees")
        #expect(api.status == 403)
        #expect(api.text.contains("\"forbidden\""))
        #expect(try browser.post("/admin/users", [("login", "penyusup"), ("password", "rahasia-sekali-123")]).status == 403)
    }

    @Test("a coordinator sees the directory but not the admin pages")
    func coordinator() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.koordinator")
        #expect(try browser.get("/people").status == 200)
        #expect(try browser.get("/people/import").status == 200)
        #expect(try browser.get("/admin/users").status == 403)
        #expect(try browser.get("/api/v1/audit").status == 403)
    }

    @Test("an admin manages accounts and reads the audit log")
    func admin() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.admin")
        #expect(try browser.get("/admin/users").status == 200)
        let audit = try browser.get("/admin/audit")
        #expect(audit.status == 200)
        #expect(audit.text.contains("login"))
    }

    @Test("one person's record is visible to them, their supervisors and coordinators, and otherwise does not exist")
    func employeeRecordPrivacy() throws {
        let app = try TestApp()
        let pegawai = try app.nip(of: "demo.pegawai")
        let instruktur = try app.nip(of: "demo.instruktur")
        var own = try app.signIn("demo.pegawai")
        #expect(try own.get("/people/\(pegawai)").status == 200)
        #expect(try own.get("/people/\(instruktur)").status == 404)
        #expect(try own.get("/api/v1/employees/\(instruktur)").status == 404)
        var supervisor = try app.signIn("demo.atasan")
        #expect(try supervisor.get("/people/\(pegawai)").status == 200)
        #expect(try supervisor.get("/api/v1/employees/\(pegawai)").status == 200)
        #expect(try supervisor.get("/team").text.contains(pegawai))
        var coordinator = try app.signIn("demo.koordinator")
        #expect(try coordinator.get("/people/\(instruktur)").status == 200)
    }

    @Test("every route declares who may call it, and a visitor reaches only the public ones")
    func everyRouteGuarded() throws {
        let app = try TestApp()
        let publicRoutes: Set<String> = ["GET /healthz", "GET /static/*path", "GET /api/v1/openapi.json", "POST /language",
                                         "GET /login", "POST /login", "POST /api/v1/session",
                                         "GET /verify/:code", "GET /activate", "POST /activate", "GET /metrics",
                                         "GET /calendar/:file",  // a secret address a calendar program fetches
                                         "GET /suara/:code", "POST /suara/:code",  // the public's feedback form, from a poster
                                         "GET /panduan", "GET /panduan/:page", "GET /panduan/img/:file"]  // the manual, read before sign-in too
        for route in app.routes {
            let key = "\(route.method) \(route.pattern)"
            if case .anyone = route.access {
                #expect(publicRoutes.contains(key), "\(key) is public but not on the list of public routes")
                continue
            }
            let path = route.pattern.replacingOccurrences(of: ":nip", with: "199001012015011001")
                .replacingOccurrences(of: ":id", with: "1").replacingOccurrences(of: ":kind", with: "employees")
            let answer = try app.client.request(route.method.description, path)
            let expected = route.pattern.hasPrefix("/api/") ? 401 : 303
            #expect(answer.status == expected, "\(key) answered \(answer.status) to a visitor")
        }
    }
}
