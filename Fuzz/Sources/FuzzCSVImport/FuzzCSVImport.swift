import FuzzDriver
import AsahCore
import Foundation

/// The CSV importers (units, employees, appraisals) on a migrated database, as dry runs: any
/// text must give a report, never trap or leave the database changed.
@main
enum FuzzCSVImport {
    static func main() { FuzzDriver.run { data, size in fuzzCSVImport(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? UnitImport(database: FuzzDatabase.shared).run(csv: text, dryRun: true)
    _ = try? EmployeeImport(database: FuzzDatabase.shared).run(csv: text, dryRun: true)
    _ = try? AppraisalImport(database: FuzzDatabase.shared).run(csv: text, dryRun: true)
    return 0
}

/// One migrated database in a temporary folder, shared by every input.
enum FuzzDatabase {
    static let shared: AppDatabase = {
        let path = NSTemporaryDirectory() + "asah-fuzz-\(getpid()).sqlite"
        return try! AppDatabase(path: path)
    }()
}
