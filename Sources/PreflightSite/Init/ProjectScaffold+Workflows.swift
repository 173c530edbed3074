import PreflightSupport

extension ProjectScaffold {
    /// The CI workflows `init --ci` writes. Each one: installs the released binary, starts a run,
    /// leaves room for probes, writes the Markdown report where the CI shows it, builds the site,
    /// gates on the verdict, and keeps the runs and the site even when the gate fails.
    /// The commands are tested as written (`InitWorkflowTests` runs them).
    enum Workflows {
        /// The tarball `make dist` writes; the one place to change when upgrading.
        static var tarball: String {
            let version = PreflightVersion.current
            return "https://github.com/YOUR-ORG/preflight/releases/download/v\(version)/preflight-\(version)-linux-x86_64.tar.gz"
        }

        static func github(checklist: String, item: String) -> String {
            """
            # Preflight: a production-readiness report on every push (written by `preflight init --ci github`).
            name: preflight

            on:
              push:
              pull_request:
              workflow_dispatch:

            permissions:
              contents: read

            env:
              # ▶ THE PREFLIGHT RELEASE TO INSTALL: the tarball `make dist` writes, uploaded where your runners can fetch it.
              PREFLIGHT_TARBALL: \(yaml(tarball))
              PREFLIGHT_CHECKLIST: \(yaml(checklist))
              PREFLIGHT_ENVIRONMENT: staging

            jobs:
              preflight:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4

                  - name: Install preflight
                    run: |
                      mkdir -p "$RUNNER_TEMP/preflight"
                      curl -fsSL "$PREFLIGHT_TARBALL" | tar -xz -C "$RUNNER_TEMP/preflight" --strip-components=1
                      echo "$RUNNER_TEMP/preflight/bin" >> "$GITHUB_PATH"

                  # The run's id, commit, branch and job link come from GitHub's variables.
                  - name: Start a run
                    run: |
                      run=$(preflight start-run --checklist "$PREFLIGHT_CHECKLIST" --environment "$PREFLIGHT_ENVIRONMENT")
                      echo "PREFLIGHT_RUN=$run" >> "$GITHUB_ENV"

                  # Probes go here: steps that check an item and record the result in the run folder.
                  # Test and scan reports will come in through `preflight import` (not there yet).
                  - name: Probes
                    run: |
                      # An example: replace it with real checks, e.g. `if ./check-backups; then status=pass; else status=fail; fi`.
                      preflight record "$PREFLIGHT_RUN" --item \(shell(item)) --status skip --summary 'example probe, replace with a real check'

                  - name: Report to the job summary
                    if: always() && env.PREFLIGHT_RUN != ''
                    run: preflight report "$PREFLIGHT_RUN" --format markdown >> "$GITHUB_STEP_SUMMARY"

                  - name: Build the site
                    if: always() && env.PREFLIGHT_RUN != ''
                    run: preflight build

                  # Fails the job when the verdict is no-go (exit 2); the steps below still run.
                  - name: Gate on the verdict
                    run: preflight report "$PREFLIGHT_RUN" --fail-on no-go

                  # Runs are kept as an artifact; to keep history across jobs, commit content/runs/ or restore it here.
                  - name: Keep the runs and the site
                    if: always()
                    uses: actions/upload-artifact@v4
                    with:
                      name: preflight
                      path: |
                        content/runs/
                        _site/

            """
        }

        static func gitlab(checklist: String, item: String) -> String {
            """
            # Preflight: a production-readiness report on every pipeline (written by `preflight init --ci gitlab`).
            variables:
              # ▶ THE PREFLIGHT RELEASE TO INSTALL: the tarball `make dist` writes, uploaded where your runners can fetch it.
              PREFLIGHT_TARBALL: \(yaml(tarball))
              PREFLIGHT_CHECKLIST: \(yaml(checklist))
              PREFLIGHT_ENVIRONMENT: staging

            preflight:
              image: debian:bookworm-slim
              before_script:
                - apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates curl
                - mkdir -p /opt/preflight
                - curl -fsSL "$PREFLIGHT_TARBALL" | tar -xz -C /opt/preflight --strip-components=1
                - export PATH="/opt/preflight/bin:$PATH"
              script:
                # The run's id, commit, branch and pipeline link come from GitLab's variables.
                - PREFLIGHT_RUN=$(preflight start-run --checklist "$PREFLIGHT_CHECKLIST" --environment "$PREFLIGHT_ENVIRONMENT")
                # Probes go here: commands that check an item and record the result in the run folder.
                # Test and scan reports will come in through `preflight import` (not there yet).
                # An example, to replace with real checks:
                - preflight record "$PREFLIGHT_RUN" --item \(shell(item)) --status skip --summary 'example probe, replace with a real check'
                # GitLab has no job summary: the Markdown report is an artifact file.
                - preflight report "$PREFLIGHT_RUN" --format markdown > preflight-report.md
                - preflight build
                # Last, so the report and the site exist when it fails the job on a no-go verdict (exit 2).
                - preflight report "$PREFLIGHT_RUN" --fail-on no-go
              # Runs are kept as an artifact; to keep history across pipelines, commit content/runs/ or restore it here.
              artifacts:
                when: always
                expose_as: preflight report
                paths:
                  - preflight-report.md
                  - content/runs/
                  - _site/

            """
        }

        /// A YAML single-quoted scalar: nothing in it is special but the quote, which doubles.
        static func yaml(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }

        static func shell(_ text: String) -> String { ProjectScaffold.shellWord(text) }
    }

    /// `text` as one POSIX shell word: as it is when every character is safe, else single-quoted.
    package static func shellWord(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)
        }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: #"'"'"'"#) + "'"
    }
}
