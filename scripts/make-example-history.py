#!/usr/bin/env python3
"""Writes a believable example run history for the seed checklist into content/runs/.

The story (seven weeks of staging and production readiness runs of the GenNet platform):
early staging runs are blocked by a critical CVE and failing tests, the team fixes them,
cross-region replication stays broken for weeks, a circuit-breaker load test is flaky,
a DR drill result carries forward until it expires, a waiver for secret rotation runs out,
the Security Lead rejects the first production attempt, and the final production run is a go.

Deterministic on purpose (no clock, no randomness): every value derives from the tables
below, so re-running reproduces the same bytes. Only the run folders named in RUNS are
deleted and rewritten; anything else in content/runs/ is left alone.

Usage: python3 scripts/make-example-history.py [--runs-dir DIR]
"""
import argparse
import hashlib
import json
import re
import shutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

CHECKLIST = "production-deployment"
PRE = "pre-deployment-requirements/"
GO = "gono-go-decision/go-criteria-all-must-be-met/"
NOGO = "gono-go-decision/no-go-criteria-any-one-blocks/"
ROLES = ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"]
PEOPLE = {
    "Technical Lead": "Daniel Okafor",
    "Security Lead": "Priya Raman",
    "Operations Lead": "Marta Kowalczyk",
    "Product Owner": "Sofia Lindqvist",
}
CI = "https://ci.gennet.example.com/gennet/platform/-"
GRAFANA = "https://grafana.gennet.example.com"

# (run id, environment, started_at, trigger, branch, intended verdict, why)
RUNS = [
    ("staging-2026-09-28-1", "staging", "2026-09-28T09:14:03Z", "manual", "main", "no-go",
     "first run: trivy finds 2 critical CVEs; many probes not wired yet"),
    ("staging-2026-10-01-1", "staging", "2026-10-01T13:42:51Z", "push", "main", "no-go",
     "critical openssl CVE still in payments-api base image"),
    ("staging-2026-10-05-1", "staging", "2026-10-05T05:30:12Z", "schedule", "main", "no-go",
     "CVEs fixed, but unit and e2e tests fail (test-failures blocker)"),
    ("staging-2026-10-08-1", "staging", "2026-10-08T14:12:40Z", "push", "main", "pending",
     "blockers clear; DR drill passes (valid 10 days); replication still failing; no sign-offs"),
    ("staging-2026-10-12-1", "staging", "2026-10-12T05:30:09Z", "schedule", "main", "pending",
     "DR drill carried forward; coverage still below 80%"),
    ("staging-2026-10-15-1", "staging", "2026-10-15T11:03:27Z", "push", "main", "pending",
     "secret rotation waived until 2026-11-04; DR drill carried"),
    ("staging-2026-10-19-1", "staging", "2026-10-19T05:30:15Z", "schedule", "main", "pending",
     "DR drill result expired (pending again); service quota warning"),
    ("staging-2026-10-22-1", "staging", "2026-10-22T16:21:44Z", "push", "main", "no-go",
     "migration 0042 breaks integration tests (test-failures blocker)"),
    ("staging-2026-10-26-1", "staging", "2026-10-26T05:30:07Z", "schedule", "main", "pending",
     "migration fixed; DR drill re-run (valid 30 days)"),
    ("staging-2026-10-29-1", "staging", "2026-10-29T10:48:19Z", "push", "main", "pending",
     "only cross-region replication and the flaky circuit-breaker test keep the gate open"),
    ("staging-2026-11-02-1", "staging", "2026-11-02T05:30:11Z", "schedule", "main", "pending",
     "waiver still active; replication failing for the 11th run in a row"),
    ("staging-2026-11-05-1", "staging", "2026-11-05T15:07:58Z", "push", "main", "pending",
     "secret-rotation waiver expired 2026-11-04: item fails again"),
    ("staging-2026-11-09-1", "staging", "2026-11-09T05:30:10Z", "schedule", "main", "no-go",
     "newly published critical glibc CVE; replication finally fixed"),
    ("staging-2026-11-12-1", "staging", "2026-11-12T12:36:02Z", "push", "main", "pending",
     "every criterion clear; staging collects only 2 of 4 sign-offs"),
    ("production-2026-10-20-1", "production", "2026-10-20T13:05:00Z", "manual", "release/2026.10", "no-go",
     "pen test has 2 open high findings; Security Lead rejects"),
    ("production-2026-11-02-1", "production", "2026-11-02T14:20:31Z", "manual", "release/2026.11", "pending",
     "pen test re-test passes; secret rotation waived; CAB approval and 2 sign-offs missing"),
    ("production-2026-11-09-1", "production", "2026-11-09T15:44:12Z", "manual", "release/2026.11", "no-go",
     "critical glibc CVE in the release images"),
    ("production-2026-11-16-1", "production", "2026-11-16T09:02:47Z", "manual", "release/2026.11", "go",
     "all Go/No-Go criteria pass (secret rotation waived), CAB approved, 4 approvals"),
]

# Production releases are promoted builds of a staging run's commit.
PROMOTED_FROM = {
    "production-2026-10-20-1": "staging-2026-10-15-1",
    "production-2026-11-02-1": "staging-2026-10-29-1",
    "production-2026-11-09-1": "staging-2026-11-05-1",
    "production-2026-11-16-1": "staging-2026-11-12-1",
}

# Which file holds which probe, the JSON shape of that file, how items are referenced
# (full id or a trailing part) and the probe name recorded in each result.
FILES = {
    # key: (probe, shape, reference style, minutes after start)
    "terraform": ("terraform", "array", "full", 3),
    "aws-account": ("aws-cli", "results", "leaf", 2),
    "aws-security": ("aws-cli", "array", "leaf", 2),
    "aws-backup": ("aws-cli", "results", "two", 4),
    "aws-rds": ("aws-cli", "array", "leaf", 4),
    "aws-cost": ("aws-cli", "array", "leaf", 5),
    "kubectl": ("kubectl", "array", "full", 6),
    "openssl": ("openssl", "array", "leaf", 6),
    "trivy": ("trivy", "results", "full", 8),
    "npm-audit": ("npm-audit", "single", "leaf", 7),
    "sonarqube": ("sonarqube", "single", "full", 9),
    "pentest": ("pentest-report", "single", "leaf", 1),
    "prometheus": ("prometheus", "results", "two", 11),
    "grafana": ("grafana", "array", "two", 11),
    "alertmanager": ("alertmanager", "array", "leaf", 12),
    "fluent-bit": ("fluent-bit", "results", "leaf", 12),
    "jaeger": ("jaeger", "array", "leaf", 13),
    "dr-drill": ("dr-drill", "results", "full", 25),
    "pytest": ("pytest", "results", "full", 14),
    "playwright": ("playwright", "array", "leaf", 19),
    "k6": ("k6", "results", "leaf", 31),
    "smoke-tests": ("smoke-tests", "array", "leaf", 17),
    "curl": ("curl", "array", "leaf", 16),
    "docs-check": ("docs-check", "results", "leaf", 5),
    "kubeconform": ("kubeconform", "array", "leaf", 3),
    "jira": ("jira", "single", "leaf", 1),
    "pagerduty": ("pagerduty", "array", "leaf", 2),
    "helm-rollback": ("helm", "array", "two", 22),
    "change-approval": ("change-approval", "single", "leaf", 1),
    "reviews": ("release-review", "array", "leaf", 1),
    "release-gate": ("release-gate", "results", "full", 38),
}

