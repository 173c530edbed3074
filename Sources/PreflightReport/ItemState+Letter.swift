extension ItemState {
    /// One letter per state, as sign-off records keep the states a signer saw.
    package var letter: String {
        switch self {
        case .pass: "p"
        case .fail: "f"
        case .warn: "w"
        case .skip: "s"
        case .waived: "v"
        case .done: "d"
        case .pending: "n"
        }
    }

    /// `letter` as its one ASCII byte.
    package var letterByte: UInt8 {
        switch self {
        case .pass: UInt8(ascii: "p")
        case .fail: UInt8(ascii: "f")
        case .warn: UInt8(ascii: "w")
        case .skip: UInt8(ascii: "s")
        case .waived: UInt8(ascii: "v")
        case .done: UInt8(ascii: "d")
        case .pending: UInt8(ascii: "n")
        }
    }

    package init?(letter: String) {
        guard let state = ItemState.allCases.first(where: { $0.letter == letter }) else { return nil }
        self = state
    }
}
