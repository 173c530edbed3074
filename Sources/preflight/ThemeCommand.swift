import ArgumentParser
import PreflightSupport
import PreflightSite

/// `preflight theme`: the built-in theme compiled into the binary.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme (templates and static files).",
        subcommands: [ThemeEjectCommand.self])
}

struct ThemeEjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eject",
        abstract: "Copy the built-in templates/ and Public/ into DIR for editing, never overwriting a file. "
            + "Exit 0, also when existing files were skipped; 1 when a file could not be written.")

    @Argument(help: "The project folder to copy into.") var directory = "."

    func run() throws {
        let result = BuiltInTheme.eject(into: directory)
        for path in result.written { Output.say("wrote \(path)") }
        for path in result.skipped { Output.say("skipped \(path) (exists; left as it was)") }
        Output.print(diagnostics: result.problems)
        Output.say("\(result.written.count) file(s) written, \(result.skipped.count) skipped; "
            + "files in templates/ and Public/ override the built-in ones by path, so delete those you did not change.")
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
