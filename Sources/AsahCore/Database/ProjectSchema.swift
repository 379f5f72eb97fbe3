import GRDB

/// Workplace projects of project-based runs: the project with its team, coach and mentor,
/// per-run milestone dates the coordinator moved, every submission with its files and every
/// review (both append-only: triggers refuse updates and deletes, so history is never
/// rewritten), and the full-text index of the gallery.
enum ProjectSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE projects (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                owner_employee_id INTEGER NOT NULL REFERENCES employees(id),
                title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
                problem TEXT NOT NULL,
                stakeholders TEXT NOT NULL DEFAULT '',
                outcome TEXT NOT NULL DEFAULT '',
                measure TEXT NOT NULL DEFAULT '',
                core_values TEXT NOT NULL DEFAULT '[]',
                coach_employee_id INTEGER REFERENCES employees(id),
                mentor_employee_id INTEGER REFERENCES employees(id),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'not_passed')),
                final_score REAL,
                measured_result TEXT NOT NULL DEFAULT '',
                gallery_consent INTEGER NOT NULL DEFAULT 0,
                featured INTEGER NOT NULL DEFAULT 0,
                completed_at INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (run_id, owner_employee_id)
            );
            CREATE INDEX projects_coach ON projects(coach_employee_id, status);
            CREATE INDEX projects_mentor ON projects(mentor_employee_id, status);
            CREATE INDEX projects_gallery ON projects(status, gallery_consent, featured DESC, completed_at DESC);
            CREATE TABLE project_members (
                project_id INTEGER NOT NULL REFERENCES projects(id),
                run_id INTEGER NOT NULL REFERENCES runs(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                added_at INTEGER NOT NULL,
                PRIMARY KEY (project_id, employee_id),
                UNIQUE (run_id, employee_id)
            ) WITHOUT ROWID;
            CREATE INDEX project_members_employee ON project_members(employee_id);
            CREATE TABLE run_milestone_dates (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                position INTEGER NOT NULL CHECK (position >= 0),
                due_on TEXT NOT NULL,
                changed_by INTEGER REFERENCES users(id),
                changed_at INTEGER NOT NULL,
                PRIMARY KEY (run_id, position)
            ) WITHOUT ROWID;
            CREATE TABLE milestone_submissions (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                position INTEGER NOT NULL CHECK (position >= 0),
                round INTEGER NOT NULL CHECK (round >= 1),
                body TEXT NOT NULL,
                submitted_by INTEGER NOT NULL REFERENCES employees(id),
                submitted_at INTEGER NOT NULL,
                UNIQUE (project_id, position, round)
            );
            CREATE TABLE submission_files (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES milestone_submissions(id),
                stored_name TEXT NOT NULL,
                display_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size > 0)
            );
            CREATE INDEX submission_files_submission ON submission_files(submission_id);
            CREATE TABLE milestone_reviews (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES milestone_submissions(id),
                reviewer_employee_id INTEGER NOT NULL REFERENCES employees(id),
                role TEXT NOT NULL CHECK (role IN ('coach', 'mentor')),
                decision TEXT NOT NULL CHECK (decision IN ('accept', 'revise')),
                comment TEXT NOT NULL,
                scores TEXT,
                reviewed_at INTEGER NOT NULL
            );
            CREATE INDEX milestone_reviews_submission ON milestone_reviews(submission_id);
            CREATE VIRTUAL TABLE project_gallery_search USING fts5(
                title, problem, outcome, measured_result, unit, tokenize = 'unicode61 remove_diacritics 2');
            """)
        for table in ["milestone_submissions", "submission_files", "milestone_reviews"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN
                    SELECT RAISE(ABORT, '\(table) is append-only');
                END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN
                    SELECT RAISE(ABORT, '\(table) is append-only');
                END;
                """)
        }
    }

    /// Consent to the gallery per team member: a team's project is shown only when every
    /// member has consented (one member could publish everyone's work before). A published
    /// project of one person keeps its consent; a published team project waits for its team.
    static func galleryConsents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE project_gallery_consents (
                project_id INTEGER NOT NULL REFERENCES projects(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                consented_at INTEGER NOT NULL,
                PRIMARY KEY (project_id, employee_id)
            ) WITHOUT ROWID;
            INSERT INTO project_gallery_consents (project_id, employee_id, consented_at)
                SELECT p.id, m.employee_id, p.updated_at FROM projects p JOIN project_members m ON m.project_id = p.id
                WHERE p.gallery_consent AND (SELECT COUNT(*) FROM project_members WHERE project_id = p.id) = 1;
            UPDATE projects SET gallery_consent = 0, featured = 0
                WHERE gallery_consent AND (SELECT COUNT(*) FROM project_members WHERE project_id = projects.id) > 1;
            """)
    }
}
