import ArgumentParser

/// The `--db` option shared by every command.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "Path of the SQLite database file.")
    var db = "data/asah.sqlite"
}
