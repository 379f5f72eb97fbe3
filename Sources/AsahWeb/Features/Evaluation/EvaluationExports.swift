import AsahCore
import Foundation
import HTTPServer

/// The evaluation tables as downloads (``ExportFormat``): training needs per course and per
/// unit, the impact dashboard's runs and its figures. Counts under five are written "<5", and
/// counts withheld with them (complementary suppression) as such.
enum EvaluationExports {
    /// A count, or "<5" when it may not be shown, or the word for withheld when it is hidden
    /// with a small one (`hidden`, complementary suppression).
    static func count(_ value: Int, hidden: Bool = false, _ localizer: Localizer? = nil) -> ExportCell {
        guard SmallCell.shows(value) else { return .text("<\(SmallCell.minimum)") }
        guard hidden, let localizer else { return .integer(value) }
        return .text(localizer.t("hours_withheld"))
    }

    static func needs(_ context: Context, byCourse: Bool) throws -> ExportTable {
        let year = try NeedsFeature.year(context)
        let demand = try NeedsFeature.demand(context, year: year)
        return ExportTable(
            filename: "kebutuhan-\(byCourse ? "kursus" : "unit")-\(year)",
            sheet: byCourse ? "export_sheet_needs_courses" : "export_sheet_needs_units",
            columns: [.init("tahun", "col_year"), byCourse ? .init("kursus", "col_course") : .init("unit", "col_unit"),
                      .init("jumlah_pegawai", "col_employees_needing")],
            rows: (byCourse ? demand.courses : demand.units).map {
                [.integer(year), .text($0.label), count($0.count, hidden: $0.hidden, context.localizer)]
            })
    }

    static func runs(_ context: Context) throws -> ExportTable {
        let runs = try EvaluationPages(database: context.services.database).runLines(try ImpactDashboard.filter(context).filter)
        return ExportTable(
            filename: "dampak-angkatan", sheet: "export_sheet_runs",
            columns: [.init("kode_angkatan", "col_run_code"), .init("angkatan", "col_run"), .init("selesai", "col_ends_on"),
                      .init("peserta", "col_participants"), .init("lulus", "col_completed"),
                      .init("rerata_reaksi", "col_mean_reaction"), .init("rerata_n_gain", "col_mean_gain")],
            rows: runs.map { line in
                [.text(line.code), .text(line.title), .date(line.endsOn),
                 count(line.participants, hidden: line.hidden, context.localizer),
                 line.hidden ? .empty : .integer(line.completed),
                 .optional(line.reaction) { .decimal($0, digits: 2) }, .optional(line.gain) { .decimal($0, digits: 2) }]
            })
    }

    /// The figures above the run table (participation, L1-L4 and the L4 groups) as rows of
    /// measure and value; suppressed figures are left empty.
    static func summary(_ context: Context) throws -> ExportTable {
        let (filter, version, _) = try ImpactDashboard.filter(context)
        let report = try context.services.figures.report(filter, today: IndonesianTime.date(of: Clock.now()), version: version)
        func number(_ value: Double?, _ digits: Int = 3) -> ExportCell { .optional(value) { .decimal($0, digits: digits) } }
        let estimate = report.results.estimate
        let suppressed = ExportCell.text("<\(SmallCell.minimum)")
        let rows: [(String, ExportCell)] = [
            ("peserta", count(report.participants)),
            ("tingkat_kelulusan", number(report.completionRate)),
            ("l1_jawaban", .integer(report.reaction.responses)),
            ("l1_rerata", number(report.reaction.shown ? report.reaction.overall.mean : nil, 2)),
            ("l2_peserta_dengan_dua_tes", count(report.learning.tested)),
            ("l2_rerata_n_gain", number(report.meanGain)),
            ("l3_jatuh_tempo", .integer(report.behaviour.due)),
            ("l3_tingkat_respons", number(report.behaviour.responseRate)),
            ("l3_diterapkan", number(report.behaviour.appliedRate)),
            ("l4_peserta", estimate.map { .integer($0.participants.size) } ?? suppressed),
            ("l4_pembanding", estimate.map { .integer($0.comparison.size) } ?? suppressed),
            ("l4_peserta_baik_sebelum", number(estimate?.participants.before)),
            ("l4_peserta_baik_sesudah", number(estimate?.participants.after)),
            ("l4_pembanding_baik_sebelum", number(estimate?.comparison.before)),
            ("l4_pembanding_baik_sesudah", number(estimate?.comparison.after)),
            ("l4_selisih_dari_selisih", number(estimate?.estimate)),
            ("l4_selang_bawah_95", number(estimate?.interval.lowerBound)),
            ("l4_selang_atas_95", number(estimate?.interval.upperBound)),
            ("catatan", .text(context.localizer.t("impact_caveat"))),
            ("metode", .text(context.localizer.t("impact_l4_method"))),
        ]
        return ExportTable(filename: "dampak-ringkasan", sheet: "export_sheet_summary",
                           columns: [.init("ukuran", "col_measure"), .init("nilai", "col_value")],
                           rows: rows.map { [.text($0.0), $0.1] })
    }
}
