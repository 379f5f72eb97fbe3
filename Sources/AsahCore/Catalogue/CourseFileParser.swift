import Foundation
import Yams

/// Parses the text of one course file: a YAML front matter between two `---` lines, then the
/// Markdown body. The format is documented in `courses/README.md`.
///
/// Keys are checked one by one in file order, then against each other, then the body; the
/// first problem is thrown as a ``CourseFileError`` at its line, and the coordinator fixes it
/// and syncs again, as with a compiler. Unknown keys are refused too, so a misspelt optional
/// key (`prerequisite:`) is not silently ignored.
public enum CourseFileParser {
    /// Part of every file hash: raise it when parsing or rendering changes, so the next sync
    /// rewrites every course instead of skipping unchanged files.
    static let version = "2"

    /// Parses `text`; `file` is the name used in errors and kept with the course.
    public static func parse(_ text: String, file: String) throws(CourseFileError) -> CourseFile {
        let lines = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func isDelimiter(_ line: Substring) -> Bool { line.trimmingCharacters(in: .whitespaces) == "---" }
        guard let first = lines.first, isDelimiter(first) else {
            throw CourseFileError(file: file, line: 1, "course_file_no_opening")
        }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            throw CourseFileError(file: file, line: 1, "course_file_not_closed")
        }
        let reader = FrontMatterReader(file: file, lineOffset: 1)
        let root = try compose(lines[1..<close].joined(separator: "\n"), reader: reader)

