import AsahCore
import Foundation
import HTTPServer

/// The agency settings page of the administrators (names, logo, signing official, public
/// address: saved whole or not at all, audited) and the logo the printed pages show.
struct AgencyFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/admin/agency", .signedIn(.manageAgency)) { try page($0) },
            RouteSpec(.post, "/admin/agency", .signedIn(.manageAgency), save),
            RouteSpec(.get, "/agency/logo/:file", .signedIn(.useAccount), logo),
        ]
    }

    private func page(_ context: Context, input: AgencySettingsInput? = nil, problem: AgencySettingsProblem? = nil,
                      status: Int = 200) throws -> Response {
        let settings = try AgencySettings.current(in: context.services.database)
        let localizer = context.localizer
        let (address, source) = SiteAddress.base(context, settings: settings)
        var data = AgencyForm.values(input ?? AgencySettingsInput(settings), problem: problem, localizer)
        data.merge([
            "notice": Notice.message(context, allowed: ["agency_saved"]) as Any,
            "error": problem.map(context.message) as Any,
            "logo": settings.logoFile.map { "/agency/logo/" + $0 } ?? false,
            "logoMaxMB": AgencyLogoStore.maximumBytes / (1024 * 1024),
            "addressSource": localizer.t("agency_address_source_\(source.rawValue)", ["url": address]),
            "addressFromRequest": source == .request,
        ]) { $1 }
        return context.page("admin_agency", title: localizer.t("agency_title"), data, status: status)
    }

    private func save(_ context: Context) throws -> Response {
        let form = try context.form()
        var input = AgencyForm.input(form)
        let database = context.services.database
        let file = context.request.files.first { $0.field == "logo" && $0.size > 0 }
        var findings: [AgencySettingsProblem.Finding] = []
        if case .failure(let problem) = input.validated(from: try AgencySettings.current(in: database)) {
            findings = problem.findings
        }
        if let file, let logoProblem = AgencyForm.logoProblem(file, store: AgencyLogoStore.store(database)) {
            findings.append(logoProblem)
        }
        guard findings.isEmpty else {
            return try page(context, input: input, problem: AgencySettingsProblem(findings), status: 422)
        }
        if let file {
            switch AgencyLogoStore.store(database).keep(file) {
            case .success(let stored): input.logo = .use(stored.name)
            case .failure: throw HTTPFailure(response: context.error(500, "error_internal"))
            }
        }
        switch try AgencySettings.save(input, actor: context.user.userId, ip: context.ip, in: database) {
        case .success: return Notice.redirect("/admin/agency", notice: "agency_saved")
        case .failure(let problem): return try page(context, input: input, problem: problem, status: 422)
        }
    }

    private func logo(_ context: Context) throws -> Response {
        let name = context.request.parameters["file"] ?? ""
        guard AgencySettingsInput.isStoredLogoName(name),
              try AgencySettings.current(in: context.services.database).logoFile == name,
              let response = AgencyLogoStore.image(name, database: context.services.database) else { return context.notFound() }
        return response
    }
}
