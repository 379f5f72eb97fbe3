import GRDB

/// A unit merged into another keeps its row (old runs' quotas, training records and reports
/// still name it) and points at the unit that answers for it now. Written out in full: a
/// migration never calls domain code.
enum UnitMergeSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE units ADD COLUMN merged_into_id INTEGER REFERENCES units(id);
            ALTER TABLE units ADD COLUMN merged_at INTEGER;
            """)
    }
}
