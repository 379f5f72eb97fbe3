/// The yearly JP a person is owed and the most that counts, by employment type (``Employment``):
/// settings an admin may change, whose defaults (``regulation``) are what the regulations say.
public struct EmploymentRules: Sendable, Hashable {
    /// One type's rule: the JP to reach in a year (`nil`: none is set) and the most JP of
    /// competence development a year allows (`nil`: no cap).
    public struct Rule: Sendable, Hashable {
        public var target: Double?
        public var cap: Double?

        public init(target: Double?, cap: Double?) {
            self.target = target
            self.cap = cap
        }
    }

    public var pns: Rule
    public var pppk: Rule

    public init(pns: Rule, pppk: Rule) {
        self.pns = pns
        self.pppk = pppk
    }

    /// PNS: at least 20 JP a year (PP 11/2017 art. 203(4), as amended by PP 17/2020), no cap.
    /// PPPK: no minimum, at most 24 JP per contract year (PP 49/2018 art. 39(3)).
    public static let regulation = EmploymentRules(pns: Rule(target: 20, cap: nil), pppk: Rule(target: nil, cap: 24))

    /// The largest target or cap accepted, in JP (a year's working days are about 1,900 JP).
    public static let maximumJP: Double = 1_000

    /// The rule of `employment`.
    public func rule(for employment: Employment) -> Rule {
        switch employment {
        case .pns: pns
        case .pppk: pppk
        }
    }

    /// The problems of these rules: a target or cap out of 0.5...``maximumJP``, or a target
    /// above the cap (nobody could reach it without going beyond the cap).
    public var problems: [EmploymentRulesProblem.Finding] {
        Employment.allCases.flatMap { employment -> [EmploymentRulesProblem.Finding] in
            let rule = rule(for: employment)
            var found: [EmploymentRulesProblem.Finding] = []
            for (part, value) in [(EmploymentRulesProblem.Part.target, rule.target), (.cap, rule.cap)] {
                if let value, !(0.5...Self.maximumJP).contains(value) { found.append(.init(employment, part, "problem_rules_range")) }
            }
            if let target = rule.target, let cap = rule.cap, target > cap {
                found.append(.init(employment, .target, "problem_rules_target_above_cap"))
            }
            return found
        }
    }
}
