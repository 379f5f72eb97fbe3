@testable import AsahCore
import Foundation
import Testing

@Suite("Directory settings file")
struct DirectorySettingsTests {
    /// Writes `json` to a new file with `mode` and loads it.
    private func load(_ json: String, mode: Int = 0o600) throws(DirectorySettings.Problem) -> DirectorySettings {
        let path = NSTemporaryDirectory() + "asah-directory-\(UUID().uuidString).json"
        FileManager.default.createFile(atPath: path, contents: Data(json.utf8), attributes: [.posixPermissions: mode])
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try DirectorySettings.load(path: path)
    }

    @Test("a minimal file gets the documented defaults")
    func defaults() throws {
        let settings = try load(#"{"url": "ldaps://dc1.bkpsdm.go.id", "base_dn": "dc=bkpsdm,dc=go,dc=id"}"#)
        #expect(settings.userFilter == "(|(employeeNumber={login})(uid={login}))")
        #expect(settings.nipAttribute == "employeeNumber" && settings.timeoutSeconds == 5)
        #expect(!settings.startTLS && !settings.directoryOnly)
    }

    @Test("a file others may read is refused, since it holds the search account's password")
    func readableByOthers() {
        #expect(throws: DirectorySettings.Problem.self) {
            try load(#"{"url": "ldap://x", "base_dn": "dc=x"}"#, mode: 0o644)
        }
    }

    @Test("settings that cannot work name the field")
    func invalid() {
        let cases: [(String, String)] = [
            (#"{"url": "http://x", "base_dn": "dc=x"}"#, "url"),
            (#"{"url": "ldaps://x", "start_tls": true, "base_dn": "dc=x"}"#, "start_tls"),
            (#"{"url": "ldap://x", "base_dn": "dc=x", "user_filter": "(uid=budi)"}"#, "user_filter"),
            (#"{"url": "ldap://x"}"#, "base_dn"),
            (#"{"url": "ldap://x", "base_dn": "dc=x", "bind_dn": "cn=asah"}"#, "bind_password"),
            (#"{"url": "ldap://x", "base_dn": "dc=x", "nip_attribute": "nip)(x"}"#, "nip_attribute"),
            (#"{"url": "ldap://x", "base_dn": "dc=x", "timeout_seconds": 0}"#, "timeout_seconds"),
        ]
        for (json, field) in cases {
            #expect(throws: DirectorySettings.Problem.self) { try load(json) }
            do { _ = try load(json) } catch {
                guard case .invalid(_, let named) = error else { Issue.record("\(json): \(error)"); continue }
                #expect(named == field, "\(json)")
            }
        }
    }

    @Test("a directory nothing listens on is reported as unavailable; an empty password is refused without asking")
    func unreachable() throws {
        var settings = DirectorySettings(url: "ldap://127.0.0.1:1")
        settings.baseDN = "dc=x"
        settings.timeoutSeconds = 1
        #expect(Directory(settings: settings).check(login: "budi", password: "x") == .unavailable)
        #expect(Directory(settings: settings).check(login: "budi", password: "") == .wrongPassword,
                "an empty password never reaches the directory (an unauthenticated bind would succeed)")
    }
}
