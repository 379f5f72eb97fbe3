import Foundation
import GRDB

/// One of the two ratings of a PermenPANRB 6/2022 appraisal (hasil kerja, perilaku kerja).
public enum Rating: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    /// Di atas ekspektasi.
    case diAtas = "di_atas"
    /// Sesuai ekspektasi.
    case sesuai
    /// Di bawah ekspektasi.
    case diBawah = "di_bawah"

    /// Reads a rating as people and e-Kinerja exports write it: "Di atas ekspektasi",
    /// "DI ATAS", "di_atas", "diatas", "Sesuai", "di bawah ekspektasi"; case, spaces,
    /// underscores, hyphens and the word "ekspektasi" do not matter. `nil` otherwise.
    public init?(lenient text: String) {
        var key = Self.compact(text)
        if key.hasSuffix("ekspektasi") { key.removeLast("ekspektasi".count) }
        switch key {
        case "diatas", "atas": self = .diAtas
        case "sesuai": self = .sesuai
        case "dibawah", "bawah": self = .diBawah
        default: return nil
        }
    }

    /// Lower-case letters and digits only, diacritics folded.
    static func compact(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
