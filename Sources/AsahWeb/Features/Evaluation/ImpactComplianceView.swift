import AsahCore

/// The dashboard's JP compliance box: the total, then the units furthest from the 20 JP target
/// (a province has hundreds of units; the compliance page and its CSV list every one). Units
/// withheld by small-cell suppression are left out of the list and the chart.
enum ImpactComplianceView {
    /// The most units drawn and listed on the dashboard.
    static let unitRows = 20

    static func values(_ compliance: [UnitCompliance], year: Int, _ localizer: Localizer) -> [String: Any] {
        let units = compliance.filter { $0.employees > 0 }
        let lowest = units.filter { !$0.hidden }.sorted { ($0.percent ?? 0, $0.name) < ($1.percent ?? 0, $1.name) }.prefix(unitRows)
        let total = UnitCompliance.total(of: units)
        var data: [String: Any] = [
            "complianceYear": year,
            "complianceTotal": localizer.t("impact_compliance_total", [
                "reached": localizer.number(total.reached), "employees": localizer.number(total.employees),
                "percent": total.percent.map { "\($0) %" } ?? "–"]),
            "compliance": lowest.map { unit in
                ["name": unit.name, "employees": localizer.number(unit.employees), "reached": localizer.number(unit.reached),
                 "percent": unit.percent.map { "\($0) %" } ?? "–"] as [String: Any]
            },
            "complianceChart": SVGChart.bars(localizer.t("impact_compliance_chart"), lowest.map {
                SVGChart.Bar(label: $0.name, fraction: Double($0.percent ?? 0) / 100, text: "\($0.percent ?? 0) %")
            }, id: "compliance-chart"),
        ]
        if units.count > unitRows {
            data["complianceMore"] = localizer.t("impact_compliance_more", ["shown": localizer.number(unitRows),
                                                                           "total": localizer.number(units.count)])
        }
        return data
    }
}
