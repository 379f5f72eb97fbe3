import Foundation
import Glibc

/// A real OpenLDAP server (Debian's `slapd`) on a free localhost port, with a throwaway
/// configuration and database in a temporary folder, holding the people it is given.
final class Slapd: @unchecked Sendable {
    /// One person in the directory.
    struct Person {
        let uid: String
        let nip: String
        let password: String
    }

    static let suffix = "dc=asah,dc=test"
    static let adminDN = "cn=admin,\(suffix)"
    static let adminPassword = "sandi-layanan-uji"
    private static let binaries = ["/usr/sbin/slapd", "/usr/sbin/slapadd"]

    /// Why no slapd can run here (nil when one started), found by starting one once; the
    /// directory tests are skipped with this reason.
    static let unavailable: String? = {
        guard binaries.allSatisfy(FileManager.default.isExecutableFile) else {
            return "slapd is not installed (scripts/setup test installs slapd and ldap-utils)"
        }
        do {
            _ = try Slapd(people: [])
            return nil
        } catch {
            return "slapd could not be started here: \(error)"
        }
    }()

    let folder: String
    let port: UInt16
    private let process: Process

    var url: String { "ldap://127.0.0.1:\(port)" }

    init(people: [Person]) throws {
        folder = NSTemporaryDirectory() + "asah-slapd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/db", withIntermediateDirectories: true)
        let config = """
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            database mdb
            suffix "\(Self.suffix)"
            rootdn "\(Self.adminDN)"
            rootpw \(Self.adminPassword)
            directory \(folder)/db
            maxsize 10485760
            """
        try config.write(toFile: folder + "/slapd.conf", atomically: true, encoding: .utf8)
        try Self.ldif(people).write(toFile: folder + "/people.ldif", atomically: true, encoding: .utf8)
        try Self.run("/usr/sbin/slapadd", ["-f", folder + "/slapd.conf", "-l", folder + "/people.ldif"])
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/slapd")
        // -d keeps it in the foreground, so the test owns the process and ends it.
        process.arguments = ["-f", folder + "/slapd.conf", "-h", "ldap://127.0.0.1:\(port)/", "-d", "0"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where process.isRunning {
            if Self.accepts(port: port) { return }
            usleep(50_000)
        }
        stop()
        throw Failure.notListening(port: port)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Ends the server (the directory is then down). SIGKILL, because the test process blocks
    /// SIGTERM and SIGINT and its children inherit that; the database is thrown away anyway.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    enum Failure: Error {
        case toolFailed(String, Int32)
        case notListening(port: UInt16)
    }

    private static func ldif(_ people: [Person]) -> String {
        var text = """
            dn: \(suffix)
            objectClass: dcObject
            objectClass: organization
            o: Asah
            dc: asah

            dn: ou=people,\(suffix)
            objectClass: organizationalUnit
            ou: people

            """
        for person in people {
            text += """

                dn: uid=\(person.uid),ou=people,\(suffix)
                objectClass: inetOrgPerson
                uid: \(person.uid)
                cn: \(person.uid)
                sn: \(person.uid)
                employeeNumber: \(person.nip)
                userPassword: \(person.password)

                """
        }
        return text
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.toolFailed(tool, process.terminationStatus) }
    }

    /// A port nothing listens on right now.
    static func freePort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0,
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                guard bind(socket, socketAddress, length) == 0, getsockname(socket, socketAddress, &length) == 0 else {
                    throw Failure.notListening(port: 0)
                }
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func accepts(port: UInt16) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: port.bigEndian,
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
