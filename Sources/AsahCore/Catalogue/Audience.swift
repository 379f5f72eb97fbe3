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

    /// Whether `employee` belongs to the audience, with a reason for each rule
    /// they miss. `unitCode` is the code of the employee's unit and `parentUnitCodes` those of
    /// the units above it, so a course for DINKES also admits a puskesmas under it.
    public func check(employee: Employee, unitCode: String?, parentUnitCodes: [String] = []) -> AudienceCheck {
        var reasons: [Refusal] = []
        let unrecorded = "@audience_unrecorded"
        if !jabatanKinds.isEmpty, !(employee.jabatanKind.map(jabatanKinds.contains) ?? false) {
            let wanted = jabatanKinds.map(\.displayName).joined(separator: "\n")
            reasons.append(employee.jabatanKind.map {
                Refusal(.notPermitted, "audience_jabatan", ["wantedList": wanted, "actual": $0.displayName])
            } ?? Refusal(.notPermitted, "audience_jabatan_unknown", ["wantedList": wanted]))
        }
        if minGolongan != nil || maxGolongan != nil, !admits(employee.golongan) {
            let key = switch (minGolongan, maxGolongan) {
            case (.some, .some): "audience_golongan_between"
            case (.some, nil): "audience_golongan_from"
            default: "audience_golongan_to"
            }
            reasons.append(Refusal(.notPermitted, key, ["min": minGolongan?.code ?? "", "max": maxGolongan?.code ?? "",
                                                        "actual": employee.golongan?.code ?? unrecorded]))
        }
        let units = Set(([unitCode].compactMap { $0 } + parentUnitCodes).map { $0.uppercased() })
        if !unitCodes.isEmpty, units.isDisjoint(with: unitCodes.map { $0.uppercased() }) {
            reasons.append(Refusal(.notPermitted, "audience_unit",
                                   ["wantedList": unitCodes.joined(separator: "\n"), "actual": unitCode ?? unrecorded]))
        }
        return AudienceCheck(reasons: reasons)
    }

    enum CodingKeys: String, CodingKey {
        case jabatanKinds = "jabatan_kinds"
        case minGolongan = "golongan_min"
        case maxGolongan = "golongan_max"
        case unitCodes = "units"
    }

    private func admits(_ golongan: Golongan?) -> Bool {
        guard let golongan else { return false }
        if let minGolongan, golongan.employment != minGolongan.employment || golongan < minGolongan { return false }
        if let maxGolongan, golongan.employment != maxGolongan.employment || golongan > maxGolongan { return false }
        return true
    }
}

/// The outcome of ``Audience/check(employee:unitCode:parentUnitCodes:)``.
public struct AudienceCheck: Hashable, Sendable {
    /// Why the employee is outside the audience, one refusal per rule missed (worded by the
    /// web layer: "Kursus ini untuk golongan III/a sampai IV/b; golongan Anda II/d.").
    public let reasons: [Refusal]

    /// Whether the employee belongs to the audience.
    public var fits: Bool { reasons.isEmpty }
}