        var course = try fields(of: root, reader: reader)
        course.bodyHTML = SafeMarkdown.html(lines[(close + 1)...].joined(separator: "\n"))
        course.summary = SafeMarkdown.firstParagraphText(course.bodyHTML)
        guard !course.summary.isEmpty else {
            throw CourseFileError(file: file, line: min(close + 2, lines.count), "course_file_no_summary")
        }
        course.hash = SecureToken.digest(version + "\n" + text)
        return course
    }

    /// The YAML's root mapping, with libyaml's errors placed at their file line.
    private static func compose(_ yaml: String, reader: FrontMatterReader) throws(CourseFileError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
                let YamlError.composer(_, problem, mark, _) {
            throw CourseFileError(file: reader.file, line: mark.line + reader.lineOffset, "course_file_yaml_invalid",
                                  ["problem": problem])
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw CourseFileError(file: reader.file, line: context.mark.line + reader.lineOffset, "course_file_duplicate_keys",
                                  ["keys": duplicates.joined(separator: ", ")])
        } catch {
            throw CourseFileError(file: reader.file, line: 1 + reader.lineOffset, "course_file_yaml_invalid",
                                  ["problem": "\(error)"])
        }
        guard let root, !reader.isEmpty(root) else {
            throw CourseFileError(file: reader.file, line: 1, "course_file_empty_front_matter")
        }
        guard root.mapping != nil else { throw reader.error(root, "course_file_not_mapping") }
        return root
    }

    /// The front matter's fields, checked one key at a time in file order, then together.
    private static func fields(of root: Node, reader: FrontMatterReader) throws(CourseFileError) -> CourseFile {
        var code: (value: String, line: Int)?, title: BilingualText?, kind: (value: CourseKind, node: Node)?
        var form: (value: CourseForm, node: Node)?, jp: Int?, competencies: [Competency] = []
        var audience = Audience(), prerequisites: [(code: String, line: Int)] = [], hasTest = false
        var project: (value: Bool, node: Node)?, minAttendance = 80
        var milestones: (value: [Milestone], node: Node)?, rubric: (value: [RubricCriterion], node: Node)?
        var passMark: (value: Int, node: Node)?, scale: (value: Int, node: Node)?, teamSize: (value: Int, node: Node)?
        var testQuestions: (value: [TestBank.Question], node: Node)?, testMinutes: (value: Int, node: Node)?

        for (keyNode, value) in root.mapping! {
            let key = keyNode.string ?? ""
            switch key {
            case "code": code = (try reader.code(value, key), reader.line(value))
            case "title": title = try reader.bilingual(value, key, englishRequired: true)
            case "form": form = (try reader.term(value, key), value)
            case "kind": kind = (try reader.term(value, key), value)
            case "jp": jp = try reader.integer(value, key, in: 1...Int.max, rule: .positive)
            case "competencies": competencies = try reader.competencies(value)
            case "audience": audience = try reader.audience(value)
            case "prerequisites": prerequisites = try reader.prerequisites(value)
            case "test": hasTest = try reader.bool(value, key)
            case "project": project = (try reader.bool(value, key), keyNode)
            case "min_attendance":
                minAttendance = try reader.integer(value, key, in: 1...100, rule: .percent)
            case "milestones": milestones = (try reader.milestones(value, key: keyNode), keyNode)
            case "rubric": rubric = (try reader.rubric(value, key: keyNode), keyNode)
            case "pass_mark":
                passMark = (try reader.integer(value, key, in: 0...100, rule: .mark), keyNode)
            case "rubric_scale":
                scale = (try reader.integer(value, key, in: 1...100, rule: .rubricScale), keyNode)
            case "team_size":
                teamSize = (try reader.integer(value, key, in: 1...10, rule: .teamSize), keyNode)
            case "test_questions": testQuestions = (try reader.testQuestions(value), keyNode)
            case "test_minutes":
                testMinutes = (try reader.integer(value, key, in: 1...240, rule: .minutes), keyNode)
            default: throw reader.error(keyNode, "course_file_unknown_key", ["field": key])
            }
        }

        let missing = [("code", code == nil), ("title", title == nil), ("kind", kind == nil), ("jp", jp == nil)]
            .filter(\.1).map(\.0)
        guard let code, let title, let kind, let jp else {
            throw CourseFileError(file: reader.file, line: 1, "course_file_missing_keys", ["keys": missing.joined(separator: ", ")])
        }
        if let form, form.value != kind.value.form {
            throw reader.error(form.node, "course_file_form_kind",
                               ["form": form.value.rawValue, "kind": kind.value.rawValue, "kindForm": kind.value.form.rawValue])
        }
        let plan = try projectPlan(project: project, milestones: milestones, rubric: rubric, passMark: passMark,
                                   options: (scale, teamSize), kind: kind, reader: reader)
        var bank: TestBank?
        if let testQuestions, !testQuestions.value.isEmpty {
            guard hasTest else { throw reader.error(testQuestions.node, "course_file_questions_without_test") }
            bank = TestBank(minutes: testMinutes?.value ?? 20, questions: testQuestions.value)
        } else if let testMinutes {
            throw reader.error(testMinutes.node, "course_file_minutes_without_questions")
        }
        var file = CourseFile(file: reader.file, code: code.value, title: title, kind: kind.value, jp: jp,
                          competencies: competencies, audience: audience, prerequisites: prerequisites.map(\.code),
                          hasTest: hasTest, hasProject: plan != nil, minAttendancePercent: minAttendance,
                          projectPlan: plan, bodyHTML: "", summary: "", hash: "",
                          codeLine: code.line, prerequisiteLines: prerequisites.map(\.line))
        file.testBank = bank
        return file
    }

    /// The project plan: milestones, rubric and pass mark all present with `project: true`
    /// (which a project-based kind requires), none of them (nor the optional rubric scale and
    /// team size) without it.
    private static func projectPlan(project: (value: Bool, node: Node)?, milestones: (value: [Milestone], node: Node)?,
                                    rubric: (value: [RubricCriterion], node: Node)?, passMark: (value: Int, node: Node)?,
                                    options: (scale: (value: Int, node: Node)?, teamSize: (value: Int, node: Node)?),
                                    kind: (value: CourseKind, node: Node), reader: FrontMatterReader)
        throws(CourseFileError) -> ProjectPlan? {
        guard let project, project.value else {
            if kind.value == .projectBased {
                throw reader.error(kind.node, "course_file_project_based_needs_project")
            }
            if let stray = milestones?.node ?? rubric?.node ?? passMark?.node ?? options.scale?.node ?? options.teamSize?.node {
                throw reader.error(stray, "course_file_only_with_project", ["field": stray.string ?? ""])
            }
            return nil
        }
        guard let milestones, let rubric, let passMark else {
            let missing = [("milestones", milestones == nil), ("rubric", rubric == nil), ("pass_mark", passMark == nil)]
                .filter(\.1).map(\.0).joined(separator: ", ")
            throw reader.error(project.node, "course_file_project_needs", ["keys": missing])
        }
        return ProjectPlan(milestones: milestones.value, rubric: rubric.value, passMark: passMark.value,
                           rubricScale: options.scale?.value ?? 100, maxTeamSize: options.teamSize?.value ?? 1)
    }
}
