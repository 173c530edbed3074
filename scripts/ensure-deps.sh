#!/usr/bin/env bash
# Installs the system packages Preflight needs, only those that are missing.
#   scripts/ensure-deps.sh            libcmark-dev, pkg-config (to build)
#   scripts/ensure-deps.sh --browser  also chromium, poppler-utils (for the test suite)
#   scripts/ensure-deps.sh --yaml     also PyYAML for python3 (the tests parse `preflight init`'s CI workflows)
set -euo pipefail

packages=(libcmark-dev pkg-config)
for arg in "$@"; do
    case "$arg" in
        --browser) packages+=(chromium poppler-utils) ;;
        --yaml) yaml=1 ;;
        *) echo "usage: $0 [--browser] [--yaml]" >&2; exit 64 ;;
    esac
done

# PyYAML goes to whichever python3 is first on PATH (often not the system's), so through its pip.
if [ "${yaml:-0}" = 1 ] && ! python3 -c 'import yaml' 2>/dev/null; then
    echo "installing: PyYAML (pip)" >&2
    python3 -m pip install --quiet --disable-pip-version-check PyYAML
fi

missing=()
for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "error: missing packages: ${missing[*]}; run as root or install sudo, or install them yourself" >&2
    exit 1
fi

echo "installing: ${missing[*]}" >&2
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
