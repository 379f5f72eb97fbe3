import GRDB

/// Where a run (angkatan) is in its life. The raw value is what `runs.status` holds.
///
/// Draft runs are invisible to employees; open runs take requests inside their enrolment
/// window; closed runs take no new requests but approvals, nominations and offers go on;
/// running and finished follow the sessions; cancelled and finished are final.
public enum RunStatus: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case draft, open, closed, running, finished, cancelled

    /// The statuses a run may move to from this one.
    public var next: Set<RunStatus> {
        switch self {
        case .draft: [.open, .cancelled]
        case .open: [.closed, .running, .cancelled]
        case .closed: [.open, .running, .cancelled]
        case .running: [.finished, .cancelled]
        case .finished, .cancelled: []
        }
    }

    /// Whether a move to `status` is allowed.
    public func canMove(to status: RunStatus) -> Bool { next.contains(status) }

    /// Whether approvals, nominations and seat offers may still place people in the run.
    public var placesPeople: Bool { self == .open || self == .closed }
}
