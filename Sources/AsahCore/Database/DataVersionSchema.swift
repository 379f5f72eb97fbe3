import GRDB

/// The evaluation data version (see `EvaluationDataVersion`): a number raised by triggers
/// after any insert, update or delete in the tables the evaluation figures read. The table
/// list is written out here as it was when this step shipped; a table added later gets its
/// triggers from a later step.
enum DataVersionSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE data_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO data_versions (name, version) VALUES ('evaluation', 1);
            """)
        let tables = [
            "units", "employees", "courses", "runs", "enrolments", "training_hours", "appraisals",
            "survey_responses", "survey_answers", "test_scores", "behaviour_checks", "behaviour_answers",
            "programmes", "programme_courses",
        ]
        for table in tables {
            for change in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(change.lowercased())_evaluation_version AFTER \(change) ON \(table)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'evaluation'; END
                    """)
            }
        }
    }

    /// The training-hours version (`DataVersion.trainingHours`): raised by triggers on what JP
    /// compliance is read from, so it stays kept while enrolments, surveys and the rest change.
    static func trainingHours(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO data_versions (name, version) VALUES ('training_hours', 1)")
        for table in ["units", "employees", "training_hours", "employment_rules"] {
            for change in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_\(change.lowercased())_training_hours_version AFTER \(change) ON \(table)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'training_hours'; END
                    """)
            }
        }
    }
}
