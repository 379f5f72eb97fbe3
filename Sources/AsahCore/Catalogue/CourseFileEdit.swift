import Foundation
import GRDB
import Synchronization

/// A course file changed or added from the browser: the text is checked by the parser and the
/// catalogue's checks across files exactly as `asah courses sync` would check it, written into
/// the folder (the file stays the source of truth), then the folder is synced and the change
/// audited. A refused text changes nothing, on disk or in the database.
///
/// Saves are one at a time (a process-wide lock), so two editors cannot interleave a check and
/// a write. A file is written to a hidden temporary file in the same folder and renamed over
/// the old one, so a reader (or a sync) sees the old or the new text, never half of one.
public struct CourseFileEdit: Sendable {
    /// The catalogue folder (`asah serve --courses`).
    public let folder: String
    /// The database the folder is synced into.
    public let database: AppDatabase

    /// Edits of the files in `folder`, synced into `database`.
    public init(folder: String, database: AppDatabase) {
        self.folder = folder
        self.database = database
    }

    /// Why a text was not saved.
    public enum Refusal: Error, Hashable, Sendable {
        /// The parser's or the catalogue's reasons, files named without their folder.
        case invalid([CourseFileError])
        /// The text names another code than the course edited (a course is not renamed).
        case codeChanged(from: String, to: String)
        /// A new course's code is already a course of the catalogue (or of another file).
        case codeTaken(String)
        /// A new course's file name (its code in lower case) is already a file of the folder.
        case fileExists(String)
        /// The file could not be written (permissions, disk full); nothing changed.
        case unwritable
        /// The text is over ``maximumBytes``.
        case tooLarge
    }

    /// A saved file: the course's code and the file's name in the folder.
    public struct Saved: Hashable, Sendable {
        public let code: String
        public let fileName: String
    }

    private static let lock = Mutex<Int>(0)

    /// The largest text saved (the largest file of the repository's catalogue is under 10 KB).
    public static let maximumBytes = 256 * 1024

    /// The text of the file of the course `code` (on offer), and the file's name; nil when
    /// there is no such course or its file is no longer in the folder.
    public func text(code: String) throws -> (fileName: String, text: String)? {
        guard let course = try database.pool.read({ try CatalogueQueries.course(code: code, in: $0) }), !course.archived,
              let text = try? String(contentsOfFile: path(course.sourceFile), encoding: .utf8) else { return nil }
        return (course.sourceFile, text)
    }

    /// Replaces the file of the course `code` with `text`, which must keep the code.
    public func save(code: String, text: String, actor: Int64, ip: String?) throws -> Result<Saved, Refusal> {
        try Self.lock.withLock { _ in
            guard let current = try self.text(code: code) else { return .failure(.invalid([])) }
            return try write(Self.normalised(text), fileName: current.fileName, code: code, before: current.text, actor: actor, ip: ip)
        }
    }

    /// Adds a course file named after the code in `text` (`PPP-02` → `ppp-02.md`).
    public func create(text: String, actor: Int64, ip: String?) throws -> Result<Saved, Refusal> {
        try Self.lock.withLock { _ in
            let text = Self.normalised(text)
            guard text.utf8.count <= Self.maximumBytes else { return .failure(.tooLarge) }
            let parsed: CourseFile
            switch Self.parse(text, file: "new.md") {
            case .success(let file): parsed = file
            case .failure(let error): return .failure(.invalid([error]))
            }
            let fileName = parsed.code.lowercased() + ".md"
            if let course = try database.pool.read({ try CatalogueQueries.course(code: parsed.code, in: $0) }), !course.archived {
                return .failure(.codeTaken(parsed.code))
            }
            if FileManager.default.fileExists(atPath: path(fileName)) { return .failure(.fileExists(fileName)) }
            return try write(text, fileName: fileName, code: parsed.code, before: nil, actor: actor, ip: ip)
        }
    }

