import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Routing on a running server")
struct RoutingTests {
    @Test("A path parameter reaches the handler, percent-decoded")
    func pathParameter() throws {
        let server = try TestServer()
        let plain = try server.client.get("/people/42")
        #expect(plain.status == 200)
        #expect(plain.text == "person 42")
        let encoded = try server.client.get("/people/caf%C3%A9")
        #expect(encoded.status == 200)
        #expect(encoded.text == "person café")
    }

    @Test("A rest parameter takes the remaining segments")
    func restParameter() throws {
        let server = try TestServer()
        let response = try server.client.get("/people/7/notes/2024/june")
        #expect(response.status == 200)
        #expect(response.text == "notes of 7: 2024/june")
    }

    @Test("A literal route answers with or without a trailing slash")
    func trailingSlash() throws {
        let server = try TestServer()
        #expect(try server.client.get("/hello").text == "Hello")
        #expect(try server.client.get("/hello/").text == "Hello")
    }

    @Test("An unknown path answers 404", arguments: ["/nope", "/people", "/people/1/2", "/hello/extra", "/"])
    func unknownPath(path: String) throws {
        let server = try TestServer()
        let response = try server.client.get(path)
        #expect(response.status == 404)
    }

    @Test("A known path with another method answers 405 and lists the allowed methods in Allow")
    func methodNotAllowed() throws {
        let server = try TestServer()
        let delete = try server.client.request("DELETE", "/items")
        #expect(delete.status == 405)
        #expect(delete.header("Allow") == "GET, HEAD, POST")

        let get = try server.client.get("/submit")
        #expect(get.status == 405)
        #expect(get.header("Allow") == "POST")

        let patterned = try server.client.request("PUT", "/people/3")
        #expect(patterned.status == 405)
        #expect(patterned.header("Allow") == "GET, HEAD")
    }

    @Test("Each method of a path reaches its own handler")
    func methodsDispatch() throws {
        let server = try TestServer()
        let get = try server.client.get("/items")
        #expect(get.status == 200)
        #expect(get.text == "all items")
        let post = try server.client.request("POST", "/items")
        #expect(post.status == 201)
        #expect(post.text == "item created")
    }

    @Test("HEAD is answered by the GET handler, without a body")
    func headUsesGet() throws {
        let server = try TestServer()
        let get = try server.client.get("/people/42")
        let head = try server.client.request("HEAD", "/people/42")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        if let length = head.header("Content-Length") {
            #expect(Int(length) == get.body.count)
        }
    }

    @Test("HEAD on a path without GET answers 405")
    func headWithoutGet() throws {
        let server = try TestServer()
        let head = try server.client.request("HEAD", "/submit")
        #expect(head.status == 405)
        #expect(head.header("Allow") == "POST")
    }

    @Test("Cookies set by one answer come back on the next request")
    func cookiesRoundTrip() throws {
        let server = try TestServer()
        var jar = CookieJar()
        let login = try server.client.get("/login")
        #expect(login.headers(named: "Set-Cookie") == [
            "sid=abc123; Path=/; HttpOnly; SameSite=Lax",
            "theme=dark; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax",
        ])
        jar.absorb(login)
        #expect(try server.client.get("/cookies", headers: jar.requestHeaders).text == "sid=abc123; theme=dark")
        jar.absorb(try server.client.get("/logout"))
        #expect(jar.header == "theme=dark")
        #expect(try server.client.get("/cookies", headers: jar.requestHeaders).text == "theme=dark")
    }
}

@Suite("Router without a server")
struct RouterUnitTests {
    private func router() -> Router {
        let router = Router()
        router.add(.get, "/a") { _ in .text("a") }
        router.add(.get, "/u/:name") { request in .text("u " + (request.parameters["name"] ?? "")) }
        router.add(.post, "/u/:name") { _ in .text("posted") }
        return router
    }

    @Test("Routes are listed in the order they were added")
    func listsRoutes() {
        #expect(router().routes.map { "\($0.method) \($0.pattern)" } == ["GET /a", "GET /u/:name", "POST /u/:name"])
    }

    @Test("The router matches parameters and methods")
    func matches() {
        let router = router()
        #expect(router.handle(Request(method: .get, path: "/u/zoé")).body == Array("u zoé".utf8))
        #expect(router.handle(Request(method: .post, path: "/u/x")).body == Array("posted".utf8))
        let options = router.handle(Request(method: .options, path: "/u/x"))
        #expect(options.status == 405)
        #expect(options.headers["Allow"] == "GET, HEAD, POST")
        #expect(router.handle(Request(method: .get, path: "/b")).status == 404)
    }

    @Test("Custom not-found and method-not-allowed answers are used")
    func customAnswers() {
        let router = Router(notFound: { _ in .text("where?", status: 404) },
                            methodNotAllowed: { _, allowed in .text("try \(allowed.count) others") })
        router.add(.get, "/x") { _ in .text("x") }
        #expect(router.handle(Request(method: .get, path: "/y")).body == Array("where?".utf8))
        let wrong = router.handle(Request(method: .delete, path: "/x"))
        #expect(wrong.status == 405)
        #expect(wrong.body == Array("try 2 others".utf8))
        #expect(wrong.headers["Allow"] == "GET, HEAD")
    }
}
