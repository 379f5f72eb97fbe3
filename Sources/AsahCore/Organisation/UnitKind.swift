import GRDB

/// The kind of a unit kerja. The raw value is what `units.kind` and the CSV column `jenis` hold.
public enum UnitKind: String, CaseIterable, Sendable, Codable, Hashable {
    case sekretariatDaerah = "sekretariat_daerah"
    case sekretariatDPRD = "sekretariat_dprd"
    case inspektorat
    case dinas
    case badan
    case kecamatan
    case kelurahan
    case puskesmas
    case sekolah
    case rsud
    case bagian
    case bidang
    case lainnya

    /// The Indonesian name: "Sekretariat Daerah", "Dinas", "Puskesmas", "RSUD".
    public var displayName: String {
        switch self {
        case .sekretariatDaerah: "Sekretariat Daerah"
        case .sekretariatDPRD: "Sekretariat DPRD"
        case .inspektorat: "Inspektorat"
        case .dinas: "Dinas"
        case .badan: "Badan"
        case .kecamatan: "Kecamatan"
        case .kelurahan: "Kelurahan"
        case .puskesmas: "Puskesmas"
        case .sekolah: "Sekolah"
        case .rsud: "Rumah Sakit Umum Daerah"
        case .bagian: "Bagian"
        case .bidang: "Bidang"
        case .lainnya: "Lainnya"
        }
    }

    /// Parses the raw value or the display name, ignoring case, spaces, `_` and `-`;
    /// also "Setda", "Setwan" (Sekretariat DPRD) and "RSUD".
    public init?(parsing text: String) {
        let key = text.lowercased().filter(\.isLetter)
        let aliases: [String: UnitKind] = ["setda": .sekretariatDaerah, "setwan": .sekretariatDPRD,
                                           "setdprd": .sekretariatDPRD, "rsud": .rsud]
        if let kind = aliases[key] {
            self = kind
            return
        }
        guard let kind = UnitKind.allCases.first(where: {
            $0.rawValue.filter(\.isLetter) == key || $0.displayName.lowercased().filter(\.isLetter) == key
        }) else { return nil }
        self = kind
    }
}

extension UnitKind: DatabaseValueConvertible {}
