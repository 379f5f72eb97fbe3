/// Hands a fuzz target to libFuzzer. SwiftPM renames each executable's entry point and points
/// `main` at it, so libFuzzer's own `main` is not used: the target's `@main` calls
/// `LLVMFuzzerRunDriver`, which parses libFuzzer's command line and runs the loop.
public enum FuzzDriver {
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ target: Target) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ target: FuzzDriver.Target) -> CInt

@_silgen_name("exit")
private func exit(_ status: CInt) -> Never
