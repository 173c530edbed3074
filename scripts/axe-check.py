#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages of a built site in headless Chromium.

Usage: scripts/axe-check.py SITE_DIR PAGE [PAGE...]   (pages relative to SITE_DIR, or http:// URLs
of a running `preflight serve`, such as its error page)
Each page is checked in the light and the dark colour scheme (prefers-color-scheme). Prints one
JSON object: {"page": [{"id", "impact", "help", "targets"}...], "page (dark)": [...], ...}; exit 0
unless it could not run (then 2).
"""
import json
import os
import sys
import importlib.util

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    folder = os.path.dirname(spec.origin)
    with open(os.path.join(folder, "axe.min.js"), encoding="utf-8") as handle:
        return handle.read()


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, pages = sys.argv[1], sys.argv[2:]
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.binary_location = binary
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    source = axe_source()
    results = {}
    try:
        for page, scheme in [(page, scheme) for page in pages for scheme in ("light", "dark")]:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            served = page.startswith("http://") or page.startswith("https://")
            driver.get(page if served else "file://" + os.path.abspath(os.path.join(site, page)))
            driver.execute_script(source)
            outcome = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
            results[page if scheme == "light" else page + " (dark)"] = [{"id": v["id"], "impact": v.get("impact"), "help": v.get("help"),
                              "targets": [n.get("target") for n in v.get("nodes", [])][:5]} for v in outcome]
    finally:
        driver.quit()
    print(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
