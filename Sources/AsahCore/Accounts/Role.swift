/// What a person may do in Asah. `pegawai` and `atasan` follow from the organisation data
/// (having an employee record, having subordinates); the others are granted to accounts.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case pegawai, atasan, instruktur, koordinator, admin

    /// Roles an administrator can grant; the others are derived.
    public static let grantable: [Role] = [.instruktur, .koordinator, .admin]

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
