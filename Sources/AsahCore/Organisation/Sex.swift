import GRDB

/// Jenis kelamin as recorded in Indonesian personnel data (`L`/`P`, the codes SIASN uses).
public enum Sex: String, Sendable, Codable, Hashable, CaseIterable {
    case male = "L"
    case female = "P"

    /// "Laki-laki" or "Perempuan".
    public var displayName: String {
        switch self {
        case .male: "Laki-laki"
        case .female: "Perempuan"
        }
    }
}

extension Sex: DatabaseValueConvertible {}
