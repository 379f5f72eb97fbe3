import GRDB

/// The kind (jenis and jenjang) of a position: pimpinan tinggi (JPT), the three
/// administration kinds, and the fungsional levels of the *keahlian* and *keterampilan*
/// tracks. The raw value is what the CSV column `jenis_jabatan` and `employees.jabatan_kind`
/// hold. The position's own title ("Analis SDM Aparatur Ahli Muda") is `Employee.jabatan`.
public enum JabatanKind: String, CaseIterable, Sendable, Codable, Hashable {
    case jptUtama = "jpt_utama"
    case jptMadya = "jpt_madya"
    case jptPratama = "jpt_pratama"
    case administrator
    case pengawas
    case pelaksana
    case fungsionalAhliPertama = "fungsional_ahli_pertama"
    case fungsionalAhliMuda = "fungsional_ahli_muda"
    case fungsionalAhliMadya = "fungsional_ahli_madya"
    case fungsionalAhliUtama = "fungsional_ahli_utama"
    case fungsionalPemula = "fungsional_pemula"
    case fungsionalTerampil = "fungsional_terampil"
    case fungsionalMahir = "fungsional_mahir"
    case fungsionalPenyelia = "fungsional_penyelia"

    /// The Indonesian name: "JPT Pratama", "Fungsional Ahli Muda", "Fungsional Terampil".
    public var displayName: String {
        switch self {
        case .jptUtama: "JPT Utama"
        case .jptMadya: "JPT Madya"
        case .jptPratama: "JPT Pratama"
        case .administrator: "Administrator"
        case .pengawas: "Pengawas"
        case .pelaksana: "Pelaksana"
        case .fungsionalAhliPertama: "Fungsional Ahli Pertama"
        case .fungsionalAhliMuda: "Fungsional Ahli Muda"
        case .fungsionalAhliMadya: "Fungsional Ahli Madya"
        case .fungsionalAhliUtama: "Fungsional Ahli Utama"
        case .fungsionalPemula: "Fungsional Pemula"
        case .fungsionalTerampil: "Fungsional Terampil"
        case .fungsionalMahir: "Fungsional Mahir"
        case .fungsionalPenyelia: "Fungsional Penyelia"
        }
    }

    /// Whether this is a jabatan fungsional (either track, any level).
    public var isFungsional: Bool { rawValue.hasPrefix("fungsional_") }

    /// Parses the raw value and common spellings, ignoring case and punctuation:
    /// "JPT Pratama", "Jabatan Pimpinan Tinggi Pratama", "Fungsional Ahli Muda",
    /// "JF Keterampilan - Mahir", "Fungsional Umum" (the old name of pelaksana).
    public init?(parsing text: String) {
        let words = Set(text.lowercased()
            .split { !$0.isLetter }
            .map(String.init))
        func has(_ word: String) -> Bool { words.contains(word) }
        func first(_ candidates: [(String, JabatanKind)]) -> JabatanKind? {
            candidates.first { has($0.0) }?.1
        }

        let kind: JabatanKind?
        if has("jpt") || (has("pimpinan") && has("tinggi")) {
            kind = first([("utama", .jptUtama), ("madya", .jptMadya), ("pratama", .jptPratama)])
        } else if has("ahli") {
            kind = first([("pertama", .fungsionalAhliPertama), ("muda", .fungsionalAhliMuda),
                          ("madya", .fungsionalAhliMadya), ("utama", .fungsionalAhliUtama)])
        } else if has("jfu") || (has("fungsional") && has("umum")) {
            kind = .pelaksana
        } else {
            kind = first([("pemula", .fungsionalPemula), ("terampil", .fungsionalTerampil),
                          ("mahir", .fungsionalMahir), ("penyelia", .fungsionalPenyelia),
                          ("administrator", .administrator), ("pengawas", .pengawas),
                          ("pelaksana", .pelaksana)])
        }
        guard let kind else { return nil }
        self = kind
    }
}

extension JabatanKind: DatabaseValueConvertible {}
