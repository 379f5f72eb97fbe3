import AsahCore
import Foundation

/// A small generated PDF standing in for a demo project's final report or a training
/// certificate, stored as uploads are: content-addressed (`<sha256>.pdf`) in the upload
/// folder beside the database.
enum DemoReportFile {
    /// Writes the report showing `lines` and returns its record, named `laporan-akhir.pdf`;
    /// `nil` when the folder cannot be written (the submission then carries text only).
    static func write(_ lines: [String], database: AppDatabase) -> SubmissionFile? {
        store(lines, folder: SubmissionFile.folderName, database: database).map {
            SubmissionFile(storedName: $0.name, displayName: "laporan-akhir.pdf", contentType: "application/pdf", size: $0.size)
        }
    }

    /// Stores a PDF showing `lines` content-addressed in `folder` beside the database (as
    /// uploads are); its stored name and size, or `nil` when the folder cannot be written.
    static func store(_ lines: [String], folder: String, database: AppDatabase) -> (name: String, size: Int)? {
        let pdf = pdf(lines: lines)
        let name = SecureToken.digest(pdf) + ".pdf"
        let folder = ((database.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folder)
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                try Data(pdf.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            return nil
        }
        return (name, pdf.utf8.count)
    }

    /// A one-page A4 PDF with `lines` in Helvetica, the first as a heading; characters outside
    /// printable ASCII become "?".
    static func pdf(lines: [String]) -> String {
        let text: String = lines.enumerated().map { index, line -> String in
            let ascii = String(String.UnicodeScalarView(line.unicodeScalars.map { (32..<127).contains($0.value) ? $0 : "?" }))
            let escaped = ascii.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
            return "BT /F1 \(index == 0 ? 18 : 12) Tf 72 \(770 - index * 24) Td (\(escaped)) Tj ET"
        }.joined(separator: "\n")
        let objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        pdf += offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return pdf
    }
}
