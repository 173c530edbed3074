import Foundation
import Testing

/// The targets are a pipeline: a file imports only targets before its own. SwiftPM's declared
/// dependencies enforce this when modules build from scratch; this test also catches an import
/// that only compiles because an earlier build left the module lying in the build folder.
@Suite("Layered targets")
struct LayerTests {
    static let order = ["PreflightSupport", "PreflightChecklist", "PreflightRuns", "PreflightImport", "PreflightReport", "PreflightHistory",
                        "PreflightSite", "PreflightConfig", "PreflightServe", "preflight"]

    @Test func everyFileImportsOnlyEarlierTargets() throws {
        let sources = Fixture.packageRoot.appendingPathComponent("Sources")
        var checked = 0
        for (position, target) in Self.order.enumerated() {
            let folder = sources.appendingPathComponent(target)
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty, "no sources in \(target)")
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    let module = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                    guard let other = Self.order.firstIndex(of: module) else { continue }
                    #expect(other < position, "\(target)/\(file) imports \(module), a later layer")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func thePackageDeclaresTheSameOrder() throws {
        let manifest = try String(contentsOf: Fixture.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each target's dependencies name only earlier targets.
        for (position, target) in Self.order.enumerated() {
            let opening = target == "preflight" ? ".executableTarget(\n            name: \"preflight\"" : "name: \"\(target)\""
            let start = try #require(manifest.range(of: opening), "\(target) not declared")
            let rest = manifest[start.upperBound...]
            let end = [".target(", ".executableTarget(", ".testTarget("].compactMap { rest.range(of: $0)?.lowerBound }.min()
                ?? rest.endIndex
            let declaration = rest[..<end]
            for (other, name) in Self.order.enumerated() where other >= position {
                #expect(!declaration.contains("\"\(name)\""), "\(target) depends on \(name), which is not before it")
            }
        }
    }
}
