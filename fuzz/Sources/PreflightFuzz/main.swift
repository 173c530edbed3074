import Foundation
import CFuzzDriver

// SwiftPM makes this file's top-level code the executable's `main`, so libFuzzer's own main is
// not the entry point: this code picks the target named by PREFLIGHT_FUZZ_TARGET (scripts/fuzz
// sets it) and hands the command line to libFuzzer's driver. libFuzzer re-runs the executable
// with the same environment for -fork, -jobs and -merge, so the choice holds there too.

/// The one input callback; libFuzzer's main (linked in, never run) needs the symbol too.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.selected?.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

let name = ProcessInfo.processInfo.environment["PREFLIGHT_FUZZ_TARGET"] ?? ""
guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
    let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("PREFLIGHT_FUZZ_TARGET must be one of: \(names)\n".utf8))
    exit(2)
}
FuzzTarget.selected = target
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput))
