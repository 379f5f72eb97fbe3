/// The pages notifications and calendar entries point to; the web layer serves these paths.
public enum WorkshopLinks {
    /// A run's page.
    public static func run(_ id: Int64) -> String { "/runs/\(id)" }
    /// One session on its run's page.
    public static func session(_ id: Int64, of runId: Int64) -> String { run(runId) + "#sesi-\(id)" }
    /// A supervisor's inbox of requests to decide.
    public static let approvals = "/approvals"
    /// The employee's training-hours ledger.
    public static let trainingHours = "/training-hours"
    /// The public verification page of a certificate.
    public static func verify(_ code: String) -> String { "/verify/\(code)" }

    /// The holder's printable certificate.
    public static func certificate(_ id: Int64) -> String { "/certificates/\(id)" }
}
