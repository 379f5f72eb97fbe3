import HTTPServer
import Foundation
let router = Router()
let files = StaticFiles(root: "static")
router.add(.get, "/hello", { _ in .html("<p>hello</p>") })
router.add(.post, "/form", { r in
  do { let f = try r.form(); return .text("ok \(f.fields) files=\(r.files.map{"\($0.clientFilename):\($0.size)"})") } catch { return .text("bad \(error)", status: 400) } })
router.add(.get, "/static/*path", files.handler())
var c = ServerConfiguration(); c.port = 8099; c.maxBodyBytes = 100000
let s = HTTPServer(configuration: c, handler: router.handle)
try s.start()
print("port", s.port)
sleep(1000)
