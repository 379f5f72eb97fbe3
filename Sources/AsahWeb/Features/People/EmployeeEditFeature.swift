import AsahCore
import HTTPServer

/// Coordinators (and admins) edit an employee from the profile page: name, NIP, employment,
/// golongan, jabatan, unit, supervisor, e-mail, status. Checked by the import's rules, saved
/// whole or not at all, audited.
struct EmployeeEditFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/people/:nip/edit", .signedIn(.importOrganisation)) { context in
                guard let values = try EmployeeEdit(database: context.services.database).values(nip: nip(context)) else {
                    return context.notFound()
                }
                return try page(context, nip: nip(context), values: values)
            },
            RouteSpec(.post, "/people/:nip/edit", .signedIn(.importOrganisation), save),
        ]
    }

    /// The path's NIP, bounded (a longer one names no employee).
    private func nip(_ context: Context) -> String {
        String((context.request.parameters["nip"] ?? "").prefix(40))
    }

    /// The form; the units offered are the active ones and `currentUnit`.
    private func form(_ context: Context, currentUnit: String? = nil) throws -> EditForm {
        let localizer = context.localizer
        let units = try UnitOptions.tree(context.services).filter { $0.active || $0.code == currentUnit }
        let golongan = [("", localizer.t("edit_none"))] + (Golongan.pns + Golongan.pppk).map { ($0.code, $0.displayName) }
        let kinds = [("", localizer.t("edit_none"))] + JabatanKind.allCases.map { ($0.rawValue, $0.displayName) }
        return EditForm(id: "employee", fields: [
            ("nama", .text(maximumLength: EmployeeEdit.maximumLength("nama")), true, false),
            ("nip", .text(maximumLength: EmployeeEdit.maximumLength("nip"), numeric: true), true, true),
            ("jenis_pegawai", .choice(Employment.allCases.map { ($0.rawValue, $0.displayName) }), true, false),
            ("golongan", .choice(golongan), false, false),
            ("jabatan", .text(maximumLength: EmployeeEdit.maximumLength("jabatan")), false, false),
            ("jenis_jabatan", .choice(kinds), false, false),
            ("unit", .choice(units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }), true, true),
            ("nip_atasan", .text(maximumLength: EmployeeEdit.maximumLength("nip_atasan"), numeric: true), false, true),
            ("email", .text(maximumLength: EmployeeEdit.maximumLength("email"), email: true), false, false),
            ("status", .choice([("aktif", localizer.t("profile_active")), ("nonaktif", localizer.t("profile_inactive"))]), true, true),
        ], messagePrefix: "employee_edit")
    }

    private func page(_ context: Context, nip: String, values: [String: String], problem: EditProblem? = nil,
                      status: Int = 200) throws -> Response {
        let localizer = context.localizer
        return context.page("employee_edit", title: localizer.t("employee_edit_title", ["name": values["nama"] ?? nip]), [
            "nip": nip, "name": values["nama"] ?? "", "fields": try form(context, currentUnit: values["unit"]).values(values, problem: problem, localizer),
            "error": problem.map(context.message) as Any,
        ], status: status)
    }

    private func save(_ context: Context) throws -> Response {
        let values = try form(context).input(try context.form())
        let edit = EmployeeEdit(database: context.services.database)
        switch try edit.save(nip: nip(context), values: values, actor: context.user.userId, ip: context.ip) {
        case nil: return context.notFound()
        case .success(let saved)?:
            for account in saved.accountsEnded { context.services.identities.invalidate(userId: account) }
            return Notice.redirect("/people/\(saved.nip)", notice: "employee_saved")
        case .failure(let problem)?: return try page(context, nip: nip(context), values: values, problem: problem, status: 422)
        }
    }
}
