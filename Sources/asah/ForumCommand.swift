import ArgumentParser
import AsahCore
import AsahDemo
import Foundation

/// `asah forum reveal|moderator|generate`: the forum's deliberate admin acts and bulk data for
/// measuring.
struct ForumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forum", abstract: "Forum administration.", subcommands: [Reveal.self, Moderator.self, Generate.self])

    struct Reveal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reveal who wrote a pseudonymous post (against abuse; needs a written reason, leaves an audit entry).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Id of the pseudonymous post.") var postId: Int64
        @Option(help: "Why the author must be known (at least 10 characters; recorded in the audit log).") var reason: String
        @Option(help: ArgumentHelp("Login of the admin account taking responsibility.",
                                   discussion: "Asks for that account's password (or reads it from standard input)."))
        var admin: String

        func run() throws {
            let forums = try Forums(database: AppDatabase(path: database.db))
            let password = try PasswordPrompt.read()
            switch try forums.reveal(postId: postId, reason: reason, adminLogin: admin, password: password) {
            case .success(let who):
                print("Post \(postId) was written by \(who.displayName) (login \(who.login)\(who.nip.map { ", NIP \($0)" } ?? "")).")
                print("The reveal is recorded in the audit log.")
            case .failure(let problem): throw CLIError(Self.text(problem))
            }
        }

        private static func text(_ problem: Forums.RevealProblem) -> String {
            switch problem {
            case .notAnAdmin: "only an active admin account, with its password, may reveal a pseudonym (the attempt is in the audit log)"
            case .reasonRequired: "a written reason of at least 10 characters is required (--reason)"
            case .postNotFound: "there is no post with that id"
            case .notPseudonymous: "that post was not written under a pseudonym"
            case .sealUnreadable: "the author link cannot be opened with this key (wrong or replaced key file)"
            }
        }
    }

    struct Moderator: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant or revoke the forum moderation right of a coordinator.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "grant or revoke") var action: String
        @Argument(help: "Login of a coordinator account.") var login: String

        func run() throws {
            guard action == "grant" || action == "revoke" else { throw ValidationError("use grant or revoke") }
            let forums = try Forums(database: AppDatabase(path: database.db))
            switch try forums.setModerator(login: login, action == "grant") {
            case .success: print(action == "grant" ? "\(login) may now moderate the forums." : "\(login) no longer moderates the forums.")
            case .failure(let problem): throw ValidationError(problem == .notFound ? "no account named \(login)" : "\(login) is not a coordinator account")
            }
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add bulk threads and posts for measuring (into a demo database with categories and accounts).")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Threads to add.") var threads = 10_000
        @Option(help: "Posts to add in all.") var posts = 1_000_000
        @Option(help: "Posts in the first thread added.") var bigThread = 200

        func run() throws {
            let summary = try ForumVolume.generate(in: AppDatabase(path: database.db), threads: threads, posts: posts,
                                                   bigThread: bigThread)
            print(summary)
        }
    }
}
