import PreflightSupport

/// The page `serve` answers HTML requests with while the last build failed: the build's errors,
/// every one escaped, and the reload script, so fixing the input brings the site back by itself.
/// The last good site stays on disk meanwhile; only its pages are hidden behind this one, so
/// nobody mistakes them for the current state of the inputs.
package enum ErrorPage {
    package static func html(_ diagnostics: [Diagnostic], output: String, build: Int) -> String {
        var items = ""
        for diagnostic in diagnostics {
            items += "<li><code>\(HTMLEscaping.escape(diagnostic.description))</code></li>\n"
        }
        if diagnostics.isEmpty { items = "<li>The build failed without saying why.</li>\n" }
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'">
            <title>Build failed · preflight serve</title>
            <link rel="stylesheet" href="\(LiveReload.stylePath)">
            </head>
            <body>
            <main>
            <h1>Build failed</h1>
            <p>\(diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors") stopped the last build:</p>
            <ul class="preflight-errors">
            \(items)</ul>
            <p>The last good site is still in <code>\(HTMLEscaping.escape(output))</code>. \
            Fix the input and this page reloads by itself.</p>
            </main>
            </body>
            </html>

            """
        return LiveReload.inject(into: page, build: build)
    }

    package static let style = """
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fff5f5; color: #1f1f1f; }
        main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { color: #b00020; }
        ul.preflight-errors { padding: 0; list-style: none; }
        ul.preflight-errors li { background: #fff; border-left: 4px solid #b00020; margin: .5rem 0; padding: .5rem .75rem; }
        code { font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }

        """
}
