import AsahCore

/// A directory settings file that cannot be used, as the administrator at the terminal reads it.
extension DirectorySettings.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "The directory settings file \(path) cannot be read: \(reason)."
        case .readableByOthers(let path, let mode):
            """
            The directory settings file \(path) (mode \(mode)) may be read by other accounts, and it holds the search \
            account's password: `chmod 600 \(path)` and give it to the account running Asah.
            """
        case .invalid(let path, let field):
            "The directory settings file \(path) has an unusable \"\(field)\": see the README's section on directory sign-in."
        }
    }
}
