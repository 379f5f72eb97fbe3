import Foundation
import GRDB

/// The predikat kinerja of a PermenPANRB 6/2022 appraisal. `Comparable` by merit: a better
/// predikat is greater (`.sangatBaik > .baik > .butuhPerbaikan > .kurang > .sangatKurang`).
public enum Predikat: String, CaseIterable, Codable, Sendable, Comparable {
    case sangatBaik = "sangat_baik"
    case baik
    case butuhPerbaikan = "butuh_perbaikan"
    /// Kurang/Misconduct.
    case kurang
    case sangatKurang = "sangat_kurang"

    /// 0 for the best, 4 for the worst.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Predikat, rhs: Predikat) -> Bool { lhs.rank > rhs.rank }

    /// Reads a name: "Sangat Baik", "BAIK", "butuh_perbaikan", "Kurang", "Misconduct",
    /// "Kurang/Misconduct", "Sangat Kurang". `nil` otherwise (also for the legacy "Cukup", "Buruk").
    public init?(lenient text: String) {
        switch Rating.compact(text) {
        case "sangatbaik": self = .sangatBaik
        case "baik": self = .baik
        case "butuhperbaikan", "perluperbaikan": self = .butuhPerbaikan
        case "kurang", "misconduct", "kurangmisconduct": self = .kurang
        case "sangatkurang": self = .sangatKurang
        default: return nil
        }
    }
}

/// The category of a PP 46/2011 appraisal score (0-100): Sangat Baik 91-100, Baik 76-90,
/// Cukup 61-75, Kurang 51-60, Buruk 50 and below. Kept apart from ``Predikat``: the two
/// schemes share names but not meaning. `Comparable` by merit, a better category is greater.
public enum LegacyPredikat: String, CaseIterable, Codable, Sendable, Comparable {
    case sangatBaik = "pp46_sangat_baik"
    case baik = "pp46_baik"
    case cukup = "pp46_cukup"
    case kurang = "pp46_kurang"
    case buruk = "pp46_buruk"

    /// The category of `score`, `nil` outside 0-100. Scores with decimals fall under the
    /// lower bound of each band, not rounded: 90.5 is Baik (below 91), 60.5 Kurang, 50.5 Kurang.
    public init?(score: Double) {
        guard score.isFinite, (0...100).contains(score) else { return nil }
        switch score {
        case 91...: self = .sangatBaik
        case 76...: self = .baik
        case 61...: self = .cukup
        case _ where score > 50: self = .kurang
        default: self = .buruk
        }
    }

    /// Reads a name: "Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk" (any case and spacing).
    public init?(lenient text: String) {
        switch Rating.compact(text) {
        case "sangatbaik": self = .sangatBaik
        case "baik": self = .baik
        case "cukup": self = .cukup
        case "kurang": self = .kurang
        case "buruk": self = .buruk
        default: return nil
        }
    }

    /// 0 for the best, 4 for the worst.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: LegacyPredikat, rhs: LegacyPredikat) -> Bool { lhs.rank > rhs.rank }
}

/// The predikat stored with an appraisal: under the current scheme or the legacy one.
/// Stored as text: ``Predikat`` raw values, or ``LegacyPredikat`` ones (prefixed `pp46_`).
public enum AppraisalPredikat: Hashable, Sendable, Codable, RawRepresentable, DatabaseValueConvertible {
    case current(Predikat)
    case legacy(LegacyPredikat)

    public init?(rawValue: String) {
        if let value = Predikat(rawValue: rawValue) {
            self = .current(value)
        } else if let value = LegacyPredikat(rawValue: rawValue) {
            self = .legacy(value)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .current(let value): value.rawValue
        case .legacy(let value): value.rawValue
        }
    }
}

/// The predikat kinerja matrix of PermenPANRB 6/2022.
public enum PredikatMatrix {
    /// The predikat for the two ratings:
    ///
    /// | perilaku \ hasil kerja | di bawah | sesuai | di atas |
    /// |---|---|---|---|
    /// | di atas | Butuh Perbaikan | Baik | Sangat Baik |
    /// | sesuai | Butuh Perbaikan | Baik | Baik |
    /// | di bawah | Sangat Kurang | Kurang/Misconduct | Kurang/Misconduct |
    public static func predikat(hasilKerja: Rating, perilaku: Rating) -> Predikat {
        switch (perilaku, hasilKerja) {
        case (.diAtas, .diBawah), (.sesuai, .diBawah): .butuhPerbaikan
        case (.diAtas, .sesuai), (.sesuai, .sesuai), (.sesuai, .diAtas): .baik
        case (.diAtas, .diAtas): .sangatBaik
        case (.diBawah, .diBawah): .sangatKurang
        case (.diBawah, .sesuai), (.diBawah, .diAtas): .kurang
        }
    }
}
