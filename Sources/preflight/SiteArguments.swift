import ArgumentParser
import PreflightSite

/// The folders a site build reads and writes: shared by `build` and `serve`.
struct SiteArguments: ParsableArguments {
    @OptionGroup var content: ContentOptions
    @Option(help: "Runs archive folder.") var runs = "content/runs"
    @Option(help: "Mustache templates folder.") var templates = "templates"
    @Option(name: .customLong("public"), help: "Static files copied into the site as they are.") var publicDir = "Public"
    @Option(help: "JSON Schemas copied into the site's schema/ folder.") var schema = "schema"
    @Option(help: "Site folder (replaced only when the build completes).") var output = "_site"

    func siteOptions() -> SiteOptions {
        SiteOptions(content: content.content, runs: runs, templates: templates, publicDir: publicDir,
                    schema: schema, output: output)
    }
}
