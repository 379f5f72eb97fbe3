import AsahCore
import Foundation
import HTTPServer
import Prometheus
import Synchronization

/// What `GET /metrics` tells a Prometheus server: requests by route and status, their latency,
/// and the installation's state (database and WAL size, live sessions, last backup), in the
/// Prometheus text format (swift-prometheus). Routes are counted by pattern (`/runs/:id`), so
/// the number of series stays fixed whatever addresses are asked for.
final class RequestMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    /// Seconds, from a static file's fraction of a millisecond to a slow report.
    private static let buckets: [Duration] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5].map {
        .nanoseconds(Int64($0 * 1e9))
    }
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "asah", subsystem: "http", metricName: "requests", unitName: "total",
                             helpText: "Answers by route pattern and status")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "asah", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                             helpText: "Time to answer, by route pattern")
    }
    /// The bearer token that may read the metrics from another machine (loopback needs none).
    let token: String?

    init(token: String?) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Each route's and each route-and-status's series, made once: every request records
    /// into them, and building descriptors and label lists per request was work on every answer.
    private let series = Mutex<(counters: [String: Counter], histograms: [String: DurationHistogram])>(([:], [:]))

    /// Counts one answer of the route `route` ("GET /runs/:id") that took `duration`.
    func record(route: String, status: Int, duration: Duration) {
        let key = route + " " + String(status)
        let (counter, histogram) = series.withLock { series in
            let counter = series.counters[key] ?? {
                let made = registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("status", String(status))])
                series.counters[key] = made
                return made
            }()
            let histogram = series.histograms[route] ?? {
                let made = registry.makeDurationHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.buckets)
                series.histograms[route] = made
                return made
            }()
            return (counter, histogram)
        }
        counter.increment()
        histogram.record(duration)
    }

    /// The metrics text with the installation's gauges read now.
    func text(_ services: Services) throws -> String {
        let database = services.database
        func size(_ path: String) -> Double {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.doubleValue ?? 0
        }
        func gauge(_ name: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "asah", metricName: name, unitName: "", helpText: help))
        }
        gauge("database_bytes", "Size of the database file").set(size(database.path))
        gauge("database_wal_bytes", "Size of the write-ahead log").set(size(database.path + "-wal"))
        gauge("sessions_live", "Signed-in sessions within their timeouts").set(Double(try services.sessions.liveCount()))
        gauge("last_backup_timestamp_seconds", "When the last asah backup finished (Unix seconds)")
            .set(Double(try InstallationBackup.lastBackupAt(of: database) ?? 0))
        return registry.emitToString()
    }

    /// Whether `request` from `ip` may read the metrics: from this machine, or with the token.
    func allows(_ request: Request, ip: String) -> Bool {
        if ip == "127.0.0.1" || ip == "::1" { return true }
        guard let token, let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else { return false }
        return SecureToken.equal(String(header.dropFirst("Bearer ".count)), token)
    }
}
