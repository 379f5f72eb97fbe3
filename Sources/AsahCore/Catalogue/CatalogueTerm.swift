/// A closed list of words a course file may use (a form, a kind, a core value), each with its
/// names in both languages. The raw value is what files, JSON and the database hold.
protocol CatalogueTerm: CaseIterable, RawRepresentable where RawValue == String {
    /// The display name in Indonesian and English.
    var name: BilingualText { get }
}

extension CatalogueTerm {
    /// Parses the raw value or either display name, ignoring case, spaces, `_` and `-`:
    /// "bimbingan_teknis", "Bimbingan Teknis", "e-learning".
    init?(parsing text: String) {
        func key(_ text: String) -> String { text.lowercased().filter(\.isLetter) }
        let wanted = key(text)
        guard !wanted.isEmpty, let term = Self.allCases.first(where: {
            key($0.rawValue) == wanted || key($0.name.indonesian) == wanted || key($0.name.english) == wanted
        }) else { return nil }
        self = term
    }
}
