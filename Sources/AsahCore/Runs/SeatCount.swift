/// The seats of a run as the waitlist rules see them: the capacity, how many are held
/// (enrolled or offered), and the optional per-unit quotas with how many each unit holds.
///
/// A unit quota is a ceiling: a unit with a quota of 2 never holds more than 2 seats, while
/// units without a quota share the rest of the capacity.
public struct SeatCount: Sendable, Hashable {
    /// The run's capacity.
    public let capacity: Int
    /// Seats enrolled or offered.
    public private(set) var held: Int
    /// The most seats each quota unit may hold.
    public let quotas: [Int64: Int]
    /// Seats held per quota unit.
    public private(set) var heldByUnit: [Int64: Int]

    /// A picture of the seats.
    public init(capacity: Int, held: Int, quotas: [Int64: Int] = [:], heldByUnit: [Int64: Int] = [:]) {
        self.capacity = capacity
        self.held = held
        self.quotas = quotas
        self.heldByUnit = heldByUnit
    }

    /// Seats nobody holds.
    public var free: Int { max(0, capacity - held) }

    /// Whether the quota of `quotaUnitId` (if it has one) is used up.
    public func quotaFull(_ quotaUnitId: Int64?) -> Bool {
        guard let unit = quotaUnitId, let quota = quotas[unit] else { return false }
        return heldByUnit[unit, default: 0] >= quota
    }

    /// Whether a person counting against `quotaUnitId` could take a seat now.
    public func admits(_ quotaUnitId: Int64?) -> Bool {
        free > 0 && !quotaFull(quotaUnitId)
    }

    /// Records a seat taken by a person counting against `quotaUnitId`.
    public mutating func take(_ quotaUnitId: Int64?) {
        held += 1
        if let unit = quotaUnitId { heldByUnit[unit, default: 0] += 1 }
    }
}
