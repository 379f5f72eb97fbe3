import AsahCore
import Foundation
import HTTPServer

/// CSV imports of employees, units, appraisal records and units' public satisfaction survey
/// (SKM) results for coordinators: an upload page with
/// a per-row report, and the same through the API (`text/csv` body).
struct ImportFeature: Feature {
    enum Kind: String, CaseIterable {
        case employees, units, appraisals, satisfaction
    }

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/people/import", .signedIn(.importOrganisation)) { context in
                let kind = try context.query().choice("kind", Kind.self) ?? .employees
                return context.page("import", title: context.localizer.t("import_title"),
                                    ["employeesKind": kind == .employees, "unitsKind": kind == .units,
                                     "appraisalsKind": kind == .appraisals, "satisfactionKind": kind == .satisfaction])
            },
            RouteSpec(.post, "/people/import", .signedIn(.importOrganisation), upload),
            RouteSpec(.post, "/api/v1/imports/:kind", .signedIn(.importOrganisation), api),
        ]
    }

    private func run(_ kind: Kind, csv: String, skipBadRows: Bool, dryRun: Bool, createAccounts: Bool = false,
                     context: Context) throws -> ImportReport {
        let database = context.services.database
        let report = switch kind {
        case .employees: try EmployeeImport(database: database).run(csv: csv, skipBadRows: skipBadRows, dryRun: dryRun,
                                                                    createAccounts: createAccounts)
        case .units: try UnitImport(database: database).run(csv: csv, skipBadRows: skipBadRows, dryRun: dryRun)
        case .appraisals: try AppraisalImport(database: database).run(csv: csv, skipBadRows: skipBadRows, dryRun: dryRun)
        case .satisfaction: try SatisfactionImport(database: database).run(csv: csv, skipBadRows: skipBadRows, dryRun: dryRun)
        }
        if report.applied && !dryRun {
            try AuditLog.record("import.\(kind.rawValue)", actor: context.user.userId, ip: context.ip,
                                detail: "baru \(report.inserted), diperbarui \(report.updated), dilewati \(report.skipped)",
                                in: database)
        }
        return report
    }

    private func upload(_ context: Context) throws -> Response {
        let form = try context.form()
        let kind = Kind(rawValue: form["kind"] ?? "") ?? .employees
        let skip = form["skip_bad_rows"] != nil
        let dryRun = form["dry_run"] != nil
        let createAccounts = kind == .employees && form["create_accounts"] != nil
        var data: [String: Any] = ["employeesKind": kind == .employees, "unitsKind": kind == .units,
                                   "appraisalsKind": kind == .appraisals, "satisfactionKind": kind == .satisfaction,
                                   "skip": skip, "dryRun": dryRun, "createAccounts": createAccounts]
        guard let file = context.request.files.first(where: { $0.field == "file" }), file.size > 0 else {
            data["error"] = context.localizer.t("import_no_file")
            return context.page("import", title: context.localizer.t("import_title"), data, status: 422)
        }
        guard let csv = try? String(contentsOfFile: file.temporaryPath, encoding: .utf8) else {
            data["error"] = context.localizer.t("import_not_utf8")
            return context.page("import", title: context.localizer.t("import_title"), data, status: 422)
        }
        let report = try run(kind, csv: csv, skipBadRows: skip, dryRun: dryRun, createAccounts: createAccounts, context: context)
        if report.accountsCreated > 0 {
            data["accountsCreated"] = context.localizer.count("import_accounts_created", report.accountsCreated)
            // Activation codes are printed by administrators; a coordinator is told whom to ask.
            data["mayPrintCodes"] = Policy.allows(context.user, .manageAccounts)
        }
        data["filename"] = file.clientFilename
        data["summary"] = summary(report, dryRun: dryRun, skipBadRows: skip, context.localizer)
        data["ok"] = report.applied || (dryRun && (!report.hasErrors || skip))
        data["issues"] = report.issues.map { issue in
            ["line": issue.line, "column": issue.column ?? "", "message": ImportIssueText.text(issue, context.localizer),
             "isError": issue.severity == .error,
             "severity": context.localizer.t(issue.severity == .error ? "import_error" : "import_warning")] as [String: Any]
        }
        data["hasIssues"] = !report.issues.isEmpty
        return context.page("import", title: context.localizer.t("import_title"), data,
                            status: report.hasErrors && !report.applied ? 422 : 200)
    }

    /// What happened, or in a dry run what a real import with the same choices would do.
    private func summary(_ report: ImportReport, dryRun: Bool, skipBadRows: Bool, _ localizer: Localizer) -> String {
        let counts = ["inserted": String(report.inserted), "updated": String(report.updated),
                      "skipped": String(report.skipped),
                      "errors": String(report.issues.filter { $0.severity == .error }.count)]
        if dryRun {
            return localizer.t(report.hasErrors && !skipBadRows ? "import_dry_run_blocked" : "import_dry_run_done", counts)
        }
        return localizer.t(report.hasErrors && !report.applied ? "import_not_applied" : "import_applied", counts)
    }

    private struct ReportJSON: Encodable {
        let applied: Bool
        let dry_run: Bool
        let inserted: Int
        let updated: Int
        let skipped: Int
        let accounts_created: Int
        let issues: [Issue]

        struct Issue: Encodable {
            let line: Int
            let column: String?
            let severity: String
            let message: String
        }
    }

    private func api(_ context: Context) throws -> Response {
        guard let kind = Kind(rawValue: context.request.parameters["kind"] ?? "") else { return context.notFound() }
        guard context.request.headers["Content-Type"]?.lowercased().hasPrefix("text/csv") == true else {
            return APIError.response(status: 415, code: "unsupported_media_type", message: "Content-Type: text/csv")
        }
        guard let csv = String(validating: context.request.body, as: UTF8.self) else {
            return APIError.response(status: 400, code: "bad_request", message: context.localizer.t("import_not_utf8"))
        }
        let query = try context.query()
        let dryRun = try query.flag("dry_run")
        let report = try run(kind, csv: csv, skipBadRows: try query.flag("skip_bad_rows"), dryRun: dryRun,
                             createAccounts: kind == .employees && (try query.flag("create_accounts")), context: context)
        let body = ReportJSON(applied: report.applied, dry_run: dryRun, inserted: report.inserted, updated: report.updated,
                              skipped: report.skipped, accounts_created: report.accountsCreated, issues: report.issues.map {
            .init(line: $0.line, column: $0.column, severity: $0.severity == .error ? "error" : "warning",
                  message: ImportIssueText.text($0, context.localizer))
        })
        return .json(body, status: report.hasErrors && !report.applied ? 422 : 200)
    }
}
