/// One employee's training hours for one year, against the yearly target (20 JP for a PNS).
public struct TrainingLedger: Sendable, Hashable {
    public let employeeId: Int64
    public let year: Int
    /// The JP to reach.
    public let target: Double
    /// Every entry of the year, newest first, pending and rejected ones included.
    public let entries: [TrainingHoursEntry]

    /// JP that count: the verified entries.
    public var verifiedJP: Double { total(.verified) }
    /// JP waiting for a coordinator.
    public var pendingJP: Double { total(.pending) }
    /// Whether the verified JP reach the target.
    public var reached: Bool { verifiedJP >= target }
    /// JP still needed (0 once reached).
    public var remainingJP: Double { max(0, target - verifiedJP) }
    /// Progress toward the target, 0 to 1.
    public var progress: Double { target > 0 ? min(1, verifiedJP / target) : 1 }

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
    /// Whether the verified JP reach the target the list was made for.
    public let reached: Bool
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
