import AsahCore

/// The main menu, showing only what the signed-in user may open.
enum Navigation {
    private static let entries: [(href: String, key: String, permission: Permission)] = [
        ("/", "nav_dashboard", .useAccount),
        ("/courses", "nav_catalogue", .useAccount),
        ("/my/trainings", "nav_my_trainings", .useAccount),
        ("/teaching", "nav_teaching", .takeAttendance),
        ("/projects", "nav_projects", .useAccount),
        ("/notifications", "notification_nav", .useAccount),
        ("/forums", "nav_forums", .useAccount),
        ("/evaluation/checks", "nav_evaluation_checks", .useAccount),
        ("/approvals", "nav_approvals", .approveEnrolments),
        ("/team", "nav_team", .viewTeam),
        ("/team/needs", "nav_evaluation_needs", .viewTeam),
        ("/runs", "nav_runs", .manageRuns),
        ("/hours/compliance", "nav_compliance", .reviewTrainingHours),
        ("/evaluation", "nav_evaluation", .evaluateProgrammes),
        ("/feedback", "nav_feedback", .evaluateProgrammes),
        ("/people", "nav_people", .viewDirectory),
        ("/units", "nav_units", .importOrganisation),
        ("/people/import", "nav_import", .importOrganisation),
        ("/admin/users", "nav_users", .manageAccounts),
        ("/admin/audit", "nav_audit", .viewAuditLog),
        ("/admin/agency", "nav_agency", .manageAgency),
        ("/account", "nav_account", .useAccount),
    ]

    /// The entries the principal may open; unread notifications and waiting approvals are shown as counts. Every
    /// entry carries `navCount` (false when there is none), so a page's own values of the same
    /// name are never found by Mustache's lookup through the enclosing data.
    static func items(for principal: Principal, current: String, counts: MenuCounts, localizer: Localizer) -> [[String: Any]] {
        entries.filter { Policy.allows(principal, $0.permission) }.map { entry in
            var item: [String: Any] = ["href": entry.href, "label": localizer.t(entry.key), "current": entry.href == current,
                                       "navCount": false]
            if let (count, label) = counts.shown(for: entry.href), count > 0 {
                item["navCount"] = localizer.number(count)
                item["navCountLabel"] = localizer.t(label, ["count": localizer.number(count)])
            }
            return item
        }
    }
}
