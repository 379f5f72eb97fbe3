import AsahCore
import GRDB
import HTTPServer

/// The home page: one section per role the user holds.
struct DashboardFeature: Feature {
    /// Organisation-wide counts, recomputed at most every ten seconds.
    private let stats = TimedCache<OrganisationStats>(lifetime: 10)

    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/", .signedIn(.useAccount), dashboard)]
    }

    private func dashboard(_ context: Context) throws -> Response {
        let principal = context.user
        let localizer = context.localizer
        var data: [String: Any] = ["welcome": localizer.t("dashboard_welcome", ["name": principal.displayName])]
        try context.services.database.pool.read { db in
            if let id = principal.employeeId, let view = try PersonRecord.load(id: id, in: db).map(EmployeeView.init) {
                data["profile"] = ["facts": view.facts(localizer), "nip": view.nip]
            }
            if principal.has(.atasan), let id = principal.employeeId {
                let team = try EmployeeDirectory.directSubordinates(of: id, in: db)
                data["team"] = [
                    "direct": localizer.number(team.count),
                    "chain": localizer.number(try EmployeeDirectory.chainSize(below: id, in: db)),
                    "members": team.prefix(8).map { ["nip": $0.nip, "name": $0.name, "jabatan": $0.jabatan ?? ""] },
                ] as [String: Any]
            }
            if Policy.allows(principal, .viewDirectory) {
                data["organisation"] = try stats.value { try OrganisationStats.load(in: db) }.cards(localizer)
                data["hasOrganisation"] = true
            }
            if Policy.allows(principal, .viewAuditLog) {
                data["audit"] = try AuditLog.recent(limit: 8, in: db).map {
                    ["at": localizer.dateTime($0.at), "actor": $0.actorLogin ?? "-", "action": $0.action]
                }
                data["hasAudit"] = true
            }
        }
        data["mentoring"] = try principal.employeeId.flatMap { try MentorDashboard.section(employeeId: $0, context: context) }
        data["instructor"] = principal.has(.instruktur)
        data["noEmployee"] = principal.employeeId == nil
        return context.page("dashboard", title: localizer.t("dashboard_title"), data)
    }
}

/// Headline counts for coordinators and admins.
struct OrganisationStats: Sendable {
    let employees: Int
    let units: Int
    let supervisors: Int
    let accounts: Int

    static func load(in db: Database) throws -> OrganisationStats {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM employees WHERE active) AS employees,
                   (SELECT COUNT(*) FROM units WHERE active) AS units,
                   (SELECT COUNT(DISTINCT supervisor_id) FROM employees WHERE active AND supervisor_id IS NOT NULL) AS supervisors,
                   (SELECT COUNT(*) FROM users WHERE active) AS accounts
            """)!
        return OrganisationStats(employees: row["employees"], units: row["units"], supervisors: row["supervisors"],
                                 accounts: row["accounts"])
    }

    func cards(_ localizer: Localizer) -> [[String: String]] {
        [
            ["value": localizer.number(employees), "label": localizer.t("stat_employees")],
            ["value": localizer.number(units), "label": localizer.t("stat_units")],
            ["value": localizer.number(supervisors), "label": localizer.t("stat_supervisors")],
            ["value": localizer.number(accounts), "label": localizer.t("stat_accounts")],
        ]
    }
}
