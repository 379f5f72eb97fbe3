@testable import AsahCore
import AsahWeb
import Foundation
import HTTPTestSupport
import Testing

/// Every route in the router's own table, asked by every demo role: the answer must be what
/// `Policy` grants. A route added later is covered without touching this file.
@Suite("The permission matrix of every route and role")
struct PermissionMatrixTests {
    static let logins = ["demo.pegawai", "demo.atasan", "demo.instruktur", "demo.koordinator", "demo.admin"]

    @Test("reads answer 403 exactly where the policy refuses; writes without the CSRF token never run")
    func matrix() throws {
        let app = try TestApp()
        var mismatches: [String] = []
        for login in Self.logins {
            let principal = try app.database.pool.read { db in
                let userId = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login])!
                return try Principal.load(userId: userId, in: db)!
            }
            var browser = try app.signIn(login)
            for route in app.routes where !route.pattern.contains("*") {
                let allowed: Bool
                switch route.access {
                case .anyone: allowed = true
                case .signedIn(let permission): allowed = Policy.allows(principal, permission)
                }
                let path = Self.path(for: route.pattern)
                let answer = try browser.request(route.method.description, path, headers: [("Accept", "application/json")])
                let code = Self.errorCode(answer)
                let key = "\(login) \(route.method) \(route.pattern)"
                if route.method.isUnsafe {
                    let expected = allowed ? "csrf" : "forbidden"
                    if answer.status != 403 || code != expected && !Self.csrfExempt.contains("\(route.method) \(route.pattern)") {
                        mismatches.append("\(key): \(answer.status) \(code ?? "-"), expected 403 \(expected)")
                    }
                } else if allowed ? [401, 403].contains(answer.status) || answer.status >= 500 : answer.status != 403 {
                    mismatches.append("\(key): \(answer.status), expected \(allowed ? "an answer" : "403")")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    /// Signing in needs no session token (there is no session yet); it is refused otherwise.
    static let csrfExempt: Set<String> = ["POST /api/v1/session"]

    /// A concrete path for a pattern, naming records that do not exist.
    static func path(for pattern: String) -> String {
        RoutePath.fill(pattern) { parameter in
            switch parameter {
            case ":nip": "199001012015011001"
            case ":code": "TIDAK-ADA"
            case ":kind": "employees"
            default: "999999"
            }
        }
    }

    static func errorCode(_ answer: RawHTTPResponse) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }
}
