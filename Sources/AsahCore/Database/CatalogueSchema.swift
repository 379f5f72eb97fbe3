import GRDB

/// Tables of the course catalogue (loaded from the files in `courses/`).
enum CatalogueSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE courses (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE COLLATE NOCASE,
                title_id TEXT NOT NULL,
                title_en TEXT NOT NULL,
                form TEXT NOT NULL CHECK (form IN ('klasikal', 'nonklasikal')),
                kind TEXT NOT NULL,
                jp INTEGER NOT NULL CHECK (jp > 0),
                competencies TEXT NOT NULL DEFAULT '[]',
                audience TEXT NOT NULL DEFAULT '{}',
                prerequisites TEXT NOT NULL DEFAULT '[]',
                has_test INTEGER NOT NULL DEFAULT 0,
                has_project INTEGER NOT NULL DEFAULT 0,
                min_attendance_percent INTEGER NOT NULL DEFAULT 80,
                summary TEXT NOT NULL DEFAULT '',
                body_html TEXT NOT NULL DEFAULT '',
                metadata TEXT NOT NULL DEFAULT '{}',
                source_file TEXT NOT NULL,
                source_hash TEXT NOT NULL,
                archived INTEGER NOT NULL DEFAULT 0,
                synced_at INTEGER NOT NULL
            );
            CREATE INDEX courses_archived ON courses(archived, title_id);
            """)
    }
}
