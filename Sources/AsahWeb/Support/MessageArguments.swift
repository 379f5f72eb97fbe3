import AsahCore

/// Turns the arguments of a ``NotificationContent`` or ``Refusal`` into text for one reader, by the naming
/// rules ``NotificationContent`` states: `…At` a time, `…On` a date, `…Count` a number, `@key` a message.
enum MessageArguments {
    static func render(_ arguments: [String: String], _ localizer: Localizer) -> [String: String] {
        arguments.reduce(into: [:]) { rendered, argument in
            let (name, value) = argument
            if value.hasPrefix("@") {
                rendered[name] = localizer.t(String(value.dropFirst()))
            } else if name.hasSuffix("At"), let seconds = Int64(value) {
                rendered[name] = localizer.dateTime(seconds)
            } else if name.hasSuffix("On") {
                rendered[name] = localizer.isoDate(value)
            } else if name.hasSuffix("Count"), let number = Int(value) {
                rendered[name] = localizer.number(number)
            } else if name.hasSuffix("List") {
                rendered[name] = list(value.split(separator: "\n").map(String.init), localizer)
            } else {
                rendered[name] = value
            }
        }
    }

    /// "A", "A atau B", "A, B, atau C" (in English "or").
    static func list(_ items: [String], _ localizer: Localizer) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let or = localizer.t("list_or")
        return items.dropLast().joined(separator: ", ") + (items.count > 2 ? ", " : " ") + or + " " + items[items.count - 1]
    }

    /// The sentence of `notice` in the reader's language.
    static func text(_ notice: NotificationContent, _ localizer: Localizer) -> String {
        localizer.t(notice.key, render(notice.arguments, localizer))
    }
}
