#!/usr/bin/env python3
"""Writes a synthetic run archive for the benchmark (scripts/bench, docs/bench.md).

Every run folder follows the input contract of `preflight build`: runs/<run-id>/run.json plus
other *.json files holding one result, an array of results, or {"results", "signoffs", "waivers"}.

The archive is meant to look like years of CI history, not like a best case: mostly passing
results with some fail/warn/skip, one-line summaries of 40-120 characters, multi-line details
on about a fifth of the results, https evidence links, a few waivers per run, sign-offs by four
roles (approve mostly, now and then a reject), and long-lived results (valid_for P14D) that later
runs of the same environment omit so that they carry forward, sometimes until they expire.

Deterministic: everything comes from one random.Random(42), and the clock starts at
2026-01-01T00:00:00Z, so the same N gives the same bytes. Standard library only.

Usage as a script (the benchmark imports it instead):
  python3 scripts/bench_archive.py --ids ids.json --runs DIR [--n 1000]
where ids.json is the output of `preflight ids <checklist.md> --format json`.
"""
import argparse
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

CHECKLIST = "production-deployment"
ENVIRONMENTS = ("staging", "production")
# With services (issue 14): every service runs in each of these, round robin, in pipeline order.
SERVICE_ENVIRONMENTS = ("dev", "staging", "production")
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
PEOPLE = {
    "Technical Lead": ["Daniel Okafor", "Lena Fischer"],
    "Security Lead": ["Priya Raman", "Tomás Herrera"],
    "Operations Lead": ["Marta Kowalczyk", "Kwame Mensah"],
    "Product Owner": ["Sofia Lindqvist", "Hiro Tanaka"],
}
# Probes that produce the results; each item belongs to the probe of its section, so a run
# is split into one file per probe (plus one single-result file and the sign-off file).
PROBES = ["terraform", "aws-cli", "kubectl", "trivy", "prometheus", "pytest", "k6", "docs-check"]
STATUS_WEIGHTS = (("pass", 86), ("fail", 4), ("warn", 6), ("skip", 4))
LONG_LIVED_ITEMS = 12   # items whose results are valid_for P14D and carry into later runs
VALID_FOR_DAYS = 14


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class ArchiveGenerator:
    """Writes runs one at a time; state (clock, carried items) continues between calls."""

    def __init__(self, items, runs_dir, seed=42, services=0):
        """services > 0: runs cycle through services × SERVICE_ENVIRONMENTS (service-NNN, with an owner);
        services == 0: today's archive of two environments and no service, byte for byte."""
        self.rng = random.Random(seed)
        self.services = [f"service-{index:03d}" for index in range(services)]
        self.runs_dir = runs_dir
        # Sign-off items are decided by sign-off records, not by probe results.
        self.items = [item for item in items if item["kind"] != "signoff"]
        self.item_count = len(items)
        sections = sorted({"/".join(item["id"].split("/")[:2]) for item in self.items})
        probe_of_section = {section: PROBES[i % len(PROBES)] for i, section in enumerate(sections)}
        self.probe_of = {item["id"]: probe_of_section["/".join(item["id"].split("/")[:2])] for item in self.items}
        leaves = [item["id"] for item in self.items if not item["children"] and item["kind"] == "check"]
        self.long_lived = set(self.rng.sample(leaves, min(LONG_LIVED_ITEMS, len(leaves))))
        self.statuses = [status for status, _ in STATUS_WEIGHTS]
        self.weights = [weight for _, weight in STATUS_WEIGHTS]
        self.summaries = {status: [self._summary(status) for _ in range(400)] for status in self.statuses}
        self.detail_lines = [self._detail_line() for _ in range(600)]
        self.clock = START
        self.next_due = {}  # stream (env, or service and env) -> item -> when to probe it again
        self.written = 0   # runs written
        self.results = 0   # results written

    # --- text pools ----------------------------------------------------------------

    def _summary(self, status):
        rng = self.rng
        subject = rng.choice(["api-gateway", "payments-api", "report-worker", "auth-svc", "search-svc",
                              "billing-db", "edge ALB", "ingress-nginx", "cert-manager", "node group m6i",
                              "S3 bucket gennet-assets", "Prometheus HA pair", "k6 soak", "Helm release"])
        finding = {
            "pass": ["checked {n} resources, 0 findings", "healthy on {n}/{n} replicas",
                     "p95 {n}ms within threshold", "configuration matches the baseline ({n} keys)"],
            "fail": ["{n} critical findings block the release", "probe timed out after {n}s",
                     "{n} of 14 replicas not ready", "drift detected in {n} resources"],
            "warn": ["{n} medium findings, below the blocking threshold", "p99 {n}ms close to the limit",
                     "certificate expires in {n} days", "{n} deprecated API versions in use"],
            "skip": ["not applicable to this environment", "disabled by feature flag ({n} days)",
                     "skipped: dependency probe failed", "not run on this trigger"],
        }[status]
        text = f"{subject}: " + rng.choice(finding).format(n=rng.randint(1, 999))
        while len(text) < 40:
            text += f"; {rng.choice(['see evidence', 'ticket PLAT-' + str(rng.randint(100, 9999)), 'rechecked'])}"
        target = rng.randint(40, 120)
        extra = ["; compared with the previous run", "; measured over the last hour", " (eu-west-1a/b/c)",
                 "; baseline from release 2026.01", "; owners notified in #platform-alerts"]
        while len(text) < target - 10:
            text += rng.choice(extra)
        return text[:120]

    def _detail_line(self):
        rng = self.rng
        return rng.choice([
            f"{rng.choice(['INFO', 'WARN', 'ERROR'])} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} "
            f"{rng.choice(['reconcile', 'scan', 'check', 'sync'])} {rng.choice(['ok', 'retry', 'done', 'skipped'])} "
            f"in {rng.randint(1, 9999)}ms",
            f"CVE-2026-{rng.randint(10000, 39999)}  {rng.choice(['openssl', 'zlib', 'curl', 'libxml2'])}  "
            f"{rng.choice(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])}  fixed in {rng.randint(1, 3)}.{rng.randint(0, 20)}",
            f"- {rng.choice(['namespace', 'deployment', 'bucket', 'policy'])} gennet-{rng.randint(1, 99)}: "
            f"{rng.choice(['compliant', 'drift', 'missing tag', 'ok'])}",
            "",
            f"Ran `{rng.choice(['terraform plan', 'kubectl get pods -A', 'trivy image', 'k6 run soak.js'])}` "
            f"against {rng.choice(['staging', 'production'])} with exit code {rng.choice([0, 0, 0, 1, 2])}.",
        ])

    def _details(self):
        rng = self.rng
        size = rng.randint(0, 2048)
        lines, length = [], 0
        while length < size:
            line = rng.choice(self.detail_lines)
            lines.append(line)
            length += len(line) + 1
        return "\n".join(lines)[:2048]

    # --- runs ------------------------------------------------------------------------

    def write_run(self):
        """Writes the next run folder and returns its id."""
        rng = self.rng
        self.written += 1
        if self.written > 1:
            # A fleet runs more often: each stream still sees a run every few hours to days.
            step = rng.randint(2 * 3600, 6 * 3600) if not self.services else rng.randint(60, 600)
            self.clock += timedelta(seconds=step)
        started = self.clock
        service = None
        if self.services:
            turn = self.written - 1
            env = SERVICE_ENVIRONMENTS[turn % len(SERVICE_ENVIRONMENTS)]
            service = self.services[(turn // len(SERVICE_ENVIRONMENTS)) % len(self.services)]
            run_id = f"{service}-{env}-{self.written:05d}"
        else:
            env = rng.choice(ENVIRONMENTS)
            run_id = f"{env}-{self.written:05d}"
        pipeline = 100000 + self.written
        folder = os.path.join(self.runs_dir, run_id)
        os.makedirs(folder)
        manifest = {
            "checklist": CHECKLIST, "environment": env, "started_at": iso(started),
            "commit": "%040x" % rng.getrandbits(160), "branch": "main",
            "url": f"https://ci.example.com/gennet/platform/-/pipelines/{pipeline}",
            "trigger": "push",
        }
        if service:
            manifest["service"] = service
            manifest["owner"] = f"team-{int(service[-3:]) % 12:02d}"
        self._write(folder, "run.json", manifest)

        due = self.next_due.setdefault((service, env), {})
        by_probe = {}
        failing = []
        offset = 60
        for item in self.items:
            item_id = item["id"]
            if item_id in self.long_lived and due.get(item_id, started) > started:
                continue  # omitted: the earlier result (valid_for) carries into this run
            offset += rng.randint(1, 20)
            observed = started + timedelta(seconds=offset)
            status = rng.choices(self.statuses, self.weights)[0]
            result = {
                "item": item_id, "status": status, "summary": rng.choice(self.summaries[status]),
                "probe": self.probe_of[item_id], "observed_at": iso(observed),
                "duration_ms": rng.randint(5, 120000),
            }
            if rng.random() < 0.2:
                result["details"] = self._details()
            if rng.random() < 0.35:
                result["evidence"] = [
                    {"label": rng.choice(["CI job log", "Dashboard", "Scan report", "Runbook"]),
                     "url": f"https://ci.example.com/gennet/platform/-/jobs/{pipeline * 10 + n}"}
                    for n in range(rng.randint(1, 2))
                ]
            if item_id in self.long_lived:
                result["valid_for"] = f"P{VALID_FOR_DAYS}D"
                # Usually re-probed before the result expires; sometimes a little after.
                due[item_id] = observed + timedelta(days=rng.uniform(VALID_FOR_DAYS - 4, VALID_FOR_DAYS + 2))
            if status in ("fail", "warn"):
                failing.append(item_id)
            by_probe.setdefault(result["probe"], []).append(result)
            self.results += 1

        files = {}
        # One result on its own, the "single result" file shape.
        single_probe = rng.choice(sorted(by_probe))
        files["manual-check.json"] = by_probe[single_probe].pop()
        for index, (probe, results) in enumerate(sorted(by_probe.items())):
            if results:
                files[f"{probe}.json"] = results if index % 2 == 0 else {"results": results}

        waived = rng.sample(failing, min(len(failing), rng.randint(1, 3))) if failing else []
        waivers = [{
            "item": item_id,
            "reason": f"Accepted risk until the fix in PLAT-{rng.randint(1000, 9999)} ships; compensating control in place.",
            "approved_by": rng.choice(PEOPLE["Security Lead"]),
            "expires_at": iso(started + timedelta(days=rng.randint(7, 30))),
        } for item_id in waived]
        signoffs = []
        at = started + timedelta(seconds=offset + 600)
        for role, names in PEOPLE.items():
            at += timedelta(seconds=rng.randint(60, 3600))
            signoff = {"role": role, "name": rng.choice(names), "at": iso(at),
                       "decision": "reject" if rng.random() < 0.04 else "approve"}
            if signoff["decision"] == "reject":
                signoff["comment"] = "Not ready: open failures in this run need an owner first."
            signoffs.append(signoff)
        files["signoffs.json"] = {"signoffs": signoffs, "waivers": waivers} if waivers else {"signoffs": signoffs}

        for name, value in files.items():
            self._write(folder, name, value)
        return run_id

    @staticmethod
    def _write(folder, name, value):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(json.dumps(value, ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ids", required=True, help="output of `preflight ids <checklist.md> --format json`")
    parser.add_argument("--runs", required=True, help="archive folder to create (must not exist)")
    parser.add_argument("--n", type=int, default=1000, help="number of runs (default 1000)")
    parser.add_argument("--services", type=int, default=0, help="services × 3 environments (default 0: no service)")
    args = parser.parse_args()
    with open(args.ids, encoding="utf-8") as handle:
        items = json.load(handle)
    os.makedirs(args.runs)
    generator = ArchiveGenerator(items, args.runs, services=args.services)
    for _ in range(args.n):
        generator.write_run()
    print(f"{generator.written} runs, {generator.results} results in {args.runs}", file=sys.stderr)


if __name__ == "__main__":
    main()
