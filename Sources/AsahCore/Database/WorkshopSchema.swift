import GRDB

/// Tables of runs (angkatan), their sessions, enrolment with approval and waitlist, attendance,
/// the training-hours (JP) ledger, certificates and in-app notifications.
enum WorkshopSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                course_id INTEGER NOT NULL REFERENCES courses(id),
                code TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                capacity INTEGER NOT NULL CHECK (capacity > 0),
                enrol_opens_at INTEGER,
                enrol_closes_at INTEGER,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'open', 'closed', 'running', 'finished', 'cancelled')),
                offer_window_hours INTEGER NOT NULL DEFAULT 48,
                offer_cutoff_hours INTEGER NOT NULL DEFAULT 24,
                cancelled_reason TEXT,
                created_by INTEGER REFERENCES users(id),
                created_at INTEGER NOT NULL
            );
            CREATE INDEX runs_course ON runs(course_id);
            CREATE INDEX runs_status ON runs(status, starts_on);
            CREATE TABLE run_unit_quotas (
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                unit_id INTEGER NOT NULL REFERENCES units(id),
                seats INTEGER NOT NULL CHECK (seats >= 0),
                PRIMARY KEY (run_id, unit_id)
            ) WITHOUT ROWID;
            CREATE TABLE run_sessions (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
                place TEXT,
                online_url TEXT,
                instructor_employee_id INTEGER REFERENCES employees(id),
                checkin_code TEXT
            );
            CREATE INDEX run_sessions_run ON run_sessions(run_id, starts_at);
            CREATE INDEX run_sessions_instructor ON run_sessions(instructor_employee_id, starts_at);
            CREATE TABLE enrolments (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                state TEXT NOT NULL CHECK (state IN ('requested', 'declined', 'enrolled', 'waitlisted', 'offered',
                    'cancelled', 'completed', 'not_completed')),
                nominated_by INTEGER REFERENCES users(id),
                mandatory INTEGER NOT NULL DEFAULT 0,
                requested_at INTEGER NOT NULL,
                approved_at INTEGER,
                approved_by INTEGER REFERENCES users(id),
                decided_reason TEXT,
                offer_expires_at INTEGER,
                cancelled_at INTEGER,
                completion_reason TEXT,
                updated_at INTEGER NOT NULL,
                UNIQUE (run_id, employee_id)
            );
            CREATE INDEX enrolments_state ON enrolments(run_id, state, mandatory, approved_at);
            CREATE INDEX enrolments_employee ON enrolments(employee_id, state);
            CREATE TABLE attendance (
                session_id INTEGER NOT NULL REFERENCES run_sessions(id) ON DELETE CASCADE,
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                present INTEGER NOT NULL,
                marked_by INTEGER REFERENCES users(id),
                marked_at INTEGER NOT NULL,
                PRIMARY KEY (session_id, employee_id)
            ) WITHOUT ROWID;
            CREATE TABLE training_hours (
                id INTEGER PRIMARY KEY,
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                year INTEGER NOT NULL,
                jp REAL NOT NULL CHECK (jp > 0),
                source TEXT NOT NULL CHECK (source IN ('asah', 'external')),
                run_id INTEGER REFERENCES runs(id),
                title TEXT NOT NULL,
                organiser TEXT,
                kind TEXT,
                started_on TEXT,
                ended_on TEXT,
                certificate_number TEXT,
                evidence_path TEXT,
                evidence_name TEXT,
                status TEXT NOT NULL DEFAULT 'verified' CHECK (status IN ('pending', 'verified', 'rejected')),
                verified_by INTEGER REFERENCES users(id),
                verified_at INTEGER,
                review_note TEXT,
                created_at INTEGER NOT NULL,
                UNIQUE (employee_id, run_id)
            );
            CREATE INDEX training_hours_year ON training_hours(year, employee_id);
            CREATE TABLE certificates (
                id INTEGER PRIMARY KEY,
                enrolment_id INTEGER NOT NULL UNIQUE REFERENCES enrolments(id),
                code TEXT NOT NULL UNIQUE,
                number TEXT NOT NULL UNIQUE,
                issued_at INTEGER NOT NULL,
                revoked_at INTEGER,
                revoked_reason TEXT
            );
            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY,
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT,
                created_at INTEGER NOT NULL,
                read_at INTEGER
            );
            CREATE INDEX notifications_employee ON notifications(employee_id, read_at, id);
            """)
    }

    /// The external trainings waiting for verification, found without reading the whole JP
    /// ledger (a coordinator's home counted them by reading a province's 200,000 entries).
    static func pendingTrainingHours(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX training_hours_pending ON training_hours(created_at, id) WHERE status = 'pending'")
    }
}
