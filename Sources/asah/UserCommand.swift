import ArgumentParser
import AsahCore
import Foundation

/// `asah user add|passwd`: accounts from the command line (the first admin, password resets).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self, Passwd.self, Deactivate.self, Activate.self, Tokens.self, RevokeToken.self,
                                                                         ActivationCodes.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Login name (letters, digits, . _ -).") var login: String
        @Option(help: "NIP of the employee this account belongs to.") var nip: String?
        @Option(help: "Display name (defaults to the employee's name).") var name: String?
        @Option(parsing: .upToNextOption, help: "Roles to grant: instruktur koordinator admin.") var roles: [String] = []
        @Option(help: "Password (read from standard input when omitted).") var password: String?

        func run() throws {
            let parsed = try roles.map { name -> Role in
                guard let role = Role(rawValue: name), Role.grantable.contains(role) else {
                    throw ValidationError("unknown role \(name); use instruktur, koordinator or admin")
                }
                return role
            }
            let secret = try password ?? PasswordPrompt.read()
            let result = try Accounts(database: AppDatabase(path: database.db))
                .add(login: login, nip: nip, displayName: name, password: secret, roles: Set(parsed), actor: nil, ip: "cli")
            switch result {
            case .success(let id): print("Account \(login) created (id \(id)).")
            case .failure(let problem): throw ValidationError(CLIMessages.text(problem))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password for an account.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Login name.") var login: String
        @Option(help: "New password (read from standard input when omitted).") var password: String?

        func run() throws {
            let db = try AppDatabase(path: database.db)
            guard let id = try Accounts(database: db).userId(login: login) else { throw ValidationError("no account named \(login)") }
            let secret = try password ?? PasswordPrompt.read()
            if let problem = try Accounts(database: db).resetPassword(userId: id, to: secret, actor: nil, ip: "cli") {
                throw ValidationError(CLIMessages.text(problem))
            }
            print("Password of \(login) changed; its sessions were ended.")
        }
    }
}

extension UserCommand {
    /// `asah user deactivate LOGIN`: offboarding; every session and API token ends at once.
    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate an account: its sessions and tokens end at once.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Login name.") var login: String

        func run() throws {
            try AccountSwitch.set(login, active: false, database: database.db)
            print("Account \(login) deactivated; its sessions and API tokens have ended.")
        }
    }

    /// `asah user activate LOGIN`: lets a deactivated account sign in again.
    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Activate a deactivated account again.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Login name.") var login: String

        func run() throws {
            try AccountSwitch.set(login, active: true, database: database.db)
            print("Account \(login) activated.")
        }
    }
}

/// Finds an account by login and switches it on or off.
enum AccountSwitch {
    static func set(_ login: String, active: Bool, database path: String) throws {
        let db = try AppDatabase(path: path)
        guard let id = try Accounts(database: db).userId(login: login) else { throw ValidationError("no account named \(login)") }
        try Accounts(database: db).setActive(userId: id, active, actor: nil, ip: "cli")
    }
}

/// Reads a password from standard input without echo on a terminal.
enum PasswordPrompt {
    static func read() throws -> String {
        if isatty(STDIN_FILENO) != 0, let typed = getpass("Password: ") {
            return String(cString: typed)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password given")
        }
        return line
    }
}

/// English text for account problems on the command line.
enum CLIMessages {
    static func text(_ problem: Accounts.Problem) -> String {
        switch problem {
        case .loginTaken: "that login is taken"
        case .loginInvalid: "a login is 3-64 letters, digits, dots, dashes or underscores"
        case .unknownEmployee: "no employee has that NIP"
        case .employeeHasAccount: "that employee has an account already"
        case .weakPassword(.tooShort): "the password needs at least \(PasswordPolicy.minimumLength) characters"
        case .weakPassword(.tooLong): "the password is too long"
        case .weakPassword(.sameAsLogin): "the password must differ from the login"
        case .wrongCurrentPassword: "the current password is wrong"
        case .unknownUser: "no such account"
        }
    }
}
