import AsahCore
import HTTPServer

/// Finds who is calling: the session cookie, or a personal access token in `Authorization: Bearer`.
struct Authentication: Sendable {
    static let sessionCookie = "asah_session"

    struct Identity: Sendable {
        let principal: Principal
        let session: SessionStore.Session?
        var viaBearer: Bool { session == nil }
    }

    let services: Services

    func identify(_ request: Request) -> Identity? {
        do {
            if let header = request.headers["Authorization"], header.hasPrefix("Bearer ") {
                let secret = String(header.dropFirst("Bearer ".count)).trimmingSpaces()
                guard let userId = try services.tokens.userId(forToken: secret),
                      let principal = try services.database.pool.read({ try Principal.load(userId: userId, in: $0) })
                else { return nil }
                return Identity(principal: principal, session: nil)
            }
            guard let token = request.cookies[Self.sessionCookie],
                  let session = try services.sessions.resolve(token: token),
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
