/// A competency a course develops: one of the seven BerAKHLAK ``CoreValue``s, or a technical
/// competency the course file names freely ("Standar pelayanan publik").
///
/// Coded in JSON as the core value's raw value (`"akuntabel"`) or as the technical name
/// (`{"id": ..., "en": ...}`), which is what the catalogue search matches against.
public enum Competency: Hashable, Sendable {
    /// A BerAKHLAK core value.
    case core(CoreValue)
    /// A technical competency by its name.
    case technical(BilingualText)

    /// The display name in both languages.
    public var name: BilingualText {
        switch self {
        case .core(let value): value.name
        case .technical(let name): name
        }
    }
}

extension Competency: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let raw = try? container.decode(String.self) {
            guard let value = CoreValue(rawValue: raw) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown core value \(raw)")
            }
            self = .core(value)
        } else {
            self = .technical(try container.decode(BilingualText.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .core(let value): try container.encode(value.rawValue)
        case .technical(let name): try container.encode(name)
        }
    }
}
