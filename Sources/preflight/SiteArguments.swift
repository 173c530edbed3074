import ArgumentParser
import PreflightSite
import PreflightConfig
import PreflightSupport

/// The folders a site build reads and writes: shared by `build` and `serve`. A flag given here
/// overrides preflight.toml, which overrides the defaults, so no option has a default of its own.
struct SiteArguments: ParsableArguments {
    @OptionGroup var content: ContentOptions
    @Option(help: "Runs archive folder (default: content/runs).") var runs: String?
    @Option(help: "Mustache templates overriding the built-in theme's, file by file (default: templates, when present).")
    var templates: String?
    @Option(name: .customLong("public"),
            help: "Static files copied into the site over the built-in theme's, file by file (default: Public, when present).")
    var publicDir: String?
    @Option(help: "JSON Schemas overriding the built-in ones in the site's schema/ folder (default: schema, when present).")
    var schema: String?
    @Option(help: "Site folder, replaced only when the build completes (default: _site).") var output: String?

    /// The effective settings: these flags over preflight.toml over the defaults; exit 1 on a bad file.
    func settings() throws -> ProjectConfig {
        try flagged(content.settings())
    }

    /// The settings with a bad preflight.toml thrown as its diagnostics: `serve` re-reads them
    /// before every rebuild and shows the errors in the browser.
    func checkedSiteOptions() throws(DiagnosticList) -> SiteOptions {
        try flagged(content.checkedSettings()).siteOptions
    }

    private func flagged(_ fileSettings: ProjectConfig) -> ProjectConfig {
        var settings = fileSettings
        settings.set(.runs, path: runs, flag: "--runs")
        settings.set(.templates, path: templates, flag: "--templates")
        settings.set(.publicDir, path: publicDir, flag: "--public")
        settings.set(.schema, path: schema, flag: "--schema")
        settings.set(.output, path: output, flag: "--output")
        return settings
    }

    func siteOptions() throws -> SiteOptions {
        try settings().siteOptions
    }
}
