import AsahCore
import Synchronization

/// Remembers who a session cookie or bearer token belongs to for a few seconds, so most
/// requests need no database read to know their caller. Entries of a user are dropped as soon
/// as the app changes anything about that user (logout, password, roles, language, tokens).
final class IdentityCache: Sendable {
    private struct Entry {
        let identity: Authentication.Identity
        let expires: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Int64
    private static let maximumEntries = 50_000

    init(lifetime: Int64) {
        self.lifetime = lifetime
    }

    func identity(for key: String) -> Authentication.Identity? {
        guard lifetime > 0 else { return nil }
        let now = Clock.now()
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            if entry.expires < now {
                entries[key] = nil
                return nil
            }
            return entry.identity
        }
    }

    func store(_ identity: Authentication.Identity, for key: String) {
        guard lifetime > 0 else { return }
        let entry = Entry(identity: identity, expires: Clock.now() + lifetime)
        entries.withLock { entries in
            if entries.count >= Self.maximumEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Forgets every cached identity of `userId`.
    func invalidate(userId: Int64) {
        entries.withLock { entries in
            entries = entries.filter { $0.value.identity.principal.userId != userId }
        }
    }
}
