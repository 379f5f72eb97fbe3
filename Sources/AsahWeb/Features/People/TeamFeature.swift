import AsahCore
import GRDB
import HTTPServer

/// A supervisor's team: direct reports and the size of the whole line below them.
struct TeamFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/team", .signedIn(.viewTeam), page),
            RouteSpec(.get, "/api/v1/team", .signedIn(.viewTeam)) { context in
                .json(try members(context).map {
                    TeamMemberJSON(nip: $0.entry.nip, name: $0.entry.name, jabatan: $0.entry.jabatan,
                                   golongan: $0.entry.golongan?.code, reports: $0.reports)
                })
            },
        ]
    }

    private struct TeamMemberJSON: Encodable {
        let nip: String
        let name: String
        let jabatan: String?
        let golongan: String?
        let reports: Int
    }

    private func members(_ context: Context) throws -> [(entry: Employee, reports: Int)] {
        guard let own = context.user.employeeId else { return [] }
        return try context.services.database.pool.read { db in
            try EmployeeDirectory.directSubordinates(of: own, in: db).map { member in
                (member, try EmployeeDirectory.directSubordinates(of: member.id!, in: db).count)
            }
        }
    }

    private func page(_ context: Context) throws -> Response {
        let rows = try members(context)
        let chain = try context.user.employeeId.map { id in
            try context.services.database.pool.read { try EmployeeDirectory.chainSize(below: id, in: $0) }
        } ?? 0
        return context.page("team", title: context.localizer.t("team_title"), [
            "rows": rows.map {
                ["nip": $0.entry.nip, "name": $0.entry.name, "jabatan": $0.entry.jabatan ?? "",
                 "golongan": $0.entry.golongan?.code ?? "", "reports": $0.reports] as [String: Any]
            },
            "hasRows": !rows.isEmpty,
            "direct": context.localizer.number(rows.count),
            "chain": context.localizer.number(chain),
        ])
    }
}