# file key | item id (pre-deployment items without the section prefix) | pass summary
ITEM_TABLE = """
aws-account | infrastructure-readiness/aws-account-setup/aws-account-created-and-configured | Account gennet-{env} in OU workloads/{env}; CloudTrail and AWS Config enabled in all regions
aws-account | infrastructure-readiness/aws-account-setup/iam-usersroles-with-appropriate-permissions | 23 IAM roles, 0 inline admin policies, 0 access keys older than 90 days
aws-account | infrastructure-readiness/aws-account-setup/billing-alerts-configured | 3 AWS Budgets alerts (50/80/100% of {budget}) routed to #gennet-finops
aws-account | infrastructure-readiness/aws-account-setup/service-quotas-verified-eks-rds-etc | EKS, RDS, EC2 and ELB quotas below 60% utilisation
terraform | infrastructure-readiness/terraform-configuration/terraformtfvars-configured-for-production | environments/{env}/terraform.tfvars validated against variables.tf (38 values)
terraform | infrastructure-readiness/terraform-configuration/all-required-variables-set | terraform validate: 0 missing required variables
terraform | infrastructure-readiness/terraform-configuration/terraform-state-backend-configured-s3-dynamodb | Backend s3://gennet-tfstate-{env} with DynamoDB lock table gennet-tf-locks
terraform | infrastructure-readiness/terraform-configuration/terraform-version-150 | Terraform v1.9.5 (required >= 1.5.0)
aws-account | infrastructure-readiness/kubernetes-cluster/eks-cluster-created-and-accessible | EKS cluster {cluster} ACTIVE, Kubernetes 1.30, private endpoint reachable from CI
kubectl | infrastructure-readiness/kubernetes-cluster/kubectl-configured-for-cluster-access | kubectl auth can-i --list as ci-deployer: 17 expected verbs, no cluster-admin
kubectl | infrastructure-readiness/kubernetes-cluster/node-groups-configured-with-appropriate-instance-types | 3 managed node groups: m6i.xlarge x{nodes}, c6i.2xlarge x3, r6i.large x2
kubectl | infrastructure-readiness/kubernetes-cluster/cluster-autoscaler-enabled | cluster-autoscaler 1.30.2 running; scale-up test added a node in {scale_s}s
terraform | infrastructure-readiness/networking/vpc-and-subnets-configured | VPC with 3 public and 3 private subnets across {region}a/b/c
terraform | infrastructure-readiness/networking/security-groups-configured | 12 security groups; no 0.0.0.0/0 ingress except the ALB on 443
terraform | infrastructure-readiness/networking/route-53-hosted-zone-created | Hosted zone {domain} delegated; 4 NS records resolve
openssl | infrastructure-readiness/networking/ssl-certificates-issued-acm-or-cert-manager | cert-manager: 9/9 Certificates Ready; earliest expiry in {cert_days} days
aws-security | security-configuration/secrets-management/aws-secrets-manager-configured | Secrets Manager in use with KMS key alias/gennet-{env}-secrets
kubectl | security-configuration/secrets-management/external-secrets-operator-deployed | external-secrets 0.10.4: 27/27 ExternalSecrets in SecretSynced state
aws-security | security-configuration/secrets-management/all-secrets-created-in-secrets-manager | 27/27 secrets referenced by ExternalSecrets exist in Secrets Manager
aws-security | security-configuration/secrets-management/secret-rotation-policies-configured | Rotation enabled on 27/27 secrets (30-day schedule, last rotation succeeded)
terraform | security-configuration/encryption/kms-keys-created | 5 customer-managed KMS keys, automatic key rotation enabled on all
aws-security | security-configuration/encryption/rds-encryption-enabled | gennet-{env}-db: StorageEncrypted=true with alias/gennet-{env}-rds
aws-security | security-configuration/encryption/s3-encryption-enabled | 6/6 buckets default to SSE-KMS and deny unencrypted PutObject
openssl | security-configuration/encryption/tlsssl-certificates-configured | TLS 1.2+ only on 9/9 endpoints; HSTS max-age=31536000
aws-security | security-configuration/access-control/iam-policies-reviewed-and-tested | IAM Access Analyzer: 0 active findings; policy simulator suite 48/48 passed
kubectl | security-configuration/access-control/network-policies-configured-zero-trust | Default-deny in 9/9 namespaces; 41 allow policies
kubectl | security-configuration/access-control/service-mesh-mtls-enabled | Istio PeerAuthentication STRICT mesh-wide; 0 plaintext connections
aws-security | security-configuration/access-control/waf-rules-configured | Web ACL gennet-{env}-edge: AWS core rule set, known bad inputs, rate limit 2000/5 min
trivy | security-configuration/security-scanning/container-images-scanned-for-vulnerabilities | 0 critical, 0 high, {medium} medium vulnerabilities in 14 images
npm-audit | security-configuration/security-scanning/dependencies-checked-for-security-issues | npm audit + pip-audit: 0 critical, 0 high in 1,412 npm and 214 PyPI packages
sonarqube | security-configuration/security-scanning/static-code-analysis-completed | Quality gate passed: 0 bugs, 0 vulnerabilities, 0 security hotspots on new code
pentest | security-configuration/security-scanning/penetration-testing-completed-if-required | External penetration test passed
prometheus | monitoring-and-alerting/prometheus/prometheus-deployed-and-configured | Prometheus 2.54.1 HA pair up; last config reload successful
prometheus | monitoring-and-alerting/prometheus/service-discovery-configured | {targets} active targets, 0 down (kubernetes_sd)
prometheus | monitoring-and-alerting/prometheus/retention-period-set-appropriately | retention.time=30d, retention.size=180GB
grafana | monitoring-and-alerting/grafana/grafana-deployed | Grafana 11.2.0 healthy (2 replicas)
grafana | monitoring-and-alerting/grafana/dashboards-imported | 34 dashboards provisioned from git; 0 provisioning errors
grafana | monitoring-and-alerting/grafana/data-sources-configured | 4 data sources (Prometheus, CloudWatch, Jaeger, PostgreSQL) pass health check
grafana | monitoring-and-alerting/grafana/access-control-configured | SSO via Okta; default role Viewer; 6 admins
alertmanager | monitoring-and-alerting/alerting/alertmanager-configured | Alertmanager 0.27.0 cluster of 3; amtool check-config OK
alertmanager | monitoring-and-alerting/alerting/alert-rules-defined-and-tested | 96 alert rules; promtool test rules: 41/41 unit tests passed
alertmanager | monitoring-and-alerting/alerting/notification-channels-configured-pagerduty-slack-etc | PagerDuty service gennet-{env} and Slack #gennet-alerts-{env} received the test alert
alertmanager | monitoring-and-alerting/alerting/alert-routing-rules-configured | amtool config routes test: 12/12 routing cases matched
fluent-bit | monitoring-and-alerting/logging/fluentdfluent-bit-deployed | fluent-bit 3.1.7 DaemonSet: {nodes_total}/{nodes_total} pods ready
fluent-bit | monitoring-and-alerting/logging/cloudwatch-or-elk-stack-configured | Outputs: CloudWatch Logs /gennet/{env}/* and OpenSearch domain gennet-logs-{env}
fluent-bit | monitoring-and-alerting/logging/log-retention-policies-set | CloudWatch retention 30 days; OpenSearch ISM deletes after 14 days
fluent-bit | monitoring-and-alerting/logging/log-aggregation-verified | Canary log line searchable in OpenSearch after {canary_s}s
jaeger | monitoring-and-alerting/tracing/jaeger-or-similar-deployed | Jaeger 1.60 (2 collectors, 1 query) healthy
jaeger | monitoring-and-alerting/tracing/opentelemetry-configured | OpenTelemetry Collector 0.108 receives OTLP from 14/14 services
jaeger | monitoring-and-alerting/tracing/trace-sampling-configured | Tail sampling: 10% baseline, 100% of errors and of spans slower than 1s
jaeger | monitoring-and-alerting/tracing/trace-retention-set | Trace retention 7 days (OpenSearch index lifecycle)
aws-rds | backup-and-disaster-recovery/database-backups/rds-automated-backups-enabled | Automated backups enabled; latest snapshot {date} 03:10 UTC
aws-rds | backup-and-disaster-recovery/database-backups/backup-retention-period-set-30-days-for-production | {retention}
aws-rds | backup-and-disaster-recovery/database-backups/point-in-time-recovery-enabled | PITR enabled; latest restorable time 5 minutes before the check
dr-drill | backup-and-disaster-recovery/database-backups/backup-restoration-tested | Restored gennet-{env}-db snapshot to a scratch instance in 18m40s; row counts match
aws-backup | backup-and-disaster-recovery/application-backups/s3-versioning-enabled | Versioning Enabled on 6/6 buckets; MFA delete on the audit bucket
aws-backup | backup-and-disaster-recovery/application-backups/cross-region-replication-configured | 2/2 buckets replicate to {dr_region}; replication lag p99 41s
aws-backup | backup-and-disaster-recovery/application-backups/backup-automation-scripts-tested | scripts/backup/verify-snapshots.sh: 14 snapshots verified, checksums OK
docs-check | backup-and-disaster-recovery/disaster-recovery/dr-plan-documented | docs/ops/disaster-recovery.md present; RTO 60m / RPO 15m stated
dr-drill | backup-and-disaster-recovery/disaster-recovery/failover-scripts-tested | failover.sh promoted the {dr_region} replica; RTO 11m (target 30m)
docs-check | backup-and-disaster-recovery/disaster-recovery/dr-runbook-reviewed | DR runbook reviewed by Operations within the last 90 days
dr-drill | backup-and-disaster-recovery/disaster-recovery/dr-drill-completed | DR drill completed: RPO 4m, RTO 23m (targets 15m / 60m)
docs-check | application-configuration/environment-variables/all-required-environment-variables-documented | 64/64 environment variables in docs/configuration.md match chart values
kubectl | application-configuration/environment-variables/configmaps-created-for-non-sensitive-config | 14/14 services mount their ConfigMap
kubectl | application-configuration/environment-variables/secrets-created-for-sensitive-data | 27 Secrets materialised by External Secrets; kube-linter finds 0 secrets in ConfigMaps
kubectl | application-configuration/environment-variables/environment-specific-values-verified | values-{env}.yaml diffed against live objects: 0 unexpected differences
kubectl | application-configuration/service-configuration/all-services-configured-for-production | 14/14 Deployments: replicas >= 2, PodDisruptionBudget, zone anti-affinity
kubectl | application-configuration/service-configuration/resource-limits-and-requests-set | All 38 containers set CPU and memory requests and limits
kubectl | application-configuration/service-configuration/health-check-endpoints-configured | 14/14 services define liveness and readiness probes
kubectl | application-configuration/service-configuration/graceful-shutdown-configured | preStop hook and terminationGracePeriodSeconds=45 on 14/14 services
kubectl | application-configuration/database-configuration/database-connection-strings-configured | DATABASE_URL comes from a Secret in 9/9 database clients; sslmode=verify-full
kubectl | application-configuration/database-configuration/connection-pooling-configured | PgBouncer transaction pooling, pool_size=40, 2 replicas
pytest | application-configuration/database-configuration/database-migrations-tested | alembic upgrade head and downgrade -1 on a snapshot copy: OK
aws-rds | application-configuration/database-configuration/read-replicas-configured-if-applicable | 2 read replicas (db.r6g.large) in sync, replica lag < 1s
pytest | testing/unit-tests/all-unit-tests-passing | pytest {py_tests} passed; jest {js_tests} passed
pytest | testing/unit-tests/test-coverage-80 | Line coverage {coverage}% (threshold 80%)
pytest | testing/unit-tests/no-critical-test-failures | 0 failures among 211 tests marked critical
pytest | testing/integration-tests/integration-tests-passing | 415 integration tests passed against {env} dependencies
pytest | testing/integration-tests/service-to-service-communication-tested | 38 Pact contracts verified across 14 services
pytest | testing/integration-tests/database-operations-tested | 112 repository tests passed on PostgreSQL 16.4
playwright | testing/e2e-tests/critical-user-flows-tested | 12/12 critical flows passed (signup, login, checkout, invoice download, ...)
playwright | testing/e2e-tests/e2e-tests-passing | 146/146 specs passed on chromium, firefox and webkit
playwright | testing/e2e-tests/performance-tests-completed | Lighthouse CI: performance score 92, LCP 1.8s on landing and dashboard
k6 | testing/load-testing/load-testing-completed | k6 soak: {rps} rps for 30 min, 0.02% errors
k6 | testing/load-testing/performance-baselines-established | Baseline recorded: p95 {p95}ms, p99 {p99}ms at {rps} rps
k6 | testing/load-testing/auto-scaling-behavior-verified | HPA scaled api-gateway 3 -> 9 pods within 2 min and back in 6 min
k6 | testing/load-testing/circuit-breakers-tested-under-load | Circuit breaker on recommendations-svc opened in 2.1s under fault injection; no cascade
docs-check | documentation/api-documentation/api-documentation-complete | 118/118 public endpoints documented
docs-check | documentation/api-documentation/openapiswagger-specs-generated | openapi.yaml generated; spectral lint: 0 errors, 3 warnings
docs-check | documentation/api-documentation/examples-provided | Request and response examples for 118/118 endpoints
docs-check | documentation/api-documentation/error-codes-documented | 47 error codes documented in docs/api/errors.md
docs-check | documentation/operational-documentation/runbooks-complete | 22 runbooks; every alert rule links a runbook
docs-check | documentation/operational-documentation/deployment-procedures-documented | docs/ops/deploy.md reviewed within the last 90 days
docs-check | documentation/operational-documentation/troubleshooting-guides-available | 9 troubleshooting guides; 0 broken links
docs-check | documentation/operational-documentation/incident-response-procedures-documented | Incident response policy v3 with severity matrix and comms templates
docs-check | documentation/developer-documentation/developer-onboarding-guide-complete | Onboarding guide: make bootstrap succeeds on a clean runner
docs-check | documentation/developer-documentation/architecture-documentation-updated | ADRs current (latest ADR-031); C4 diagrams regenerated from code
docs-check | documentation/developer-documentation/contribution-guidelines-available | CONTRIBUTING.md and CODEOWNERS present and valid
kubeconform | deployment-steps/1-pre-deployment-validation/all-validation-checks-pass | terraform validate, helm lint, kubeconform: 0 errors across 212 manifests
jira | deployment-steps/1-pre-deployment-validation/no-blocking-issues-identified | 0 open Blocker/Critical issues in GENNET for fix version {release}
terraform | deployment-steps/2-infrastructure-deployment/terraform-plan-reviewed | Plan: 0 to add, {tf_change} to change, 0 to destroy; reviewed in !{mr}
terraform | deployment-steps/2-infrastructure-deployment/infrastructure-deployed-successfully | terraform apply: {tf_change} changed, 0 failed
terraform | deployment-steps/2-infrastructure-deployment/all-resources-created-and-healthy | 214 managed resources; terraform plan -detailed-exitcode reports no drift
kubectl | deployment-steps/3-application-deployment/all-services-deployed | helm list: 14/14 releases deployed at {short}
kubectl | deployment-steps/3-application-deployment/all-pods-running-and-healthy | {pods}/{pods} pods Running and Ready; 0 restarts in the last hour
curl | deployment-steps/3-application-deployment/services-accessible-via-ingress | 9/9 ingress hosts return 200 through the ALB
smoke-tests | deployment-steps/4-post-deployment-validation/all-smoke-tests-pass | 27/27 smoke tests passed against https://{domain}
curl | deployment-steps/4-post-deployment-validation/health-endpoints-responding | /healthz and /readyz return 200 on 14/14 services (slowest {health_ms}ms)
smoke-tests | deployment-steps/4-post-deployment-validation/services-responding-correctly | 14/14 services return the expected payload for golden requests
prometheus | deployment-steps/5-monitoring-verification/all-services-appearing-in-prometheus | 14/14 services have up == 1 targets
grafana | deployment-steps/5-monitoring-verification/grafana-dashboards-showing-data | 34/34 dashboards return data for the last hour
alertmanager | deployment-steps/5-monitoring-verification/alerts-configured-and-tested | Synthetic alert TestAlertFiring reached PagerDuty in {alert_s}s
fluent-bit | deployment-steps/5-monitoring-verification/logs-flowing-to-aggregation-system | 14/14 services emitted logs in the last 15 min; 0 fluent-bit retries
jaeger | deployment-steps/5-monitoring-verification/traces-being-collected | {traces} traces/min; all 14 services in the service graph
k6 | deployment-steps/6-performance-verification/response-times-within-acceptable-limits | p95 {p95}ms (threshold 300ms), p99 {p99}ms (threshold 1000ms)
prometheus | deployment-steps/6-performance-verification/resource-utilization-normal | Cluster CPU {cpu}%, memory {mem}% (7-day p95)
prometheus | deployment-steps/6-performance-verification/no-memory-leaks-detected | No container shows monotonic memory growth over 24h
aws-rds | deployment-steps/6-performance-verification/database-performance-acceptable | Performance Insights: avg active sessions 1.4; slowest query p95 38ms
prometheus | post-deployment/immediate-first-hour/monitor-all-services-continuously | 14/14 services covered by SLO burn-rate alerts
prometheus | post-deployment/immediate-first-hour/check-error-rates | 5xx rate {err}% over the last hour (SLO 0.5%)
smoke-tests | post-deployment/immediate-first-hour/verify-all-integrations-working | Stripe, SendGrid, Okta and S3 integrations respond to health probes
prometheus | post-deployment/immediate-first-hour/monitor-resource-usage | No pod above 85% of its memory limit
fluent-bit | post-deployment/immediate-first-hour/review-logs-for-errors | {log_errors} ERROR lines in the last hour, all matching known issue KI-18
prometheus | post-deployment/first-24-hours/monitor-performance-metrics | 24h p95 latency {p95_24h}ms; error budget {budget_left}% remaining
alertmanager | post-deployment/first-24-hours/review-alert-history | Last 24h: {alerts_24h} warning alerts fired and auto-resolved, 0 pages
reviews | post-deployment/first-24-hours/check-user-feedback | -
aws-backup | post-deployment/first-24-hours/verify-backup-operations | Last 24h: 1 RDS snapshot, 288 WAL archives, 6 S3 inventory reports; all succeeded
aws-cost | post-deployment/first-24-hours/review-cost-metrics | Month-to-date spend {spend} ({forecast} forecast)
reviews | post-deployment/first-week/performance-review | -
reviews | post-deployment/first-week/cost-optimization-review | -
reviews | post-deployment/first-week/user-feedback-review | -
reviews | post-deployment/first-week/incident-review-if-any | -
reviews | post-deployment/first-week/documentation-updates | -
trivy | no-go: critical-security-vulnerabilities | No critical vulnerabilities in the 14 deployed images
pagerduty | go: team-trained-and-ready | 8/8 on-call engineers completed production readiness training
pagerduty | no-go: team-not-ready | Primary and secondary on-call staffed 24/7 for the next 14 days
helm-rollback | go: rollback-plan-tested | helm rollback drill: api-gateway back to the previous revision in 48s, smoke tests green
helm-rollback | no-go: rollback-plan-not-tested | Rollback drill ran in this pipeline; blocker clear
change-approval | go: stakeholder-approval-received | -
release-gate | go: all-pre-deployment-checks-pass | -
release-gate | go: all-tests-passing | -
release-gate | go: security-audit-passed | -
release-gate | go: performance-baselines-met | -
release-gate | go: documentation-complete | -
release-gate | no-go: test-failures | -
release-gate | no-go: infrastructure-issues | -
release-gate | no-go: missing-documentation | -
"""


