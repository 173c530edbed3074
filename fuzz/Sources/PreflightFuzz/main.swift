import Foundation
import CFuzzDriver

// One executable for every target: PREFLIGHT_FUZZ_TARGET names the one to run (scripts/fuzz sets
// it), and libFuzzer gets the command line unchanged. libFuzzer re-runs this executable with the
// same environment for -fork, -jobs and -merge, so the choice holds there too.
let name = ProcessInfo.processInfo.environment["PREFLIGHT_FUZZ_TARGET"] ?? ""
guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
    let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("PREFLIGHT_FUZZ_TARGET must be one of: \(names)\n".utf8))
    exit(2)
}
FuzzTarget.selected = target

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzTarget.selected?.run(UnsafeRawBufferPointer(start: data, count: size).map { $0 })
    return 0
})
