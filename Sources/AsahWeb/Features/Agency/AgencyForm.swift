import AsahCore
import Foundation
import HTTPServer

/// The agency settings form: its fields in groups, read from the request and given back with
/// each field's problem beside it.
enum AgencyForm {
    /// The form's groups of text fields, in order, under the message key of their legend.
    static let groups: [(legend: String, fields: [AgencySettingsField])] = [
        ("agency_group_letterhead", [.regionName, .agencyName, .address]),
        ("agency_group_official", [.signingPlace, .officialJabatan, .officialName, .officialNIP]),
        ("agency_group_address", [.publicURL]),
    ]

    /// The untrusted values of the form (the logo is decided apart, from the uploaded file).
    static func input(_ form: FormData) -> AgencySettingsInput {
        var input = AgencySettingsInput()
        input.regionName = form[AgencySettingsField.regionName.rawValue] ?? ""
        input.agencyName = form[AgencySettingsField.agencyName.rawValue] ?? ""
        input.address = form[AgencySettingsField.address.rawValue] ?? ""
        input.signingPlace = form[AgencySettingsField.signingPlace.rawValue] ?? ""
        input.officialName = form[AgencySettingsField.officialName.rawValue] ?? ""
        input.officialNIP = form[AgencySettingsField.officialNIP.rawValue] ?? ""
        input.officialJabatan = form[AgencySettingsField.officialJabatan.rawValue] ?? ""
        input.publicURL = form[AgencySettingsField.publicURL.rawValue] ?? ""
        input.timeZone = form[AgencySettingsField.timeZone.rawValue] ?? ""
        input.logo = form["remove_logo"] == "1" ? .remove : .keep
        return input
    }

    /// `groups` for the template: each field's name, label, hint, value, limit and problem; the
    /// zones to choose from with the cities each covers.
    static func values(_ input: AgencySettingsInput, problem: AgencySettingsProblem?, _ localizer: Localizer) -> [String: Any] {
        let errors = Dictionary(grouping: problem?.findings ?? [], by: \.field).mapValues { findings in
            findings.map { Refusals.message($0.refusal, localizer) }.joined(separator: " ")
        }
        func value(_ field: AgencySettingsField) -> String {
            switch field {
            case .regionName: input.regionName
            case .agencyName: input.agencyName
            case .address: input.address
            case .signingPlace: input.signingPlace
            case .officialName: input.officialName
            case .officialNIP: input.officialNIP
            case .officialJabatan: input.officialJabatan
            case .publicURL: input.publicURL
            case .logo, .timeZone: ""
            }
        }
        return [
            "groups": groups.map { group -> [String: Any] in
                ["legend": localizer.t(group.legend), "fields": group.fields.map { field -> [String: Any] in
                    ["name": field.rawValue, "label": localizer.t("agency_field_\(field.rawValue)"),
                     "hint": localizer.t("agency_hint_\(field.rawValue)"), "value": value(field),
                     "maxlength": field.maximumLength, "error": errors[field] ?? false,
                     "required": field == .regionName || field == .agencyName, "url": field == .publicURL,
                     "numeric": field == .officialNIP]
                }]
            },
            "logoError": errors[.logo] ?? false,
            "zones": LocalZone.allCases.map { zone -> [String: Any] in
                ["value": zone.abbreviation, "label": localizer.t("agency_zone_\(zone.abbreviation.lowercased())"),
                 "selected": zone.abbreviation.caseInsensitiveCompare(input.timeZone) == .orderedSame]
            },
            "zoneError": errors[.timeZone] ?? false,
        ]
    }

    /// Why `file` cannot be the logo (over the size, or not a PNG or JPEG by its first bytes and
    /// name), or `nil` when it can; the file is read, not kept.
    static func logoProblem(_ file: UploadedFile, store: FileStore) -> AgencySettingsProblem.Finding? {
        guard file.size <= store.maximumBytes else {
            return .init(.logo, "problem_agency_logo_large", ["maximumCount": String(store.maximumBytes / (1024 * 1024))])
        }
        guard let handle = FileHandle(forReadingAtPath: file.temporaryPath) else { return .init(.logo, "problem_agency_logo_type") }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        return store.kind(of: head, filename: file.clientFilename) == nil ? .init(.logo, "problem_agency_logo_type") : nil
    }
}
