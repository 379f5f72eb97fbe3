import AsahCore

/// A refused course file as the coordinator reads it, at the terminal (`asah courses sync`,
/// `asah doctor`) or on a page: `file:line: reason`, the reason in the reader's language.
public enum CourseFileErrorText {
    static func text(_ error: CourseFileError, _ localizer: Localizer) -> String {
        "\(error.file):\(error.line): " + localizer.t(error.key, MessageArguments.render(error.arguments, localizer))
    }

    /// The lines of `errors` in `locale`, for the command line.
    public static func lines(_ errors: [CourseFileError], locale: String = "id") throws -> [String] {
        let localizer = try MessageCatalogue().localizer(locale)
        return errors.map { text($0, localizer) }
    }
}
