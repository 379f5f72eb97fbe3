import Mustache

/// A page's data handed to Mustache. Nested dictionaries become `TemplateData` too, and empty
/// optionals are dropped at every level (Mustache would print them as "nil").
///
/// Mustache finds a value by asking each object on its context stack whether it is a
/// `MustacheParent`. Swift dictionaries are one only through a conditional conformance, which
/// the runtime checks slowly on every lookup; this final class conforms directly.
final class TemplateData: MustacheParent, @unchecked Sendable {
    private let values: [String: Any]

    init(_ values: [String: Any]) {
        var kept = [String: Any](minimumCapacity: values.count)
        for (name, value) in values {
            // Most values are strings, numbers, flags or already wrapped: known by their type's
            // identity at once, without the casts the rest need.
            if Self.leafTypes.contains(ObjectIdentifier(type(of: value))) {
                kept[name] = value
            } else if let present = Self.unwrapped(value) {
                kept[name] = Self.wrap(present)
            }
        }
        self.values = kept
    }

    func child(named name: String) -> Any? { values[name] }

    /// Types that are neither optional nor hold dictionaries to wrap.
    private static let leafTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Int64.self),
        ObjectIdentifier(Bool.self), ObjectIdentifier(Double.self), ObjectIdentifier(TemplateData.self),
        ObjectIdentifier([TemplateData].self), ObjectIdentifier([String].self),
    ]

    /// `value` without its optional layers; nil when one of them is empty.
    private static func unwrapped(_ value: Any) -> Any? {
        var value = value
        while let optional = value as? any OptionalLayer {
            guard let inner = optional.inner else { return nil }
            value = inner
        }
        return value
    }

    private static func wrap(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: TemplateData(dictionary)
        case let dictionaries as [[String: Any]]: dictionaries.map(TemplateData.init)
        default: value
        }
    }
}

/// An optional seen through `Any`, so an empty one is found by one cast instead of a `Mirror`.
private protocol OptionalLayer {
    var inner: Any? { get }
}

extension Optional: OptionalLayer {
    fileprivate var inner: Any? { map { $0 as Any } }
}

/// Template values without the empty optionals: Mustache would print a nested `nil` as "nil"
/// and treat it as true (only the top level of a page's data is cleaned by `Views`).
func templateValues(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}
