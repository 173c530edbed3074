/// Encodes any `Encodable` value into the project's canonical JSON: sorted keys, slashes
/// unescaped, a trailing newline; `compact` (the site's JSON files: report.json, whose digest
/// depends on these bytes, history.json, index.json) has no whitespace, `pretty` (record files
/// people read and edit) has two-space indentation and `"key" : value`.
///
/// The bytes are the same as Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`,
/// plus `.prettyPrinted` for `pretty` (a test holds them together), made several times faster by
/// skipping Foundation's per-value type checks.
package enum CanonicalJSON {
    package enum Layout: Sendable {
        case compact, pretty
    }

    package static func encode<T: Encodable>(_ value: T, layout: Layout = .compact) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var writer = JSONTextWriter(pretty: layout == .pretty)
        writer.write(root, indent: 0)
        writer.bytes.append(0x0A)
        return writer.bytes
    }
}

/// A value being built; containers hand out child nodes and fill them in place.
package final class JSONNode {
    package enum Content {
        case unset, null, bool(Bool), integer(Int64), unsigned(UInt64), double(Double), string(String)
        case object([(String, JSONNode)])
        case array([JSONNode])
    }

    package var content: Content = .unset

    package func append(key: String, _ child: JSONNode) {
        if case .object(var pairs) = content {
            content = .unset  // keep the array uniquely referenced while appending
            pairs.append((key, child))
            content = .object(pairs)
        } else {
            content = .object([(key, child)])
        }
    }

    package func append(_ child: JSONNode) {
        if case .array(var items) = content {
            content = .unset
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
    }
}

package struct NodeEncoder: Encoder {
    package let node: JSONNode
    package var codingPath: [CodingKey]
    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    package func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    package func singleValueContainer() -> SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }

    package init(node: JSONNode, codingPath: [CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }
}

package struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    package let node: JSONNode
    package var codingPath: [CodingKey]

    private func add(_ key: Key, _ content: JSONNode.Content) {
        let child = JSONNode()
        child.content = content
        node.append(key: key.stringValue, child)
    }

    package mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    package mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    package mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    package mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .double(value)) }
    package mutating func encode(_ value: Float, forKey key: Key) throws { add(key, .double(Double(value))) }
    package mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .integer(Int64(value))) }
    package mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .integer(Int64(value))) }
    package mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .integer(Int64(value))) }
    package mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .integer(Int64(value))) }
    package mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .integer(value)) }
    package mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .unsigned(UInt64(value))) }
    package mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .unsigned(UInt64(value))) }
    package mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .unsigned(UInt64(value))) }
    package mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .unsigned(UInt64(value))) }
    package mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .unsigned(value)) }

    package mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = JSONNode()
        node.append(key: key.stringValue, child)
        try value.encode(to: NodeEncoder(node: child, codingPath: codingPath + [key]))
    }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.append(key: key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = JSONNode()
        node.append(key: key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    package mutating func superEncoder() -> Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    package mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = JSONNode()
        node.append(key: key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }

    package init(node: JSONNode, codingPath: [CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }
}

package struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    package let node: JSONNode
    package var codingPath: [CodingKey]
    package var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    private func add(_ content: JSONNode.Content) {
        let child = JSONNode()
        child.content = content
        node.append(child)
    }

    package mutating func encodeNil() throws { add(.null) }
    package mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    package mutating func encode(_ value: String) throws { add(.string(value)) }
    package mutating func encode(_ value: Double) throws { add(.double(value)) }
    package mutating func encode(_ value: Int) throws { add(.integer(Int64(value))) }

    package mutating func encode<T: Encodable>(_ value: T) throws {
        let child = JSONNode()
        node.append(child)
        try value.encode(to: NodeEncoder(node: child, codingPath: codingPath))
    }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.append(child)
        return NodeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = JSONNode()
        node.append(child)
        return NodeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    package mutating func superEncoder() -> Encoder {
        let child = JSONNode()
        node.append(child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }

    package init(node: JSONNode, codingPath: [CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }
}

package struct SingleNodeContainer: SingleValueEncodingContainer {
    package let node: JSONNode
    package var codingPath: [CodingKey]

    package mutating func encodeNil() throws { node.content = .null }
    package mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    package mutating func encode(_ value: String) throws { node.content = .string(value) }
    package mutating func encode(_ value: Double) throws { node.content = .double(value) }
    package mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
    package mutating func encode(_ value: Int) throws { node.content = .integer(Int64(value)) }
    package mutating func encode(_ value: Int8) throws { node.content = .integer(Int64(value)) }
    package mutating func encode(_ value: Int16) throws { node.content = .integer(Int64(value)) }
    package mutating func encode(_ value: Int32) throws { node.content = .integer(Int64(value)) }
    package mutating func encode(_ value: Int64) throws { node.content = .integer(value) }
    package mutating func encode(_ value: UInt) throws { node.content = .unsigned(UInt64(value)) }
    package mutating func encode(_ value: UInt8) throws { node.content = .unsigned(UInt64(value)) }
    package mutating func encode(_ value: UInt16) throws { node.content = .unsigned(UInt64(value)) }
    package mutating func encode(_ value: UInt32) throws { node.content = .unsigned(UInt64(value)) }
    package mutating func encode(_ value: UInt64) throws { node.content = .unsigned(value) }
    package mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }

    package init(node: JSONNode, codingPath: [CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }
}

/// Writes nodes in Foundation's layout: compact, or pretty-printed.
package struct JSONTextWriter {
    package var bytes: [UInt8] = []
    package let pretty: Bool

    package init(pretty: Bool) {
        self.pretty = pretty
    }

    package mutating func write(_ node: JSONNode, indent: Int) {
        switch node.content {
        case .unset:  // an object nothing was encoded into
            open(UInt8(ascii: "{"), empty: true)
            close(UInt8(ascii: "}"), indent: indent)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .unsigned(let value): bytes.append(contentsOf: String(value).utf8)
        case .double(let value): writeDouble(value)
        case .string(let value): writeString(value)
        case .array(let items):
            open(UInt8(ascii: "["), empty: items.isEmpty)
            for (index, item) in items.enumerated() {
                pad(indent + 2)
                write(item, indent: indent + 2)
                separate(last: index == items.count - 1)
            }
            close(UInt8(ascii: "]"), indent: indent)
        case .object(let pairs):
            open(UInt8(ascii: "{"), empty: pairs.isEmpty)
            // Foundation keeps the last of repeated keys; Codable types do not repeat them.
            let sorted = pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (index, pair) in sorted.enumerated() {
                pad(indent + 2)
                writeString(pair.0)
                bytes.append(contentsOf: (pretty ? " : " : ":").utf8)
                write(pair.1, indent: indent + 2)
                separate(last: index == sorted.count - 1)
            }
            close(UInt8(ascii: "}"), indent: indent)
        }
    }

    private mutating func open(_ bracket: UInt8, empty: Bool) {
        bytes.append(bracket)
        guard pretty else { return }
        bytes.append(0x0A)
        if empty { bytes.append(0x0A) }
    }

    private mutating func close(_ bracket: UInt8, indent: Int) {
        pad(indent)
        bytes.append(bracket)
    }

    private mutating func separate(last: Bool) {
        if !last { bytes.append(UInt8(ascii: ",")) }
        if pretty { bytes.append(0x0A) }
    }

    private mutating func pad(_ count: Int) {
        if pretty { bytes.append(contentsOf: repeatElement(0x20, count: count)) }
    }

    private mutating func writeDouble(_ value: Double) { JSONText.appendDouble(value, to: &bytes) }

    private mutating func writeString(_ value: String) { JSONText.appendString(value, to: &bytes) }
}
