/// The generator's version, printed by `--version` and in page footers.
package enum PreflightVersion {
    package static let current = "0.1.0"
}
