import ArgumentParser
import Foundation
import PreflightConfig

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings and where each came from: default, preflight.toml:LINE or a flag.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteArguments
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let settings = try site.settings()
        switch format {
        case .text: Output.say(settings.lines.joined(separator: "\n"))
        case .json: FileHandle.standardOutput.write(Data(settings.json))
        }
    }
}
