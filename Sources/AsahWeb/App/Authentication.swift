import AsahCore
import HTTPServer

/// Finds who is calling: the session cookie, or a personal access token in `Authorization: Bearer`.
struct Authentication: Sendable {
    static let sessionCookie = "asah_session"

    struct Identity: Sendable {
        let principal: Principal
        let session: SessionStore.Session?
        /// The menu's counts (as fresh as the identity cache).
        let menuCounts: MenuCounts
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
                guard let userId = try services.tokens.userId(forToken: bearer) else { return nil }
                return try identity(userId: userId, session: nil)
            }
            guard let sessionToken, let session = try services.sessions.resolve(token: sessionToken) else { return nil }
            return try identity(userId: session.userId, session: session)
        } catch {
            services.logger.error("authentication failed: \(error)")
            return nil
        }
    }

    /// The principal and their unread-notification count, in one read.
    private func identity(userId: Int64, session: SessionStore.Session?) throws -> Identity? {
        try services.notifications.caller(userId: userId).map {
            Identity(principal: $0.principal, session: session,
                     menuCounts: MenuCounts(unreadNotifications: $0.unreadNotifications, pendingApprovals: $0.pendingApprovals))
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
