/// How long a login lasts.
public struct SessionPolicy: Sendable {
    /// Seconds without a request after which the session ends.
    public var idleTimeout: Int64 = 60 * 60
    /// Seconds after login after which the session ends regardless of use.
    public var absoluteTimeout: Int64 = 12 * 60 * 60
    /// Seconds between writes of `last_seen_at` (keeps reads from turning into writes).
    public var touchInterval: Int64 = 60
    /// Seconds a resolved session may be reused from memory without asking the database.
    /// Logout, password and role changes made through the app take effect at once; changes
    /// made by another process (the command line) within this many seconds.
    public var cacheSeconds: Int64 = 5

    public init() {}
}
