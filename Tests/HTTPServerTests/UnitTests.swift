@testable import HTTPServer
import HTTPTestSupport
import Testing

@Suite("FormData")
struct FormDataTests {
    @Test("Pairs decode with + as space, UTF-8 escapes and repeated names in order")
    func decodes() throws {
        let form = try FormData(urlEncoded: "name=Jean+Dupont&price=5%E2%82%AC&tag=a&tag=b&plus=%2B")
        #expect(form["name"] == "Jean Dupont")
        #expect(form["price"] == "5€")
        #expect(form.all("tag") == ["a", "b"])
        #expect(form["tag"] == "a")
        #expect(form["plus"] == "+")
        #expect(form["missing"] == nil)
        #expect(form.all("missing") == [])
    }

    @Test("A name without = has an empty value; empty pairs are skipped; only the first = splits")
    func edges() throws {
        let form = try FormData(urlEncoded: "flag&&a=b=c&=anonymous&")
        #expect(form["flag"] == "")
        #expect(form["a"] == "b=c")
        #expect(form[""] == "anonymous")
        #expect(form.fields.count == 3)
        #expect(try FormData(urlEncoded: "").fields.isEmpty)
    }

    @Test("trimmed drops surrounding white space and treats blank as absent")
    func trimmed() throws {
        let form = try FormData(urlEncoded: "a=++hello+%0A&b=+++&c=")
        #expect(form.trimmed("a") == "hello")
        #expect(form.trimmed("b") == nil)
        #expect(form.trimmed("c") == nil)
        #expect(form.trimmed("d") == nil)
    }

    @Test("Broken percent-encoding throws", arguments: ["a=%", "a=%4", "a=%G0", "a=%0G", "%=1", "a=1&b=%%", "a=%+1"])
    func brokenEncoding(text: String) {
        #expect(throws: FormDecodingError.brokenPercentEncoding) { try FormData(urlEncoded: text) }
    }

    @Test("Escapes that decode to invalid UTF-8 throw", arguments: ["a=%FF", "a=%C3", "a=%E2%82", "a=%C3%28", "%80=x",
                                                                    "a=%ED%A0%80"])
    func invalidUTF8(text: String) {
        #expect(throws: FormDecodingError.invalidUTF8) { try FormData(urlEncoded: text) }
    }

    @Test("decodeComponent keeps + when plusAsSpace is false, and accepts lower-case hex")
    func decodeComponent() throws {
        #expect(try FormData.decodeComponent(Array("a+b%2b%c3%a9".utf8)[...], plusAsSpace: false) == "a+b+é")
        #expect(try FormData.decodeComponent(Array("a+b".utf8)[...]) == "a b")
        #expect(try FormData.decodeComponent("x%41y".utf8[...]) == "xAy")
    }

    @Test("Fields given directly are kept")
    func directFields() {
        let form = FormData(fields: ["a": ["1", "2"]])
        #expect(form["a"] == "1")
        #expect(form.all("a") == ["1", "2"])
    }
}

@Suite("PathPattern")
struct PathPatternTests {
    private func segments(_ path: String) -> [Substring] { path.split(separator: "/") }

    @Test("A literal pattern matches only its own path")
    func literal() {
        let pattern = PathPattern("/people/list")
        #expect(pattern.isLiteral)
        #expect(pattern.match(segments("/people/list")) == [:])
        #expect(pattern.match(segments("/people")) == nil)
        #expect(pattern.match(segments("/people/list/more")) == nil)
        #expect(pattern.match(segments("/people/other")) == nil)
        #expect(pattern.description == "/people/list")
    }

    @Test("A :name segment matches exactly one segment")
    func parameter() {
        let pattern = PathPattern("/people/:nip/edit")
        #expect(!pattern.isLiteral)
        #expect(pattern.match(segments("/people/123/edit")) == ["nip": "123"])
        #expect(pattern.match(segments("/people/123")) == nil)
        #expect(pattern.match(segments("/people/123/edit/x")) == nil)
        #expect(pattern.match(segments("/people/123/view")) == nil)
    }

    @Test("A *name segment takes the rest of the path, at least one segment")
    func rest() {
        let pattern = PathPattern("/static/*path")
        #expect(pattern.match(segments("/static/css/site.css")) == ["path": "css/site.css"])
        #expect(pattern.match(segments("/static/a")) == ["path": "a"])
        #expect(pattern.match(segments("/static")) == nil)
        #expect(pattern.match(segments("/other/a")) == nil)
    }

    @Test("Several parameters are all captured")
    func several() {
        let pattern = PathPattern("/courses/:course/lessons/:lesson")
        #expect(pattern.match(segments("/courses/swift/lessons/3")) == ["course": "swift", "lesson": "3"])
    }

    @Test("The root pattern matches only the root")
    func root() {
        let pattern = PathPattern("/")
        #expect(pattern.isLiteral)
        #expect(pattern.match(segments("/")) == [:])
        #expect(pattern.match(segments("/a")) == nil)
    }
}

