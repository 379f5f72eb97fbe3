import AsahCore
import Foundation

/// An ``ExportTable`` as Excel with Indonesian regional settings opens it by a double click:
/// UTF-8 with a byte order mark (else Excel reads ANSI), `;` between cells (the list separator
/// where the comma is the decimal sign), decimal commas, dates as dd/mm/yyyy, NIPs as text
/// (`="…"`, else Excel rounds 18 digits), and the column headers from the message catalogue.
enum ExcelCSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func bytes(_ table: ExportTable, _ localizer: Localizer) throws -> [UInt8] {
        let text = try CSVText.make(header: table.columns.map { localizer.t($0.label) },
                                    rows: table.rows.map { $0.map { cell($0, localizer) } }, delimiter: ";")
        return byteOrderMark + Array(text.utf8)
    }

    static func cell(_ cell: ExportCell, _ localizer: Localizer) -> String {
        switch cell {
        case .number, .decimal: PlainCSV.cell(cell).replacingOccurrences(of: ".", with: ",")
        case .flag(let value): localizer.t(value ? "export_yes" : "export_no")
        // Excel keeps 15 digits of a number: a longer run of digits is written as a text formula.
        case .identifier(let text) where text.count > 15 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber): "=\"" + text + "\""
        case .date(let date): twoDigits(date.day) + "/" + twoDigits(date.month) + "/" + String(date.year)
        default: PlainCSV.cell(cell)
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
