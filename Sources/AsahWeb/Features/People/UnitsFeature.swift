import AsahCore
import HTTPServer

/// The unit tree for coordinators (and admins), each unit with its edit page: rename, move
/// under another unit, merge into another (its people and sub-units move, its row stays for
/// history). Checked by the import's rules, saved whole or not at all, audited.
struct UnitsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/units", .signedIn(.importOrganisation), list),
            RouteSpec(.get, "/units/:code/edit", .signedIn(.importOrganisation)) { try page($0) },
            RouteSpec(.post, "/units/:code/edit", .signedIn(.importOrganisation), save),
            RouteSpec(.post, "/units/:code/merge", .signedIn(.importOrganisation), merge),
        ]
    }

    /// The path's unit code, bounded (a longer one names no unit).
    private func code(_ context: Context) -> String {
        String((context.request.parameters["code"] ?? "").prefix(60))
    }

    private func list(_ context: Context) throws -> Response {
        let (tree, mergedIntoId) = try UnitEdit(database: context.services.database).overview()
        let byId = Dictionary(uniqueKeysWithValues: tree.map { ($0.id, $0) })
        return context.page("units", title: context.localizer.t("units_title"), [
            "notice": Notice.message(context, allowed: ["unit_saved", "unit_merged"]) as Any,
            "units": tree.map { unit -> [String: Any] in
                ["code": unit.code, "name": unit.name, "indent": String(repeating: "\u{2003}", count: unit.depth), "kind": unit.kind.displayName,
                 "active": unit.active, "mergedInto": mergedIntoId[unit.id].flatMap { byId[$0]?.name } ?? false]
            },
        ])
    }

    private func page(_ context: Context, values: [String: String]? = nil, problem: EditProblem? = nil,
                      mergeValue: String = "", mergeProblem: EditProblem? = nil, status: Int = 200) throws -> Response {
        guard let form = try UnitEdit(database: context.services.database).form(code: code(context)) else { return context.notFound() }
        let localizer = context.localizer, unit = form.unit
        let others = form.tree.filter { $0.id != unit.id && form.mergedIntoId[$0.id] == nil }
            .map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name + " (\($0.code))") }
        let edit = EditForm(id: "unit", fields: [
            ("nama", .text(maximumLength: UnitEdit.maximumNameLength), true, false),
            ("kode_induk", .choice([("", localizer.t("unit_edit_top"))] + others), false, true),
        ], messagePrefix: "unit_edit")
        let merge = EditForm(id: "merge", fields: [
            ("gabung_ke", .choice([("", localizer.t("edit_none"))] + others), true, true),
        ], messagePrefix: "unit_edit")
        return context.page("unit_edit", title: localizer.t("unit_edit_title", ["name": unit.name]), [
            "code": unit.code, "name": unit.name,
            "fields": edit.values(values ?? ["nama": unit.name, "kode_induk": form.parentCode], problem: problem, localizer),
            "mergeFields": merge.values(["gabung_ke": mergeValue], problem: mergeProblem, localizer),
            "mergedInto": form.mergedInto.map { ["name": $0.name, "code": $0.code] } as Any,
            "error": (problem ?? mergeProblem).map(context.message) as Any,
        ], status: status)
    }

    private func save(_ context: Context) throws -> Response {
        let form = try context.form()
        let values = ["nama": form.trimmed("nama") ?? "", "kode_induk": form.trimmed("kode_induk") ?? ""]
        let edit = UnitEdit(database: context.services.database)
        switch try edit.save(code: code(context), values: values, actor: context.user.userId, ip: context.ip) {
        case nil: return context.notFound()
        case .success?: return Notice.redirect("/units", notice: "unit_saved")
        case .failure(let problem)?: return try page(context, values: values, problem: problem, status: 422)
        }
    }

    private func merge(_ context: Context) throws -> Response {
        let target = try context.form().trimmed("gabung_ke") ?? ""
        let merge = UnitMerge(database: context.services.database)
        switch try merge.merge(code: code(context), into: target, actor: context.user.userId, ip: context.ip) {
        case nil: return context.notFound()
        case .success?: return Notice.redirect("/units", notice: "unit_merged")
        case .failure(let problem)?: return try page(context, mergeValue: target, mergeProblem: problem, status: 422)
        }
    }
}
