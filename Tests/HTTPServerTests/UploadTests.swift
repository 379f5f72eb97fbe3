import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Multipart uploads on a running server")
struct UploadTests {
    /// 200 kB of varied bytes, bigger than the multipart parser's 64 kB buffer.
    static let fileContent: [UInt8] = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 251) }

    @Test("Fields and a file arrive; the file is a temporary file of the right size and content")
    func fieldsAndFile() throws {
        let server = try TestServer()
        let response = try server.client.postMultipart(
            "/upload", fields: [("title", "Résumé 5€"), ("note", "two words")],
            files: [MultipartFile(field: "document", filename: "report.bin", content: Self.fileContent)])
        #expect(response.status == 200)
        #expect(response.text == """
            note=two words
            title=Résumé 5€
            file document report.bin application/octet-stream size=200000 read=200000 fnv=\(fnv(Self.fileContent))
            """)
        let paths = server.uploadedPaths.withLock { $0 }
        #expect(paths.count == 1)
        #expect(paths.allSatisfy { $0.hasPrefix(server.uploadDirectory) })
    }

    @Test("The temporary file is deleted once the request has completed")
    func temporaryFileDeleted() throws {
        let server = try TestServer()
        let response = try server.client.postMultipart(
            "/upload", files: [MultipartFile(field: "f", filename: "a.txt", contentType: "text/plain",
                                             content: Array("hello".utf8))])
        #expect(response.status == 200)
        let paths = server.uploadedPaths.withLock { $0 }
        try #require(paths.count == 1)
        #expect(eventually(within: 10) { !FileManager.default.fileExists(atPath: paths[0]) },
                "temporary upload \(paths[0]) still exists")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: server.uploadDirectory)
        #expect(eventually(within: 10) {
            (try? FileManager.default.contentsOfDirectory(atPath: server.uploadDirectory))?.isEmpty ?? false
        }, "upload folder still holds \(leftovers)")
    }

    @Test("Several files and repeated fields arrive in order")
    func severalFiles() throws {
        let server = try TestServer()
        let first = Array("first file".utf8)
        let second: [UInt8] = [0, 1, 2, 255, 254, 13, 10, 45, 45]
        let response = try server.client.postMultipart(
            "/upload", fields: [("tag", "a"), ("tag", "b"), ("empty", "")],
            files: [MultipartFile(field: "one", filename: "1.txt", contentType: "text/plain", content: first),
                    MultipartFile(field: "two", filename: "2.bin", content: second)])
        #expect(response.status == 200)
        #expect(response.text == """
            empty=
            tag=a|b
            file one 1.txt text/plain size=10 read=10 fnv=\(fnv(first))
            file two 2.bin application/octet-stream size=9 read=9 fnv=\(fnv(second))
            """)
        #expect(server.uploadedPaths.withLock { $0.count } == 2)
    }

    @Test("A multipart body cut short answers 400 and leaves no temporary file")
    func truncatedMultipart() throws {
        let server = try TestServer()
        let (contentType, body) = RawHTTPClient.multipart(
            fields: [("x", "1")], files: [MultipartFile(field: "f", filename: "a.bin", content: Self.fileContent)])
        let cut = Array(body.prefix(body.count / 2))
        let response = try server.client.request("POST", "/upload", headers: [("Content-Type", contentType)], body: cut)
        #expect(response.status == 400)
        #expect(eventually(within: 10) {
            (try? FileManager.default.contentsOfDirectory(atPath: server.uploadDirectory))?.isEmpty ?? false
        })
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A multipart upload over the body limit answers 413 and leaves no temporary file")
    func oversizedMultipart() throws {
        let server = try TestServer { $0.maxBodyBytes = 50_000 }
        let (contentType, body) = RawHTTPClient.multipart(
            fields: [], files: [MultipartFile(field: "f", filename: "big.bin", content: Self.fileContent)])
        let chunked = chunk(body, size: 16 * 1024)
        let response = try server.client.send(raw: rawRequest(
            "POST /upload HTTP/1.1", headers: ["Content-Type: \(contentType)", "Transfer-Encoding: chunked"],
            body: chunked))
        #expect(response.status == 413)
        #expect(server.uploadedPaths.withLock { $0.isEmpty })
        #expect(eventually(within: 10) {
            (try? FileManager.default.contentsOfDirectory(atPath: server.uploadDirectory))?.isEmpty ?? false
        })
    }
}

/// `bytes` in the chunked transfer coding, `size` bytes a chunk, with the final empty chunk.
func chunk(_ bytes: [UInt8], size: Int) -> [UInt8] {
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        let end = min(index + size, bytes.count)
        out += Array((String(end - index, radix: 16) + "\r\n").utf8) + bytes[index..<end] + Array("\r\n".utf8)
        index = end
    }
    return out + Array("0\r\n\r\n".utf8)
}
