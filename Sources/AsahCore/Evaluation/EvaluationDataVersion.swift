import GRDB

/// A number that grows with every change to the rows the evaluation figures are computed
/// from (runs, enrolments, the JP ledger, appraisals, surveys, tests, behaviour checks, the
/// organisation and programmes), kept by triggers in the database itself. Figures computed
/// at one version stay right until it changes, whichever process wrote: the server, or an
/// `asah import` beside it.
public enum EvaluationDataVersion {
    /// The tables whose rows the impact report, the training needs and JP compliance read.
    static let tables = [
        "units", "employees", "courses", "runs", "enrolments", "training_hours", "appraisals",
        "survey_responses", "survey_answers", "test_scores", "behaviour_checks", "behaviour_answers",
        "programmes", "programme_courses",
    ]

    /// The current version (read it in the same transaction as the figures it labels).
    public static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM data_versions WHERE name = 'evaluation'") ?? 0
    }

    /// Creates the version and the triggers that raise it after any insert, update or delete.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE data_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO data_versions (name, version) VALUES ('evaluation', 1);
            """)
        for table in tables {
            for change in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(change.lowercased())_evaluation_version AFTER \(change) ON \(table)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'evaluation'; END
                    """)
            }
        }
    }
}
