/// Who a course is meant for: kinds of position, a golongan range and units kerja. An empty
/// list or a missing bound means "any"; a course with none of them is open to every employee.
/// Stored in `courses.audience` as `{"jabatan_kinds": [...], "golongan_min": "III/a",
/// "golongan_max": "IV/e", "units": [...]}`, a missing bound left out.
public struct Audience: Codable, Hashable, Sendable {
    /// The position kinds admitted; empty admits every kind.
    public var jabatanKinds: [JabatanKind]
    /// The lowest golongan admitted.
    public var minGolongan: Golongan?
    /// The highest golongan admitted. When both bounds are set they are of one employment
    /// (PNS or PPPK), and an employee of the other employment is outside the range.
    public var maxGolongan: Golongan?
    /// Codes of the units admitted (an OPD admits its sub-units); empty admits every unit.
    public var unitCodes: [String]

    /// An audience; the defaults admit everyone.
    public init(jabatanKinds: [JabatanKind] = [], minGolongan: Golongan? = nil, maxGolongan: Golongan? = nil,
                unitCodes: [String] = []) {
        self.jabatanKinds = jabatanKinds
        self.minGolongan = minGolongan
        self.maxGolongan = maxGolongan
        self.unitCodes = unitCodes
    }

    /// Whether `employee` belongs to the audience, with a reason in Indonesian for each rule
    /// they miss. `unitCode` is the code of the employee's unit and `parentUnitCodes` those of
    /// the units above it, so a course for DINKES also admits a puskesmas under it.
    public func check(employee: Employee, unitCode: String?, parentUnitCodes: [String] = []) -> AudienceCheck {
        var reasons: [String] = []
        if !jabatanKinds.isEmpty, !(employee.jabatanKind.map(jabatanKinds.contains) ?? false) {
            let wanted = Self.list(jabatanKinds.map(\.displayName))
            let actual = employee.jabatanKind.map { "jabatan Anda \($0.displayName)" } ?? "jenis jabatan Anda belum tercatat"
            reasons.append("Kursus ini untuk jabatan \(wanted); \(actual).")
        }
        if let range = golonganRangeText, !admits(employee.golongan) {
            let actual = employee.golongan.map { "golongan Anda \($0.code)" } ?? "golongan Anda belum tercatat"
            reasons.append("Kursus ini untuk golongan \(range); \(actual).")
        }
        let units = Set(([unitCode].compactMap { $0 } + parentUnitCodes).map { $0.uppercased() })
        if !unitCodes.isEmpty, units.isDisjoint(with: unitCodes.map { $0.uppercased() }) {
            let actual = unitCode.map { "unit kerja Anda \($0)" } ?? "unit kerja Anda belum tercatat"
            reasons.append("Kursus ini untuk pegawai \(Self.list(unitCodes)); \(actual).")
        }
        return AudienceCheck(reasons: reasons)
    }

    enum CodingKeys: String, CodingKey {
        case jabatanKinds = "jabatan_kinds"
        case minGolongan = "golongan_min"
        case maxGolongan = "golongan_max"
        case unitCodes = "units"
    }

    /// "III/a sampai IV/b", "III/a ke atas", "III/d ke bawah"; `nil` without bounds.
    private var golonganRangeText: String? {
        switch (minGolongan, maxGolongan) {
        case let (min?, max?): "\(min.code) sampai \(max.code)"
        case let (min?, nil): "\(min.code) ke atas"
        case let (nil, max?): "\(max.code) ke bawah"
        case (nil, nil): nil
        }
    }

    private func admits(_ golongan: Golongan?) -> Bool {
        guard let golongan else { return false }
        if let minGolongan, golongan.employment != minGolongan.employment || golongan < minGolongan { return false }
        if let maxGolongan, golongan.employment != maxGolongan.employment || golongan > maxGolongan { return false }
        return true
    }

    /// "A", "A atau B", "A, B, atau C".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let head = items.dropLast().joined(separator: ", ")
        return head + (items.count > 2 ? ", atau " : " atau ") + items[items.count - 1]
    }
}

/// The outcome of ``Audience/check(employee:unitCode:parentUnitCodes:)``.
public struct AudienceCheck: Hashable, Sendable {
    /// Why the employee is outside the audience, one Indonesian sentence per rule missed
    /// ("Kursus ini untuk golongan III/a sampai IV/b; golongan Anda II/d.").
    public let reasons: [String]

    /// Whether the employee belongs to the audience.
    public var fits: Bool { reasons.isEmpty }
}
