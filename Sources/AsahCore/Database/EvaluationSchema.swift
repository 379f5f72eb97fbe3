import GRDB

/// Tables of post-training evaluation (Kirkpatrick levels 1-3) and of programmes:
///
/// - L1 reaction surveys are kept anonymous by design: `survey_submissions` records *who*
///   answered a run's survey (one row each, which enforces "once"), `survey_responses` and
///   `survey_answers` hold *what* was answered, with no link back to the person.
/// - L2 pre- and post-test scores per participant, entered by an instructor, imported, or
///   from an online attempt at the course's question bank (`test_attempts`: one per phase).
/// - L3 behaviour checks: one task for the supervisor and one self-assessment per completed
///   place, due some months after the run, with one Likert answer per targeted competency.
/// - Programmes: named groups of courses (e.g. one year's plan) that coordinators keep.
enum EvaluationSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE survey_submissions (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                submitted_at INTEGER NOT NULL,
                PRIMARY KEY (run_id, employee_id)
            ) WITHOUT ROWID;
            CREATE TABLE survey_responses (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                template TEXT NOT NULL,
                comment TEXT
            );
            CREATE INDEX survey_responses_run ON survey_responses(run_id);
            CREATE TABLE survey_answers (
                response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
                item TEXT NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                PRIMARY KEY (response_id, item)
            ) WITHOUT ROWID;
            CREATE TABLE test_scores (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
                score REAL NOT NULL CHECK (score >= 0),
                max_score REAL NOT NULL CHECK (max_score > 0),
                source TEXT NOT NULL CHECK (source IN ('entered', 'imported', 'online')),
                recorded_by INTEGER REFERENCES users(id),
                recorded_at INTEGER NOT NULL,
                CHECK (score <= max_score),
                PRIMARY KEY (run_id, employee_id, phase)
            ) WITHOUT ROWID;
            CREATE TABLE test_attempts (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
                seed INTEGER NOT NULL,
                started_at INTEGER NOT NULL,
                deadline_at INTEGER NOT NULL,
                submitted_at INTEGER,
                correct INTEGER,
                UNIQUE (run_id, employee_id, phase)
            );
            CREATE TABLE behaviour_checks (
                id INTEGER PRIMARY KEY,
                enrolment_id INTEGER NOT NULL REFERENCES enrolments(id),
                respondent TEXT NOT NULL CHECK (respondent IN ('supervisor', 'self')),
                respondent_employee_id INTEGER NOT NULL REFERENCES employees(id),
                due_on TEXT NOT NULL,
                notified_at INTEGER,
                reminded_at INTEGER,
                answered_at INTEGER,
                UNIQUE (enrolment_id, respondent)
            );
            CREATE INDEX behaviour_checks_respondent ON behaviour_checks(respondent_employee_id, answered_at);
            CREATE INDEX behaviour_checks_open ON behaviour_checks(answered_at, due_on);
            CREATE TABLE behaviour_answers (
                check_id INTEGER NOT NULL REFERENCES behaviour_checks(id) ON DELETE CASCADE,
                competency TEXT NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                example TEXT,
                PRIMARY KEY (check_id, competency)
            ) WITHOUT ROWID;
            CREATE TABLE programmes (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE COLLATE NOCASE,
                name TEXT NOT NULL,
                year INTEGER
            );
            CREATE TABLE programme_courses (
                programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
                course_code TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (programme_id, course_code)
            ) WITHOUT ROWID;
            CREATE INDEX appraisals_period ON appraisals(year, period);
            CREATE INDEX enrolments_state_run ON enrolments(state, run_id);
            """)
    }

    /// What the impact analysis and training needs read at province scale, without touching
    /// the table: current-scheme appraisals in employee order with period and predikat.
    static func indexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX appraisals_current ON appraisals(employee_id, year, period, predikat, perilaku_kerja)
                WHERE hasil_kerja IS NOT NULL;
            CREATE INDEX enrolments_state_run_employee ON enrolments(state, run_id, employee_id);
            """)
    }

    /// `appraisals_current` with `hasil_kerja` in it: SQLite (3.40) counts the column its
    /// partial-index condition names as one the index lacks, so every row read through the
    /// v7 index was also read from the table (a province's 850,000 appraisals per report).
    static func coveringCurrentAppraisals(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX appraisals_current;
            CREATE INDEX appraisals_current ON appraisals(employee_id, year, period, predikat, perilaku_kerja, hasil_kerja)
                WHERE hasil_kerja IS NOT NULL;
            """)
    }

    /// Each respondent's unanswered checks in the order a home lists them (by due date), so
    /// the first few are read without reading them all: a supervisor may owe hundreds, and
    /// each home view read and sorted every one (460 for some in the province demo).
    static func waitingChecks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX behaviour_checks_waiting ON behaviour_checks(respondent_employee_id, respondent, due_on)
                WHERE answered_at IS NULL
            """)
    }
}
