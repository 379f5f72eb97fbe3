import GRDB

extension Attendance {
    /// How a check-in with a room code ended.
    public enum CheckInOutcome: Sendable {
        case checkedIn
        case refused(WorkshopProblem)
        /// Too many wrong codes: seconds until the next try.
        case throttled(seconds: Int64)
    }

    /// A check-in where wrong codes count like wrong passwords (per person, counted before the
    /// code is checked; a right code forgives the wrong ones), so a code cannot be guessed by trying them all.
    public func throttledCheckIn(employeeId: Int64, code: String, sessionId: Int64, actor: Principal, ip: String,
                                 throttle: LoginThrottle = LoginThrottle()) throws -> CheckInOutcome {
        let key = "checkin:\(employeeId)"
        let attempt = try database.pool.write { db -> CheckInOutcome? in
            guard try RunSession.exists(db, key: sessionId) else { return .refused(.sessionNotFound) }
            if let wait = try throttle.retryAfter(key: key, ip: ip, in: db) { return .throttled(seconds: wait) }
            try throttle.reserve(key: key, ip: ip, in: db)
            return nil
        }
        if let attempt { return attempt }
        switch try checkIn(employeeId: employeeId, code: code, sessionId: sessionId as Int64?, actor: actor, ip: ip as String?) {
        case .success:
            try database.pool.write { try throttle.forgive(key: key, in: $0) }
            return .checkedIn
        case .failure(let problem):
            return .refused(problem)
        }
    }
}
