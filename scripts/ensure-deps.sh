#!/usr/bin/env bash
# Installs the system packages Preflight needs, only those that are missing.
#   scripts/ensure-deps.sh            libcmark-dev, pkg-config, libcurl4-openssl-dev (to build; the
#                                     static binary links libcurl, which FlyingFox's Foundation needs)
#   scripts/ensure-deps.sh --browser  also chromium, chromium-driver, poppler-utils, openssh-client
#                                     (the signed sign-off tests run ssh-keygen), and a Python
#                                     virtualenv (.build/test-venv) with selenium and axe-core's
#                                     axe.min.js, and PyYAML (the tests parse `preflight init`'s CI
#                                     workflows) (for the test suite)
#   scripts/ensure-deps.sh --import-tools
#                                     also a virtualenv (.build/import-venv) with the real tools whose
#                                     files the import tests read: pytest, coverage.py, Ruff, Bandit
#                                     (with its SARIF formatter) and Checkov, from PyPI
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libcmark-dev pkg-config libcurl4-openssl-dev)
browser=0
tools=0
for arg in "$@"; do
    case "$arg" in
        --browser) packages+=(chromium chromium-driver poppler-utils openssh-client); browser=1 ;;
        --import-tools) tools=1 ;;
        *) echo "usage: $0 [--browser] [--import-tools]" >&2; exit 64 ;;
    esac
done


missing=()
for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "$browser" = 1 ] || [ "$tools" = 1 ]; then
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    python3 -c "import ensurepip" >/dev/null 2>&1 || dpkg -s python3-venv >/dev/null 2>&1 || missing+=(python3-venv)
fi

install_venv() {
    # axe-core ships inside PyPI's axe-playwright-python wheel (its other dependencies are not
    # needed: selenium drives Chromium instead of Playwright).
    local venv=.build/test-venv
    [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import selenium, axe_playwright_python, yaml" >/dev/null 2>&1 && return 0
    echo "installing: selenium, axe-core and PyYAML into $venv" >&2
    mkdir -p .build
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check selenium PyYAML
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps axe-playwright-python
}

install_tools() {
    # The import tests run these tools for real and import what they write (no imitations).
    local venv=.build/import-venv
    [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import pytest, coverage, bandit, bandit_sarif_formatter, checkov" >/dev/null 2>&1 \
        && [ -x "$venv/bin/ruff" ] && return 0
    echo "installing: pytest, coverage, ruff, bandit and checkov into $venv" >&2
    mkdir -p .build
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pytest coverage ruff "bandit[sarif]" checkov
}

install_python() {
    if [ "$browser" = 1 ]; then install_venv; fi
    if [ "$tools" = 1 ]; then install_tools; fi
    return 0
}

if [ ${#missing[@]} -eq 0 ]; then
    install_python
    exit 0
fi

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
install_python
exit 0
