import AsahCore

/// An import problem as the coordinator reads it, on the import page or at the terminal
/// (`asah import`, in Bahasa Indonesia like the files it reads).
public enum ImportIssueText {
    static func text(_ issue: ImportIssue, _ localizer: Localizer) -> String {
        localizer.t(issue.key, MessageArguments.render(issue.arguments, localizer))
    }

    /// The sentences of `issues` in `locale`, for the command line.
    public static func lines(_ issues: [ImportIssue], locale: String = "id") throws -> [String] {
        let localizer = try MessageCatalogue().localizer(locale)
        return issues.map { text($0, localizer) }
    }
}
