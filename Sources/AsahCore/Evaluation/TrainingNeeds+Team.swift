import GRDB

extension TrainingNeeds {
    /// Everyone below `supervisorEmployeeId` in the supervisor chain, as a filter for ``list``.
    private static let chain = """
        p.id IN (WITH RECURSIVE chain(id) AS (SELECT id FROM employees WHERE supervisor_id = ?
                 UNION SELECT e.id FROM employees e JOIN chain ON e.supervisor_id = chain.id) SELECT id FROM chain)
        """

    /// The needs of the people below `principal` in the chain for `year`, by name. A need
    /// that comes from a person's appraisal reads it, so each such person gets the
    /// `appraisal.read` audit entry every appraisal read gets, in the same transaction: run
    /// it in a write.
    public static func team(of principal: Principal, year: Int, ip: String?, in db: Database) throws -> [Need] {
        guard let own = principal.employeeId else { return [] }
        let needs = try list(chain, [own], year: year, in: db)
        for need in needs where need.reasons.contains(where: \.readsAppraisal) {
            try AuditLog.record("appraisal.read", actor: principal.userId, ip: ip, subject: need.nip,
                                detail: "team_needs", in: db)
        }
        return needs
    }
}

extension TrainingNeeds.Reason {
    /// Whether the reason comes from the person's appraisal (their predikat or perilaku).
    var readsAppraisal: Bool {
        switch self {
        case .lowPredikat, .perilakuBelow: true
        case .shortOfJP: false
        }
    }
}
