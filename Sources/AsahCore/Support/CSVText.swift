import CSV
import Foundation

/// A table as CSV text for a spreadsheet: comma-separated (or by `delimiter`), header row
/// first, UTF-8, quoted where needed, ending with a newline.
///
/// A cell that a spreadsheet would read as a formula (text starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return: a unit named `=HYPERLINK(...)`, say) is written with a leading
/// apostrophe, so opening an export never runs what someone typed; numbers such as `-0.25`
/// stay numbers, with a decimal point or a decimal comma. The one formula let through is a quoted
/// run of digits (`="199209202018121001"`), which only shows those digits as text: how an
/// export for Excel keeps an 18-digit NIP from being rounded to a number.
public enum CSVText {
    public static func make(header: [String], rows: [[String]], delimiter: String = ",") throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: delimiter)
        try writer.write(row: header.map(inert))
        for row in rows { try writer.write(row: row.map(inert)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `cell` as a spreadsheet will show it, never as a formula.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
              Double(cell) == nil, Double(cell.replacingOccurrences(of: ",", with: ".")) == nil,
              !isQuotedDigits(cell) else { return cell }
        return "'" + cell
    }

    /// Whether `cell` is `="` digits `"`.
    static func isQuotedDigits(_ cell: String) -> Bool {
        let utf8 = Array(cell.utf8)
        return utf8.count > 3 && utf8.starts(with: Array("=\"".utf8)) && utf8.last == UInt8(ascii: "\"")
            && utf8.dropFirst(2).dropLast().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
