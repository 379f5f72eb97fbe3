import AsahCore
import Foundation
import Testing
@testable import AsahWeb

/// The message keys built at run time (notification kinds, statuses, the keys the domain
/// returns for refusals, notices and import problems) exist in both languages, so no page
/// ever shows a raw key.
@Suite("Message keys built at run time")
struct MessageKeyTests {
    static let catalogue = try! MessageCatalogue()

    static func expectInBoth(_ key: String, _ comment: String) {
        for locale in MessageCatalogue.locales {
            #expect(catalogue.messages[locale]?[key] != nil, "\(key) (\(comment)) is missing from Messages/\(locale)")
        }
    }

    @Test("every notification kind has a label")
    func notificationKinds() {
        for kind in NotificationKind.allCases { Self.expectInBoth("notification_kind_\(kind.rawValue)", "notification kind") }
    }

    @Test("every suggestion status has a name")
    func suggestionStatuses() {
        for status in SuggestionStatus.allCases { Self.expectInBoth("suggestion_status_\(status.rawValue)", "status") }
    }

    @Test("every survey statement is worded")
    func surveyItems() {
        for item in SurveyTemplate.standard.items { Self.expectInBoth(item.messageKey, "survey statement") }
    }

    @Test("every agency settings field has a label and a hint")
    func agencyFields() {
        for field in AgencySettingsField.allCases {
            Self.expectInBoth("agency_field_\(field.rawValue)", "agency settings field")
            Self.expectInBoth("agency_hint_\(field.rawValue)", "agency settings hint")
        }
        for source in SiteAddress.Source.allCases { Self.expectInBoth("agency_address_source_\(source.rawValue)", "public address source") }
    }

    @Test("every key the domain returns (refusals, notices, import problems, @-arguments) has a sentence")
    func domainKeys() throws {
        var found = 0
        for (file, text) in try SourceFiles.swift(in: "AsahCore") {
            for match in text.matches(of: /"@?((?:problem|notice|import|suggestion_status|forum_category|audience|course_file)_[a-z0-9_]+)"/) {
                Self.expectInBoth(String(match.1), file)
                found += 1
            }
        }
        #expect(found >= 100, "the scan finds the domain's keys")
    }
}
