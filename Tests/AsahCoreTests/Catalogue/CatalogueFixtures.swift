import Foundation
@testable import AsahCore

/// Temporary catalogue folders and databases, and small course files, for the catalogue tests.
enum CatalogueFixtures {
    /// The shipped `courses/` folder of the repository.
    static let shippedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("courses").path

    /// A temporary folder for course files and a migrated database beside it, both removed
    /// after `body`.
    static func withCatalogue<T>(_ body: (_ folder: String, _ database: AppDatabase) throws -> T) throws -> T {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("asah-cat-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/courses"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = try AppDatabase(path: root + "/asah.sqlite")
        defer { try? database.close() }
        return try body(folder, database)
    }

    /// A valid course file; `extra` holds more front matter lines (each ending in a newline).
    /// Lines: 1 `---`, 2 code, 3 title, 4 id, 5 en, 6 kind, 7 jp, then `extra`.
    static func course(_ code: String, title: String = "Kursus Uji", kind: String = "workshop", jp: Int = 8,
                       extra: String = "", body: String = "## Deskripsi\n\nKursus untuk pengujian.\n") -> String {
        "---\ncode: \(code)\ntitle:\n  id: \(title)\n  en: Test course\nkind: \(kind)\njp: \(jp)\n\(extra)---\n\n\(body)"
    }

    /// Writes `text` to `folder/name`.
    static func write(_ text: String, to name: String, in folder: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    /// Every course row, archived or not, by code.
    static func courses(_ database: AppDatabase) throws -> [String: Course] {
        try database.pool.read { db throws in
            Dictionary(uniqueKeysWithValues: try Course.fetchAll(db).map { ($0.code, $0) })
        }
    }
}
