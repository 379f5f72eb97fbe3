import CSV
import Foundation

/// A table as CSV text for a spreadsheet: comma-separated, header row first, UTF-8, quoted
/// where needed, ending with a newline.
public enum CSVText {
    public static func make(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
