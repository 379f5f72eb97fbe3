import AsahCore
import HTTPServer

/// The files of milestone submissions: PDF, images and office documents, at most 5 MB each
/// and 5 per submission, in the `projects` folder of the ``FileStore``.
enum ProjectUploads {
    static let maximumBytes = 5 * 1024 * 1024
    static let maximumFiles = 5

    static func store(_ database: AppDatabase) -> FileStore {
        FileStore(database: database, folder: "projects", maximumBytes: maximumBytes, kinds: FileStore.Kind.officeDocuments)
    }

    /// Why the uploads of a request were refused, with the HTTP status to answer.
    struct Refusal: Error {
        let status: Int
        let message: String
    }

    /// Keeps every non-empty file of the `files` field; all or none (files already kept are
    /// discarded when a later one is refused).
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
                store.discard(kept)
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

    /// The records of kept files.
    static func records(_ stored: [FileStore.Stored]) -> [SubmissionFile] {
        stored.map { SubmissionFile(storedName: $0.name, displayName: $0.displayName, contentType: $0.kind.contentType,
                                    size: $0.size) }
    }
}
