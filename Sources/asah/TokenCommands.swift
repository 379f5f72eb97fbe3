import ArgumentParser
import AsahCore
import Foundation

/// `asah user tokens LOGIN` and `asah user revoke-token ID`: an IT officer sees and ends an
/// account's personal access tokens from the server's shell.
extension UserCommand {
    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's personal access tokens.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Login name.") var login: String

        func run() throws {
            let db = try AppDatabase(path: database.db)
            guard let userId = try Accounts(database: db).userId(login: login) else { throw ValidationError("no account named \(login)") }
            let tokens = try APITokens(database: db).list(userId: userId)
            if tokens.isEmpty { print("\(login) has no tokens.") }
            db.withLocalZone {
                for token in tokens {
                    let state = token.revokedAt != nil ? "revoked" : token.isLive() ? "live until \(Self.day(token.expiresAt))" : "expired"
                    let used = token.lastUsedAt.map { "last used \(Self.hour($0))" } ?? "never used"
                    print("\(token.id)\t\(token.name)\tcreated \(Self.day(token.createdAt))\t\(used)\t\(state)")
                }
            }
        }

        /// The day of `seconds` in the installation's zone, "2026-12-05".
        static func day(_ seconds: Int64) -> String {
            IndonesianTime.date(of: seconds).iso
        }

        /// The hour a token was last used in (all that is kept) in the installation's zone, "2026-12-05 14:00 WITA".
        static func hour(_ seconds: Int64) -> String {
            let clock = WallClock(seconds)
            func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
            return "\(day(seconds)) \(twoDigits(clock.hour)):\(twoDigits(clock.minute)) \(LocalZone.current.abbreviation)"
        }
    }

    struct RevokeToken: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-token",
                                                        abstract: "Revoke a personal access token by its id (from `asah user tokens`).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Token id.") var id: Int64

        func run() throws {
            guard try APITokens(database: AppDatabase(path: database.db)).revokeAny(id: id, actor: nil, ip: "cli") != nil else {
                throw ValidationError("there is no token \(id), or it is revoked already")
            }
            print("Token \(id) revoked; scripts using it stop within seconds.")
        }
    }
}
