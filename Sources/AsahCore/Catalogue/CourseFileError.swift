/// Why a course file was refused, at the line to fix, as a fact: a message catalogue key
/// (`course_file_…`) and its arguments. The edge words it for the reader, as `file:line: reason`
/// (the form editors and terminals turn into a link).
public struct CourseFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the sync or the caller named it, e.g. `courses/ppp-01.md`.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// What is wrong, e.g. `course_file_integer` (with `field: jp`, `value: dua`).
    public let key: String
    /// The facts the sentence names: keys of the file, values as typed, choices.
    public let arguments: [String: String]

    /// An error.
    public init(file: String, line: Int, _ key: String, _ arguments: [String: String] = [:]) {
        self.file = file
        self.line = line
        self.key = key
        self.arguments = arguments
    }

    /// `file:line: key`, for logs; readers get the worded form from the web layer.
    public var description: String { "\(file):\(line): \(key)" }

    /// What a whole number in a course file must be; named in the sentence as an `@` argument.
    public enum NumberRule: Sendable {
        case positive, percent, mark, rubricScale, teamSize, minutes, day, days

        /// The catalogue key of the rule's words.
        var key: String {
            switch self {
            case .positive: "@course_file_rule_positive"
            case .percent: "@course_file_rule_percent"
            case .mark: "@course_file_rule_mark"
            case .rubricScale: "@course_file_rule_rubric_scale"
            case .teamSize: "@course_file_rule_team_size"
            case .minutes: "@course_file_rule_minutes"
            case .day: "@course_file_rule_day"
            case .days: "@course_file_rule_days"
            }
        }
    }
}