def full_id(raw):
    if raw.startswith("go: "):
        return GO + raw[4:]
    if raw.startswith("no-go: "):
        return NOGO + raw[7:]
    if raw.startswith(("deployment-steps/", "post-deployment/")):
        return raw
    return PRE + raw


ITEMS = []  # (file key, full id, pass summary) in checklist order
for line in ITEM_TABLE.strip().splitlines():
    key, raw, summary = (part.strip() for part in line.split("|", 2))
    ITEMS.append((key, full_id(raw), summary))
ITEM_BY_LEAF = {item_id.rsplit("/", 1)[1]: item_id for _, item_id, _ in ITEMS}
FILE_OF = {item_id: key for key, item_id, _ in ITEMS}
SUMMARY_OF = {item_id: summary for _, item_id, summary in ITEMS}
GO_ITEMS = [i for _, i, _ in ITEMS if i.startswith(GO)]
NOGO_ITEMS = [i for _, i, _ in ITEMS if i.startswith(NOGO)]


def leaf(item_id):
    return item_id.rsplit("/", 1)[1]


def digest(*parts):
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def number(run_id, name, low, high):
    """A stable pseudo-random integer in [low, high] for one run and one quantity."""
    return low + int(digest(run_id, name)[:8], 16) % (high - low + 1)


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def format_time(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_duration(text):
    match = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", text)
    days, hours, minutes = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes)


