import AsahCore

/// The rows of the JP compliance table, one per unit: the same for every coordinator, so
/// rendered once per year and language and kept while the figures are unchanged
/// (``FragmentCache``). A province has some 600 units; rendering them was most of the page.
enum ComplianceRows {
    /// One year's table in one language.
    struct Key: Hashable, Sendable {
        let year: Int
        let locale: String
    }

    /// About 1 MB: a province's table in both languages for a few years.
    static func cache() -> FragmentCache<Key, [UnitCompliance]> {
        FragmentCache(budgetBytes: 1024 * 1024)
    }

    /// The table rows of `units` for `year` as HTML.
    static func html(_ units: [UnitCompliance], year: Int, _ context: Context) -> String {
        let localizer = context.localizer
        return context.services.complianceRows.html(for: Key(year: year, locale: localizer.locale), facts: units) {
            let withheld = localizer.t("hours_withheld")
            let rows = units.map { unit -> [String: Any] in
                ["id": unit.unitId, "code": unit.code, "name": unit.name, "indent": unit.depth,
                 "employees": unit.hidden ? withheld : localizer.number(unit.employees),
                 "reached": unit.hidden ? withheld : localizer.number(unit.reached),
                 "percent": unit.hidden ? withheld : unit.percent.map { "\($0) %" } ?? "–", "hidden": unit.hidden,
                 "hasEmployees": unit.employees > 0]
            }
            return context.services.views.fragment("hours_compliance_rows", ["units": rows, "year": year], locale: localizer.locale)
        }
    }
}
