import AsahCore

/// Turns the arguments of a ``NotificationContent`` or ``Refusal`` into text for one reader, by the naming
/// rules ``NotificationContent`` states: `…At` a time (with its zone, "14.05 WITA"), `…On` a date, `…Count` a number, `@key` a message
/// (worded with the other arguments).
enum MessageArguments {
    static func render(_ arguments: [String: String], _ localizer: Localizer) -> [String: String] {
        let plain = arguments.filter { !$0.value.hasPrefix("@") }.reduce(into: [String: String]()) { rendered, argument in
            let (name, value) = argument
            if name.hasSuffix("At"), let seconds = Int64(value) {
                rendered[name] = localizer.moment(seconds)
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
        // A message named by an argument is worded with the other, plain, arguments.
        return arguments.filter { $0.value.hasPrefix("@") }.reduce(into: plain) { rendered, argument in
            rendered[argument.key] = localizer.t(String(argument.value.dropFirst()), plain)
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