class Run:
    def __init__(self, row, staging_index, production_index):
        self.id, self.env, self.started, self.trigger, self.branch, self.verdict, self.why = row
        self.start = parse_time(self.started)
        self.n = staging_index if self.env == "staging" else production_index
        self.staging = self.env == "staging"
        source = PROMOTED_FROM.get(self.id, self.id)
        self.commit = digest("commit", source)
        self.pipeline = 48000 + number(self.id, "pipeline", 0, 999) + (self.start.toordinal() - 739500) * 37
        self.results = {}   # full id -> result dict (own results of this run)
        self.waivers = []
        self.signoffs = []

    def job_url(self, key):
        return f"{CI}/jobs/{self.pipeline * 9 + number(self.id, 'job' + key, 1, 8)}"

    def context(self):
        r, s = self.id, self.staging
        p95 = number(r, "p95", 221, 262)
        return {
            "env": self.env,
            "cluster": f"gennet-{'staging' if s else 'prod'}",
            "region": "eu-west-1",
            "dr_region": "eu-central-1",
            "domain": "staging.gennet.example.com" if s else "app.gennet.example.com",
            "date": self.started[:10],
            "release": "2026.11" if self.start >= parse_time("2026-10-21T00:00:00Z") else "2026.10",
            "short": self.commit[:8],
            "mr": number(r, "mr", 1180, 1460),
            "budget": "$4,000/month" if s else "$22,000/month",
            "nodes": 4 if s else 6,
            "nodes_total": 9 if s else 11,
            "scale_s": number(r, "scale", 71, 118),
            "cert_days": 80 - (self.start - parse_time("2026-09-28T00:00:00Z")).days % 60,
            "medium": number(r, "medium", 6, 15),
            "targets": number(r, "targets", 204, 231) if s else number(r, "targets", 268, 290),
            "canary_s": number(r, "canary", 4, 11),
            "retention": "BackupRetentionPeriod=7 days (staging policy; 30 days applies to production)"
            if s else "BackupRetentionPeriod=30 days",
            "py_tests": f"{1790 + 6 * self.n + (0 if s else 40):,}",
            "js_tests": f"{940 + 3 * self.n:,}",
            "coverage": f"{80.3 + 0.3 * max(0, self.n - 6) if s else 81.2 + 0.4 * self.n:.1f}",
            "rps": 800 if s else 1200,
            "p95": p95,
            "p99": p95 * 2 + number(r, "p99", 80, 160),
            "tf_change": number(r, "tfchange", 0, 3),
            "pods": 61 if s else 87,
            "health_ms": number(r, "health", 41, 96),
            "alert_s": number(r, "alert", 24, 55),
            "traces": f"{number(r, 'traces', 1100, 1500) * (1 if s else 4):,}",
            "cpu": number(r, "cpu", 34, 52),
            "mem": number(r, "mem", 51, 66),
            "err": f"{number(r, 'err', 1, 9) / 100:.2f}",
            "log_errors": number(r, "logerr", 3, 19),
            "p95_24h": p95 - number(r, "p95d", 8, 30),
            "budget_left": number(r, "budgetleft", 91, 99),
            "alerts_24h": number(r, "alerts", 0, 4),
            "spend": f"${number(r, 'spend', 2100, 2600):,}" if s else f"${number(r, 'spend', 11800, 13400):,}",
            "forecast": "within 3% of" if s else "within 4% of",
        }


# --- the story -------------------------------------------------------------------

def outcome(status, summary, details=None, **extra):
    return dict(status=status, summary=summary, details=details, **extra)


TRIVY_S1 = """Severity  CVE              Package   Installed        Fixed in         Images
CRITICAL  CVE-2026-21904   openssl   3.0.13-1~deb12u1 3.0.15-1~deb12u1 api-gateway, payments-api
CRITICAL  CVE-2026-22317   libxml2   2.9.14+dfsg-1.3  2.9.14+dfsg-1.4  report-worker
HIGH      CVE-2026-19950   curl      7.88.1-10        7.88.1-10+deb12u8 7 images
HIGH      CVE-2026-20112   zlib      1:1.2.13-1       1:1.2.13-1+deb12u1 5 images

Base image debian:12.5-slim is 4 months old; rebuild on debian:12.7-slim.
Tracked in SEC-214."""

