/// A unit with its depth in the unit tree (0 for an OPD at the top), as listed by
/// ``EmployeeDirectory/unitTree(in:)`` in tree order.
public struct UnitTreeEntry: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let code: String
    public let name: String
    public let kind: UnitKind
    public let parentId: Int64?
    public let active: Bool
    public let depth: Int
}
