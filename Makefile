# Entry points; each target calls a script in scripts/ (see README.md and docs/bench.md).
# SERVICES=300: a fleet archive of 300 services × 3 environments × 10 runs (N defaults to SERVICES × 30).
SERVICES ?= 0
N ?= $(if $(filter-out 0,$(SERVICES)),$(shell expr $(SERVICES) \* 30),1000)
PREFIX ?= /usr/local

.PHONY: bench dist install site test

# Benchmark preflight build on a synthetic archive of N runs (docs/bench.md). KEEP=1 keeps the temp folder.
bench:
	N=$(N) SERVICES=$(SERVICES) ./scripts/bench

# Build the site from content/ into _site/.
site:
	./scripts/build-site

# Run the test suite.
test:
	./scripts/test

# Install one self-contained preflight (static Swift runtime and libcmark) and its shell completions under PREFIX.
install:
	PREFIX="$(PREFIX)" ./scripts/install

# Write dist/preflight-<version>-linux-<arch>.tar.gz: the binary, README and completions.
dist:
	./scripts/dist
