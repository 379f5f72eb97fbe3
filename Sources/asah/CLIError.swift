/// A failure reported to the person at the terminal as one sentence (no usage text).
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
