import GRDB

/// A number that grows with every change to the rows the evaluation figures are computed
/// from (runs, enrolments, the JP ledger, appraisals, surveys, tests, behaviour checks, the
/// organisation and programmes), kept by triggers in the database itself. Figures computed
/// at one version stay right until it changes, whichever process wrote: the server, or an
/// `asah import` beside it. The triggers are made by the migration `v10-evaluation-data-version`.
public enum EvaluationDataVersion {
    /// The current version (read it in the same transaction as the figures it labels).
    public static func current(_ db: Database) throws -> Int64 {
        try DataVersion.evaluation.current(db)
    }
}
