import ArgumentParser

/// `asah`: the command line of the Asah training platform.
@main
struct Asah: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Asah: Program Pembinaan ASN — coaching, training and evaluation for regional government.",
        subcommands: [Serve.self, Migrate.self, Import.self, Courses.self, UserCommand.self, AgencyCommand.self, Backup.self, Restore.self, Doctor.self,
                      Demo.self,
                      ForumCommand.self, Routes.self],
        defaultSubcommand: Serve.self)
}
