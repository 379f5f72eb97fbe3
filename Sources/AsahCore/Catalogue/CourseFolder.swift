import Foundation

/// The course files of a folder, read and parsed without touching the database: every `*.md`
/// but `README.md` and hidden files (editor leftovers). Used by the sync and by `asah doctor`.
public struct CourseFolder: Sendable {
    /// The file names found, sorted (`ppp-01.md`).
    public let names: [String]
    /// The files that parsed, in name order.
    public let files: [CourseFile]
    /// Why the others were refused (files named as `folder/name.md`).
    public let errors: [CourseFileError]

    /// Reads `folder`; throws only when it cannot be listed.
    public init(reading folder: String) throws {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.lowercased().hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted()
        var files: [CourseFile] = [], errors: [CourseFileError] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append(CourseFileError(file: path, line: 1, "course_file_not_utf8"))
                continue
            }
            do {
                files.append(try CourseFileParser.parse(text, file: path))
            } catch {
                errors.append(error)
            }
        }
        self.files = files
        self.errors = errors
    }
}
