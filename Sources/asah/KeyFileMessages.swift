import AsahCore

/// The pseudonym key problems as the administrator at the terminal reads them.
extension KeyFileProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missing(let path, let sealed?):
            """
            The pseudonym key file \(path) is missing, but the database holds \(sealed) pseudonym records sealed with it. \
            Restore the key file from where you keep it apart from the backups (owner read/write only, 64 bytes) and start \
            again. Asah does not make a new key for such a database: pseudonymous authors would lose their pseudonyms, \
            edits, appeals and notices.
            """
        case .missing(let path, nil):
            "The pseudonym key file \(path) is missing. Run `asah migrate` (or start the server) once to create it."
        case .unreadable(let path, let reason):
            "The pseudonym key file \(path) cannot be used: \(reason). Give the account running Asah read access (chown/chmod 600)."
        case .damaged(let path, let bytes):
            "The pseudonym key file \(path) is damaged: it holds \(bytes) bytes instead of 64. Restore it from your key copy."
        }
    }
}

/// The key check `migrate` and `serve` run before anything else touches the forums.
enum KeyFileStep {
    /// Checks or makes the key of `database`, telling the administrator when one was made.
    static func prepare(_ database: AppDatabase) throws {
        if try PseudonymKey.prepare(for: database) == .created {
            print("Created the pseudonym key \(PseudonymKey.path(forDatabaseAt: database.path)): keep a copy apart from the backups.")
        }
    }
}

/// A database from a newer release, as the administrator at the terminal reads it.
extension AppDatabase.NewerSchema: CustomStringConvertible {
    public var description: String {
        "\(path) was migrated by a newer release of Asah (\(unknownMigrations.joined(separator: ", "))). This release does not "
            + "open it, so nothing it does not know can be lost: install that release or a later one, or restore a backup made "
            + "by this release."
    }
}
