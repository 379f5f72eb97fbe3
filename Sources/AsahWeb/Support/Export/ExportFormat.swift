import AsahCore
import Foundation
import HTTPServer

/// How an ``ExportTable`` is downloaded. The `.csv` address gives the plain CSV (comma,
/// decimal point, machine column names: for scripts) unless `?format=excel` asks for the
/// Excel (Indonesia) CSV; the `.xlsx` address gives the workbook. Pages link to all three
/// through the `export_links` partial.
enum ExportFormat: String {
    case csv
    case excel
    case xlsx

    /// The routes `path.csv` and `path.xlsx` for the table `make` reads, both under `access`.
    static func routes(_ path: String, _ access: Access,
                       _ make: @escaping @Sendable (Context) throws -> ExportTable) -> [RouteSpec] {
        [
            RouteSpec(.get, path + ".csv", access) { context in
                let format = try context.query().choice("format", CSVChoice.self) ?? .csv
                return try response(make(context), as: format == .excel ? .excel : .csv, context.localizer)
            },
            RouteSpec(.get, path + ".xlsx", access) { context in try response(make(context), as: .xlsx, context.localizer) },
        ]
    }

    /// The values of `?format=` on a `.csv` address.
    enum CSVChoice: String {
        case csv
        case excel
    }

    /// `table` as a download in `format`, with headers in `localizer`'s language for people.
    static func response(_ table: ExportTable, as format: ExportFormat, _ localizer: Localizer) throws -> Response {
        switch format {
        case .csv:
            return .download(Array(try PlainCSV.text(table).utf8), type: "text/csv; charset=utf-8", filename: table.filename + ".csv")
        case .excel:
            return .download(try ExcelCSV.bytes(table, localizer), type: "text/csv; charset=utf-8", filename: table.filename + ".csv")
        case .xlsx:
            return .download(try XLSXWorkbook.bytes(table, localizer),
                             type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             filename: table.filename + ".xlsx")
        }
    }

    /// The links a page shows under a table exported at `path` (with `query`, such as `year=2026`).
    static func links(_ path: String, query: String = "") -> [String: Any] {
        let plain = query.isEmpty ? "" : "?" + query
        return ["xlsx": path + ".xlsx" + plain, "excel": path + ".csv?" + (query.isEmpty ? "" : query + "&") + "format=excel",
                "csv": path + ".csv" + plain]
    }
}

/// The plain CSV of an ``ExportTable``: machine column names, decimal points, ISO dates.
enum PlainCSV {
    static func text(_ table: ExportTable) throws -> String {
        try CSVText.make(header: table.columns.map(\.name), rows: table.rows.map { $0.map(cell) })
    }

    static func cell(_ cell: ExportCell) -> String {
        switch cell {
        case .text(let text), .identifier(let text): text
        case .integer(let value): String(value)
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .decimal(let value, let digits): String(format: "%.\(digits)f", value)
        case .date(let date): date.iso
        case .flag(let value): value ? "1" : "0"
        case .empty: ""
        }
    }
}