TRIVY_S2 = """Severity  CVE              Package   Installed        Fixed in         Images
CRITICAL  CVE-2026-21904   openssl   3.0.13-1~deb12u1 3.0.15-1~deb12u1 payments-api
HIGH      CVE-2026-19950   curl      7.88.1-10        7.88.1-10+deb12u8 3 images

api-gateway and report-worker rebuilt on debian:12.7-slim.
payments-api pins its base image by digest; bump pending review in !1207."""

TRIVY_GLIBC = """Severity  CVE              Package   Installed        Fixed in         Images
CRITICAL  CVE-2026-40112   glibc     2.36-9+deb12u7   2.36-9+deb12u9   all 14 images

Published 2026-11-07: heap overflow in getaddrinfo() reachable through DNS responses.
Fix available in debian:12.8-slim; rebuild all images (SEC-251)."""

DETAILS_UNIT = """FAILED tests/billing/test_settlement.py::test_partial_refund_rounding - AssertionError: 10.01 != 10.00
FAILED tests/billing/test_settlement.py::test_multi_currency_settlement - KeyError: 'SEK'
FAILED tests/billing/test_invoices.py::test_credit_note_numbering - IntegrityError
FAILED tests/api/test_rate_limits.py::test_burst_header (4 parametrised cases)

Regression from the decimal rounding refactor in !1219."""

DETAILS_MIGRATION = """alembic upgrade 0041 -> 0042_invoice_number_per_tenant
sqlalchemy.exc.IntegrityError: (psycopg.errors.UniqueViolation)
  could not create unique index "invoices_tenant_number_uq"
  DETAIL: Key (tenant_id, number)=(8812, INV-2024-00017) is duplicated.

Staging snapshot contains 37 duplicate invoice numbers created before the per-tenant sequence.
Fix: data migration 0042a deduplicates before the index is created (PLAT-1240)."""

DETAILS_CB_FAIL = """scenario: fault-injection (recommendations-svc returns 503 for 50% of calls, 30s)
expected: breaker opens within 5s, api-gateway p99 < 1500ms
observed: breaker opened after {t}s; api-gateway p99 {p99}ms during the window

Known flaky: resilience4j slidingWindowSize=20 needs enough calls before it trips; at low
warm-up traffic the window fills late. Tracked in PLAT-1198."""

REPLICATION = {
    1: "No replication rules on gennet-staging-artifacts and gennet-staging-uploads",
    4: "Replication rule on gennet-staging-artifacts; gennet-staging-uploads still has none",
    7: "gennet-staging-uploads replication FAILED: KMS key policy in eu-central-1 denies s3.amazonaws.com",
    11: "gennet-staging-uploads: 41,207 objects pending replication (rule enabled, KMS grant missing)",
}


def cross_region(run):
    if run.staging:
        if run.n >= 13:
            return None
        text = REPLICATION[max(k for k in REPLICATION if k <= run.n)]
        details = None
        if run.n >= 7:
            details = ("Replication of SSE-KMS objects needs a replica key grant for the replication role.\n"
                       "OPS-412: owned by the platform team; blocked on the security review of the key policy.")
        return outcome("fail", text, details)
    if run.n == 1:
        return outcome("fail", "gennet-prod-uploads replication rule disabled since the bucket migration (OPS-433)")
    return None


CIRCUIT_BREAKER = {5: "pass", 6: "fail", 7: "pass", 8: "fail", 9: "fail",
                   10: "pass", 11: "fail", 12: "pass", 13: "pass", 14: "pass"}


def story(run):
    """Non-default outcomes for one run: full id -> outcome, or None for "no result"."""
    o = {}
    n, s = run.n, run.staging
    c = run.context()

    def set_(name, value):
        o[ITEM_BY_LEAF[name]] = value

    # Probes that were not wired into the pipeline yet stay pending.
    missing = set()
    if s and n <= 1:
        missing |= {"k6", "jaeger", "docs-check", "fluent-bit", "dr-drill", "pagerduty", "helm-rollback",
                    "playwright", "aws-cost"}
    if s and n <= 2:
        missing |= {"k6", "jaeger", "dr-drill", "pagerduty", "helm-rollback"}
    if s and n <= 3:
        missing |= {"dr-drill", "pagerduty"}
    if s and n <= 5:
        missing |= {"pagerduty"}
    # The DR drill runs rarely; its results carry forward (valid_for) between drills.
    if (s and n not in (4, 9)) or (not s and n != 1):
        missing.add("dr-drill")
    for _, item_id, _ in ITEMS:
        if FILE_OF[item_id] in missing:
            o[item_id] = None

    # Security scanning.
    if s and n == 1:
        set_("container-images-scanned-for-vulnerabilities",
             outcome("fail", "2 critical, 7 high, 23 medium vulnerabilities in 14 images", TRIVY_S1))
        set_("critical-security-vulnerabilities",
             outcome("fail", "Blocker: CVE-2026-21904 (openssl) and CVE-2026-22317 (libxml2) in 3 images"))
        set_("static-code-analysis-completed",
             outcome("fail", "Quality gate failed: 2 security hotspots not reviewed, coverage on new code 61%"))
    elif s and n == 2:
        set_("container-images-scanned-for-vulnerabilities",
             outcome("fail", "1 critical, 3 high, 17 medium vulnerabilities in 14 images", TRIVY_S2))
        set_("critical-security-vulnerabilities",
             outcome("fail", "Blocker: CVE-2026-21904 (openssl) still in payments-api"))
    elif s and n in (3, 4):
        set_("container-images-scanned-for-vulnerabilities",
             outcome("warn", f"0 critical, 2 high, {c['medium']} medium vulnerabilities in 14 images",
                     "HIGH CVE-2026-19950 (curl) in 2 images whose fix needs an upstream rebuild (SEC-219)."))
    elif (s and n == 13) or (not s and n == 3):
        set_("container-images-scanned-for-vulnerabilities",
             outcome("fail", f"1 critical, 0 high, {c['medium']} medium vulnerabilities in 14 images", TRIVY_GLIBC))
        set_("critical-security-vulnerabilities",
             outcome("fail", "Blocker: CVE-2026-40112 (glibc, published 2026-11-07) in all 14 images"))
    if s and n <= 4:
        set_("dependencies-checked-for-security-issues",
             outcome("warn", "npm audit: 0 critical, 3 high (semver, xml2js, tough-cookie) in 1,412 packages",
                     "All three are transitive dev-time dependencies of the docs toolchain; upgrade in PLAT-1170."))
    if s:
        set_("penetration-testing-completed-if-required",
             outcome("skip", "External penetration test is scoped to production only (SOW-2026-07)"))
    elif n == 1:
        set_("penetration-testing-completed-if-required",
             outcome("fail", "2 high findings open: PT-7 IDOR on /v1/invoices/{id}, PT-9 no rate limit on /auth/token",
                     "Report by the external tester, engagement 2026-10-05 .. 2026-10-16.\n"
                     "PT-7 (high): invoices of another tenant readable by guessing ids.\n"
                     "PT-9 (high): password spraying possible on /auth/token.\n"
                     "5 medium and 8 low findings accepted or fixed."))
    elif n == 2:
        set_("penetration-testing-completed-if-required",
             outcome("pass", "Re-test passed: PT-7 and PT-9 fixed and verified; 0 open high findings",
                     expires_at="2027-02-01T00:00:00Z"))
    else:
        set_("penetration-testing-completed-if-required", None)  # carried from the re-test

    # Secrets rotation: fails until rotation for the RDS master credentials lands (waived meanwhile).
    if (s and n <= 13) or not s:
        set_("secret-rotation-policies-configured",
             outcome("fail", "Rotation enabled on 24/27 secrets; RDS master and 2 replication credentials lack rotation",
                     "Rotation for the RDS master credential needs the Secrets Manager rotation Lambda\n"
                     "in the database subnets (PLAT-1182)."))

    # Infrastructure and configuration warnings.
    if s and 7 <= n <= 9:
        set_("service-quotas-verified-eks-rds-etc",
             outcome("warn", "EC2 On-Demand standard vCPU quota at 86% (110 of 128); increase requested",
                     "AWS support case 17744120931 asks for 256 vCPUs."))
    if s and n <= 5:
        set_("resource-limits-and-requests-set",
             outcome("warn", "4 containers lack memory limits (report-worker, pdf-renderer sidecars)"))
    if s and n <= 3:
        set_("retention-period-set-appropriately",
             outcome("warn", "retention.time=15d; target is 30d"))
    replication = cross_region(run)
    if replication:
        set_("cross-region-replication-configured", replication)
    if s:
        set_("read-replicas-configured-if-applicable",
             outcome("skip", "Staging runs a single-AZ instance without read replicas by design"))

    # Tests.
    if s and n <= 5:
        set_("test-coverage-80", outcome("warn", f"Line coverage {[76.2, 77.9, 78.8, 79.4, 79.7][n - 1]}% (threshold 80%)"))
    if s and n == 3:
        set_("all-unit-tests-passing", outcome("fail", f"pytest 7 failed, {1791 + 6 * n:,} passed; jest {940 + 3 * n:,} passed",
                                               DETAILS_UNIT))
        set_("no-critical-test-failures", outcome("fail", "3 failures in tests marked critical (billing settlement)"))
        set_("e2e-tests-passing", outcome("fail", "2/146 specs failed: checkout-refund, invoice-download (webkit)"))
        set_("critical-user-flows-tested", outcome("fail", "11/12 critical flows passed; refund flow fails at confirmation"))
    if s and n == 8:
        set_("integration-tests-passing", outcome("fail", "3 failed, 412 passed: invoice export after migration 0042"))
        set_("database-migrations-tested", outcome("fail", "alembic upgrade to 0042 fails on the staging snapshot",
                                                   DETAILS_MIGRATION))
    if s and n == 3:
        set_("response-times-within-acceptable-limits",
             outcome("warn", "p95 412ms (threshold 300ms), p99 1180ms (threshold 1000ms)"))
        set_("performance-baselines-established",
             outcome("warn", "Baseline not recorded: thresholds crossed during the soak"))
    if s and n in CIRCUIT_BREAKER and CIRCUIT_BREAKER[n] == "fail":
        t = number(run.id, "cbt", 9, 17)
        set_("circuit-breakers-tested-under-load",
             outcome("fail", f"Breaker on recommendations-svc opened after {t}s; api-gateway p99 {2100 + 40 * t}ms",
                     DETAILS_CB_FAIL.format(t=t, p99=2100 + 40 * t)))

    # Documentation.
    if s and n == 2:
        set_("runbooks-complete", outcome("fail", "14 of 96 alert rules have no runbook link"))
        set_("troubleshooting-guides-available", outcome("warn", "9 guides; 3 broken links to the old wiki"))
    if s and n == 3:
        set_("runbooks-complete", outcome("fail", "5 of 96 alert rules have no runbook link"))
    if s and n == 4:
        set_("architecture-documentation-updated", outcome("warn", "C4 container diagram predates the billing split (ADR-029)"))

    # Post-deployment reviews: nothing to review on staging; production reviews happen after go-live.
    for name in ("check-user-feedback", "performance-review", "cost-optimization-review", "user-feedback-review",
                 "incident-review-if-any", "documentation-updates"):
        set_(name, outcome("skip", "Post-launch review; not applicable to staging") if s else None)
    if not s and n >= 3:
        set_("review-cost-metrics", outcome("warn", f"Month-to-date spend {c['spend']}, 12% above forecast (NAT gateway data processing)"))

    # Go/No-Go inputs that are not derived by the release gate.
    if s:
        set_("stakeholder-approval-received", outcome("skip", "Stakeholder approval is collected for production releases only"))
    elif n == 1:
        set_("stakeholder-approval-received", outcome("warn", "CAB change CHG-1987 submitted; review 2026-10-22"))
    elif n in (2, 3):
        set_("stakeholder-approval-received",
             outcome("warn", "CAB change CHG-2041 scheduled for review on 2026-11-13"))
    else:
        set_("stakeholder-approval-received", outcome("pass", "CAB approved change CHG-2041 on 2026-11-13"))
    return o


