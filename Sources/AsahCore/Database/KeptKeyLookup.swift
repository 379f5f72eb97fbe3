import GRDB

extension FetchableRecord where Self: TableRecord {
    /// The record whose single-column primary key is `key`, read through a statement kept on
    /// the connection. GRDB's `fetchOne(_:key:)` builds and prepares its SQL on every call,
    /// which a profile of the busiest pages showed among their largest costs.
    static func fetchOne(_ db: Database, keptKey key: Int64) throws -> Self? {
        let primaryKey = try db.primaryKey(databaseTableName)
        guard primaryKey.columns.count == 1 else { return try fetchOne(db, key: key) }
        let sql = "SELECT * FROM \(databaseTableName.quotedDatabaseIdentifier) WHERE \(primaryKey.columns[0].quotedDatabaseIdentifier) = ?"
        return try fetchOne(db.cachedStatement(sql: sql), arguments: [key])
    }
}
