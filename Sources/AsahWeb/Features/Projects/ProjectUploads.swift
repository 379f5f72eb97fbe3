import AsahCore
import HTTPServer

/// The files of milestone submissions: PDF, images and office documents, at most 5 MB each
/// and 5 per submission, in the `projects` folder (``SubmissionFile/folderName``) of the ``FileStore``.
enum ProjectUploads {
    static let maximumBytes = 5 * 1024 * 1024
    static let maximumFiles = 5

    static func store(_ database: AppDatabase) -> FileStore {
        FileStore(database: database, folder: StoredUploads.projectsFolder, maximumBytes: maximumBytes, kinds: FileStore.Kind.officeDocuments)
    }

    /// Why the uploads of a request were refused, with the HTTP status to answer.
    struct Refusal: Error {
        let status: Int
        let message: String
    }

    /// Keeps every non-empty file of the `files` field; all or none (files kept before one is
    /// refused are left to ``StoredUploads`` to remove: another request may share them).
    static func keep(_ request: Request, store: FileStore, localizer: Localizer) -> Result<[FileStore.Stored], Refusal> {
        let uploads = request.files.filter { $0.field == "files" && ($0.size > 0 || !$0.clientFilename.isEmpty) }
        guard uploads.count <= maximumFiles else {
            return .failure(Refusal(status: 422, message: localizer.t("project_error_too_many_files",
                                                                      ["count": String(maximumFiles)])))
        }
        var kept: [FileStore.Stored] = []
        for upload in uploads {
            switch store.keep(upload) {
            case .success(let stored): kept.append(stored)
            case .failure(let problem):
                let name = FileStore.displayName(upload.clientFilename, .pdf)
                switch problem {
                case .tooLarge:
                    return .failure(Refusal(status: 413, message: localizer.t("project_error_file_large",
                                                                              ["name": name, "mb": String(maximumBytes / 1024 / 1024)])))
                case .wrongType:
                    return .failure(Refusal(status: 415, message: localizer.t("project_error_file_type", ["name": name])))
                case .missing:
                    return .failure(Refusal(status: 422, message: localizer.t("project_error_file_empty", ["name": name])))
                }
            }
        }
        return .success(kept)
    }

    /// How a milestone submission from a page or the API ended.
    enum Submission {
        /// The caller may not see the project (or the address is malformed).
        case notFound
        /// A file was refused; nothing was stored.
        case refused(Refusal)
        /// The submission itself was refused; files this request stored were removed again.
        case failed(ProjectProblem)
        case submitted(MilestoneSubmission, files: Int)
    }

    /// Submits milestone `:position` of project `:id` with the request's `body` field and
    /// `files`: the files are checked and stored first (all or none); when the submission is
    /// then refused, the files this request stored are removed again.
    static func submit(_ context: Context) throws -> Submission {
        let form = try context.form()
        guard let id = context.pathID(), let position = context.pathInteger("position", in: 0...1_000) else {
            return .notFound
        }
        let database = context.services.database
        guard try ProjectFolder.isVisible(id, to: context.user, database: database) else { return .notFound }
        let store = store(database)
        let stored: [FileStore.Stored]
        switch keep(context.request, store: store, localizer: context.localizer) {
        case .success(let kept): stored = kept
        case .failure(let refusal): return .refused(refusal)
        }
        switch try ProjectReviews(database: database).submit(projectId: id, position: position, body: form["body"] ?? "",
                                                             files: records(stored), actor: context.user, ip: context.ip) {
        case .success(let submission): return .submitted(submission, files: stored.count)
        case .failure(let problem): return .failed(problem)
        }
    }

    /// The records of kept files.
    static func records(_ stored: [FileStore.Stored]) -> [SubmissionFile] {
        stored.map { SubmissionFile(storedName: $0.name, displayName: $0.displayName, contentType: $0.kind.contentType,
                                    size: $0.size) }
    }
}