def waivers_for(run):
    if run.staging and 6 <= run.n <= 12:
        return [{
            "item": "secret-rotation-policies-configured",
            "reason": "Rotation of the RDS master credential needs the rotation Lambda in the database subnets "
                      "(PLAT-1182, sprint 44). Application users authenticate with short-lived IAM tokens meanwhile.",
            "approved_by": "Priya Raman",
            "expires_at": "2026-11-04T00:00:00Z",
        }]
    if not run.staging and run.n >= 2:
        return [{
            "item": PRE + "security-configuration/secrets-management/secret-rotation-policies-configured",
            "reason": "Production rotation for the RDS master and replication credentials follows the staging rollout "
                      "(PLAT-1182); credentials are vaulted, break-glass only, and access is alerted.",
            "approved_by": "Priya Raman",
            "expires_at": "2026-11-30T00:00:00Z",
        }]
    return []


def signoffs_for(run):
    def sign(role, decision, minutes, comment=None):
        entry = {"role": role, "name": PEOPLE[role], "decision": decision,
                 "at": format_time(run.start + timedelta(minutes=minutes))}
        if comment:
            entry["comment"] = comment
        return entry

    if run.staging and run.n == 14:
        return [sign("Technical Lead", "approve", 95, "Staging soak clean for 72h; ready to promote."),
                sign("Operations Lead", "approve", 130)]
    if not run.staging and run.n == 1:
        return [sign("Technical Lead", "approve", 70),
                sign("Security Lead", "reject", 112,
                     "Pen test findings PT-7 (IDOR) and PT-9 (no rate limit on /auth/token) are open and "
                     "secret rotation is not configured. Resubmit after the re-test.")]
    if not run.staging and run.n == 2:
        return [sign("Technical Lead", "approve", 64), sign("Operations Lead", "approve", 88)]
    if not run.staging and run.n == 4:
        return [sign("Technical Lead", "approve", 52), sign("Security Lead", "approve", 61,
                                                             "Secret-rotation waiver accepted until 2026-11-30."),
                sign("Operations Lead", "approve", 74), sign("Product Owner", "approve", 90)]
    return []


# --- merging (the same rules the site applies), used to derive the release gate -------

def expiry(result):
    if "expires_at" in result:
        return parse_time(result["expires_at"])
    if "valid_for" in result:
        return parse_time(result["observed_at"]) + parse_duration(result["valid_for"])
    return None


def merged_states(run, earlier):
    """item -> state for one run: own results, carried results still valid, then waivers."""
    states = {}
    for prior in earlier:
        for item_id, result in prior.results.items():
            until = expiry(result)
            if until is not None and until > run.start:
                states[item_id] = result["status"]
    for item_id, result in run.results.items():
        states[item_id] = result["status"]
    for waiver in run.waivers:
        item_id = waiver["item"] if waiver["item"].count("/") else ITEM_BY_LEAF[waiver["item"]]
        if parse_time(waiver["expires_at"]) > run.start and states.get(item_id, "pending") != "pass":
            states[item_id] = "waived"
    return states


def verdict(run, states):
    go = [states.get(i, "pending") for i in GO_ITEMS]
    nogo = [states.get(i, "pending") for i in NOGO_ITEMS]
    decisions = {s["role"]: s["decision"] for s in run.signoffs}
    if "fail" in go or "fail" in nogo or "reject" in decisions.values():
        return "no-go"
    if all(g in ("pass", "done", "waived") for g in go) and all(x == "pass" for x in nogo) \
            and all(decisions.get(role) == "approve" for role in ROLES):
        return "go"
    return "pending"


BLOCKING = {ITEM_BY_LEAF[n] for n in (
    "container-images-scanned-for-vulnerabilities", "static-code-analysis-completed",
    "penetration-testing-completed-if-required", "all-unit-tests-passing", "no-critical-test-failures",
    "integration-tests-passing", "e2e-tests-passing", "critical-user-flows-tested")}
TESTS = [ITEM_BY_LEAF[n] for n in ("all-unit-tests-passing", "no-critical-test-failures", "integration-tests-passing",
                                   "e2e-tests-passing", "critical-user-flows-tested")]
