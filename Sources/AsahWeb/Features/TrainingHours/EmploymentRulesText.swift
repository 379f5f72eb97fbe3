import AsahCore

/// The JP target and cap of each employment type (``EmploymentRules``) in words, for the pages
/// and exports that count against them.
enum EmploymentRulesText {
    /// "PNS 20 JP; PPPK tanpa target, paling banyak 24 JP".
    static func targets(_ rules: EmploymentRules, _ localizer: Localizer) -> String {
        Employment.allCases.map { employment in
            let rule = rules.rule(for: employment)
            let target = rule.target.map {
                localizer.t("rules_type_target", ["employment": employment.displayName, "target": TrainingFormat.jp($0, localizer)])
            } ?? localizer.t("rules_type_no_target", ["employment": employment.displayName])
            return rule.cap.map { localizer.t("rules_with_cap", ["rule": target, "cap": TrainingFormat.jp($0, localizer)]) } ?? target
        }.joined(separator: "; ")
    }
}
