/// Whether sign-off decisions are checked for signatures, and whether only verified ones count.
package struct SignoffPolicy: Sendable, Equatable {
    /// The allowed_signers file (OpenSSH's format); nil when the project has none.
    package var allowedSigners: String?
    /// `require_signed_signoffs`: only verified decisions count toward the verdict.
    package var requireSigned: Bool

    package init(allowedSigners: String? = nil, requireSigned: Bool = false) {
        self.allowedSigners = allowedSigners
        self.requireSigned = requireSigned
    }

    /// Whether signatures are in play at all: without an allowed_signers file or the requirement,
    /// decisions carry no signature mark.
    package var isActive: Bool { allowedSigners != nil || requireSigned }
}
