/// The rules a new password must meet.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 256

    /// Why a password is refused.
    public enum Problem: Error, Equatable, Sendable {
        case tooShort, tooLong, sameAsLogin
    }

    /// The first rule `password` breaks, if any.
    public static func check(_ password: String, login: String) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        if password.lowercased() == login.lowercased() { return .sameAsLogin }
        return nil
    }
}
