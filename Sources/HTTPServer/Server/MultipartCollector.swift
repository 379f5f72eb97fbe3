import CMicroHTTPD
import Foundation

/// Streams a `multipart/form-data` body through libmicrohttpd's post processor: file parts
/// go straight to temporary files, small fields are collected in memory.
final class MultipartCollector {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [UploadedFile] = []
    private var processor: OpaquePointer?
    private let directory: String
    private var fieldBuffer: [UInt8] = []
    private var current: (key: String, filename: String?, type: String, handle: FileHandle?, path: String?)?
    private(set) var failed = false
    private static let maxFieldBytes = 1024 * 1024

    init?(connection: OpaquePointer, directory: String) {
        self.directory = directory
        let unmanaged = Unmanaged.passUnretained(self).toOpaque()
        processor = MHD_create_post_processor(connection, 64 * 1024, multipartIterator, unmanaged)
        if processor == nil { return nil }
    }

    /// Feeds body bytes to the parser; false when the body is malformed.
    func feed(_ data: UnsafePointer<CChar>, count: Int) -> Bool {
        guard let processor, !failed else { return false }
        return MHD_post_process(processor, data, count) == .YES && !failed
    }

    /// Finishes parsing; false when the body ended early or was malformed.
    func finish() -> Bool {
        guard let processor else { return false }
        self.processor = nil
        let ok = MHD_destroy_post_processor(processor) == .YES
        closeCurrent()
        return ok && !failed
    }

    /// Deletes every temporary file (called when the request completes).
    func discard() {
        if let processor { MHD_destroy_post_processor(processor) }
        processor = nil
        current?.handle?.closeFile()
        if let path = current?.path { unlink(path) }
        current = nil
        for file in files { unlink(file.temporaryPath) }
        files = []
    }

    fileprivate func receive(key: String, filename: String?, type: String?, data: UnsafePointer<CChar>?,
                             offset: UInt64, size: Int) -> Bool {
        if offset == 0 || current?.key != key || current?.filename != filename {
            closeCurrent()
            current = (key, filename, type ?? "application/octet-stream", nil, nil)
            if filename != nil {
                let path = directory + "/asah-upload-" + UUID().uuidString
                guard FileManager.default.createFile(atPath: path, contents: nil),
                      let handle = FileHandle(forWritingAtPath: path) else { failed = true; return false }
                current?.handle = handle
                current?.path = path
            }
        }
        guard let data, size > 0 else { return true }
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        if let handle = current?.handle {
            handle.write(Data(bytes))
        } else {
            guard fieldBuffer.count + size <= Self.maxFieldBytes else { failed = true; return false }
            fieldBuffer.append(contentsOf: bytes)
        }
        return true
    }

    private func closeCurrent() {
        guard let part = current else { return }
        current = nil
        if let handle = part.handle, let path = part.path {
            let size = Int(handle.offsetInFile)
            handle.closeFile()
            files.append(UploadedFile(field: part.key, clientFilename: part.filename ?? "", contentType: part.type,
                                      temporaryPath: path, size: size))
        } else if let value = String(validating: fieldBuffer, as: UTF8.self) {
            fields[part.key, default: []].append(value)
        } else {
            failed = true
        }
        fieldBuffer = []
    }
}

private func multipartIterator(
    cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind, key: UnsafePointer<CChar>?,
    filename: UnsafePointer<CChar>?, contentType: UnsafePointer<CChar>?, encoding: UnsafePointer<CChar>?,
    data: UnsafePointer<CChar>?, offset: UInt64, size: Int
) -> MHD_Result {
    guard let cls, let key else { return .NO }
    let collector = Unmanaged<MultipartCollector>.fromOpaque(cls).takeUnretainedValue()
    let ok = collector.receive(key: String(cString: key), filename: filename.map { String(cString: $0) },
                               type: contentType.map { String(cString: $0) }, data: data, offset: offset, size: size)
    return ok ? .YES : .NO
}
