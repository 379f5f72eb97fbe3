/// The outcome of a CSV import: what was (or, when not applied, would be) written, and
/// every problem found, row by row.
public struct ImportReport: Sendable {
    /// Problems in file order; `line` 1 is the header row.
    public internal(set) var issues: [ImportIssue] = []
    /// Rows that create a new record.
    public internal(set) var inserted = 0
    /// Rows that change an existing record.
    public internal(set) var updated = 0
    /// Rows identical to the existing record (re-importing a file changes nothing).
    public internal(set) var unchanged = 0
    /// Rows with an error, left out.
    public internal(set) var skipped = 0
    /// Accounts made for new employees (when asked), awaiting their activation codes.
    public internal(set) var accountsCreated = 0
    /// Whether the changes were written. `false` after a dry run, or when errors were found
    /// and `skipBadRows` was not set; the counts then say what the import would do.
    public internal(set) var applied = false

    /// Whether any issue is an error.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    mutating func error(line: Int, column: String?, _ key: String, _ arguments: [String: String] = [:]) {
        issues.append(ImportIssue(line: line, column: column, severity: .error, key: key, arguments: arguments))
    }

    mutating func warning(line: Int, column: String?, _ key: String, _ arguments: [String: String] = [:]) {
        issues.append(ImportIssue(line: line, column: column, severity: .warning, key: key, arguments: arguments))
    }

    /// Orders issues by line, keeping the order they were found in within a line.
    mutating func sortIssues() {
        issues = issues.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }
}

/// One problem in an import file, as a message key and its arguments (see
/// ``NotificationContent`` for the argument rules) that the web layer and the command line
/// turn into a sentence.
public struct ImportIssue: Sendable, Hashable {
    /// The row number as a spreadsheet shows it: the header is line 1, the first data row 2.
    public let line: Int
    /// The column concerned (as named in the header), `nil` for a problem with the whole row.
    public let column: String?
    /// An error skips the row (or stops the import); a warning only informs.
    public let severity: Severity
    /// What is wrong: the message catalogue key, e.g. `import_email_invalid`.
    public let key: String
    public let arguments: [String: String]
}
