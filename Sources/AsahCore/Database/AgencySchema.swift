import GRDB

/// The agency that runs Asah, as its printed papers name it: one row (id 1), absent until an
/// administrator saves the settings. Written out in full: a migration never calls domain code.
enum AgencySchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agency_settings (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                region_name TEXT NOT NULL DEFAULT '',
                agency_name TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                signing_place TEXT NOT NULL DEFAULT '',
                logo_file TEXT,
                official_name TEXT,
                official_nip TEXT,
                official_jabatan TEXT,
                public_url TEXT,
                updated_at INTEGER NOT NULL,
                updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
            );
            """)
    }
}
