import GRDB

/// Attendance marks say why someone was absent, as the daftar hadir does: hadir, izin (with
/// leave), sakit (ill) or alpa (without word). `present` stays, equal to `status = 'hadir'`,
/// so the completion rule reads what it read before. Earlier marks become hadir or alpa.
enum AttendanceStatusSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE attendance ADD COLUMN status TEXT CHECK (status IN ('hadir', 'izin', 'sakit', 'alpa'));
            UPDATE attendance SET status = CASE WHEN present THEN 'hadir' ELSE 'alpa' END;
            """)
    }
}
