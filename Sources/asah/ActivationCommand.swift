import ArgumentParser
import AsahCore
import AsahWeb
import Foundation

/// `asah user activation-codes`: the same as the admin's activation page from the server's
/// shell: accounts for a unit's employees (or everyone's) and a CSV of their new activation
/// codes for a mail merge. The file holds live codes: keep it like a password list.
extension UserCommand {
    struct ActivationCodes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activation-codes",
            abstract: "Issue activation codes for accounts never activated (optionally creating them) and write them as CSV.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Unit code (its sub-units included); every unit when omitted.") var unit: String?
        @Flag(help: "First create accounts (login = NIP) for active employees who have none.") var createAccounts = false
        @Option(help: "The CSV file to write (created with mode 600).") var out: String
        @Option(help: "The address employees open, printed in the file.") var address = "https://asah.example.go.id/activate"

        func run() throws {
            let db = try AppDatabase(path: database.db)
            var unitId: Int64?
            if let unit {
                guard let found = try People(database: db).unitTree().first(where: { $0.code.caseInsensitiveCompare(unit) == .orderedSame })
                else { throw ValidationError("no unit with code \(unit)") }
                unitId = found.id
            }
            let activation = AccountActivation(database: db)
            if createAccounts { print("\(try activation.createAccounts(unitId: unitId, actor: nil, ip: "cli")) accounts created.") }
            let issued = try activation.issue(unitId: unitId, actor: nil, ip: "cli")
            let csv = try db.withLocalZone { try ActivationMailMerge.csv(issued, address: address, date: Tokens.day) }
            guard FileManager.default.createFile(atPath: out, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(out)")
            }
            print("\(issued.count) activation codes written to \(out); earlier codes of these accounts no longer work.")
        }
    }
}
