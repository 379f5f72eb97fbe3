/// A unit with its depth in the unit tree (0 for an OPD at the top), as listed by
/// ``EmployeeDirectory/unitTree(in:)`` in tree order.
public struct UnitTreeEntry: Sendable, Hashable, Identifiable {
    /// The unit's id.
    public let id: Int64
    /// The unit's code.
    public let code: String
    /// The unit's name.
    public let name: String
    /// The unit's kind.
    public let kind: UnitKind
    /// The parent unit's id.
    public let parentId: Int64?
    /// Whether the unit is active.
    public let active: Bool
    /// 0 for a top unit, 1 for its sub-units, and so on.
    public let depth: Int
}
