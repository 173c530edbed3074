/// Live reload under the pages' CSP (`default-src 'none'; script-src 'self'`), which forbids
/// fetch, EventSource and inline script: the page loads `reload.js` from the server, and it asks
/// for the build number by adding a `<script src="version.js">` element every half second, which
/// `script-src 'self'` allows. When the number differs from the one the page was served with, the
/// page reloads. Both scripts exist only in `serve`'s answers, never in the site on disk.
package enum LiveReload {
    /// The folder of `serve`'s own files; no site file can be there, as the site has no such folder.
    package static let prefix = "/__preflight/"
    package static let scriptPath = prefix + "reload.js"
    package static let versionPath = prefix + "version.js"
    package static let stylePath = prefix + "error.css"

    /// The script tag given to an HTML page served while build `build` is live.
    package static func tag(build: Int) -> String {
        "<script src=\"\(scriptPath)?build=\(build)\"></script>"
    }

    /// `html` with the reload script before its last `</body>`, or at its end when it has none.
    package static func inject(into html: String, build: Int) -> String {
        let tag = tag(build: build)
        guard let close = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag }
        return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: tag)
    }

    /// The answer to `version.js`: the number of the last build, good or failed.
    package static func versionScript(build: Int) -> String {
        "window.__preflightBuild = \(build);\n"
    }

    /// Polls `version.js`; the build the page came from is in its own `src`.
    package static let reloadScript = """
        // Served by `preflight serve` only: reloads the page when a newer build is served.
        (function () {
          "use strict";
          var me = document.currentScript;
          var shown = me ? new URL(me.src, location.href).searchParams.get("build") : null;
          var count = 0;
          function poll() {
            var probe = document.createElement("script");
            probe.src = "\(versionPath)?n=" + (count++);
            probe.onload = function () {
              probe.remove();
              var now = String(window.__preflightBuild);
              if (shown === null) { shown = now; }
              if (now !== shown) { location.reload(); return; }
              setTimeout(poll, 500);
            };
            // The server is gone or restarting: keep trying, more slowly.
            probe.onerror = function () { probe.remove(); setTimeout(poll, 1500); };
            document.head.appendChild(probe);
          }
          setTimeout(poll, 500);
        })();

        """
}
