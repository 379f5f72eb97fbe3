import ArgumentParser
import AsahCore
import AsahDemo
import Foundation

/// `asah demo`: a realistic demo kabupaten with one account per role.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a demo database (refuses to touch a non-empty one).")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Password of the demo accounts (a random one is printed when omitted).") var password: String?
    @Option(help: "Seed for the generated data.") var seed: UInt64 = 42
    @Option(help: """
        kabupaten (about 5,000 employees in 36 units) or province (100,000 employees in 612 units, 5,000 runs, \
        200,000 enrolments, 50,000 forum threads with 1,000,000 posts).
        """)
    var scale = DemoScale.kabupaten
    @Option(help: "How many employees (default: as the scale says).") var employees: Int?
    @Option(help: "Folder with the course catalogue files.") var courses = "courses"

    func run() throws {
        let appDatabase = try AppDatabase(path: database.db)
        let secret = password ?? SecureToken.generate(byteCount: 9)
        let started = Date()
        if FileManager.default.fileExists(atPath: courses) {
            CatalogueOutput.print(try CatalogueSync(database: appDatabase).sync(folder: courses))
        }
        let accounts = try DemoAccounts.create(in: appDatabase, seed: seed, employeeCount: employees ?? scale.employees,
                                               password: secret, regions: scale.regions)
        step("Organisation, accounts and demo workshops", since: started)
        try appDatabase.withLocalZone { try history(appDatabase) }
        print("Demo database \(database.db) ready in \(Int(Date().timeIntervalSince(started) * 1000)) ms.")
        print("Accounts (password: \(secret)):")
        for login in accounts { print("  \(login)") }
    }

    /// The bulk history a larger scale asks for, in the demo's zone.
    private func history(_ appDatabase: AppDatabase) throws {
        if scale.bulkRuns > 0 {
            let bulk = Date()
            let runs = try WorkshopVolume.generate(in: appDatabase, runs: scale.bulkRuns, enrolments: scale.bulkEnrolments, seed: seed)
            step("Workshop history: \(runs)", since: bulk)
            let evaluation = Date()
            step("Evaluation: \(try EvaluationVolume.generate(in: appDatabase, seed: seed))", since: evaluation)
        }
        if scale.bulkThreads > 0 {
            let bulk = Date()
            let forums = try ForumVolume.generate(in: appDatabase, threads: scale.bulkThreads, posts: scale.bulkPosts, seed: seed)
            step("Forums: \(forums)", since: bulk)
        }
    }

    /// Progress on the terminal: a province takes minutes.
    private func step(_ what: String, since start: Date) {
        print("\(what) (\(Int(Date().timeIntervalSince(start) * 1000)) ms)")
        fflush(nil)
    }
}
