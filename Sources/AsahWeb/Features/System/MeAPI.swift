import AsahCore
import HTTPServer

/// `GET /api/v1/me`: who is signed in, with which roles.
struct MeAPI: Feature {
    struct Me: Encodable {
        let id: Int64
        let login: String
        let name: String
        let employee_id: Int64?
        let roles: [String]
        let locale: String

        init(_ principal: Principal) {
            id = principal.userId
            login = principal.login
            name = principal.displayName
            employee_id = principal.employeeId
            roles = principal.roles.sorted().map(\.rawValue)
            locale = principal.locale
        }
    }

    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/api/v1/me", .signedIn(.useAccount)) { context in .json(Me(context.user)) }]
    }
}
