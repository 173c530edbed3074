// swift-tools-version:6.0
import PackageDescription

// The targets are the pipeline, and each depends only on the ones before it, so an arrow
// pointing back up (a run reader calling the site, a report calling the CLI) does not compile:
//
//   PreflightSupport → PreflightChecklist → PreflightRuns → PreflightImport → PreflightReport → PreflightHistory
//   → PreflightSite → PreflightConfig → PreflightServe → preflight (the CLI)
//
// README.md ("Architecture") says what each one owns.

// `make install` and `make dist` set PREFLIGHT_STATIC_CMARK=1 to link libcmark's archive (Debian's
// libcmark-dev ships libcmark.a), so the installed binary runs where libcmark is not installed.
// The module map names no library for that reason: linking is chosen here, never autolinked.
let staticCmark = Context.environment["PREFLIGHT_STATIC_CMARK"] == "1"

// `scripts/fuzz` sets PREFLIGHT_FUZZ=1 (with its own scratch path and -sanitize=fuzzer,address): only
// then does the package hold the libFuzzer executable, whose entry point needs the fuzzer runtime.
// A normal `swift build` or `swift test` never sees it.
let fuzzing = Context.environment["PREFLIGHT_FUZZ"] == "1"

let package = Package(
    name: "preflight",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: [
            "PreflightSupport", "PreflightChecklist", "PreflightRuns", "PreflightImport", "PreflightReport", "PreflightHistory", "PreflightSite",
            "PreflightConfig",
            "PreflightServe",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            // pkg-config would add `-lcmark` (the shared library) to every link, also a static one.
            pkgConfig: staticCmark ? nil : "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Diagnostics, JSON, times, slugs, bounded file reads, content keys, parallel map.
        .target(
            name: "PreflightSupport",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Markdown → checklist model (all libcmark calls live in CommonMark.swift).
        .target(
            name: "PreflightChecklist",
            dependencies: ["PreflightSupport", "CCmark"],
            linkerSettings: [staticCmark ? .linkedLibrary(":libcmark.a") : .linkedLibrary("cmark")]
        ),
        // Run folders: run.json, record files, the archive and its streams, writing records.
        .target(
            name: "PreflightRuns",
            dependencies: ["PreflightChecklist", "PreflightSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Tools' files (JUnit XML, SARIF, coverage, a filled-in checklist) → results and attachments.
        .target(name: "PreflightImport", dependencies: ["PreflightRuns", "PreflightChecklist", "PreflightSupport"]),
        // Results → report and verdict; the one stream merge.
        .target(name: "PreflightReport", dependencies: ["PreflightRuns", "PreflightChecklist", "PreflightSupport"]),
        // Runs → history: summaries, changes, flaky and long-failing items, time to green.
        .target(
            name: "PreflightHistory",
            dependencies: ["PreflightReport", "PreflightRuns", "PreflightChecklist", "PreflightSupport"]
        ),
        // Report and history → the static site (Mustache), the build cache and the output swap.
        .target(
            name: "PreflightSite",
            dependencies: [
                "PreflightHistory", "PreflightReport", "PreflightRuns", "PreflightChecklist", "PreflightSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // preflight.toml → settings for the site, the checklist engine and history, each with its origin.
        .target(
            name: "PreflightConfig",
            dependencies: [
                "PreflightSite", "PreflightHistory", "PreflightReport", "PreflightImport", "PreflightRuns", "PreflightChecklist",
                "PreflightSupport",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // `preflight serve`: builds, watches the inputs, rebuilds and serves the site with live reload (FlyingFox).
        .target(
            name: "PreflightServe",
            dependencies: [
                "PreflightSite", "PreflightHistory", "PreflightReport", "PreflightRuns", "PreflightChecklist",
                "PreflightSupport",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightServe", "PreflightConfig", "PreflightSite", "PreflightHistory", "PreflightReport", "PreflightImport", "PreflightRuns",
                "PreflightChecklist", "PreflightSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PreflightKitTests",
            dependencies: [
                "PreflightServe", "PreflightConfig", "PreflightSite", "PreflightHistory", "PreflightReport", "PreflightImport", "PreflightRuns",
                "PreflightChecklist", "PreflightSupport",
            ]
        ),
    ]
)

if fuzzing {
    package.targets += [
        // libFuzzer's LLVMFuzzerRunDriver, declared for Swift.
        .target(name: "CFuzzDriver", path: "fuzz/Sources/CFuzzDriver"),
        .executableTarget(
            name: "PreflightFuzz",
            dependencies: ["CFuzzDriver", "PreflightSite", "PreflightImport", "PreflightReport", "PreflightRuns", "PreflightChecklist", "PreflightSupport"],
            path: "fuzz/Sources/PreflightFuzz"
        ),
    ]
    package.products += [.executable(name: "PreflightFuzz", targets: ["PreflightFuzz"])]
}
