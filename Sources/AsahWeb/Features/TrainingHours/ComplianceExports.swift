import AsahCore
import HTTPServer

/// The JP compliance tables as downloads (``ExportFormat``): every unit with how many of its
/// employees reached the target (units withheld
/// by small-cell suppression written as such), and one unit's employees with their JP.
enum ComplianceExports {
    static func units(_ context: Context) throws -> ExportTable {
        let year = try TrainingFormat.year(context)
        let units = try TrainingHours(database: context.services.database).compliance(year: year)
        let target = EmploymentRulesText.targets(try EmploymentRules.current(in: context.services.database), context.localizer)
        return ExportTable(
            filename: "kepatuhan-jp-\(year)", sheet: "export_sheet_compliance",
            columns: [.init("tahun", "col_year"), .init("target_jp", "col_target_jp"), .init("kode_unit", "col_unit_code"),
                      .init("nama_unit", "col_unit_name"), .init("jumlah_pegawai_bertarget", "col_employees_owed"),
                      .init("mencapai_target", "col_reached_count"), .init("persen", "col_percent")],
            rows: units.map { unit in
                let withheld = ExportCell.text(context.localizer.t("hours_withheld"))
                return [.integer(year), .text(target), .text(unit.code), .text(unit.name),
                        unit.hidden ? withheld : .integer(unit.employees), unit.hidden ? withheld : .integer(unit.reached),
                        unit.hidden ? withheld : .optional(unit.percent, ExportCell.integer)]
            })
    }

    static func members(_ context: Context) throws -> ExportTable {
        guard let unitId = context.pathID("unitId") else { throw HTTPFailure(response: context.notFound()) }
        let year = try TrainingFormat.year(context)
        guard let (_, members) = try TrainingHours(database: context.services.database).unitPage(unitId: unitId, year: year) else {
            throw HTTPFailure(response: context.notFound())
        }
        return ExportTable(
            filename: "kepatuhan-jp-unit-\(unitId)-\(year)", sheet: "export_sheet_compliance_members",
            columns: [.init("tahun", "col_year"), .init("nip", "col_nip"), .init("nama", "col_name"), .init("jabatan", "col_jabatan"),
                      .init("unit", "col_unit"), .init("jp_terverifikasi", "col_jp_verified"), .init("jp_menunggu", "col_jp_pending"),
                      .init("target_jp", "col_target_jp"), .init("mencapai_target", "col_reached"),
                      .init("jp_melebihi_batas", "col_jp_beyond_cap")],
            rows: members.map { member in
                [.integer(year), .identifier(member.nip), .text(member.name), .text(member.jabatan ?? ""), .text(member.unitName ?? ""),
                 .number(member.verifiedJP), .number(member.pendingJP), .optional(member.target, ExportCell.number),
                 member.target == nil ? .empty : .flag(member.reached), .number(member.beyondCapJP)]
            })
    }
}
