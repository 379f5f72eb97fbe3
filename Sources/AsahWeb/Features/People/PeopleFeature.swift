import AsahCore
import Foundation
import HTTPServer

/// The people directory for coordinators and the employee profile page, with their API.
struct PeopleFeature: Feature {
    static let pageSize = 50

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/people", .signedIn(.viewDirectory), directory),
            RouteSpec(.get, "/people/:nip", .signedIn(.useAccount), profile),
            RouteSpec(.get, "/api/v1/employees", .signedIn(.viewDirectory), apiDirectory),
            RouteSpec(.get, "/api/v1/employees/:nip", .signedIn(.useAccount), apiProfile),
            RouteSpec(.get, "/api/v1/units", .signedIn(.viewDirectory)) { context in
                .json(try UnitOptions.tree(context.services).map(UnitJSON.init))
            },
        ]
    }

    private struct Search {
        let text: String?
        let unitId: Int64?
        let page: Int
    }

    private func search(_ context: Context) throws -> (Search, DirectoryPage) {
        let query = try context.query()
        let search = Search(text: try query.trimmed("q"), unitId: try query.id("unit"),
                            page: try query.page())
        let page = try People(database: context.services.database).search(search.text, unitId: search.unitId, page: search.page,
                                                                        pageSize: Self.pageSize)
        return (search, page)
    }

    private func directory(_ context: Context) throws -> Response {
        let (search, result) = try search(context)
        let units = try UnitOptions.tree(context.services)
        let pager = Pager(page: search.page, total: result.total, pageSize: Self.pageSize)
        let links = pager.values(context.localizer) { page in
            "/people?q=\(URLEncoding.component(search.text ?? ""))&unit=\(search.unitId.map(String.init) ?? "")&page=\(page)"
        }
        return context.page("people", title: context.localizer.t("people_title"), links.merging([
            "q": search.text ?? "",
            "unitOptions": UnitOptions.html(units, selected: search.unitId),
            "rows": result.entries.map { entry in
                ["nip": entry.nip, "name": entry.name, "golongan": entry.golongan?.code ?? "", "jabatan": entry.jabatan ?? "",
                 "unit": entry.unitName ?? "", "supervisor": entry.supervisorName ?? "", "active": entry.active] as [String: Any]
            },
            "hasRows": !result.entries.isEmpty,
            "summary": context.localizer.t("people_results", ["count": context.localizer.number(result.total)]),
        ]) { $1 })
    }

    private func visibleProfile(_ context: Context) throws -> People.Profile? {
        try People(database: context.services.database).profile(nip: context.request.parameters["nip"] ?? "", viewer: context.user)
    }

    private func profile(_ context: Context) throws -> Response {
        guard let profile = try visibleProfile(context) else { return context.notFound() }
        let view = EmployeeView(profile.record)
        let subordinates = profile.subordinates.map { ["nip": $0.nip, "name": $0.name, "jabatan": $0.jabatan ?? ""] }
        let appraisals = profile.maySeeAppraisals
        return context.page("person", title: view.name, [
            "person": ["name": view.name], "facts": view.facts(context.localizer),
            "subordinates": subordinates, "hasSubordinates": !subordinates.isEmpty,
            "nip": view.nip, "canSeeAppraisals": appraisals, "canEdit": Policy.allows(context.user, .importOrganisation),
            "notice": Notice.message(context, allowed: ["employee_saved"]) as Any,
        ])
    }

    private struct DirectoryJSON: Encodable {
        let total: Int
        let page: Int
        let page_size: Int
        let employees: [Entry]

        struct Entry: Encodable {
            let nip: String
            let name: String
            let golongan: String?
            let jabatan: String?
            let unit: String?
            let supervisor: String?
            let active: Bool
        }
    }

    private func apiDirectory(_ context: Context) throws -> Response {
        let (search, result) = try search(context)
        return .json(DirectoryJSON(total: result.total, page: search.page, page_size: Self.pageSize, employees: result.entries.map {
            .init(nip: $0.nip, name: $0.name, golongan: $0.golongan?.code, jabatan: $0.jabatan, unit: $0.unitName,
                  supervisor: $0.supervisorName, active: $0.active)
        }))
    }

    private func apiProfile(_ context: Context) throws -> Response {
        guard let profile = try visibleProfile(context) else { return context.notFound() }
        return .json(EmployeeView(profile.record))
    }

    private struct UnitJSON: Encodable {
        let id: Int64
        let code: String
        let name: String
        let kind: String
        let parent_id: Int64?
        let depth: Int

        init(_ unit: UnitTreeEntry) {
            id = unit.id
            code = unit.code
            name = unit.name
            kind = unit.kind.rawValue
            parent_id = unit.parentId
            depth = unit.depth
        }
    }
}
