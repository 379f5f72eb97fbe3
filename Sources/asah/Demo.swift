import ArgumentParser
import AsahCore
import Foundation

/// `asah demo`: a realistic demo kabupaten with one account per role.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a demo database (refuses to touch a non-empty one).")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Password of the demo accounts (a random one is printed when omitted).") var password: String?
    @Option(help: "Seed for the generated data.") var seed: UInt64 = 42
    @Option(help: "How many employees.") var employees = 5000
    @Option(help: "Folder with the course catalogue files.") var courses = "courses"

    func run() throws {
        let appDatabase = try AppDatabase(path: database.db)
        let secret = password ?? SecureToken.generate(byteCount: 9)
        let started = Date()
        if FileManager.default.fileExists(atPath: courses) {
            CatalogueOutput.print(try CatalogueSync(database: appDatabase).sync(folder: courses))
        }
        let accounts = try DemoAccounts.create(in: appDatabase, seed: seed, employeeCount: employees, password: secret)
        print("Demo database \(database.db) ready in \(Int(Date().timeIntervalSince(started) * 1000)) ms.")
        print("Accounts (password: \(secret)):")
        for login in accounts { print("  \(login)") }
    }
}
