import Foundation

/// A training outside Asah that an employee records with evidence, for a coordinator to verify.
public struct ExternalTraining: Sendable, Hashable {
    public var title: String
    public var organiser: String
    /// The kind (e.g. "Seminar", "Bimbingan Teknis").
    public var kind: String?
    public var startedOn: CalendarDate
    /// Its year is the year the JP count for.
    public var endedOn: CalendarDate
    public var jp: Double
    public var certificateNumber: String?
    /// Where the caller stored the uploaded evidence.
    public var evidencePath: String
    /// The uploaded file's original name.
    public var evidenceName: String

    /// A record to submit.
    public init(title: String, organiser: String, kind: String? = nil, startedOn: CalendarDate, endedOn: CalendarDate,
                jp: Double, certificateNumber: String? = nil, evidencePath: String, evidenceName: String) {
        self.title = title
        self.organiser = organiser
        self.kind = kind
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.jp = jp
        self.certificateNumber = certificateNumber
        self.evidencePath = evidencePath
        self.evidenceName = evidenceName
    }

    /// What is missing or wrong (worded by the web layer); empty when the record can be submitted.
    public var problems: [Refusal] {
        var problems: [Refusal] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(Refusal(.invalid, "problem_training_title_missing")) }
        if organiser.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(Refusal(.invalid, "problem_training_organiser_missing")) }
        if endedOn < startedOn { problems.append(Refusal(.invalid, "problem_training_ends_before_starts")) }
        if !(jp > 0) { problems.append(Refusal(.invalid, "problem_training_jp")) }
        if evidencePath.isEmpty { problems.append(Refusal(.invalid, "problem_training_evidence_missing")) }
        return problems
    }
}
