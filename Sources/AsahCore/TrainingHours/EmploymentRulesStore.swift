import GRDB

/// Reading and saving the ``EmploymentRules`` (the rows of `employment_rules`). A save is whole
/// or nothing, and every save is in the audit log with the rules saved.
extension EmploymentRules {
    /// The saved rules.
    public static func current(in database: AppDatabase) throws -> EmploymentRules {
        try database.pool.read(read)
    }

    /// The saved rules inside the caller's read (``regulation`` for a type without a row).
    public static func read(_ db: Database) throws -> EmploymentRules {
        var rules = regulation
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT employment, target_jp, cap_jp FROM employment_rules")) {
            let rule = Rule(target: row["target_jp"], cap: row["cap_jp"])
            switch Employment(rawValue: row["employment"]) {
            case .pns: rules.pns = rule
            case .pppk: rules.pppk = rule
            case nil: continue
            }
        }
        return rules
    }

    /// Saves `rules` when they have no ``problems``, with an audit entry; nothing otherwise.
    public static func save(_ rules: EmploymentRules, actor: Int64?, ip: String?,
                            in database: AppDatabase) throws -> Result<EmploymentRules, EmploymentRulesProblem> {
        let problems = rules.problems
        guard problems.isEmpty else { return .failure(EmploymentRulesProblem(findings: problems)) }
        return try database.pool.write { db in
            for employment in Employment.allCases {
                let rule = rules.rule(for: employment)
                try db.execute(sql: """
                    INSERT INTO employment_rules (employment, target_jp, cap_jp, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(employment) DO UPDATE SET target_jp = excluded.target_jp, cap_jp = excluded.cap_jp,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """, arguments: [employment.rawValue, rule.target, rule.cap, Clock.now(), actor])
            }
            try AuditLog.record("agency.employment_rules", actor: actor, ip: ip, subject: "employment_rules",
                                detail: rules.auditText, in: db)
            return .success(rules)
        }
    }

    /// "pns target 20 cap -, pppk target - cap 24": what an audit entry records.
    var auditText: String {
        Employment.allCases.map { employment in
            let rule = rule(for: employment)
            return "\(employment.rawValue) target \(rule.target.map(TrainingHours.format) ?? "-") cap \(rule.cap.map(TrainingHours.format) ?? "-")"
        }.joined(separator: ", ")
    }
}

/// Why employment rules were not saved: each problem with the type and value it is about.
public struct EmploymentRulesProblem: Refusable, Equatable {
    /// The value of a rule a problem is about.
    public enum Part: String, Sendable {
        case target, cap
    }

    /// One problem of one value of one type's rule.
    public struct Finding: Sendable, Equatable {
        public let employment: Employment
        public let part: Part
        public let refusal: Refusal

        init(_ employment: Employment, _ part: Part, _ key: String) {
            self.employment = employment
            self.part = part
            refusal = Refusal(.invalid, key, ["employment": employment.displayName,
                                              "maximum": TrainingHours.format(EmploymentRules.maximumJP)])
        }
    }

    public let findings: [Finding]

    public var refusal: Refusal {
        Refusal(.invalid, "problem_rules_not_saved", parts: findings.map(\.refusal))
    }
}
