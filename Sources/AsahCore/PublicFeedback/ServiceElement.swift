/// The elements of the Survei Kepuasan Masyarakat (PermenPANRB 14/2017) that the public
/// feedback form asks about, each answered on the regulation's 1-4 scale (1 not good ... 4 very
/// good). A short subset of the nine: people at a service desk answer four questions, not nine.
public enum ServiceElement: String, CaseIterable, Sendable {
    /// Satisfaction with the service as a whole.
    case overall
    /// The speed of the service (SKM: waktu penyelesaian).
    case speed
    /// How clear the requirements were (SKM: persyaratan).
    case requirements
    /// The staff's courtesy (SKM: perilaku pelaksana).
    case courtesy

    /// The answers the form takes.
    public static let scale = 1...4

    /// An IKM on 25-100 from a mean on the 1-4 scale, as PermenPANRB 14/2017 converts it.
    public static func index(fromMean mean: Double) -> Double {
        mean * 25
    }
}