    /// Checks `text` as the file `fileName` among the folder's other files, writes it and syncs.
    private func write(_ text: String, fileName: String, code: String, before: String?, actor: Int64,
                       ip: String?) throws -> Result<Saved, Refusal> {
        guard text.utf8.count <= Self.maximumBytes else { return .failure(.tooLarge) }
        let parsed: CourseFile
        switch Self.parse(text, file: path(fileName)) {
        case .success(let file): parsed = file
        case .failure(let error): return .failure(.invalid([named(error)]))
        }
        guard parsed.code == code else { return .failure(.codeChanged(from: code, to: parsed.code)) }
        if let problems = try catalogueProblems(parsed) { return .failure(.invalid(problems)) }
        do {
            try Self.replace(path(fileName), with: text, overwrite: before != nil, in: folder)
        } catch {
            return .failure(before == nil && FileManager.default.fileExists(atPath: path(fileName)) ? .fileExists(fileName) : .unwritable)
        }
        do {
            _ = try CatalogueSync(database: database).sync(folder: folder)
        } catch {
            if let before { try? Self.replace(path(fileName), with: before, overwrite: true, in: folder) } else { unlink(path(fileName)) }
            throw error
        }
        let detail = "\(fileName) " + [before, text].map { text in
            text.map { "sha256:" + SecureToken.digest($0).prefix(12) + " (\($0.utf8.count) B)" } ?? "-"
        }.joined(separator: " → ")
        try AuditLog.record(before == nil ? "course.create" : "course.edit", actor: actor, ip: ip, subject: code,
                            detail: detail, in: database)
        return .success(Saved(code: code, fileName: fileName))
    }

    /// The catalogue's refusals (``CatalogueValidator``, as the sync runs it) that `parsed`
    /// would bring: its own, and those of other files it would newly cause; nil when none.
    private func catalogueProblems(_ parsed: CourseFile) throws -> [CourseFileError]? {
        let now = try CourseFolder(reading: folder)
        let files = (now.files.filter { $0.fileName != parsed.fileName } + [parsed]).sorted { $0.fileName < $1.fileName }
        let errors = now.errors.filter { $0.file != parsed.file }
        let (before, after) = try database.pool.read { db in
            (try CatalogueSync.check(now.files, errors: now.errors, present: Set(now.names), in: db),
             try CatalogueSync.check(files, errors: errors, present: Set(now.names + [parsed.fileName]), in: db))
        }
        let own = after.errors.filter { $0.file == parsed.file }
        let caused = after.errors.filter { $0.file != parsed.file && !before.errors.contains($0) }
        guard !own.isEmpty || !caused.isEmpty || !after.accepted.contains(where: { $0.file == parsed.file }) else { return nil }
        return (own + caused).map(named)
    }

    /// The parser's answer as a value.
    private static func parse(_ text: String, file: String) -> Result<CourseFile, CourseFileError> {
        do throws(CourseFileError) { return .success(try CourseFileParser.parse(text, file: file)) } catch { return .failure(error) }
    }

    /// `error` with its file named without the folder.
    private func named(_ error: CourseFileError) -> CourseFileError {
        CourseFileError(file: (error.file as NSString).lastPathComponent, line: error.line, error.key, error.arguments)
    }

    private func path(_ fileName: String) -> String { (folder as NSString).appendingPathComponent(fileName) }

    /// Line ends as in the repository's files (a browser sends CRLF), ending with a newline.
    static func normalised(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Writes `text` to a hidden temporary file in `folder`, flushed to disk, then puts it at
    /// `path` in one step: renamed over the old file, or linked when `overwrite` is false (which
    /// fails, rather than replaces, when a file appeared there meanwhile).
    private static func replace(_ path: String, with text: String, overwrite: Bool, in folder: String) throws {
        let temporary = (folder as NSString).appendingPathComponent(".asah-edit-" + UUID().uuidString + ".tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { unlink(temporary) }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
        try handle.synchronize()
        try handle.close()
        let result = overwrite ? rename(temporary, path) : link(temporary, path)
        guard result == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The text `/courses/new` starts from: a valid file of the documented shape, to adapt.
    public static let template = """
        ---
        code: BARU-01
        title:
          id: Judul kursus dalam bahasa Indonesia
          en: Course title in English
        form: klasikal
        kind: pelatihan_teknis
        jp: 8
        competencies:
          values: [berorientasi_pelayanan]
        ---

        ## Deskripsi

        Satu paragraf yang menjelaskan kursus ini; paragraf pertama tampil di katalog.

        ## Tujuan Pembelajaran

        - tujuan pertama;
        - tujuan kedua.

        """
}

extension CourseFileEdit {
    /// The folder's `README.md` (the documented file format) as safe HTML; nil when absent.
    public func formatHelpHTML() -> String? {
        (try? String(contentsOfFile: path("README.md"), encoding: .utf8)).map { SafeMarkdown.html($0) }
    }
}