@Suite("Cookies")
struct CookieTests {
    @Test("parseCookies reads name=value pairs, trims spaces and unquotes values")
    func parses() {
        #expect(parseCookies("sid=abc; theme=dark") == ["sid": "abc", "theme": "dark"])
        #expect(parseCookies("  a = 1 ;b=\"quoted value\"") == ["a": "1", "b": "quoted value"])
        #expect(parseCookies("token=a=b=c") == ["token": "a=b=c"])
        #expect(parseCookies("empty=") == ["empty": ""])
        #expect(parseCookies("\ta=\t1\t;  b =   ; c=é ") == ["a": "1", "b": "", "c": "é"])
    }

    @Test("parseCookies keeps the first of repeated names and skips malformed parts")
    func edges() {
        #expect(parseCookies("a=1; a=2") == ["a": "1"])
        #expect(parseCookies("novalue; =anonymous; b=2") == ["b": "2"])
        #expect(parseCookies(nil) == [:])
        #expect(parseCookies("") == [:])
        #expect(parseCookies("q=\"") == ["q": "\""])
    }

    @Test("SetCookie.headerValue has the attributes a session cookie needs")
    func headerValue() {
        #expect(SetCookie(name: "sid", value: "abc").headerValue == "sid=abc; Path=/; HttpOnly; SameSite=Lax")
        #expect(SetCookie(name: "sid", value: "abc", maxAge: 3600, secure: true, sameSite: .strict).headerValue
            == "sid=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict")
        #expect(SetCookie(name: "pref", value: "1", httpOnly: false, sameSite: .none).headerValue
            == "pref=1; Path=/; SameSite=None")
        var scoped = SetCookie(name: "x", value: "y")
        scoped.path = "/admin"
        #expect(scoped.headerValue == "x=y; Path=/admin; HttpOnly; SameSite=Lax")
    }

    @Test("An expired cookie has an empty value and Max-Age=0")
    func expired() {
        #expect(SetCookie.expired("sid").headerValue == "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
        #expect(SetCookie.expired("sid", secure: true).headerValue
            == "sid=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax")
    }

    @Test("Response.setCookie adds one Set-Cookie header per cookie")
    func responseSetCookie() {
        var response = Response.text("x")
        response.setCookie(SetCookie(name: "a", value: "1"))
        response.setCookie(SetCookie(name: "b", value: "2"))
        #expect(response.headers.filter { $0.name == "Set-Cookie" }.count == 2)
    }
}

@Suite("RequestTarget")
struct RequestTargetTests {
    @Test("The path is percent-decoded and the query kept raw")
    func splits() throws {
        let target = try #require(RequestTarget("/a%20b/caf%C3%A9?x=1+2&y=%41"))
        #expect(target.path == "/a b/café")
        #expect(target.query == "x=1+2&y=%41")
    }

    @Test("+ in the path stays a plus")
    func plusInPath() throws {
        #expect(try #require(RequestTarget("/a+b")).path == "/a+b")
    }

    @Test("Without ? the query is empty; only the first ? splits")
    func query() throws {
        #expect(try #require(RequestTarget("/p")).query == "")
        #expect(try #require(RequestTarget("/p?")).query == "")
        let target = try #require(RequestTarget("/p?a=1?b"))
        #expect(target.path == "/p")
        #expect(target.query == "a=1?b")
    }

    @Test("A path without a leading slash gets one")
    func leadingSlash() throws {
        #expect(try #require(RequestTarget("people")).path == "/people")
        #expect(try #require(RequestTarget("")).path == "/")
    }

    @Test("Broken percent-encoding or invalid UTF-8 in the path gives nil",
          arguments: ["/%", "/%4", "/%ZZ", "/a%G1", "/%FF", "/%C3", "/%C3%28?x=1"])
    func broken(raw: String) {
        #expect(RequestTarget(raw) == nil)
    }

    @Test("A broken query does not make the target fail (the handler decides)")
    func brokenQueryIsKept() throws {
        #expect(try #require(RequestTarget("/p?x=%ZZ")).query == "x=%ZZ")
    }
}

@Suite("HTTP helpers")
struct HTTPHelperTests {
    @Test("Header names compare case-insensitively and keep their order")
    func headers() {
        var headers = HTTPHeaders([("Content-Type", "text/plain"), ("Set-Cookie", "a=1")])
        headers.add("set-cookie", "b=2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["Content-Typf"] == nil && headers["Content-Typ"] == nil && headers["content_type"] == nil)
        #expect(headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value) == ["a=1", "b=2"])
        headers.set("SET-COOKIE", "c=3")
        #expect(headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value) == ["c=3"])
        headers.remove("Content-Type")
        #expect(!headers.contains("content-type"))
    }

    @Test("Methods parse from their token and keep unknown ones")
    func methods() {
        #expect(HTTPMethod("GET") == .get)
        #expect(HTTPMethod("PROPFIND") == .other("PROPFIND"))
        #expect(HTTPMethod("PROPFIND").description == "PROPFIND")
        #expect(HTTPMethod("get") == .other("get"))
        #expect(!HTTPMethod.head.isUnsafe)
        #expect(HTTPMethod.post.isUnsafe)
    }

    @Test("HTTP dates format and parse in the IMF-fixdate form")
    func dates() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("06/11/1994") == nil)
    }

    @Test("Media types follow the extension, case-insensitively")
    func mediaTypes() {
        #expect(MediaType.forExtension("CSS") == "text/css; charset=utf-8")
        #expect(MediaType.forExtension("png") == "image/png")
        #expect(MediaType.forExtension("exe") == "application/octet-stream")
    }
}
