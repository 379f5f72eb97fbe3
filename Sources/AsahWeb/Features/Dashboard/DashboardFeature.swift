import AsahCore
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
        let home = try HomePage.of(principal, in: context.services.database)
        if let view = home.record.map(EmployeeView.init) {
            data["profile"] = ["facts": view.facts(localizer), "nip": view.nip]
        }
        if let team = home.team {
            data["team"] = [
                "direct": localizer.number(team.direct),
                "chain": localizer.number(team.chain),
                "members": team.first.map { ["nip": $0.nip, "name": $0.name, "jabatan": $0.jabatan ?? ""] },
            ] as [String: Any]
        }
        if Policy.allows(principal, .viewDirectory) {
            data["organisation"] = OrganisationCards.cards(try stats.value { try OrganisationStats.current(in: context.services.database) },
                                                           localizer)
            data["hasOrganisation"] = true
        }
        if let audit = home.audit {
            data["audit"] = audit.map { ["at": localizer.moment($0.at), "actor": $0.actorLogin ?? "-", "action": $0.action] }
            data["hasAudit"] = true
        }
        data["mentoring"] = try principal.employeeId.flatMap { try MentorDashboard.section(employeeId: $0, context: context) }
        let tasks = home.tasks
        data["progress"] = tasks.employee.map { TrainingFormat.progress($0.ledger, localizer) }
        data["jpHeading"] = tasks.employee.map { localizer.t("home_jp_heading", ["year": String($0.ledger.year)]) }
        var lists: [[String: Any]] = []
        if let employee = tasks.employee { lists += HomeTaskSections.employee(employee, localizer) }
        if let supervisor = tasks.supervisor { lists += HomeTaskSections.supervisor(supervisor, localizer) }
        if let instructor = tasks.instructor { lists += HomeWorkSections.instructor(instructor, localizer) }
        if let coordinator = tasks.coordinator { lists += HomeWorkSections.coordinator(coordinator, localizer) }
        data["taskLists"] = lists
        data["nothingWaiting"] = lists.isEmpty
        data["instructor"] = principal.has(.instruktur) && tasks.instructor == nil
        data["noEmployee"] = principal.employeeId == nil
        return context.page("dashboard", title: localizer.t("dashboard_title"), data)
    }
}

/// The headline counts as cards.
enum OrganisationCards {
    static func cards(_ stats: OrganisationStats, _ localizer: Localizer) -> [[String: String]] {
        [
            ["value": localizer.number(stats.employees), "label": localizer.t("stat_employees")],
            ["value": localizer.number(stats.units), "label": localizer.t("stat_units")],
            ["value": localizer.number(stats.supervisors), "label": localizer.t("stat_supervisors")],
            ["value": localizer.number(stats.accounts), "label": localizer.t("stat_accounts")],
        ]
    }
}
