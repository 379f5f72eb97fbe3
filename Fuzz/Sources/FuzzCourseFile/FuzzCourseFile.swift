import FuzzDriver
import AsahCore

/// Course files (YAML front matter and Markdown): any text must parse or be refused with a
/// `CourseFileError` that names the problem, never trap.
@main
enum FuzzCourseFile {
    static func main() { FuzzDriver.run { data, size in fuzzCourseFile(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCourseFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CourseFileParser.parse(text, file: "fuzz.md")
    return 0
}
