/// Where one person stands on a run's waitlist, with the facts that explain the order.
public struct WaitlistStanding: Sendable, Hashable {
    /// 1 for the head of the list.
    public let position: Int
    /// How many are waiting.
    public let total: Int
    /// How many mandatory nominations are ahead.
    public let mandatoryAhead: Int
    /// Whether the person is a mandatory nomination.
    public let mandatory: Bool
    /// Whether the person's unit quota is used up, so they are passed over for now.
    public let quotaFull: Bool

    /// The arguments of a sentence saying where the person stands ("Urutan 3 dari 12 di daftar
    /// tunggu. ..."): `positionCount`, `totalCount`, `mandatoryAheadCount`, how the order is
    /// decided for them (`order`, a message key) and what happens next (`closing`, a message key).
    public var arguments: [String: String] {
        let order = mandatory ? "@notice_workshop_waitlist_order_mandatory"
            : mandatoryAhead > 0 ? "@notice_workshop_waitlist_order_behind_mandatory" : "@notice_workshop_waitlist_order_by_approval"
        return ["positionCount": String(position), "totalCount": String(total), "mandatoryAheadCount": String(mandatoryAhead),
                "order": order,
                "closing": quotaFull ? "@notice_workshop_waitlist_closing_quota_full" : "@notice_workshop_waitlist_closing"]
    }
}
