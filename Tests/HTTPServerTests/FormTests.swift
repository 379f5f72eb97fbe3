import HTTPServer
import HTTPTestSupport
import Testing

@Suite("Query strings and urlencoded forms on a running server")
struct FormTests {
    @Test("A query string decodes + as space, UTF-8 escapes and repeated names")
    func queryDecoding() throws {
        let server = try TestServer()
        let response = try server.client.get("/query?name=Jean+Dupont&price=5%E2%82%AC&tag=a&tag=b%2Bc&empty=")
        #expect(response.status == 200)
        #expect(response.text == "empty=\nname=Jean Dupont\nprice=5€\ntag=a|b+c")
    }

    @Test("An urlencoded body decodes + as space and UTF-8 escapes")
    func formDecoding() throws {
        let server = try TestServer()
        let response = try server.client.request(
            "POST", "/form", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("name=Jean+Dupont&price=5%E2%82%AC&note=a%26b%3Dc".utf8))
        #expect(response.status == 200)
        #expect(response.text == "name=Jean Dupont\nnote=a&b=c\nprice=5€")
    }

    @Test("A form built by the client helper arrives intact")
    func formHelperRoundTrip() throws {
        let server = try TestServer()
        let fields = [("name", "Zoé O'Brien"), ("sum", "1+1 = 2 €"), ("path", "/a?b&c#d")]
        let response = try server.client.postForm("/form", fields: fields)
        #expect(response.status == 200)
        #expect(response.text == "name=Zoé O'Brien\npath=/a?b&c#d\nsum=1+1 = 2 €")
    }

    @Test("A form body with broken percent-encoding is refused and the server keeps serving",
          arguments: ["name=%ZZ", "name=%4", "name=abc%", "na%G0me=x", "a=1&b=%%41"])
    func brokenPercentEncodingInBody(body: String) throws {
        let server = try TestServer()
        let response = try server.client.request(
            "POST", "/form", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
        #expect(response.status == 400)
        #expect(response.text == "bad form: brokenPercentEncoding")
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A form body that is not UTF-8 is refused and the server keeps serving",
          arguments: [Array("name=%FF".utf8), Array("name=%E2%82".utf8), Array("name=".utf8) + [0xC3, 0x28],
                      Array("name=".utf8) + [0xFF, 0xFE]])
    func invalidUTF8InBody(body: [UInt8]) throws {
        let server = try TestServer()
        let response = try server.client.request(
            "POST", "/form", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
        #expect(response.status == 400)
        #expect(response.text == "bad form: invalidUTF8")
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A query with broken encoding makes the handler's query() throw")
    func brokenQuery() throws {
        let server = try TestServer()
        let broken = try server.client.get("/query?name=%ZZ")
        #expect(broken.status == 400)
        #expect(broken.text == "bad query: brokenPercentEncoding")
        let notUTF8 = try server.client.get("/query?name=%C3")
        #expect(notUTF8.status == 400)
        #expect(notUTF8.text == "bad query: invalidUTF8")
    }

    @Test("A path with broken percent-encoding answers 400 and the server keeps serving",
          arguments: ["/hello%ZZ", "/people/%", "/people/%4", "/static/%G1.txt"])
    func brokenPercentEncodingInPath(path: String) throws {
        let server = try TestServer()
        let response = try server.client.get(path)
        #expect(response.status == 400)
        #expect(try server.client.get("/hello").status == 200)
    }

    @Test("A path whose escapes decode to invalid UTF-8 answers 400", arguments: ["/people/%FF", "/people/%C3%28"])
    func invalidUTF8InPath(path: String) throws {
        let server = try TestServer()
        #expect(try server.client.get(path).status == 400)
    }

    @Test("A request target with raw bytes that are not UTF-8 answers 400, never a repaired path",
          arguments: [Array("/people/".utf8) + [0xFF, 0xFE], Array("/query?name=".utf8) + [0xC3, 0x28]])
    func rawInvalidUTF8InTarget(target: [UInt8]) throws {
        let server = try TestServer()
        let response = try server.client.send(raw: Array("GET ".utf8) + target
            + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        #expect(response.status == 400)
        #expect(try server.client.get("/hello").status == 200)
    }
}
