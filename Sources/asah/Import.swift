import ArgumentParser
import AsahCore
import AsahWeb
import Foundation

/// `asah import employees|units|appraisals|satisfaction FILE`: CSV imports with a per-row report, all or nothing.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import organisation data from CSV.", subcommands: [Employees.self, Units.self, Appraisals.self, Satisfaction.self])

    struct Employees: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import employees (columns: nip,nama,golongan,jabatan,jenis_jabatan,unit,nip_atasan,email).")
        @OptionGroup var options: ImportOptions
        @Flag(help: "Create an account (login = NIP, no password) for each new active employee; then issue codes with `asah user activation-codes`.")
        var createAccounts = false

        func run() throws {
            let text = try options.read()
            let report = try EmployeeImport(database: AppDatabase(path: options.database.db))
                .run(csv: text, skipBadRows: options.skipBadRows, dryRun: options.dryRun, createAccounts: createAccounts,
                     progress: ProgressBar.callback())
            try ImportOutput.print(report, dryRun: options.dryRun)
            if report.accountsCreated > 0 {
                print("\(report.accountsCreated) akun dibuat; buat kode aktivasinya dengan `asah user activation-codes`.")
            }
        }
    }

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import units (columns: kode,nama,jenis,kode_induk).")
        @OptionGroup var options: ImportOptions

        func run() throws {
            let text = try options.read()
            let report = try UnitImport(database: AppDatabase(path: options.database.db))
                .run(csv: text, skipBadRows: options.skipBadRows, dryRun: options.dryRun)
            try ImportOutput.print(report, dryRun: options.dryRun)
        }
    }
}

extension Import {
    struct Appraisals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import appraisals (columns: nip,tahun,periode,hasil_kerja,perilaku_kerja,predikat,nilai,nip_penilai).")
        @OptionGroup var options: ImportOptions

        func run() throws {
            let text = try options.read()
            let report = try AppraisalImport(database: AppDatabase(path: options.database.db))
                .run(csv: text, skipBadRows: options.skipBadRows, dryRun: options.dryRun, progress: ProgressBar.callback())
            try ImportOutput.print(report, dryRun: options.dryRun)
        }
    }
}

extension Import {
    struct Satisfaction: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import units' public satisfaction survey (SKM) results (columns: kode_unit,periode,ikm,responden).")
        @OptionGroup var options: ImportOptions

        func run() throws {
            let report = try SatisfactionImport(database: AppDatabase(path: options.database.db))
                .run(csv: try options.read(), skipBadRows: options.skipBadRows, dryRun: options.dryRun)
            try ImportOutput.print(report, dryRun: options.dryRun)
        }
    }
}

/// Options every import shares.
struct ImportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption
    @Argument(help: "The CSV file (UTF-8, header row first).") var file: String
    @Flag(help: "Apply the good rows even when some rows have errors.") var skipBadRows = false
    @Flag(help: "Check the file and report, without changing anything.") var dryRun = false

    func read() throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(file) is not UTF-8 text") }
        return text
    }
}

/// Prints an import report and fails the command when nothing was applied because of errors.
enum ImportOutput {
    static func print(_ report: ImportReport, dryRun: Bool) throws {
        for (issue, text) in zip(report.issues, try ImportIssueText.lines(report.issues)) {
            Swift.print("baris \(issue.line)\(issue.column.map { ", kolom \($0)" } ?? ""): "
                + "\(issue.severity == .error ? "GALAT" : "peringatan"): \(text)")
        }
        let counts = "\(report.inserted) baru, \(report.updated) diperbarui, \(report.skipped) dilewati"
        if dryRun {
            Swift.print("Uji coba: \(counts); tidak ada yang disimpan.")
        } else if report.applied {
            Swift.print("Disimpan: \(counts).")
        } else {
            throw CLIError("Tidak ada yang disimpan karena ada galat. Perbaiki berkas atau pakai --skip-bad-rows.")
        }
    }
}

/// A progress bar on a terminal; nothing when output goes to a file or pipe.
enum ProgressBar {
    static func callback() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { done, total in
            guard total > 0 else { return }
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
