/// Each employee's matching stratum (top-level unit, jabatan kind, golongan band) as a small
/// number, what ``ImpactMatching`` groups by. At province scale this is 95,000 entries, so the
/// stratum is numbered once, not kept as a text per person.
public struct Strata: Sendable {
    /// The stratum number of each employee.
    private(set) var numberOf: [Int64: Int32] = [:]
    private var numbers: [String: Int32] = [:]

    public init() {}

    /// Strata given as texts per employee (equal texts, equal stratum).
    public init(_ strata: [Int64: String]) {
        numberOf.reserveCapacity(strata.count)
        for (employee, stratum) in strata { add(employee, stratum: stratum) }
    }

    /// How many distinct strata there are; numbers run from 0 below it.
    public var count: Int { numbers.count }

    public mutating func add(_ employee: Int64, stratum: String) {
        let number = numbers[stratum] ?? Int32(numbers.count)
        numbers[stratum] = number
        numberOf[employee] = number
    }

    func number(of employee: Int64) -> Int? { numberOf[employee].map(Int.init) }
}
