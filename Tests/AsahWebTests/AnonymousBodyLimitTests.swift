import HTTPTestSupport
import Testing

@Suite("Request bodies before sign-in")
struct AnonymousBodyLimitTests {
    private static let largeForm = [("padding", String(repeating: "a", count: 100_000))]

    @Test("Without a session a body over 64 KB is refused with 413 before it is sent, saying to sign in")
    func anonymousAnnounced() throws {
        let app = try TestApp()
        let answer = try app.client.send(raw: "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 100000\r\n\r\n")
        #expect(answer.status == 413)
        #expect(answer.text.contains("hanya diterima setelah Anda masuk"))
        let small = try app.client.postForm("/login", fields: [("login", "x"), ("password", "y")])
        #expect(small.status != 413)
    }

    @Test("A session cookie that is not a valid session does not lift the limit")
    func forgedSession() throws {
        let app = try TestApp()
        let answer = try app.client.postForm("/login", fields: Self.largeForm,
                                             headers: [("Cookie", "asah_session=forged-token")])
        #expect(answer.status == 413)
    }

    @Test("A signed-in person may send a larger body")
    func signedIn() throws {
        let app = try TestApp()
        var browser = try app.signIn("demo.pegawai")
        let answer = try browser.post("/language", [("lang", "id"), ("next", "/")] + Self.largeForm)
        #expect(answer.status == 303)
    }
}
