import ArgumentParser
import PreflightSite

/// The folders a site build reads and writes: shared by `build` and `serve`.
struct SiteArguments: ParsableArguments {
    @OptionGroup var content: ContentOptions
    @Option(help: "Runs archive folder.") var runs = "content/runs"
    @Option(help: ArgumentHelp("Mustache templates overriding the built-in theme's, file by file (default: templates, when present).",
                               valueName: "templates"))
    var templates: String?
    @Option(name: .customLong("public"),
            help: ArgumentHelp("Static files copied into the site over the built-in theme's (default: Public, when present).",
                               valueName: "public"))
    var publicDir: String?
    @Option(help: "JSON Schemas overriding the built-in ones in the site's schema/ folder.") var schema = "schema"
    @Option(help: "Site folder (replaced only when the build completes).") var output = "_site"

    /// A folder named here must exist; the default `templates` and `Public` may be absent.
    func siteOptions() -> SiteOptions {
        SiteOptions(content: content.content, runs: runs, templates: templates, publicDir: publicDir,
                    schema: schema, output: output)
    }
}
