import ArgumentParser
import AsahCore
import AsahWeb
import Foundation

/// `asah courses sync`: loads the catalogue files into the database.
struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage the course catalogue.", subcommands: [Sync.self])

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load courses/*.md: new and changed files are loaded, malformed ones reported, removed ones archived.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Folder with the course files.") var folder = "courses"

        func run() throws {
            let report = try CatalogueSync(database: AppDatabase(path: database.db)).sync(folder: folder)
            CatalogueOutput.print(report)
            if !report.errors.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Prints a catalogue sync report: errors as `file:line: reason`, then the counts.
enum CatalogueOutput {
    static func print(_ report: CatalogueSyncReport) {
        for line in (try? CourseFileErrorText.lines(report.errors)) ?? report.errors.map(\.description) {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        Swift.print("Catalogue: \(report.loaded.count) new, \(report.updated.count) updated, "
            + "\(report.unchanged.count) unchanged, \(report.archived.count) archived, \(report.errors.count) refused.")
    }
}
