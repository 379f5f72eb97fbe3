import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// Whether `name` is an executable on the PATH.
private func toolExists(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
}

/// Runs a tool and returns its standard output and exit status.
private func run(_ tool: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

@Suite("HTTPS")
struct TLSTests {
    @Test("With a key and certificate the server answers over HTTPS (checked with curl)",
          .enabled(if: toolExists("openssl"), "the openssl command is not installed"),
          .enabled(if: toolExists("curl"), "the curl command is not installed"))
    func https() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asah-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyPath = folder.appendingPathComponent("key.pem").path
        let certPath = folder.appendingPathComponent("cert.pem").path
        let generated = try run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath,
                                            "-out", certPath, "-days", "2", "-subj", "/CN=127.0.0.1"])
        try #require(generated.status == 0, "openssl could not make a self-signed certificate")
        let key = try String(contentsOfFile: keyPath, encoding: .utf8)
        let certificate = try String(contentsOfFile: certPath, encoding: .utf8)

        let server = try TestServer {
            $0.tlsKeyPEM = key
            $0.tlsCertificatePEM = certificate
        }
        let url = "https://127.0.0.1:\(server.server.port)"
        let hello = try run("curl", ["-sk", "--max-time", "10", "-w", "\n%{http_code}", "\(url)/hello"])
        #expect(hello.status == 0, "curl failed with status \(hello.status)")
        #expect(hello.output == "Hello\n200")
        let secure = try run("curl", ["-sk", "--max-time", "10", "\(url)/secure"])
        #expect(secure.output == "secure=true")
        let file = try run("curl", ["-sk", "--max-time", "10", "-w", "\n%{http_code}", "\(url)/static/hello.txt"])
        #expect(file.output == TestServer.helloText + "\n200")

        // Plain HTTP on the HTTPS port gets no HTTP answer.
        let plain = try? server.client.get("/hello")
        #expect(plain?.status != 200)
    }
}
