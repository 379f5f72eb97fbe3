extension APITokens {
    /// How long a personal access token lives: its owner chooses one of these when making it,
    /// 90 days unless they choose fewer. Nothing else can be asked for, so a mistyped or forged
    /// choice is refused at the door instead of quietly becoming the longest.
    public enum Lifetime: Int, CaseIterable, Sendable {
        case week = 7
        case month = 30
        case quarter = 90

        /// What a token gets when its owner does not choose.
        public static let standard = Lifetime.quarter

        /// The lifetime in days.
        public var days: Int { rawValue }

        var seconds: Int64 { Int64(rawValue) * 86400 }
    }
}
