import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightSupport

/// An element of an imported XML report, copied out of the parser's callbacks.
package final class XMLNode: @unchecked Sendable {
    package let name: String
    package let attributes: [String: String]
    package let line: Int
    package internal(set) var children: [XMLNode] = []
    package internal(set) var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    package subscript(attribute: String) -> String? { attributes[attribute] }

    /// Children named `name`.
    package func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every element below this one named `name`, in document order, without recursion (a deep
    /// document must not exhaust the stack).
    package func descendants(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        var stack: [XMLNode] = children.reversed()
        while let node = stack.popLast() {
            if node.name == name { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}
