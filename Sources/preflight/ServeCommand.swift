import ArgumentParser
import Foundation
import PreflightSupport
import PreflightSite
import PreflightServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on loopback, rebuild on changes and reload open pages. Exit 0 on Ctrl-C or SIGTERM.")

    @OptionGroup var site: SiteArguments
    @Option(help: "TCP port; 0 picks a free one (the URL printed on start says which).") var port: UInt16 = 1313
    @Option(help: "Address to listen on; another than loopback shows the site to the network.") var bind = "127.0.0.1"

    func validate() throws {
        if PreviewServer.address(bind: bind, port: port) == nil {
            throw ValidationError("--bind '\(bind)' is not an IPv4 or IPv6 address")
        }
    }

    func run() throws {
        let site = site
        let server = PreviewServer(bind: bind, port: port, resolve: { try site.checkedSiteOptions() }, log: { Output.error($0) })
        do {
            try server.run()
        } catch {
            Output.print(diagnostics: error.diagnostics)
            throw ExitCode(1)
        }
    }
}
