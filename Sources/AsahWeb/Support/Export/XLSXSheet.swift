import AsahCore

/// The worksheet XML of an ``ExportTable`` (SpreadsheetML, ECMA-376): a bold header row kept
/// in view, text as inline strings (never read as a formula), numbers as numbers and dates as
/// date serials shown dd/mm/yyyy, and column widths fitted to the longest value.
enum XLSXSheet {
    /// Style indices in ``XLSXWorkbook``'s `styles.xml`.
    enum Style: Int {
        case plain = 0
        case header = 1
        case date = 2
    }

    static func xml(_ table: ExportTable, _ localizer: Localizer) -> String {
        let header = table.columns.map { ExportCell.text(localizer.t($0.label)) }
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            </sheetView></sheetViews>
            """
        xml += "<cols>" + widths([header] + table.rows, localizer).enumerated().map { index, width in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }.joined() + "</cols><sheetData>"
        for (index, row) in ([header] + table.rows).enumerated() {
            xml += "<row r=\"\(index + 1)\">"
            for (column, cell) in row.enumerated() {
                xml += self.cell(cell, at: columnName(column) + String(index + 1), style: index == 0 ? .header : nil, localizer)
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// One `<c>` element; empty cells are left out.
    static func cell(_ cell: ExportCell, at reference: String, style: Style?, _ localizer: Localizer) -> String {
        let styled = { (own: Style) in (style ?? own) == .plain ? "" : " s=\"\((style ?? own).rawValue)\"" }
        switch cell {
        case .text(let text), .identifier(let text):
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(styled(.plain))><is><t xml:space=\"preserve\">\(XMLText.escape(text))</t></is></c>"
        case .integer(let value):
            return "<c r=\"\(reference)\"\(styled(.plain))><v>\(value)</v></c>"
        case .number(let value), .decimal(let value, _):
            return value.isFinite ? "<c r=\"\(reference)\"\(styled(.plain))><v>\(PlainCSV.cell(.number(value)))</v></c>" : ""
        case .date(let date):
            return "<c r=\"\(reference)\"\(styled(.date))><v>\(serial(date))</v></c>"
        case .flag(let value):
            return self.cell(.text(localizer.t(value ? "export_yes" : "export_no")), at: reference, style: style, localizer)
        case .empty:
            return ""
        }
    }

    /// "A", "B", ... "Z", "AA" for the 0-based `column`.
    static func columnName(_ column: Int) -> String {
        var name = "", rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// Excel's day number of `date`: days since 30 December 1899.
    static func serial(_ date: CalendarDate) -> Int {
        // Days from 1 March of year 0 (proleptic Gregorian), as in Howard Hinnant's days_from_civil.
        func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        }
        return days(date.year, date.month, date.day) - days(1899, 12, 30)
    }

    /// A width per column from its longest value, between 6 and 60 characters.
    private static func widths(_ rows: [[ExportCell]], _ localizer: Localizer) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let length: Int
                switch cell {
                case .text(let text), .identifier(let text): length = text.count
                case .date: length = 10
                default: length = ExcelCSV.cell(cell, localizer).count
                }
                if index >= widths.count { widths.append(6) }
                widths[index] = min(60, max(widths[index], length + 2))
            }
        }
        return widths
    }
}

/// Text for XML character data and attribute values: the markup characters escaped and the
/// control characters XML 1.0 does not allow left out.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