SECURITY = [ITEM_BY_LEAF[n] for n in ("container-images-scanned-for-vulnerabilities",
                                      "dependencies-checked-for-security-issues", "static-code-analysis-completed",
                                      "penetration-testing-completed-if-required")]
PERFORMANCE = [ITEM_BY_LEAF[n] for n in ("response-times-within-acceptable-limits",
                                         "performance-baselines-established", "load-testing-completed")]
DOCS = [i for _, i, _ in ITEMS if i.startswith(PRE + "documentation/")]
INFRA = [i for _, i, _ in ITEMS if "/terraform-configuration/" in i or "/kubernetes-cluster/" in i
         or "/networking/" in i or i.startswith(("deployment-steps/2-", "deployment-steps/3-"))]


def gate_results(states):
    """The release gate's verdict on the derived Go/No-Go criteria, or None while inputs are missing."""
    def of(items):
        return {i: states.get(i, "pending") for i in items}

    def names(found, wanted):
        return ", ".join(leaf(i) for i, v in found.items() if v in wanted)

    gate = {}
    pre = of([i for _, i, _ in ITEMS if i.startswith(PRE)])
    counts = {k: sum(1 for v in pre.values() if v == k) for k in ("pass", "skip", "waived", "warn", "fail", "pending")}
    tally = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
    open_items = names(pre, ("fail", "warn", "pending"))
    if any(v == "fail" for i, v in pre.items() if i in BLOCKING):
        gate["all-pre-deployment-checks-pass"] = outcome("fail", f"Blocking checks failing: {names({i: v for i, v in pre.items() if i in BLOCKING}, ('fail',))}",
                                                         f"{len(pre)} pre-deployment checks: {tally}.\nNot met: {open_items}.")
    elif open_items:
        open_counts = ", ".join(f"{counts[k]} {label}" for k, label in
                                (("fail", "failing"), ("warn", "warning"), ("pending", "without result")) if counts[k])
        gate["all-pre-deployment-checks-pass"] = outcome("warn", f"Not met yet: {open_counts}",
                                                         f"{len(pre)} pre-deployment checks: {tally}.\nNot met: {open_items}.")
    else:
        gate["all-pre-deployment-checks-pass"] = outcome("pass", f"{len(pre)} pre-deployment checks: {tally}")

    tests = of(TESTS)
    if "pending" not in tests.values():
        failing = names(tests, ("fail",))
        gate["all-tests-passing"] = outcome("fail", f"Failing: {failing}") if failing else \
            outcome("pass", "Unit, integration and e2e suites green")
        gate["test-failures"] = outcome("fail", f"Blocker present: {failing}") if failing else \
            outcome("pass", "No failing test suites")

    security = of(SECURITY)
    if "pending" not in security.values():
        if names(security, ("fail",)):
            gate["security-audit-passed"] = outcome("fail", f"Security audit failed: {names(security, ('fail',))}")
        elif names(security, ("warn",)):
            gate["security-audit-passed"] = outcome("warn", f"Open warnings: {names(security, ('warn',))}")
        else:
            gate["security-audit-passed"] = outcome("pass", "Image scan, dependency audit, static analysis and pen test clear")

    perf = of(PERFORMANCE)
    if "pending" not in perf.values():
        worst = "fail" if "fail" in perf.values() else "warn" if "warn" in perf.values() else "pass"
        gate["performance-baselines-met"] = outcome(worst, {"pass": "k6 thresholds met at the recorded baseline",
                                                            "warn": f"Thresholds crossed: {names(perf, ('warn',))}",
                                                            "fail": f"Load test failed: {names(perf, ('fail',))}"}[worst])

    docs = of(DOCS)
    if "pending" not in docs.values():
        missing, stale = names(docs, ("fail",)), names(docs, ("warn",))
        gate["documentation-complete"] = outcome("fail", f"Missing: {missing}") if missing else \
            outcome("warn", f"Outdated: {stale}") if stale else outcome("pass", f"{len(docs)}/{len(docs)} documentation checks pass")
        gate["missing-documentation"] = outcome("fail", f"Blocker present: {missing}") if missing else \
            outcome("pass", "No required documentation missing")

    infra = of(INFRA)
    if "pending" not in infra.values():
        broken = names(infra, ("fail",))
        gate["infrastructure-issues"] = outcome("fail", f"Blocker present: {broken}") if broken else \
            outcome("pass", f"{len(infra)} infrastructure checks clear; no drift")
    return gate


# --- writing -------------------------------------------------------------------------

EVIDENCE = {
    "terraform": [("terraform plan", "{job}/artifacts/file/plan.txt")],
    "aws-backup": [("Backup dashboard", GRAFANA + "/d/aws-backup/aws-backup?var-env={env}")],
    "kubectl": [("kubectl report", "{job}/artifacts/file/kubectl-report.txt")],
    "trivy": [("Trivy report", "{job}/artifacts/file/reports/trivy.json"),
              ("Security tracker", "https://issues.gennet.example.com/browse/SEC-214")],
    "npm-audit": [("npm audit report", "{job}/artifacts/file/reports/npm-audit.json")],
    "sonarqube": [("SonarQube dashboard", "https://sonar.gennet.example.com/dashboard?id=gennet-platform&branch={branch}")],
    "pentest": [("Pen test report", "https://docs.gennet.example.com/security/pentest-2026-10.pdf")],
    "prometheus": [("Prometheus targets", "https://prometheus-{env}.gennet.example.com/targets")],
    "grafana": [("Cluster dashboard", GRAFANA + "/d/k8s-cluster/kubernetes-cluster?var-cluster={cluster}&from={from_ms}&to={to_ms}")],
    "alertmanager": [("Alertmanager", "https://alertmanager-{env}.gennet.example.com/#/alerts")],
    "fluent-bit": [("Logging dashboard", GRAFANA + "/d/fluent-bit/fluent-bit?var-cluster={cluster}")],
    "jaeger": [("Jaeger search", "https://jaeger-{env}.gennet.example.com/search?service=api-gateway")],
    "dr-drill": [("DR drill log", "{job}/artifacts/file/dr-drill.log")],
    "pytest": [("JUnit report", "{job}/artifacts/file/reports/junit.xml"),
               ("Coverage report", "{job}/artifacts/file/coverage/index.html")],
    "playwright": [("Playwright report", "{job}/artifacts/file/playwright-report/index.html")],
    "k6": [("k6 results", GRAFANA + "/d/k6/k6-load-testing-results?var-testid={run_id}")],
    "smoke-tests": [("Smoke test log", "{job}")],
    "curl": [("Health check log", "{job}")],
    "helm-rollback": [("Rollback drill log", "{job}")],
    "change-approval": [("Change request", "https://itsm.gennet.example.com/change/CHG-{chg}")],
    "release-gate": [("Pipeline", "{pipeline}")],
}
WITH_EVIDENCE = {"container-images-scanned-for-vulnerabilities", "critical-security-vulnerabilities",
                 "dependencies-checked-for-security-issues", "static-code-analysis-completed",
                 "penetration-testing-completed-if-required", "terraform-plan-reviewed",
                 "all-pods-running-and-healthy", "cross-region-replication-configured", "service-discovery-configured",
                 "grafana-dashboards-showing-data", "alerts-configured-and-tested", "logs-flowing-to-aggregation-system",
                 "traces-being-collected", "backup-restoration-tested", "dr-drill-completed", "all-unit-tests-passing",
                 "test-coverage-80", "integration-tests-passing", "e2e-tests-passing", "load-testing-completed",
                 "circuit-breakers-tested-under-load", "response-times-within-acceptable-limits",
                 "all-smoke-tests-pass", "health-endpoints-responding", "rollback-plan-tested",
                 "stakeholder-approval-received", "all-pre-deployment-checks-pass"}


def reference(item_id, style):
    if style == "full":
        return item_id
    parts = item_id.split("/")
    return parts[-1] if style == "leaf" else "/".join(parts[-2:])


