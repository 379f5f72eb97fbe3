/// The pages project notifications and lists point to; the web layer serves these paths.
public enum ProjectLinks {
    /// A project's page.
    public static func project(_ id: Int64) -> String { "/projects/\(id)" }
    /// One milestone on its project's page.
    public static func milestone(_ position: Int, of projectId: Int64) -> String { project(projectId) + "#tahap-\(position + 1)" }
    /// One submission on its project's page.
    public static func submission(_ id: Int64, of projectId: Int64) -> String { project(projectId) + "#kiriman-\(id)" }
    /// The run's project board.
    public static func board(_ runId: Int64) -> String { "/runs/\(runId)/board" }
    /// A project in the gallery.
    public static func gallery(_ id: Int64) -> String { "/gallery/\(id)" }
}
