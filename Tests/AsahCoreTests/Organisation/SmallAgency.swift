@testable import AsahCore
import Foundation
import Testing

/// A fresh database with a small agency's units: Dinas Kesehatan (DINKES) with its Puskesmas
/// Kota (PKM1), and the Badan Kepegawaian (BKPSDM).
enum SmallAgency {
    static func database(_ name: String) throws -> AppDatabase {
        let db = try AppDatabase(path: NSTemporaryDirectory() + "asah-\(name)-" + UUID().uuidString + "/asah.sqlite")
        let units = try UnitImport(database: db).run(csv: """
            kode,nama,jenis,kode_induk
            DINKES,Dinas Kesehatan,dinas,
            PKM1,Puskesmas Kota,puskesmas,DINKES
            BKPSDM,Badan Kepegawaian,badan,
            """)
        #expect(units.applied)
        return db
    }
}
