import AsahCore
import HTTPServer

/// The JP compliance tables as downloads (``ExportFormat``): every unit with how many of its
/// employees reached the target, and one unit's employees with their JP.
enum ComplianceExports {
    static func units(_ context: Context) throws -> ExportTable {
        let year = try TrainingFormat.year(context)
        let target = TrainingHours.annualTarget
        let units = try TrainingHours(database: context.services.database).compliance(year: year, target: target)
        return ExportTable(
            filename: "kepatuhan-jp-\(year)", sheet: "export_sheet_compliance",
            columns: [.init("tahun", "col_year"), .init("target_jp", "col_target_jp"), .init("kode_unit", "col_unit_code"),
                      .init("nama_unit", "col_unit_name"), .init("jumlah_pegawai", "col_employees"),
                      .init("mencapai_target", "col_reached_count"), .init("persen", "col_percent")],
            rows: units.map { unit in
                [.integer(year), .number(target), .text(unit.code), .text(unit.name), .integer(unit.employees),
                 .integer(unit.reached), .optional(unit.percent, ExportCell.integer)]
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
                      .init("mencapai_target", "col_reached")],
            rows: members.map { member in
                [.integer(year), .identifier(member.nip), .text(member.name), .text(member.jabatan ?? ""), .text(member.unitName ?? ""),
                 .number(member.verifiedJP), .number(member.pendingJP), .flag(member.reached)]
            })
    }
}
