/// The generator's version, printed by `--version` and in page footers.
public enum PreflightVersion {
    public static let current = "0.1.0"
}
