import Foundation
import GRDB
@testable import AsahCore

/// Temporary databases and small organisations for the organisation tests.
enum OrganisationFixtures {
    /// Runs `body` with a new migrated database in its own temporary folder, removed afterwards.
    static func withDatabase<T>(_ body: (AppDatabase) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("asah-org-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try AppDatabase(path: folder + "/asah.sqlite")
        defer { try? database.close() }
        return try body(database)
    }

    /// Inserts units and returns their ids by code. Each entry: code, name, kind, parent code.
    @discardableResult
    static func insertUnits(_ units: [(String, String, UnitKind, String?)], into database: AppDatabase) throws -> [String: Int64] {
        try database.pool.write { db in
            var ids: [String: Int64] = [:]
            for (code, name, kind, parent) in units {
                var unit = AsahCore.Unit(code: code, name: name, kind: kind, parentId: parent.flatMap { ids[$0] })
                try unit.insert(db)
                ids[code] = unit.id
            }
            return ids
        }
    }

    /// The units most import tests use.
    static let standardUnits: [(String, String, UnitKind, String?)] = [
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", .badan, nil),
        ("BKPSDM.PKA", "Bidang Pengembangan Kompetensi Aparatur", .bidang, "BKPSDM"),
        ("KOMINFO", "Dinas Komunikasi dan Informatika", .dinas, nil),
    ]

    static func employeeCount(_ database: AppDatabase) throws -> Int {
        try database.pool.read { try Employee.fetchCount($0) }
    }

    static func employee(_ nip: String, in database: AppDatabase) throws -> Employee? {
        try database.pool.read { try EmployeeDirectory.employee(nip: nip, in: $0) }
    }
}
