/// One employee's training hours for one year, against the yearly target and cap of their
/// employment type (``EmploymentRules``: 20 JP for a PNS, at most 24 JP for a PPPK).
public struct TrainingLedger: Sendable, Hashable {
    public let employeeId: Int64
    public let year: Int
    /// The JP to reach; `nil` when none is set for the person's employment type.
    public let target: Double?
    /// The most JP that count in the year; `nil` without a cap.
    public let cap: Double?
    /// Every entry of the year, newest first, pending and rejected ones included.
    public let entries: [TrainingHoursEntry]

    /// JP that count: the verified entries.
    public var verifiedJP: Double { total(.verified) }
    /// JP waiting for a coordinator.
    public var pendingJP: Double { total(.pending) }
    /// Whether the verified JP reach the target (always, when there is none).
    public var reached: Bool { target.map { verifiedJP >= $0 } ?? true }
    /// JP still needed (0 once reached or without a target).
    public var remainingJP: Double { target.map { max(0, $0 - verifiedJP) } ?? 0 }
    /// Progress toward the target, 0 to 1.
    public var progress: Double { target.map { $0 > 0 ? min(1, verifiedJP / $0) : 1 } ?? 1 }
    /// Verified JP beyond the cap (0 within it or without a cap).
    public var beyondCapJP: Double { cap.map { max(0, verifiedJP - $0) } ?? 0 }

    private func total(_ status: TrainingReview) -> Double {
        entries.filter { $0.status == status }.reduce(0) { $0 + $1.jp }
    }
}

/// One employee's JP for a year in a team or unit list.
public struct MemberHours: Sendable, Hashable {
    public let employeeId: Int64
    public let nip: String
    public let name: String
    public let jabatan: String?
    public let unitName: String?
    public let verifiedJP: Double
    public let pendingJP: Double
    /// The person's target (``EmploymentRules``), `nil` when their type has none.
    public let target: Double?
    /// The person's cap, `nil` when their type has none.
    public let cap: Double?

    /// Whether the verified JP reach the person's target (always, when there is none).
    public var reached: Bool { target.map { verifiedJP >= $0 } ?? true }
    /// Verified JP beyond the person's cap (0 within it or without a cap).
    public var beyondCapJP: Double { cap.map { max(0, verifiedJP - $0) } ?? 0 }
}

/// The compliance of one unit for a year: how many of its active employees reached the target.
public struct UnitCompliance: Sendable, Hashable {
    public let unitId: Int64
    public let code: String
    public let name: String
    /// The depth in the unit tree (0 for an OPD), for indenting.
    public let depth: Int
    /// Active employees working directly in the unit.
    public let employees: Int
    /// How many of them reached the target.
    public let reached: Int
    /// Whether the unit's figures are withheld (small-cell suppression with its complementary
    /// cells, ``SmallCell/hiddenGroups(_:)``): shown as "<5", never as numbers.
    public let hidden: Bool

    /// The share that reached the target in whole percent; `nil` for a unit without employees.
    public var percent: Int? { employees == 0 ? nil : WorkshopMath.roundedPercent(reached, of: employees) }

    /// The units taken together: employees, how many reached the target, and the share in whole percent.
    public static func total(of units: [UnitCompliance]) -> (employees: Int, reached: Int, percent: Int?) {
        let employees = units.reduce(0) { $0 + $1.employees }, reached = units.reduce(0) { $0 + $1.reached }
        return (employees, reached, employees == 0 ? nil : WorkshopMath.roundedPercent(reached, of: employees))
    }
}

/// An external training waiting for a coordinator, with who recorded it.
public struct PendingTraining: Sendable, Hashable {
    public let entry: TrainingHoursEntry
    public let nip: String
    public let name: String
    public let unitName: String?
}
