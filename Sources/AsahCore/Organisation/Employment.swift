import GRDB

/// The kind of civil servant: PNS (permanent) or PPPK (government employee on contract).
/// The raw value is what the `employees.employment` column and the CSV `jenis_pegawai` hold.
public enum Employment: String, Sendable, Codable, Hashable, CaseIterable {
    case pns
    case pppk

    /// "PNS" or "PPPK".
    public var displayName: String { rawValue.uppercased() }

    /// Parses "PNS", "pppk", "P3K" (a common spelling of PPPK), ignoring case and spaces.
    public init?(parsing text: String) {
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "pns", "cpns": self = .pns
        case "pppk", "p3k": self = .pppk
        default: return nil
        }
    }
}

extension Employment: DatabaseValueConvertible {}
