import GRDB

/// A number in `data_versions` that grows with every change to the rows one family of shared
/// facts is read from, kept by triggers in the database itself, so facts computed at one
/// version stay right until it changes, whichever process wrote.
public enum DataVersion: String, Sendable {
    /// What the evaluation figures are computed from (runs, enrolments, the JP ledger,
    /// appraisals, surveys, tests, behaviour checks, the organisation, programmes and public
    /// feedback): figures computed at one version stay right until it changes, whichever
    /// process wrote, the server or an `asah import` beside it (migration
    /// `v10-evaluation-data-version` and later steps).
    case evaluation
    /// What JP compliance reads: units, employees, the JP ledger and the employment rules
    /// (migration `v29-training-hours-data-version`).
    case trainingHours = "training_hours"
    /// What a forum search hit shows: posts, thread titles, categories and statuses, authors'
    /// names (migration `v34-forum-search-data-version`).
    case forumSearch = "forum_search"

    /// The current version (read it in the same transaction as the facts it labels).
    public func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM data_versions WHERE name = ?"), arguments: [rawValue]) ?? 0
    }
}
