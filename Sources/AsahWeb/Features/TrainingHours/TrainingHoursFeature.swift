import AsahCore
import HTTPServer

/// Training hours beyond one's own page: a supervisor's team totals, the coordinators'
/// compliance per unit (with drill-down and CSV), the review queue of external trainings,
/// evidence downloads, and the ledger API.
struct TrainingHoursFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/team/hours", .signedIn(.viewTeam), team),
            RouteSpec(.get, "/hours/compliance", .signedIn(.reviewTrainingHours), compliance),
            RouteSpec(.get, "/hours/compliance/:unitId", .signedIn(.reviewTrainingHours), unit),
            RouteSpec(.get, "/hours/reviews", .signedIn(.reviewTrainingHours)) { try reviews($0) },
            RouteSpec(.post, "/hours/reviews/:id", .signedIn(.reviewTrainingHours), review),
            RouteSpec(.get, "/hours/evidence/:id", .signedIn(.useAccount), evidence),
            RouteSpec(.get, "/api/v1/employees/:nip/training-hours", .signedIn(.useAccount), api),
        ] + ExportFormat.routes("/hours/compliance", .signedIn(.reviewTrainingHours), ComplianceExports.units)
          + ExportFormat.routes("/hours/compliance/:unitId/members", .signedIn(.reviewTrainingHours), ComplianceExports.members)
    }

    private func years(_ selected: Int) -> [[String: Any]] {
        (max(2020, TrainingFormat.currentYear - 4)...TrainingFormat.currentYear + 1).reversed().map {
            ["value": $0, "selected": $0 == selected] as [String: Any]
        }
    }

    /// The filters a printed compliance report names in its header.
    private func reportFilters(_ year: Int, _ rules: EmploymentRules, _ localizer: Localizer, unit: String? = nil) -> [[String: Any]] {
        var filters: [(String, String)] = [(localizer.t("report_year"), String(year)),
                                           (localizer.t("report_target"), EmploymentRulesText.targets(rules, localizer))]
        if let unit { filters.append((localizer.t("col_unit"), unit)) }
        return filters.enumerated().map { ["label": $1.0, "value": $1.1, "last": $0 == filters.count - 1] }
    }

    private func members(_ list: [MemberHours], _ localizer: Localizer) -> [[String: Any]] {
        list.map { member in
            let percent = member.target.map { Int((min(1, member.verifiedJP / $0) * 100).rounded()) } ?? 100
            return ["nip": member.nip, "name": member.name, "jabatan": member.jabatan ?? "", "unit": member.unitName ?? "",
                    "verified": TrainingFormat.jp(member.verifiedJP, localizer), "pending": TrainingFormat.jp(member.pendingJP, localizer),
                    "hasPending": member.pendingJP > 0, "reached": member.reached, "percent": percent, "hasTarget": member.target != nil,
                    "capNote": TrainingFormat.capNote(cap: member.cap, beyond: member.beyondCapJP, localizer) as Any]
        }
    }

    /// "3 of 5 employees reached the target", counting those with a target only.
    private func summary(_ list: [MemberHours], _ localizer: Localizer) -> String {
        let owed = list.filter { $0.target != nil }
        return localizer.t("hours_reached_summary", ["reached": String(owed.filter(\.reached).count), "total": String(owed.count)])
    }

    private func team(_ context: Context) throws -> Response {
        guard let employeeId = context.user.employeeId else { return context.notFound() }
        let year = try TrainingFormat.year(context)
        let list = try TrainingHours(database: context.services.database).team(supervisorEmployeeId: employeeId, year: year)
        let rules = try EmploymentRules.current(in: context.services.database)
        let localizer = context.localizer
        return context.page("hours_team", title: localizer.t("hours_team_title"), [
            "year": year, "years": years(year), "members": members(list, localizer), "hasMembers": !list.isEmpty,
            "target": EmploymentRulesText.targets(rules, localizer),
            "summary": summary(list, localizer),
        ])
    }

    private func compliance(_ context: Context) throws -> Response {
        let year = try TrainingFormat.year(context)
        let units = try TrainingHours(database: context.services.database).compliance(year: year)
        let rules = try EmploymentRules.current(in: context.services.database)
        let localizer = context.localizer
        let total = UnitCompliance.total(of: units)
        let printedOn = localizer.date(Clock.now())
        let agency = AgencyValues.printed(try AgencySettings.current(in: context.services.database), date: printedOn, localizer)
        return context.page("hours_compliance", title: localizer.t("hours_compliance_title"), agency.merging([
            "year": year, "years": years(year), "target": EmploymentRulesText.targets(rules, localizer),
            "export": ExportFormat.links("/hours/compliance", query: "year=\(year)"),
            "filters": reportFilters(year, rules, localizer), "printedOn": printedOn,
            "unitRowsHTML": ComplianceRows.html(units, year: year, context),
            "withheld": units.contains(where: \.hidden),
            "summary": localizer.t("hours_reached_summary", ["reached": localizer.number(total.reached), "total": localizer.number(total.employees)]),
        ]) { $1 })
    }

    private func unit(_ context: Context) throws -> Response {
        guard let unitId = context.pathID("unitId") else { return context.notFound() }
        let year = try TrainingFormat.year(context)
        guard let (unit, list) = try TrainingHours(database: context.services.database).unitPage(unitId: unitId, year: year) else {
            return context.notFound()
        }
        let rules = try EmploymentRules.current(in: context.services.database)
        let localizer = context.localizer
        let printedOn = localizer.date(Clock.now())
        let agency = AgencyValues.printed(try AgencySettings.current(in: context.services.database), date: printedOn, localizer)
        return context.page("hours_unit", title: unit.name, agency.merging([
            "unitId": unitId, "unitName": unit.name, "unitCode": unit.code,
            "export": ExportFormat.links("/hours/compliance/\(unitId)/members", query: "year=\(year)"),
            "filters": reportFilters(year, rules, localizer, unit: unit.name), "printedOn": printedOn,
            "year": year, "years": years(year), "members": members(list, localizer), "hasMembers": !list.isEmpty,
            "target": EmploymentRulesText.targets(rules, localizer),
            "summary": summary(list, localizer),
        ]) { $1 })
    }

    private func reviews(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        let pending = try TrainingHours(database: context.services.database).pendingReviews()
        let localizer = context.localizer
        return context.page("hours_reviews", title: localizer.t("hours_reviews_title"), [
            "notice": TrainingFormat.notice(context) as Any, "error": error as Any,
            "items": pending.map { item -> [String: Any] in
                var values = TrainingFormat.entry(item.entry, localizer)
                values["nip"] = item.nip
                values["name"] = item.name
                values["unit"] = item.unitName ?? ""
                values["own"] = item.entry.employeeId == context.user.employeeId
                values["submitted"] = localizer.moment(item.entry.createdAt)
                return values
            },
            "hasItems": !pending.isEmpty,
        ], status: status)
    }

    private func review(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        let accept: Bool
        switch form["decision"] {
        case "verify": accept = true
        case "reject": accept = false
        default: return try reviews(context, error: context.localizer.t("hours_error_decision"), status: 422)
        }
        switch try TrainingHours(database: context.services.database).review(
            entryId: id, accept: accept, note: form["note"], actor: context.user, ip: context.ip) {
        case .success: return Notice.redirect("/hours/reviews", notice: accept ? "hours_reviewed_ok" : "hours_reviewed_rejected")
        case .failure(.trainingEntryNotFound): return context.notFound()
        case .failure(.reasonRequired): return try reviews(context, error: context.localizer.t("hours_error_note"), status: 422)
        case .failure(let problem): return try reviews(context, error: context.message(problem), status: 422)
        }
    }

    private func evidence(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let database = context.services.database
        guard let entry = try WorkshopLookups(database: database).trainingEntry(id, for: context.user), let name = entry.evidencePath,
              let response = EvidenceStore.store(database).download(name, displayName: entry.evidenceName ?? "bukti") else {
            return context.notFound()
        }
        return response
    }

    private func api(_ context: Context) throws -> Response {
        let nip = context.request.parameters["nip"] ?? ""
        guard let ledger = try TrainingHours(database: context.services.database)
            .ledger(nip: nip, year: try TrainingFormat.year(context), for: context.user) else {
            return context.notFound()
        }
        return .json(LedgerJSON(ledger))
    }
}
