@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("Backups of a whole installation, and restoring them")
struct InstallationBackupTests {
    /// An installation with one employee and two external trainings: one with its evidence
    /// file in the data folder, one whose file was already lost.
    private func installation() throws -> (database: AppDatabase, folder: String) {
        let folder = NSTemporaryDirectory() + "asah-backup-" + UUID().uuidString
        let database = try AppDatabase(path: folder + "/data/asah.sqlite")
        _ = try UnitImport(database: database).run(csv: "kode,nama,jenis\nDINKES,Dinas Kesehatan,dinas\n")
        _ = try EmployeeImport(database: database).run(csv: "nip,nama,unit\n198710092015031001,Abdul Rahman,DINKES\n")
        try FileManager.default.createDirectory(atPath: folder + "/data/evidence", withIntermediateDirectories: true)
        try Data("sertifikat pelatihan".utf8).write(to: URL(fileURLWithPath: folder + "/data/evidence/bukti.pdf"))
        try database.pool.write { db in
            for (title, file) in [("Pelatihan arsip", "bukti.pdf"), ("Seminar layanan", "hilang.pdf")] {
                try db.execute(sql: """
                    INSERT INTO training_hours (employee_id, year, jp, source, title, evidence_path, status, created_at)
                    SELECT id, 2026, 8, 'external', ?, ?, 'pending', 1 FROM employees
                    """, arguments: [title, file])
            }
        }
        return (database, folder)
    }

    @Test("a backup holds the database, the files it refers to and a manifest; a restore puts them back and checks them")
    func roundTrip() throws {
        let (database, folder) = try installation()
        let manifest = try InstallationBackup.write(database, to: folder + "/cadangan", includeKey: false).get()
        #expect(manifest.files.map(\.name) == ["bukti.pdf"])
        #expect(manifest.missingAtSource == ["evidence/hilang.pdf"], "a file lost before the backup is named, not fatal")
        #expect(!manifest.includesKey && !FileManager.default.fileExists(atPath: folder + "/cadangan/asah.sqlite.forum-key"))
        #expect(manifest.schema == Migrations.migrator(databasePath: database.path).migrations.last)
        #expect(try InstallationBackup.write(database, to: folder + "/cadangan", includeKey: false) == .failure(.destinationExists(folder + "/cadangan")))

        let restored = folder + "/baru/asah.sqlite"
        #expect(try InstallationBackup.restore(folder + "/cadangan", to: restored).get() == manifest)
        #expect(FileManager.default.contents(atPath: folder + "/baru/evidence/bukti.pdf") == Data("sertifikat pelatihan".utf8))
        let titles = try AppDatabase(path: restored).pool.read { try String.fetchAll($0, sql: "SELECT title FROM training_hours ORDER BY id") }
        #expect(titles == ["Pelatihan arsip", "Seminar layanan"])
        #expect(try InstallationBackup.restore(folder + "/cadangan", to: restored) == .failure(.destinationExists(restored)),
                "a restore never overwrites")
    }

    @Test("a changed or missing file, or a folder without a manifest, is refused before anything is written")
    func damaged() throws {
        let (database, folder) = try installation()
        _ = try InstallationBackup.write(database, to: folder + "/cadangan", includeKey: false).get()
        try Data("diubah".utf8).write(to: URL(fileURLWithPath: folder + "/cadangan/evidence/bukti.pdf"))
        #expect(try InstallationBackup.verify(folder + "/cadangan") == .failure(.changedFile("evidence/bukti.pdf")))
        #expect(try InstallationBackup.restore(folder + "/cadangan", to: folder + "/baru/asah.sqlite")
                == .failure(.changedFile("evidence/bukti.pdf")))
        #expect(!FileManager.default.fileExists(atPath: folder + "/baru/asah.sqlite"))
        try FileManager.default.removeItem(atPath: folder + "/cadangan/evidence/bukti.pdf")
        #expect(try InstallationBackup.verify(folder + "/cadangan") == .failure(.missingFile("evidence/bukti.pdf")))
        let manifest = folder + "/cadangan/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"bukti.pdf\"", with: "\"..\\/..\\/asah.sqlite\"").write(toFile: manifest, atomically: true, encoding: .utf8)
        #expect(try InstallationBackup.verify(folder + "/cadangan") == .failure(.notABackup("evidence/../../asah.sqlite")),
                "a manifest cannot name a file outside the upload folders")
        try FileManager.default.removeItem(atPath: folder + "/cadangan/manifest.json")
        #expect(try InstallationBackup.verify(folder + "/cadangan") == .failure(.notABackup(folder + "/cadangan")))
    }

    @Test("the pseudonym key travels only when asked, and a restore can take it from where it is kept apart")
    func key() throws {
        let (database, folder) = try installation()
        let key = try #require(FileManager.default.contents(atPath: PseudonymKey.path(forDatabaseAt: database.path)))
        let manifest = try InstallationBackup.write(database, to: folder + "/dengan-kunci", includeKey: true).get()
        #expect(manifest.includesKey)
        _ = try InstallationBackup.restore(folder + "/dengan-kunci", to: folder + "/a/asah.sqlite").get()
        #expect(FileManager.default.contents(atPath: folder + "/a/asah.sqlite.forum-key") == key)
        _ = try InstallationBackup.write(database, to: folder + "/tanpa-kunci", includeKey: false).get()
        #expect(try InstallationBackup.restore(folder + "/tanpa-kunci", to: folder + "/b/asah.sqlite", keyFile: folder + "/tidak-ada")
                == .failure(.keyMissing(folder + "/tidak-ada")))
        _ = try InstallationBackup.restore(folder + "/tanpa-kunci", to: folder + "/c/asah.sqlite",
                                          keyFile: PseudonymKey.path(forDatabaseAt: database.path)).get()
        #expect(FileManager.default.contents(atPath: folder + "/c/asah.sqlite.forum-key") == key)
    }

    @Test("a database from a newer release is refused, naming what this release does not know")
    func newerSchema() throws {
        let (database, _) = try installation()
        try database.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect(throws: AppDatabase.NewerSchema(path: database.path, unknownMigrations: ["v99-from-the-future"])) {
            try AppDatabase(path: database.path)
        }
    }
}
