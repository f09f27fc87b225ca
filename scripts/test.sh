#!/usr/bin/env bash
# Runs every test: Go unit tests, then the kernel driven by real Jupyter
# clients (conformance suite, fault tests, nbclient), all through go test.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
export GOPAR_REQUIRE_JUPYTER=1
go vet ./...
go test -count=1 -timeout 40m ./... 2>&1 | tee /tmp/gopar-test.log
