/// One course file of the catalogue, parsed and checked on its own: the front matter's
/// fields and the Markdown body (description, objectives, agenda) rendered to safe HTML.
/// Checks that need the other files (unique codes, prerequisites) come later, in the sync.
public struct CourseFile: Hashable, Sendable {
    /// The file as named to the parser, e.g. `courses/ppp-01.md`.
    public var file: String
    /// The course code, upper case, e.g. "PPP-01".
    public var code: String
    /// The title in both languages.
    public var title: BilingualText
    /// The kind (jenis), which fixes the form.
    public var kind: CourseKind
    /// Training hours (jam pelajaran) a participant earns.
    public var jp: Int
    /// Core values first, then technical competencies, as listed in the file.
    public var competencies: [Competency]
    /// Who the course is meant for.
    public var audience: Audience
    /// Codes of the courses to complete first, upper case.
    public var prerequisites: [String]
    /// Whether a pre-test and a post-test are part of the course.
    public var hasTest: Bool
    /// Whether a workplace project is part of the course; then ``projectPlan`` is set.
    public var hasProject: Bool
    /// The attendance (percent of sessions, 1–100) needed to complete the course.
    public var minAttendancePercent: Int
    /// Milestones, rubric and pass mark of the project.
    public var projectPlan: ProjectPlan?
    /// The online pre/post-test's questions, when the file declares them.
    public var testBank: TestBank?
    /// The body as HTML, with no raw HTML from the file.
    public var bodyHTML: String
    /// The body's first paragraph as plain text, for the catalogue list.
    public var summary: String
    /// The SHA-256 of the file's text (and the parser version), to skip unchanged files.
    public var hash: String
    /// The line of the `code` key, for errors about the code found across files.
    var codeLine: Int
    /// The line of each prerequisite, in the order of ``prerequisites``.
    var prerequisiteLines: [Int]

    /// The klasikal or nonklasikal form of the course's kind.
    public var form: CourseForm { kind.form }

    /// The file's name without its folder, as kept in `courses.source_file`.
    public var fileName: String { String(file.split(separator: "/").last ?? Substring(file)) }
}
