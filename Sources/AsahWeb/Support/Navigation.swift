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

    /// One entry as shown: its count ("3") and what that counts, read aloud, when it has one.
    struct Item: Hashable, Sendable {
        let href: String
        let label: String
        let current: Bool
        let count: String?
        let countLabel: String?

        /// The entry's template values. Every entry carries `navCount` (false when there is
        /// none), so a value of the same name around it is never found by Mustache's lookup.
        var values: [String: Any] {
            ["href": href, "label": label, "current": current, "navCount": count ?? false, "navCountLabel": countLabel ?? ""]
        }
    }

    /// A whole menu in one language: what its HTML is rendered from, and the key it is kept
    /// under (every page shows one, and most people see one of a few menus).
    struct Menu: Hashable, Sendable {
        let locale: String
        let items: [Item]
    }

    /// The entries the principal may open; unread notifications and waiting approvals are shown as counts.
    static func menu(for principal: Principal, current: String, counts: MenuCounts, localizer: Localizer) -> Menu {
        Menu(locale: localizer.locale, items: entries.filter { Policy.allows(principal, $0.permission) }.map { entry in
            let shown = counts.shown(for: entry.href).flatMap { count, label -> (String, String)? in
                guard count > 0 else { return nil }
                let number = localizer.number(count)
                return (number, localizer.t(label, ["count": number]))
            }
            return Item(href: entry.href, label: localizer.t(entry.key), current: entry.href == current,
                        count: shown?.0, countLabel: shown?.1)
        })
    }
}
