import AsahCore

/// A table that people download: one definition written as a plain CSV for machines, an
/// Excel (Indonesia) CSV or an `.xlsx` workbook (``ExportFormat``).
///
/// Each column has a machine name (the plain CSV's header, stable for scripts) and a message
/// key for the header people read; cells are typed so every format writes numbers as numbers
/// and dates as dates.
struct ExportTable {
    /// One column: `name` heads the plain CSV, the text of `label` the Excel CSV and the workbook.
    struct Column {
        let name: String
        let label: String

        init(_ name: String, _ label: String) {
            self.name = name
            self.label = label
        }
    }

    /// The file name without extension (`kepatuhan-jp-2026`).
    let filename: String
    /// The message key of the workbook's sheet name.
    let sheet: String
    let columns: [Column]
    let rows: [[ExportCell]]
}

/// One value of an ``ExportTable``.
enum ExportCell {
    case text(String)
    /// A number that names something (a NIP): text in every format, never rounded by Excel.
    case identifier(String)
    case integer(Int)
    /// A number in its shortest form (`20`, `20.5`).
    case number(Double)
    /// A number written with `digits` decimals in the CSV files, exactly in the workbook.
    case decimal(Double, digits: Int)
    case date(CalendarDate)
    /// Yes or no: `1`/`0` for machines, the words for people.
    case flag(Bool)
    case empty

    /// A cell for an optional value.
    static func optional<T>(_ value: T?, _ cell: (T) -> ExportCell) -> ExportCell {
        value.map(cell) ?? .empty
    }
}
