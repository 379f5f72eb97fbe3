import GRDB

/// The schema as an ordered list of named steps. A step that has shipped is never edited:
/// change the schema by appending a new step.
enum Migrations {
    /// The steps for the database at `databasePath` (a step filling sealed forum records reads
    /// the pseudonym key file beside it).
    static func migrator(databasePath: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-organisation", migrate: organisation)
        migrator.registerMigration("v1-accounts", migrate: accounts)
        migrator.registerMigration("v2-catalogue", migrate: CatalogueSchema.migrate)
        migrator.registerMigration("v2-workshops", migrate: WorkshopSchema.migrate)
        migrator.registerMigration("v2-employee-name-search", migrate: employeeNameSearch)
        migrator.registerMigration("v3-appraisals", migrate: AppraisalSchema.migrate)
        migrator.registerMigration("v4-evaluation", migrate: EvaluationSchema.migrate)
        migrator.registerMigration("v5-forums", migrate: ForumSchema.migrate)
        migrator.registerMigration("v6-projects", migrate: ProjectSchema.migrate)
        migrator.registerMigration("v7-evaluation-indexes", migrate: EvaluationSchema.indexes)
        migrator.registerMigration("v8-forum-moderation-by-thread", migrate: ForumSchema.moderationByThread)
        migrator.registerMigration("v9-forum-pseudonym-owner-tag") { db in
            try ForumSchema.pseudonymOwners(db) { try PseudonymVault.existing(at: databasePath) }
        }
        migrator.registerMigration("v10-evaluation-data-version", migrate: DataVersionSchema.migrate)
        migrator.registerMigration("v11-survey-tallies", migrate: SurveyTallies.migrate)
        migrator.registerMigration("v12-project-gallery-consents", migrate: ProjectSchema.galleryConsents)
        migrator.registerMigration("v13-pseudonym-notifications") { db in
            try PseudonymNoticeSchema.migrate(db) { try PseudonymVault.existing(at: databasePath) }
        }
        migrator.registerMigration("v14-coarse-activity-times", migrate: PseudonymNoticeSchema.coarsenActivity)
        migrator.registerMigration("v15-notices-as-facts", migrate: PseudonymNoticeSchema.noticeColumns)
        migrator.registerMigration("v16-token-expiry", migrate: TokenExpirySchema.migrate)
        migrator.registerMigration("v17-account-activation", migrate: ActivationSchema.migrate)
        migrator.registerMigration("v18-email-notifications", migrate: EmailSchema.migrate)
        migrator.registerMigration("v19-attendance-status", migrate: AttendanceStatusSchema.migrate)
        migrator.registerMigration("v20-calendar-feeds", migrate: CalendarFeedSchema.migrate)
        migrator.registerMigration("v21-agency-settings", migrate: AgencySchema.migrate)
        migrator.registerMigration("v22-agency-time-zone", migrate: TimeZoneSchema.migrate)
        migrator.registerMigration("v23-employment-rules", migrate: EmploymentRulesSchema.migrate)
        migrator.registerMigration("v24-public-feedback", migrate: PublicFeedbackSchema.migrate)
        migrator.registerMigration("v25-unit-merges", migrate: UnitMergeSchema.migrate)
        migrator.registerMigration("v26-email-choices", migrate: EmailChoiceSchema.migrate)
        migrator.registerMigration("v27-covering-current-appraisals", migrate: EvaluationSchema.coveringCurrentAppraisals)
        migrator.registerMigration("v28-forum-category-thread-counts", migrate: ForumSchema.categoryThreadCounts)
        migrator.registerMigration("v29-training-hours-data-version", migrate: DataVersionSchema.trainingHours)
        migrator.registerMigration("v30-pending-training-hours", migrate: WorkshopSchema.pendingTrainingHours)
        migrator.registerMigration("v31-suggestion-board-orders", migrate: ForumSchema.boardOrders)
        migrator.registerMigration("v32-overdue-suggestions", migrate: ForumSchema.overdueSuggestions)
        migrator.registerMigration("v33-waiting-behaviour-checks", migrate: EvaluationSchema.waitingChecks)
        migrator.registerMigration("v34-forum-search-data-version", migrate: DataVersionSchema.forumSearch)
        return migrator
    }

    private static func organisation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE units (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                parent_id INTEGER REFERENCES units(id),
                active INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX units_parent ON units(parent_id);
            CREATE TABLE employees (
                id INTEGER PRIMARY KEY,
                nip TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                sex TEXT CHECK (sex IN ('L', 'P')),
                birth_date TEXT,
                employment TEXT NOT NULL DEFAULT 'pns' CHECK (employment IN ('pns', 'pppk')),
                golongan TEXT,
                jabatan TEXT,
                jabatan_kind TEXT,
                unit_id INTEGER REFERENCES units(id),
                supervisor_id INTEGER REFERENCES employees(id),
                email TEXT,
                active INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
            );
            CREATE INDEX employees_unit ON employees(unit_id);
            CREATE INDEX employees_supervisor ON employees(supervisor_id);
            CREATE INDEX employees_name ON employees(name COLLATE NOCASE);
            """)
    }

    /// A trigram index over employee names, so "contains" searches need no table scan.
    private static func employeeNameSearch(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE employees_search USING fts5(name, content='employees', content_rowid='id', tokenize='trigram');
            INSERT INTO employees_search(employees_search) VALUES ('rebuild');
            CREATE TRIGGER employees_search_insert AFTER INSERT ON employees BEGIN
                INSERT INTO employees_search(rowid, name) VALUES (new.id, new.name);
            END;
            CREATE TRIGGER employees_search_delete AFTER DELETE ON employees BEGIN
                INSERT INTO employees_search(employees_search, rowid, name) VALUES ('delete', old.id, old.name);
            END;
            CREATE TRIGGER employees_search_update AFTER UPDATE OF name ON employees BEGIN
                INSERT INTO employees_search(employees_search, rowid, name) VALUES ('delete', old.id, old.name);
                INSERT INTO employees_search(rowid, name) VALUES (new.id, new.name);
            END;
            """)
    }

    private static func accounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                employee_id INTEGER UNIQUE REFERENCES employees(id),
                display_name TEXT NOT NULL,
                password_hash TEXT,
                locale TEXT NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
                active INTEGER NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL,
                password_changed_at INTEGER
            );
            CREATE TABLE user_roles (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('instruktur', 'koordinator', 'admin')),
                PRIMARY KEY (user_id, role)
            ) WITHOUT ROWID;
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                ip TEXT,
                user_agent TEXT
            ) WITHOUT ROWID;
            CREATE INDEX sessions_user ON sessions(user_id);
            CREATE TABLE api_tokens (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL,
                last_used_at INTEGER,
                revoked_at INTEGER
            );
            CREATE INDEX api_tokens_user ON api_tokens(user_id);
            CREATE TABLE login_failures (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL,
                ip TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX login_failures_login ON login_failures(login, at);
            CREATE INDEX login_failures_ip ON login_failures(ip, at);
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor_user_id INTEGER REFERENCES users(id),
                ip TEXT,
                action TEXT NOT NULL,
                subject TEXT,
                detail TEXT
            );
            CREATE INDEX audit_log_at ON audit_log(at);
            """)
    }
}
