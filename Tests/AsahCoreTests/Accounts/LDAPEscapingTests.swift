@testable import AsahCore
import Foundation
import Testing

@Suite("Escaping typed names for the directory (RFC 4515 filters, RFC 4514 DNs)")
struct LDAPEscapingTests {
    @Test("a filter value cannot open, close or widen the filter")
    func filterValues() {
        #expect(LDAPEscaping.filterValue("198001012005011001") == "198001012005011001")
        #expect(LDAPEscaping.filterValue("*") == "\\2a")
        #expect(LDAPEscaping.filterValue("budi)(uid=*") == "budi\\29\\28uid=\\2a")
        #expect(LDAPEscaping.filterValue("*)(|(objectClass=*") == "\\2a\\29\\28|\\28objectClass=\\2a")
        #expect(LDAPEscaping.filterValue("a\\b") == "a\\5cb")
        #expect(LDAPEscaping.filterValue("nul\u{0}byte\n") == "nul\\00byte\\0a")
        #expect(LDAPEscaping.filterValue("Ni Luh Putu Ayu") == "Ni Luh Putu Ayu")
        #expect(LDAPEscaping.filterValue("Dewi Anggraeni Ṣ") == "Dewi Anggraeni Ṣ", "UTF-8 letters pass unchanged")
    }

    @Test("every filter special left in an escaped value is part of an escape")
    func filterValueHasNoBareSpecials() {
        let hostile = "(&(uid=*))\\)(*\u{0}" + String(repeating: "*(", count: 50)
        let escaped = LDAPEscaping.filterValue(hostile)
        #expect(!escaped.contains("(") && !escaped.contains(")") && !escaped.contains("*") && !escaped.contains("\u{0}"))
        #expect(escaped.split(separator: "\\").dropFirst().allSatisfy { $0.count >= 2 && $0.prefix(2).allSatisfy(\.isHexDigit) })
    }

    @Test("a DN value cannot add a component, an attribute or a hex-encoded value")
    func dnValues() {
        #expect(LDAPEscaping.dnValue("budi") == "budi")
        #expect(LDAPEscaping.dnValue("budi,ou=admins") == "budi\\,ou\\=admins")
        #expect(LDAPEscaping.dnValue("a+cn=root") == "a\\+cn\\=root")
        #expect(LDAPEscaping.dnValue("\"q\";<x>\\") == "\\\"q\\\"\\;\\<x\\>\\\\")
        #expect(LDAPEscaping.dnValue("#04024869") == "\\#04024869", "a leading # would read as BER hex")
        #expect(LDAPEscaping.dnValue(" padded ") == "\\ padded\\ ")
        #expect(LDAPEscaping.dnValue("in # middle") == "in # middle")
        #expect(LDAPEscaping.dnValue("nul\u{0}") == "nul\\00")
        #expect(LDAPEscaping.dnValue("Made Wirawan Ṣ") == "Made Wirawan Ṣ")
    }
}
