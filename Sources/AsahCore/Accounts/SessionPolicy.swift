/// How long a login lasts.
public struct SessionPolicy: Sendable {
    /// Seconds without a request after which the session ends (give or take one
    /// `activityStep`: see there).
    public var idleTimeout: Int64 = 60 * 60
    /// Seconds after login after which the session ends regardless of use.
    public var absoluteTimeout: Int64 = 12 * 60 * 60
    /// How precisely a session's start and last activity are recorded: rounded down to this
    /// many seconds (an hour), so that the sessions table cannot be matched with the time of a
    /// pseudonymous post better than "active in that hour". It also bounds the writes: a
    /// session's row changes at most once per step. A session therefore ends between
    /// `idleTimeout` and `idleTimeout` + one step after its last request.
    public var activityStep: Int64 = 60 * 60
    /// Seconds a resolved session may be reused from memory without asking the database.
    /// Logout, password and role changes made through the app take effect at once; changes
    /// made by another process (the command line) within this many seconds.
    public var cacheSeconds: Int64 = 5

    public init() {}
}
