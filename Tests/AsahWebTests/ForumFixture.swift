@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport

/// Forum helpers over a running ``TestApp``: API callers with bearer tokens and JSON bodies.
struct ForumCaller {
    let app: TestApp
    let userId: Int64
    let employeeId: Int64?
    let login: String
    let token: String

    /// A caller for the account `login`.
    static func login(_ app: TestApp, _ login: String) throws -> ForumCaller {
        let row = try app.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, employee_id FROM users WHERE login = ?", arguments: [login])!
        }
        let token = try APITokens(database: app.database).create(userId: row["id"], name: "uji forum", ip: "127.0.0.1")
        return ForumCaller(app: app, userId: row["id"], employeeId: row["employee_id"], login: login, token: token)
    }

    /// Callers for `count` accounts of ordinary employees (no coordinator or admin role).
    static func employees(_ app: TestApp, _ count: Int) throws -> [ForumCaller] {
        let logins = try app.database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT login FROM users WHERE employee_id IS NOT NULL AND id NOT IN (SELECT user_id FROM user_roles)
                AND login NOT LIKE 'demo.%' ORDER BY id LIMIT ?
                """, arguments: [count])
        }
        return try logins.map { try login(app, $0) }
    }

    @discardableResult
    func call(_ method: String, _ path: String, _ json: String? = nil) throws -> RawHTTPResponse {
        var headers = [("Authorization", "Bearer \(token)"), ("Accept", "application/json")]
        if json != nil { headers.append(("Content-Type", "application/json")) }
        return try app.client.request(method, path, headers: headers, body: Array((json ?? "").utf8))
    }

    /// Opens a thread through the API and answers its id.
    func openThread(category: Int64, title: String, body: String, pseudonymous: Bool = false, kind: String = "suggestion") throws
        -> Int64 {
        let payload = try JSONSerialization.data(withJSONObject: [
            "category_id": category, "title": title, "body": body, "pseudonymous": pseudonymous, "kind": kind,
        ])
        let answer = try call("POST", "/api/v1/threads", String(decoding: payload, as: UTF8.self))
        guard answer.status == 201,
              let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
              let thread = object["thread"] as? [String: Any], let id = thread["id"] as? Int64 ?? (thread["id"] as? Int).map(Int64.init)
        else { throw Unexpected(status: answer.status, body: answer.text) }
        return id
    }

    struct Unexpected: Error {
        let status: Int
        let body: String
    }
}

extension TestApp {
    /// The id of the demo category with `slug`.
    func forumCategory(_ slug: String) throws -> Int64 {
        try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM forum_categories WHERE slug = ?", arguments: [slug])! }
    }

    /// The id of a thread's opening post (number 1).
    func openingPost(of thread: Int64) throws -> Int64 {
        try database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM forum_posts WHERE thread_id = ? AND number = 1", arguments: [thread])!
        }
    }
}
