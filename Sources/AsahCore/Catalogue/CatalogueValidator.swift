/// The checks that need every course file at once: codes unique across files, prerequisites
/// that name a course of the catalogue, and no prerequisite cycles.
///
/// An unknown prerequisite is an error, not a warning: it gates enrolment, so a typo would
/// either admit everyone or no one, and the coordinator sees the refusal at the next sync.
/// A refused file's course keeps its last good version (a *standing* course), which still
/// counts as known, so one broken file does not take the courses built on it down too.
/// Refusing a file can make another one's prerequisite unknown, so the checks repeat until
/// nothing changes. The accepted files and the kept courses form an acyclic catalogue.
enum CatalogueValidator {
    /// A course already loaded from a file still in the folder: it stays as it is when that
    /// file is refused.
    struct Standing: Hashable, Sendable {
        /// The course code.
        let code: String
        /// Its prerequisites' codes.
        let prerequisites: [String]
    }

    /// What the catalogue holds after the checks.
    struct Outcome: Sendable {
        /// The files to load, in the order given.
        var accepted: [CourseFile]
        /// Codes of standing courses kept because their file was refused.
        var kept: Set<String>
        /// Why the other files were refused.
        var errors: [CourseFileError]
    }

    /// Checks `files` (each parsed on its own, ordered by name: of two files with one code the
    /// second is refused) against each other and the `standing` courses by file name.
    static func validate(_ files: [CourseFile], standing: [String: Standing]) -> Outcome {
        var accepted: [CourseFile] = [], errors: [CourseFileError] = []
        var owners: [String: String] = [:]
        for file in files {
            if let owner = owners[file.code] {
                errors.append(CourseFileError(file: file.file, line: file.codeLine, "course_file_code_taken",
                                              ["code": file.code, "owner": owner]))
            } else {
                owners[file.code] = file.file
                accepted.append(file)
            }
        }
        var refusedCodes = Set<String>()
        while true {
            let acceptedFiles = Set(accepted.map(\.fileName)), acceptedCodes = Set(accepted.map(\.code))
            let kept = standing.filter { !acceptedFiles.contains($0.key) && !acceptedCodes.contains($0.value.code) }.values
            var graph = Dictionary(kept.map { ($0.code, $0.prerequisites) }, uniquingKeysWith: { first, _ in first })
            let known = acceptedCodes.union(graph.keys)
            var refused: [CourseFileError] = []
            for file in accepted {
                if let index = file.prerequisites.firstIndex(where: { !known.contains($0) }) {
                    let code = file.prerequisites[index]
                    let key = refusedCodes.contains(code) ? "course_file_prerequisite_refused" : "course_file_prerequisite_unknown"
                    refused.append(CourseFileError(file: file.file, line: file.prerequisiteLines[index], key, ["code": code]))
                    continue
                }
                graph[file.code] = file.prerequisites
                for (index, prerequisite) in file.prerequisites.enumerated() {
                    guard let path = path(from: prerequisite, to: file.code, in: graph) else { continue }
                    graph[file.code] = nil
                    let cycle = ([file.code] + path).joined(separator: " → ")
                    refused.append(CourseFileError(file: file.file, line: file.prerequisiteLines[index],
                                                   "course_file_prerequisite_cycle", ["cycle": cycle]))
                    break
                }
            }
            guard !refused.isEmpty else {
                return Outcome(accepted: accepted, kept: Set(kept.map(\.code)), errors: errors)
            }
            let refusedFiles = Set(refused.map(\.file))
            refusedCodes.formUnion(accepted.filter { refusedFiles.contains($0.file) }.map(\.code))
            accepted.removeAll { refusedFiles.contains($0.file) }
            errors += refused
        }
    }

    /// A chain of prerequisites from `start` to `target` (both included), if there is one.
    private static func path(from start: String, to target: String, in graph: [String: [String]]) -> [String]? {
        var visited = Set<String>()
        func search(_ code: String) -> [String]? {
            if code == target { return [code] }
            guard visited.insert(code).inserted else { return nil }
            for next in graph[code] ?? [] {
                if let rest = search(next) { return [code] + rest }
            }
            return nil
        }
        return search(start)
    }
}
