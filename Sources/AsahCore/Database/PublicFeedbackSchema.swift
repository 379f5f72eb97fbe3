import GRDB

/// The public's voice: each unit's public feedback code (random, made by SQLite for every unit
/// now and for every unit inserted later), the answers of the public feedback form, and the
/// imported Survei Kepuasan Masyarakat results. Written out in full: a migration never calls
/// domain code. The two tables of figures raise the evaluation data version, as the tables of
/// `v10-evaluation-data-version` do.
enum PublicFeedbackSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feedback_codes (
                unit_id INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
                code TEXT NOT NULL UNIQUE
            );
            INSERT INTO feedback_codes (unit_id, code) SELECT id, lower(hex(randomblob(8))) FROM units;
            CREATE TRIGGER units_insert_feedback_code AFTER INSERT ON units
            BEGIN INSERT INTO feedback_codes (unit_id, code) VALUES (new.id, lower(hex(randomblob(8)))); END;
            CREATE TABLE public_feedback (
                id INTEGER PRIMARY KEY,
                unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
                received_on TEXT NOT NULL,
                overall INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 4),
                speed INTEGER NOT NULL CHECK (speed BETWEEN 1 AND 4),
                requirements INTEGER NOT NULL CHECK (requirements BETWEEN 1 AND 4),
                courtesy INTEGER NOT NULL CHECK (courtesy BETWEEN 1 AND 4),
                comment TEXT,
                comment_status TEXT CHECK (comment_status IN ('pending', 'approved', 'rejected')),
                moderated_at INTEGER,
                moderated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
            );
            CREATE INDEX public_feedback_unit ON public_feedback(unit_id, received_on);
            CREATE INDEX public_feedback_pending ON public_feedback(comment_status) WHERE comment_status = 'pending';
            CREATE TABLE satisfaction_surveys (
                id INTEGER PRIMARY KEY,
                unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
                period TEXT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                score REAL NOT NULL CHECK (score BETWEEN 25 AND 100),
                respondents INTEGER NOT NULL CHECK (respondents >= 1),
                imported_at INTEGER NOT NULL,
                UNIQUE (unit_id, period)
            );
            """)
        try DataVersionSchema.raise(.evaluation, onChangesTo: ["public_feedback", "satisfaction_surveys"], in: db)
    }
}
