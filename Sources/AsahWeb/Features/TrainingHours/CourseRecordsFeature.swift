import AsahCore
import Foundation
import HTTPServer

/// Riwayat kursus for SIASN: a coordinator picks a period, sees how many completed trainings
/// it holds, and downloads them with SIASN's course-record field names (``CourseRecords``).
struct CourseRecordsFeature: Feature {
    /// How many records the page lists before the download.
    static let previewSize = 50

    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/hours/siasn", .signedIn(.reviewTrainingHours), page)]
            + ExportFormat.routes("/hours/siasn/riwayat-kursus", .signedIn(.reviewTrainingHours), Self.table)
    }

    /// The period asked for: `from` and `to` (ISO dates), by default this year to today.
    private static func period(_ context: Context) throws -> (from: CalendarDate, to: CalendarDate) {
        let query = try context.query(), today = CalendarDate.today()
        return (try query.date("from") ?? CalendarDate(year: today.year, month: 1, day: 1)!, try query.date("to") ?? today)
    }

    private static func records(_ context: Context) throws -> CourseRecords? {
        let (from, to) = try period(context)
        return try CourseRecords.load(from: from, to: to, in: context.services.database)
    }

    private func page(_ context: Context) throws -> Response {
        let (from, to) = try Self.period(context)
        let localizer = context.localizer
        var data: [String: Any] = ["from": from.iso, "to": to.iso]
        guard let records = try CourseRecords.load(from: from, to: to, in: context.services.database) else {
            data["error"] = localizer.t("siasn_period_invalid", ["days": localizer.number(CourseRecords.longestPeriodDays)])
            return context.page("hours_siasn", title: localizer.t("siasn_title"), data, status: 422)
        }
        let list = records.records
        data["summary"] = localizer.t("siasn_summary", [
            "records": localizer.number(list.count), "people": localizer.number(Set(list.map(\.nip)).count),
            "jp": TrainingFormat.jp(list.reduce(0) { $0 + $1.jp }, localizer)])
        data["hasRecords"] = !list.isEmpty
        data["agencyMissing"] = list.contains { $0.source == .asah && $0.organiser.isEmpty }
        data["export"] = ExportFormat.links("/hours/siasn/riwayat-kursus", query: "from=\(from.iso)&to=\(to.iso)")
        data["rows"] = list.prefix(Self.previewSize).map { record -> [String: Any] in
            ["nip": record.nip, "name": record.employeeName, "title": record.title, "kind": Self.kind(record),
             "organiser": record.organiser, "jp": TrainingFormat.jp(record.jp, localizer),
             "ended": record.endedOn.map { localizer.date(year: $0.year, month: $0.month, day: $0.day) } ?? String(record.year),
             "certificate": record.certificateNumber ?? ""]
        }
        data["more"] = list.count > Self.previewSize
            ? localizer.t("siasn_more", ["shown": localizer.number(Self.previewSize), "total": localizer.number(list.count)]) : nil
        return context.page("hours_siasn", title: localizer.t("siasn_title"), data)
    }

    /// jenisKursusSertipikat: a course kind by its official Indonesian name, a typed kind as typed.
    private static func kind(_ record: CourseRecords.Record) -> String {
        guard let kind = record.kind else { return "" }
        return CourseKind(rawValue: kind)?.name.indonesian ?? kind
    }

    /// SIASN writes dates day first: 14-03-2026.
    private static func siasnDate(_ date: CalendarDate?) -> ExportCell {
        date.map { .text(String(format: "%02d-%02d-%04d", $0.day, $0.month, $0.year)) } ?? .empty
    }

    /// The download: one row per completed training, columns named as SIASN's course record.
    static func table(_ context: Context) throws -> ExportTable {
        guard let records = try records(context) else {
            throw HTTPFailure(response: .text(context.localizer.t("siasn_period_invalid", [
                "days": String(CourseRecords.longestPeriodDays)]), status: 400))
        }
        let (from, to) = (records.from, records.to)
        return ExportTable(
            filename: "riwayat-kursus-siasn-\(from.iso)-\(to.iso)", sheet: "export_sheet_siasn",
            columns: [.init("nipBaru", "col_nip"), .init("nama", "col_name"), .init("namaKursus", "col_siasn_course"),
                      .init("jenisKursusSertipikat", "col_siasn_kind"), .init("institusiPenyelenggara", "col_siasn_organiser"),
                      .init("jumlahJam", "col_siasn_hours"), .init("tahunKursus", "col_year"),
                      .init("tanggalKursus", "col_siasn_start"), .init("tanggalSelesaiKursus", "col_siasn_end"),
                      .init("nomorSertipikat", "col_siasn_certificate")],
            rows: records.records.map { record in
                [.identifier(record.nip), .text(record.employeeName), .text(record.title), .text(kind(record)), .text(record.organiser),
                 .number(record.jp), .integer(record.year), siasnDate(record.startedOn), siasnDate(record.endedOn),
                 .text(record.certificateNumber ?? "")]
            })
    }
}
