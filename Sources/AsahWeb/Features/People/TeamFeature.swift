import AsahCore
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

    private func team(_ context: Context) throws -> (members: [(member: Employee, reports: Int)], chain: Int) {
        guard let own = context.user.employeeId else { return ([], 0) }
        return try People(database: context.services.database).team(of: own)
    }

    private func members(_ context: Context) throws -> [(entry: Employee, reports: Int)] {
        try team(context).members.map { ($0.member, $0.reports) }
    }

    private func page(_ context: Context) throws -> Response {
        let (team, chain) = try team(context)
        let rows = team.map { (entry: $0.member, reports: $0.reports) }
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
