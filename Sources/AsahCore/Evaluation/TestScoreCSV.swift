/// Reads test scores from CSV for ``TestScores/record(runId:entries:maximum:actor:imported:now:)``:
/// columns `nip` (required), `pre` and `post` (either or both; blank cells leave a score
/// unchanged; `Pre-test`/`Post-test`, as the score template names them for people, are read
/// too; other columns such as the name are ignored). Delimiters and headers are read as in the
/// organisation imports.
public enum TestScoreCSV {
    static let aliases = ["pre-test": "pre", "pre_test": "pre", "post-test": "post", "post_test": "post"]

    /// The entries, or the problems (line by line) when any row is wrong.
    public static func read(_ text: String) -> Result<[TestScores.Entry], EvaluationProblem> {
        var report = ImportReport()
        guard let table = CSVTable(text, required: ["nip"], optional: ["pre", "post"], aliases: aliases, report: &report) else {
            return .failure(.invalidScores(report.issues.map { issue in
                issue.column.map { Refusal(.invalid, "problem_evaluation_csv_column", ["line": String(issue.line), "column": $0]) }
                    ?? Refusal(.invalid, "problem_evaluation_csv_file", ["line": String(issue.line)])
            }))
        }
        var entries: [TestScores.Entry] = [], problems: [Refusal] = []
        for record in table.records {
            let nip = FieldRules.nip(table.value("nip", in: record) ?? "")
            func score(_ column: String) -> Double?? {
                let text = (table.value(column, in: record) ?? "").replacingOccurrences(of: ",", with: ".")
                if text.isEmpty { return .some(nil) }
                return Double(text).map { .some($0) } ?? nil
            }
            guard !nip.isEmpty, let pre = score("pre"), let post = score("post") else {
                problems.append(Refusal(.invalid, "problem_evaluation_csv_row", ["line": String(record.line)]))
                continue
            }
            entries.append(.init(nip: nip, pre: pre, post: post))
        }
        return problems.isEmpty ? .success(entries) : .failure(.invalidScores(problems))
    }
}
