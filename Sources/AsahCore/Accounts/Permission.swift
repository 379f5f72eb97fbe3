/// Something a page or API call needs the caller to be allowed to do. Every route names one
/// (or declares itself public), and `Policy` is the single place that decides.
public enum Permission: String, CaseIterable, Sendable {
    /// Own dashboard, profile, password, tokens, language.
    case useAccount
    /// The direct and indirect subordinates of a supervisor.
    case viewTeam
    /// The people directory and any employee's profile.
    case viewDirectory
    /// Changing employees and units: CSV imports, and edits (and unit merges) in the browser.
    case importOrganisation
    /// Accounts, roles and password resets.
    case manageAccounts
    /// The audit log.
    case viewAuditLog
    /// The agency's settings: names, logo, signing official, public address.
    case manageAgency
    /// The inbox of enrolment requests awaiting a decision, and nominating people.
    case approveEnrolments
    /// Scheduling, opening, cancelling and finishing runs.
    case manageRuns
    /// Attendance sheets of sessions.
    case takeAttendance
    /// Verifying external training records and the JP compliance report.
    case reviewTrainingHours
    /// Deciding on forum suggestions: status, owner, merging, official answers, categories,
    /// course proposals.
    case decideSuggestions
    /// The forum moderation queue and actions; the account also needs the moderation right an
    /// admin grants with `asah forum moderator grant` (see `Forums.isModerator`).
    case moderateForums
    /// The programme-impact dashboard, training-needs demand, overdue behaviour checks and programmes.
    case evaluateProgrammes
}

/// Who may do what. Object-level rules (whose record one may read) live beside the records
/// they protect and build on these.
public enum Policy {
    public static func allows(_ principal: Principal, _ permission: Permission) -> Bool {
        switch permission {
        case .useAccount: true
        case .viewTeam: principal.has(.atasan)
        case .viewDirectory, .importOrganisation: principal.has(.koordinator) || principal.has(.admin)
        case .manageAccounts, .viewAuditLog, .manageAgency: principal.has(.admin)
        case .approveEnrolments: principal.has(.atasan) || principal.has(.koordinator)
        case .manageRuns, .reviewTrainingHours: principal.has(.koordinator)
        case .takeAttendance: principal.has(.instruktur) || principal.has(.koordinator)
        case .decideSuggestions, .moderateForums: principal.has(.koordinator)
        case .evaluateProgrammes: principal.has(.koordinator)
        }
    }

    /// The roles that hold `permission` (for documentation and the permission test matrix).
    public static func roles(for permission: Permission) -> [Role] {
        Role.allCases.filter { role in
            allows(Principal(userId: 0, login: "", displayName: "", employeeId: role == .pegawai ? 1 : nil,
                             roles: [role], locale: "id"), permission)
        }
    }
}
