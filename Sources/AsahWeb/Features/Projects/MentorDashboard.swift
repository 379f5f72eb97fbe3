import AsahCore

/// The dashboard's section for a mentor: the projects they mentor (their subordinates', unless
/// a coordinator assigned otherwise), active ones first, and how many submissions wait for them.
enum MentorDashboard {
    /// Shown at most; the projects page lists them all.
    static let limit = 8

    /// The section's data for `employeeId`, or `nil` when they mentor no project.
    static func section(employeeId: Int64, context: Context) throws -> [String: Any]? {
        let lists = ProjectLists(database: context.services.database)
        let projects = try lists.mentored(employeeId: employeeId)
        guard !projects.isEmpty else { return nil }
        let active = projects.filter { $0.status == .active } + projects.filter { $0.status != .active }
        let waiting = try lists.reviewQueue(employeeId: employeeId).filter { $0.role == .mentor }.count
        return [
            "projects": active.prefix(limit).map { ProjectView.summary($0, context.localizer) },
            "hasWaiting": waiting > 0,
            "waiting": context.localizer.t("project_dashboard_waiting", ["count": context.localizer.number(waiting)]),
        ]
    }
}
