import GRDB

/// The data versions (``DataVersion``): numbers raised by triggers after any insert, update
/// or delete in the tables a family of shared facts reads. Each table list is written out
/// here as it was when its step shipped; a table added later gets its triggers from a later
/// step (``raise(_:onChangesTo:in:)``).
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
        try raise(.evaluation, onChangesTo: tables, in: db)
    }

    /// Triggers that raise `version` after every insert, update and delete in `tables`, named
    /// `<table>_<change>_<version>_version`.
    static func raise(_ version: DataVersion, onChangesTo tables: [String], in db: Database) throws {
        for table in tables {
            try raise(version, onChangesTo: table, updating: nil, in: db)
        }
    }

    /// Triggers that raise `version` after every insert and delete in `table` and every update
    /// of `columns` (of any column when nil), named `<table>_<change>_<version>_version`.
    static func raise(_ version: DataVersion, onChangesTo table: String, updating columns: [String]?, in db: Database) throws {
        let update = columns.map { "UPDATE OF " + $0.joined(separator: ", ") } ?? "UPDATE"
        for (change, event) in [("insert", "INSERT"), ("update", update), ("delete", "DELETE")] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_\(change)_\(version.rawValue)_version AFTER \(event) ON \(table)
                BEGIN UPDATE data_versions SET version = version + 1 WHERE name = '\(version.rawValue)'; END
                """)
        }
    }

    /// The training-hours version (`DataVersion.trainingHours`): raised by triggers on what JP
    /// compliance is read from, so it stays kept while enrolments, surveys and the rest change.
    static func trainingHours(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO data_versions (name, version) VALUES ('training_hours', 1)")
        try raise(.trainingHours, onChangesTo: ["units", "employees", "training_hours", "employment_rules"], in: db)
    }

    /// The forum-search version (`DataVersion.forumSearch`): raised by what a search hit is read
    /// from (a post's words, place, author and visibility; a thread's title, category and status;
    /// a category's name; an author's display name), not by supports, follows or post counts.
    static func forumSearch(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO data_versions (name, version) VALUES ('forum_search', 1)")
        try raise(.forumSearch, onChangesTo: "forum_posts",
                  updating: ["thread_id", "number", "author_user_id", "pseudonym", "body", "hidden", "created_at"], in: db)
        try raise(.forumSearch, onChangesTo: "forum_threads", updating: ["category_id", "title", "status"], in: db)
        try raise(.forumSearch, onChangesTo: "forum_categories", updating: ["name"], in: db)
        try raise(.forumSearch, onChangesTo: "users", updating: ["display_name"], in: db)
    }
}
