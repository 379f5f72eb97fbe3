import GRDB

/// The installation's time zone in the agency settings, as an IANA name of one of Indonesia's
/// three zones; WIB (Asia/Jakarta), Asah's only zone before, for a row saved earlier.
enum TimeZoneSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE agency_settings ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta'
                CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));
            """)
    }
}
