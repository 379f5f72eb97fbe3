/// Why a course file was refused, at the line to fix; described as `file:line: reason` (the
/// form editors and terminals turn into a link). Reasons are in Indonesian, for the
/// coordinators who keep the files.
public struct CourseFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the sync or the caller named it, e.g. `courses/ppp-01.md`.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// What is wrong, e.g. "jp harus bilangan bulat positif, bukan 'dua'".
    public let reason: String

    /// An error.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
