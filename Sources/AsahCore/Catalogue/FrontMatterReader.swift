import Foundation
import Yams

/// Reads typed values from the YAML nodes of a course file's front matter, turning each
/// mismatch into a ``CourseFileError`` at the node's line in the file.
struct FrontMatterReader {
    /// The file named in errors.
    let file: String
    /// What to add to a YAML line to get the file line (the opening `---` comes first).
    let lineOffset: Int

    /// The file line of `node`.
    func line(_ node: Node) -> Int {
        (node.mark?.line ?? 1) + lineOffset
    }

    /// An error at the line of `node`.
    func error(_ node: Node, _ key: String, _ arguments: [String: String] = [:]) -> CourseFileError {
        CourseFileError(file: file, line: line(node), key, arguments)
    }

    /// Whether the node was left empty (`key:` or `key: ~`).
    func isEmpty(_ node: Node) -> Bool {
        node.null != nil
    }

    /// A non-empty scalar, trimmed.
    func text(_ node: Node, _ key: String) throws(CourseFileError) -> String {
        guard let scalar = node.scalar else { throw error(node, "course_file_not_text", ["field": key]) }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !isEmpty(node), !text.isEmpty else { throw error(node, "course_file_empty_value", ["field": key]) }
        return text
    }

    /// A whole number in `range`; `rule` names what is expected (a positive number, a percentage...).
    func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>, rule: CourseFileError.NumberRule)
        throws(CourseFileError) -> Int {
        let text = node.scalar?.string ?? ""
        guard let value = Int(text), range.contains(value) else {
            throw error(node, "course_file_integer", ["field": key, "rule": rule.key, "value": text])
        }
        return value
    }

    /// `true` or `false` (YAML also reads yes/no and on/off).
    func bool(_ node: Node, _ key: String) throws(CourseFileError) -> Bool {
        guard let value = node.bool else {
            throw error(node, "course_file_bool", ["field": key, "value": node.scalar?.string ?? ""])
        }
        return value
    }

    /// The items of a list; a single value counts as a list of one, an empty or missing value as none.
    func list(_ node: Node?, _ key: String) throws(CourseFileError) -> [Node] {
        guard let node, !isEmpty(node) else { return [] }
        if let sequence = node.sequence { return Array(sequence) }
        guard node.scalar != nil else { throw error(node, "course_file_not_list", ["field": key]) }
        return [node]
    }

    /// The entries of a mapping by key name, refusing keys outside `allowed`.
    func mapping(_ node: Node, _ key: String, allowed: [String]) throws(CourseFileError) -> [String: Node] {
        guard let mapping = node.mapping else {
            throw error(node, "course_file_mapping", ["field": key, "choices": allowed.joined(separator: ", ")])
        }
        var entries: [String: Node] = [:]
        for (name, value) in mapping {
            guard let text = name.string, allowed.contains(text) else {
                throw error(name, "course_file_mapping_unknown",
                            ["field": key, "name": name.string ?? "?", "choices": allowed.joined(separator: ", ")])
            }
            entries[text] = value
        }
        return entries
    }

    /// `{id: ..., en: ...}`; with `englishRequired` false a plain text also does, for both.
    func bilingual(_ node: Node, _ key: String, englishRequired: Bool) throws(CourseFileError) -> BilingualText {
        if !englishRequired, node.scalar != nil { return BilingualText(try text(node, key)) }
        let entries = try mapping(node, key, allowed: ["id", "en"])
        guard let indonesian = entries["id"] else { throw error(node, "course_file_indonesian_missing", ["field": key]) }
        guard let english = entries["en"] ?? (englishRequired ? nil : indonesian) else {
            throw error(node, "course_file_english_missing", ["field": key])
        }
        return BilingualText(try text(indonesian, key + ".id"), english: try text(english, key + ".en"))
    }

    /// One of a closed list of terms, by raw value or name; the error lists the choices.
    func term<Term: CatalogueTerm>(_ node: Node, _ key: String) throws(CourseFileError) -> Term {
        let value = try text(node, key)
        guard let term = Term(parsing: value) else {
            let choices = Term.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(node, "course_file_term_unknown", ["field": key, "value": value, "choices": choices])
        }
        return term
    }

    /// A course code: letters and digits in groups joined by `-` ("PPP-01"), made upper case.
    func code(_ node: Node, _ key: String) throws(CourseFileError) -> String {
        let code = try text(node, key).uppercased()
        let groups = code.split(separator: "-", omittingEmptySubsequences: false)
        let valid = groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard code.count <= 20, valid else {
            throw error(node, "course_file_code_invalid", ["field": key, "value": code])
        }
        return code
    }

    /// A golongan such as "III/a" (PNS) or "IX" (PPPK).
    func golongan(_ node: Node, _ key: String) throws(CourseFileError) -> Golongan {
        let value = try text(node, key)
        guard let golongan = Golongan(parsing: value) else {
            throw error(node, "course_file_golongan_unknown", ["field": key, "value": value])
        }
        return golongan
    }
}
