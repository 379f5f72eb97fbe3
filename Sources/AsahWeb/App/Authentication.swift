import AsahCore
import HTTPServer

/// Finds who is calling: the session cookie, or a personal access token in `Authorization: Bearer`.
struct Authentication: Sendable {
    static let sessionCookie = "asah_session"

    struct Identity: Sendable {
        let principal: Principal
        let session: SessionStore.Session?
        /// What the caller presented ("session ..." or "bearer ..."), for per-caller caches.
        var key = ""
        var viaBearer: Bool { session == nil }
    }

    let services: Services

    /// The caller, from the identity cache or else the database.
    func identify(_ request: Request) -> Identity? {
        let bearer = request.headers["Authorization"].flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)).trimmingSpaces() : nil
        }
        guard let key = bearer.map({ "bearer " + $0 }) ?? request.cookies[Self.sessionCookie].map({ "session " + $0 }) else {
            return nil
        }
        if let cached = services.identities.identity(for: key) { return cached }
        guard var identity = load(bearer: bearer, sessionToken: request.cookies[Self.sessionCookie]) else { return nil }
        identity.key = key
        services.identities.store(identity, for: key)
        return identity
    }

    private func load(bearer: String?, sessionToken: String?) -> Identity? {
        do {
            if let bearer {
                guard let userId = try services.tokens.userId(forToken: bearer),
                      let principal = try services.database.pool.read({ try Principal.load(userId: userId, in: $0) })
                else { return nil }
                return Identity(principal: principal, session: nil)
            }
            guard let sessionToken, let session = try services.sessions.resolve(token: sessionToken),
                  let principal = try services.database.pool.read({ try Principal.load(userId: session.userId, in: $0) })
            else { return nil }
            return Identity(principal: principal, session: session)
        } catch {
            services.logger.error("authentication failed: \(error)")
            return nil
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
