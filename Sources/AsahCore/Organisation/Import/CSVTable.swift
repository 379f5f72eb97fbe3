import Foundation
import CSV

/// A CSV file read for an import: header names normalised (lower case, spaces as `_`) and
/// the national systems' names mapped to Asah's (``ImportColumnAliases``), a UTF-8 byte order
/// mark dropped, the delimiter guessed from the header (`,`, `;` as spreadsheets in Indonesian
/// locales write it, or tab), blank rows left out.
struct CSVTable {
    struct Record {
        /// The row number counting the header as 1.
        let line: Int
        let fields: [String]
    }

    let records: [Record]
    private let columns: [String: Int]

    /// Reads `text`, reporting header problems. Returns `nil` (with an error in `report`) when
    /// the file cannot be used at all: no header, a required column missing or repeated.
    init?(_ text: String, required: [String], optional: [String], aliases: [String: String] = [:], ignored: Set<String> = [],
          report: inout ImportReport) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter = [",", ";", "\t"].max { a, b in
            firstLine.filter { String($0) == a }.count < firstLine.filter { String($0) == b }.count
        } ?? ","
        guard !firstLine.allSatisfy(\.isWhitespace),
              let reader = try? CSVReader(string: text, hasHeaderRow: true, delimiter: Unicode.Scalar(delimiter)!),
              let header = reader.headerRow else {
            report.error(line: 1, column: nil, "import_empty_file")
            return nil
        }

        var columns: [String: Int] = [:]
        for (index, raw) in header.enumerated() {
            let typed = raw.trimmingCharacters(in: .whitespaces).lowercased()
                .split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: "_")
            if typed.isEmpty || ignored.contains(typed) { continue }
            let name = aliases[typed] ?? typed
            if columns[name] != nil {
                report.error(line: 1, column: name, "import_column_twice", ["column": name])
            } else if !required.contains(name) && !optional.contains(name) {
                report.warning(line: 1, column: name, "import_column_unknown", ["column": name])
            }
            columns[name] = columns[name] ?? index
        }
        for name in required where columns[name] == nil {
            report.error(line: 1, column: name, "import_column_missing", ["column": name])
        }
        guard !report.hasErrors else { return nil }

        var records: [Record] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            if let index = fields.firstIndex(where: Self.hasControlCharacter) {
                let column = header.indices.contains(index) ? header[index] : nil
                report.error(line: line, column: column, "import_control_characters")
                continue
            }
            records.append(Record(line: line, fields: fields))
        }
        self.records = records
        self.columns = columns
    }

    /// Whether `text` holds a control character other than tab and line breaks: a NUL would
    /// store a name cut short.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
    }

    /// Whether the header has this column.
    func has(_ column: String) -> Bool { columns[column] != nil }

    /// The trimmed cell of `column` in `record`: `nil` when the file has no such column,
    /// `""` when the cell is empty or the row is short.
    func value(_ column: String, in record: Record) -> String? {
        guard let index = columns[column] else { return nil }
        return index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }
}
