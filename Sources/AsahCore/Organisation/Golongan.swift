import GRDB

/// A golongan (pay grade). PNS: seventeen steps I/a to IV/e, each with its pangkat (rank
/// title); the Roman numeral is the golongan proper and the letter the *ruang*. PPPK: golongan
/// I to XVII, without letters or pangkat. Stored as ``code`` ("III/a", "IX").
public struct Golongan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// PNS or PPPK golongan.
    public let employment: Employment
    /// The Roman numeral as a number: 1...4 for PNS, 1...17 for PPPK.
    public let group: Int
    /// The ruang letter (a...e) for PNS, `nil` for PPPK.
    public let ruang: Character?
    /// The PNS pangkat ("Penata Muda"), `nil` for PPPK.
    public let pangkat: String?
    /// 1 for the lowest step up to 17 for the highest (IV/e, XVII): orders golongan of one kind.
    public let rank: Int

    /// The stored form: "III/a" or "IX".
    public var code: String {
        let roman = Golongan.romanNumerals[group - 1]
        return ruang.map { "\(roman)/\($0)" } ?? roman
    }

    /// "III/a – Penata Muda" for PNS, "Golongan IX" for PPPK.
    public var displayName: String {
        pangkat.map { "\(code) – \($0)" } ?? "Golongan \(code)"
    }

    public var description: String { code }

    /// Whether this PPPK golongan (I to IV) is also written as a PNS golongan without its ruang
    /// letter ("III" for III/a...III/d), so that the employment type cannot be told from it.
    public var couldLackRuang: Bool { employment == .pppk && group <= 4 }

    /// The seventeen PNS golongan, lowest first.
    public static let pns: [Golongan] = {
        let pangkat = [
            ["Juru Muda", "Juru Muda Tk I", "Juru", "Juru Tk I"],
            ["Pengatur Muda", "Pengatur Muda Tk I", "Pengatur", "Pengatur Tk I"],
            ["Penata Muda", "Penata Muda Tk I", "Penata", "Penata Tk I"],
            ["Pembina", "Pembina Tk I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama"],
        ]
        var all: [Golongan] = []
        for (index, names) in pangkat.enumerated() {
            for (letter, name) in zip("abcde", names) {
                all.append(Golongan(employment: .pns, group: index + 1, ruang: letter,
                                    pangkat: name, rank: all.count + 1))
            }
        }
        return all
    }()

    /// The seventeen PPPK golongan, I to XVII.
    public static let pppk: [Golongan] = (1...17).map {
        Golongan(employment: .pppk, group: $0, ruang: nil, pangkat: nil, rank: $0)
    }

    /// Parses "III/a", "iii/a", "III-a", "III a", "IIIa", "3/a" (PNS) and "IX", "9" (PPPK).
    /// A letter means PNS, no letter means PPPK.
    /// The golongan written somewhere in `text`, as SIASN writes it beside the pangkat
    /// ("Penata Muda Tk. I (III/b)", "III/b - Penata Muda Tingkat I"): the whole text first,
    /// then its parts written as group/ruang, from the last (a lone "I" is the pangkat's
    /// "Tingkat I", not PPPK golongan I).
    public static func within(_ text: String) -> Golongan? {
        Golongan(parsing: text) ?? text.split(whereSeparator: { $0.isWhitespace || "(),;-".contains($0) })
            .reversed().lazy.filter { $0.contains("/") }.compactMap { Golongan(parsing: String($0)) }.first
    }

    public init?(parsing text: String) {
        let compact = text.filter { !$0.isWhitespace && !"/-.".contains($0) }.lowercased()
        let numeral = compact.prefix { "ivx0123456789".contains($0) }
        let rest = compact.dropFirst(numeral.count)
        let group = Int(numeral) ?? Golongan.romanNumerals.firstIndex(of: numeral.uppercased()).map { $0 + 1 }
        guard let group, rest.count <= 1 else { return nil }
        let found = rest.first.map { letter in
            Golongan.pns.first { $0.group == group && $0.ruang == letter }
        } ?? Golongan.pppk.first { $0.group == group }
        guard let found else { return nil }
        self = found
    }

    private init(employment: Employment, group: Int, ruang: Character?, pangkat: String?, rank: Int) {
        self.employment = employment
        self.group = group
        self.ruang = ruang
        self.pangkat = pangkat
        self.rank = rank
    }

    public static func < (lhs: Golongan, rhs: Golongan) -> Bool {
        (lhs.employment == .pns ? 0 : 1, lhs.rank) < (rhs.employment == .pns ? 0 : 1, rhs.rank)
    }

    // Written out: as a `RawRepresentable` type, the standard library would otherwise compare
    // and hash the code text, building it for every comparison. Kind and rank decide the rest.
    public static func == (lhs: Golongan, rhs: Golongan) -> Bool {
        lhs.employment == rhs.employment && lhs.rank == rhs.rank
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(employment)
        hasher.combine(rank)
    }

    private static let romanNumerals = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
        "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    ]
}

/// Stored and encoded as its code ("III/a"); reading accepts the lenient spellings of `init(parsing:)`.
extension Golongan: RawRepresentable, Codable, DatabaseValueConvertible {
    public init?(rawValue: String) { self.init(parsing: rawValue) }
    public var rawValue: String { code }
}

