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

    package init?(letter: String) {
        guard let state = ItemState.allCases.first(where: { $0.letter == letter }) else { return nil }
        self = state
    }
}
