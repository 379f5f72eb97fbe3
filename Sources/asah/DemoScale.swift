import ArgumentParser

/// How big the generated demo is: one kabupaten, or a province of seventeen for measuring.
enum DemoScale: String, ExpressibleByArgument, CaseIterable {
    case kabupaten
    case province

    var employees: Int { self == .kabupaten ? 5000 : 100_000 }
    /// Kabupaten and kota, each with the kabupaten's 36 units.
    var regions: Int { self == .kabupaten ? 1 : 17 }
    /// Bulk history on top of the hand-made demo runs (none at kabupaten scale).
    var bulkRuns: Int { self == .kabupaten ? 0 : 5000 }
    /// Enough that about 200,000 places end completed (91 % of the runs are finished, 90 % of
    /// their places complete).
    var bulkEnrolments: Int { self == .kabupaten ? 0 : 250_000 }
    var bulkThreads: Int { self == .kabupaten ? 0 : 50_000 }
    var bulkPosts: Int { self == .kabupaten ? 0 : 1_000_000 }
}