def build_result(run, item_id, spec, minute, position, context):
    key = FILE_OF[item_id]
    probe, _, style, _ = FILES[key]
    observed = run.start + timedelta(minutes=minute, seconds=17 * position + number(run.id, item_id, 0, 15))
    result = {
        "item": reference(item_id, style),
        "status": spec["status"],
        "summary": spec["summary"],
        "probe": probe,
        "observed_at": format_time(observed),
        "duration_ms": number(run.id, "ms" + item_id, 180, 4800) * {"k6": 400, "dr-drill": 300}.get(key, 1),
    }
    if spec.get("details"):
        result["details"] = spec["details"]
    for extra in ("valid_for", "expires_at"):
        if spec.get(extra):
            result[extra] = spec[extra]
    if leaf(item_id) in WITH_EVIDENCE and key in EVIDENCE and spec["status"] != "skip":
        fields = dict(context, job=run.job_url(key), pipeline=f"{CI}/pipelines/{run.pipeline}", run_id=run.id,
                      branch=run.branch.replace("/", "%2F"), chg="1987" if run.n == 1 else "2041",
                      from_ms=int(run.start.timestamp()) * 1000 - 3600000, to_ms=int(run.start.timestamp()) * 1000)
        result["evidence"] = [{"label": label, "url": url.format(**fields)} for label, url in EVIDENCE[key]]
    return result


def plan_run(run, earlier):
    """Decides every result of one run (gate last, because it reads the merged state)."""
    context = run.context()
    overrides = story(run)
    specs = {}
    for key, item_id, summary in ITEMS:
        if FILE_OF[item_id] == "release-gate":
            continue
        if item_id in overrides:
            if overrides[item_id] is None:
                continue
            specs[item_id] = overrides[item_id]
        elif summary != "-":
            specs[item_id] = outcome("pass", summary.format(**context))
    # Fresh DR drills stay valid for a while; the production drill also covers later production runs.
    for name in ("backup-restoration-tested", "failover-scripts-tested", "dr-drill-completed"):
        item_id = ITEM_BY_LEAF[name]
        if item_id in specs:
            specs[item_id]["valid_for"] = "P10D" if run.staging and run.n == 4 else "P30D"
    run.waivers = waivers_for(run)
    run.signoffs = signoffs_for(run)
    counter = {}
    for item_id, spec in specs.items():
        key = FILE_OF[item_id]
        position = counter[key] = counter.get(key, -1) + 1
        run.results[item_id] = build_result(run, item_id, spec, FILES[key][3], position, context)
    for name, spec in gate_results(merged_states(run, earlier)).items():
        item_id = ITEM_BY_LEAF[name]
        position = counter["release-gate"] = counter.get("release-gate", -1) + 1
        run.results[item_id] = build_result(run, item_id, spec, FILES["release-gate"][3], position, context)


def file_name(run, key):
    return f"{key}-{digest(run.id, key)[:8]}.json"


def dump(path, value):
    path.write_text(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


# Issue 17: every production release is deployed; the follow-through after it is recorded by a
# release-follow-up probe. The cost review warns from 11-09 on (a long-failing item), so 11-09 and
# the latest run leave it overdue as of the newest time in the archive, 11-17 14:30; 10-20 and
# 11-02 complete their phases (11-02 a day-one item late).
DEPLOYED = {
    "production-2026-10-20-1": ("2026-10-20T15:15:00Z", "2026.10", 20, [2, 3, 3, 4, 6]),
    "production-2026-11-02-1": ("2026-11-02T16:05:00Z", "2026.11-rc1", 26, [3, 4, 5, 5, 6]),
    "production-2026-11-09-1": ("2026-11-09T17:45:00Z", "2026.11-rc2", 10, [4, 4, 5, 5, 6]),
}
FOLLOW_UP = {
    "check-user-feedback": "Support queue and in-app feedback reviewed: no release-related complaints",
    "performance-review": "p95 latency and error budget within SLO for the week after the release",
    "cost-optimization-review": "Weekly cost review held; rightsizing tickets filed",
    "user-feedback-review": "Product review of the week's feedback: no regressions reported",
    "incident-review-if-any": "No incidents since the release",
    "documentation-updates": "Runbooks and release notes updated for the release",
}


def write_deployment(run, folder):
    """The deployment record and the post-deployment results of a production run."""
    if run.staging:
        return
    def result(item, moment, summary):
        return {"item": item, "observed_at": format_time(moment), "probe": "release-follow-up", "status": "pass", "summary": summary}
    if run.id in DEPLOYED:
        at, release, feedback_hours, week_days = DEPLOYED[run.id]
        deployed = parse_time(at)
        dump(folder / file_name(run, "deployed"), {"deployments": [{"at": at, "by": "Marta Kowalczyk", "release": release}]})
        results = [result("first-24-hours/check-user-feedback", deployed + timedelta(hours=feedback_hours), FOLLOW_UP["check-user-feedback"])]
        for item, days in zip(["performance-review", "cost-optimization-review", "user-feedback-review", "incident-review-if-any",
                               "documentation-updates"], week_days):
            results.append(result("first-week/" + item, deployed + timedelta(days=days, hours=2), FOLLOW_UP[item]))
    else:
        dump(folder / file_name(run, "deployed"), {"deployments": [{
            "at": "2026-11-16T10:45:00Z", "by": "Marta Kowalczyk", "release": "2026.11", "url": f"{CI}/pipelines/64702"}]})
        results = [
            result("first-24-hours/check-user-feedback", parse_time("2026-11-17T09:12:00Z"), FOLLOW_UP["check-user-feedback"]),
            result("first-week/incident-review-if-any", parse_time("2026-11-17T14:30:00Z"), "No incidents in the first day after the release"),
        ]
    dump(folder / file_name(run, "post-deployment"), {"results": results})


def write_run(run, runs_dir):
    folder = runs_dir / run.id
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    context = run.context()
    meta = {
        "id": run.id,
        "checklist": CHECKLIST,
        "environment": run.env,
        "started_at": run.started,
        "title": (f"Staging readiness ({run.trigger})" if run.staging
                  else f"Release {context['release']} go/no-go"),
        "commit": run.commit,
        "branch": run.branch,
        "url": f"{CI}/pipelines/{run.pipeline}",
        "trigger": run.trigger,
        "labels": {"cluster": context["cluster"], "region": context["region"], "release": context["release"]},
    }
    dump(folder / "run.json", meta)
    by_file = {}
    for item_id, result in run.results.items():
        by_file.setdefault(FILE_OF[item_id], []).append(result)
    for key, results in by_file.items():
        shape = FILES[key][1]
        if key == "change-approval" and run.signoffs and not run.staging and run.n == 4:
            # The change-management export carries the Product Owner's approval along with the CAB result.
            owner = [s for s in run.signoffs if s["role"] == "Product Owner"]
            dump(folder / file_name(run, key), {"results": results, "signoffs": owner})
            continue
        if shape == "single" and len(results) == 1:
            value = results[0]
        elif shape == "results" or (shape == "single" and len(results) > 1):
            value = {"results": results}
        else:
            value = results
        dump(folder / file_name(run, key), value)
    others = [s for s in run.signoffs if not (not run.staging and run.n == 4 and s["role"] == "Product Owner")]
    if others:
        dump(folder / file_name(run, "signoffs"), {"signoffs": others})
    if run.waivers:
        dump(folder / file_name(run, "waivers"), {"waivers": run.waivers})
    write_deployment(run, folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs-dir", type=Path, default=Path(__file__).resolve().parent.parent / "content" / "runs")
    args = parser.parse_args()

    counts = {"staging": 0, "production": 0}
    runs = []
    for row in RUNS:
        counts[row[1]] += 1
        runs.append(Run(row, counts["staging"], counts["production"]))
    history = {}
    for run in sorted(runs, key=lambda r: r.start):
        earlier = history.setdefault(run.env, [])
        plan_run(run, earlier)
        earlier.append(run)
    args.runs_dir.mkdir(parents=True, exist_ok=True)
    problems = []
    print(f"{'run':<26} {'env':<11} {'results':>7}  {'verdict':<8} why")
    for run in runs:
        write_run(run, args.runs_dir)
        earlier = [r for r in history[run.env] if r.start < run.start]
        computed = verdict(run, merged_states(run, earlier))
        if computed != run.verdict:
            problems.append(f"{run.id}: intended {run.verdict}, rules give {computed}")
        print(f"{run.id:<26} {run.env:<11} {len(run.results):>7}  {run.verdict:<8} {run.why}")
    for problem in problems:
        print("error: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
