import AsahCore
import HTTPServer

/// The page beside the agency settings where an administrator sets the yearly JP target and
/// cap of PNS and PPPK (``EmploymentRules``), with the regulations cited: saved whole or not at
/// all, audited, and used by compliance, the homes, the ledgers and the training needs.
struct EmploymentRulesFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/admin/agency/jp", .signedIn(.manageAgency)) { try page($0) },
            RouteSpec(.post, "/admin/agency/jp", .signedIn(.manageAgency), save),
        ]
    }

    private func page(_ context: Context, typed: [String: String]? = nil, errors: [String: String] = [:],
                      status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let saved = try EmploymentRules.current(in: context.services.database)
        let values = typed ?? EmploymentRulesForm.text(saved)
        return context.page("admin_jp_rules", title: localizer.t("rules_title"), [
            "notice": Notice.message(context, allowed: ["rules_saved"]) as Any,
            "error": errors.isEmpty ? false : localizer.t("rules_not_saved"),
            "types": Employment.allCases.map { employment -> [String: Any] in
                ["legend": employment.displayName, "regulation": localizer.t("rules_regulation_\(employment.rawValue)"),
                 "fields": ["target", "cap"].map { kind -> [String: Any] in
                     let name = EmploymentRulesForm.field(employment, kind)
                     return ["name": name, "label": localizer.t("rules_field_\(kind)"), "hint": localizer.t("rules_hint_\(kind)"),
                             "value": values[name] ?? "", "error": errors[name] ?? false]
                 }]
            },
            "saved": EmploymentRulesText.targets(saved, localizer),
        ], status: status)
    }

    private func save(_ context: Context) throws -> Response {
        let form = try context.form()
        let localizer = context.localizer
        let typed = EmploymentRulesForm.typed(form)
        let parsed = EmploymentRulesForm.rules(typed)
        let rules: EmploymentRules
        switch parsed {
        case .success(let read): rules = read
        case .failure(let unreadable):
            let errors = Dictionary(uniqueKeysWithValues: unreadable.fields.map { ($0, localizer.t("problem_rules_number")) })
            return try page(context, typed: typed, errors: errors, status: 422)
        }
        switch try EmploymentRules.save(rules, actor: context.user.userId, ip: context.ip, in: context.services.database) {
        case .success: return Notice.redirect("/admin/agency/jp", notice: "rules_saved")
        case .failure(let problem):
            let errors = Dictionary(grouping: problem.findings) { EmploymentRulesForm.field($0.employment, $0.part.rawValue) }
                .mapValues { $0.map { Refusals.message($0.refusal, localizer) }.joined(separator: " ") }
            return try page(context, typed: typed, errors: errors, status: 422)
        }
    }
}
