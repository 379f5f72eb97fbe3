import AsahCore

/// The runs of a course shown on its page (filled in by the runs feature).
enum CourseRuns {
    static func upcoming(courseId: Int64, context: Context) throws -> [[String: Any]] { [] }
}
