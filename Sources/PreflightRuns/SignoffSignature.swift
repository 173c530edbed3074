import Foundation
import PreflightSupport

/// Signed decisions: OpenSSH file signatures (`ssh-keygen -Y sign/verify`) over a decision's
/// canonical text. No cryptography of our own. Each role has its own namespace,
/// `preflight-signoff-<role slug>`, so an allowed_signers line restricts roles with OpenSSH's own
/// `namespaces="…"` option, and a line without it may sign for any role.
package enum SignoffSignature {
    /// How a decision's signature checked out.
    package enum Status: Sendable, Equatable, Codable {
        case verified(principal: String, fingerprint: String)
        case unsigned
        case invalid(String)

        /// report.json keeps the words.
        package func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(words)
        }

        package init(from decoder: Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            if text == "unsigned" {
                self = .unsigned
            } else if text.hasPrefix("verified: "), let match = text.firstMatch(of: /^verified: (.*) \((SHA256:[^)]*)\)$/) {
                self = .verified(principal: String(match.1), fingerprint: String(match.2))
            } else {
                self = .invalid(text.hasPrefix("invalid: ") ? String(text.dropFirst(9)) : text)
            }
        }

        /// "verified: priya@example.com (SHA256:…)", "unsigned", "invalid: …".
        package var words: String {
            switch self {
            case .verified(let principal, let fingerprint): "verified: \(principal) (\(fingerprint))"
            case .unsigned: "unsigned"
            case .invalid(let why): "invalid: \(why)"
            }
        }

        package var isVerified: Bool { if case .verified = self { true } else { false } }
    }

    /// The namespace of a role's signatures.
    package static func namespace(role: String) -> String { "preflight-signoff-" + Slug.make(role) }

    /// The text a signature covers: every field of the decision that the verdict uses.
    package static func payload(run: String, role: String, name: String, decision: String, at: Timestamp, evidence: String?) -> Data {
        Data("""
            preflight-signoff/1
            run: \(run)
            role: \(role)
            name: \(name)
            decision: \(decision)
            at: \(at.text)
            evidence: \(evidence ?? "")

            """.utf8)
    }

    /// `ssh-keygen` on PATH, or nil.
    package static var sshKeygen: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/ssh-keygen") {
            return "\(folder)/ssh-keygen"
        }
        return nil
    }

    package static let missingTool = "ssh-keygen (OpenSSH) is not installed: signed decisions need it (Debian: apt-get install openssh-client)"

    /// Signs `payload` with the private key at `key`; the armored signature.
    package static func sign(_ payload: Data, role: String, key: String) throws(Diagnostic) -> String {
        guard let tool = sshKeygen else { throw .error(key, missingTool) }
        let outcome = run(tool, ["-Y", "sign", "-f", key, "-n", namespace(role: role)], input: payload)
        guard outcome.status == 0, outcome.stdout.hasPrefix("-----BEGIN SSH SIGNATURE-----") else {
            throw .error(key, "ssh-keygen could not sign: " + outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return outcome.stdout
    }

    /// Checks `signature` over `payload` against the allowed_signers file.
    package static func verify(_ payload: Data, signature: String?, role: String, allowedSigners: String?) -> Status {
        guard let signature else { return .unsigned }
        guard let allowedSigners else { return .invalid("no allowed_signers file to check it against") }
        guard let tool = sshKeygen else { return .invalid(missingTool) }
        guard FileManager.default.fileExists(atPath: allowedSigners) else { return .invalid("\(allowedSigners) does not exist") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-sig-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard (try? Data(signature.utf8).write(to: scratch)) != nil else { return .invalid("cannot write a temporary file") }
        let principals = run(tool, ["-Y", "find-principals", "-f", allowedSigners, "-s", scratch.path], input: Data())
        let names = principals.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard principals.status == 0, !names.isEmpty else {
            let check = run(tool, ["-Y", "check-novalidate", "-n", namespace(role: role), "-s", scratch.path], input: payload)
            return .invalid(check.status == 0 ? "the signer's key is not in allowed_signers" : "bad signature or a signature over other data")
        }
        for principal in names {
            let outcome = run(tool, ["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", namespace(role: role), "-s", scratch.path],
                              input: payload)
            if outcome.status == 0, let fingerprint = outcome.stdout.firstMatch(of: /key (SHA256:[A-Za-z0-9+\/=]+)/) {
                return .verified(principal: principal, fingerprint: String(fingerprint.1))
            }
        }
        let check = run(tool, ["-Y", "check-novalidate", "-n", namespace(role: role), "-s", scratch.path], input: payload)
        return .invalid(check.status == 0 ? "\(names.joined(separator: ", ")) may not sign for \(role)"
            : "bad signature or a signature over other data")
    }

    private static func run(_ tool: String, _ arguments: [String], input: Data) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return (-1, "", "\(error)") }
        // The payload is small (a few hundred bytes): written whole before reading.
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
