import ArgumentParser
import AsahCore
import AsahWeb
import Foundation

/// `asah routes`: the application's route table as JSON (method, pattern, access, kind), for
/// the route fuzzer, which walks every route without a list of its own.
struct Routes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the route table as JSON (for the route fuzzer).")

    @OptionGroup var database: DatabaseOption

    private struct Entry: Encodable {
        let method: String
        let pattern: String
        let access: String
        let kind: String
    }

    func run() throws {
        let app = try AsahApp(database: try AppDatabase(path: database.db), staticRoot: "static")
        let entries = app.routes.map {
            Entry(method: $0.method.description, pattern: $0.pattern, access: "\($0.access)", kind: "\($0.kind)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(entries), as: UTF8.self))
    }
}
