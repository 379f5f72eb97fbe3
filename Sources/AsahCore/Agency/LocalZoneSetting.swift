import GRDB
import Synchronization

/// The installation's zone as one database holds it, kept in memory: read when first asked,
/// replaced at once when this process saves the agency settings, and read again after
/// ``lifetime`` seconds so a change saved by another process (`asah agency set` while the
/// server runs) is in force within that time, as the page cache's answers are.
public final class LocalZoneSetting: Sendable {
    private let kept = Mutex<(zone: LocalZone, readAt: Int64)?>(nil)
    /// How long a read zone is trusted before the table is read again, in seconds.
    static let lifetime: Int64 = 10

    init() {}

    /// The zone in force, read from `pool` when the kept one is missing or old.
    func zone(_ pool: DatabasePool) -> LocalZone {
        let now = Clock.now()
        if let kept = kept.withLock({ $0 }), now - kept.readAt < Self.lifetime { return kept.zone }
        let zone = (try? pool.read(Self.read)) ?? .wib
        kept.withLock { $0 = (zone, now) }
        return zone
    }

    /// Keeps `zone` as the one in force (after a committed save).
    func replace(with zone: LocalZone) {
        kept.withLock { $0 = (zone, Clock.now()) }
    }

    /// The saved zone inside the caller's read, WIB when none was saved.
    static func read(_ db: Database) throws -> LocalZone {
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT time_zone FROM agency_settings WHERE id = 1"))
        return name.flatMap(LocalZone.init(rawValue:)) ?? .wib
    }
}
