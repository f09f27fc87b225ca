#!/usr/bin/env bash
# Runs every test: Go unit tests, then the kernel driven by real Jupyter
# clients (conformance suite, fault tests, nbclient) and by the Notebook UI
# in headless Chromium, all through go test.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser test runs too: deps.sh installs Chromium and playwright-core,
# and the test fails rather than skips without them.
export GOPAR_BROWSER_TESTS=1
./scripts/deps.sh
export GOPAR_REQUIRE_JUPYTER=1
test -z "$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt would change the files above"; exit 1; }
go vet ./...
# Every release target builds, and the tests of macOS and Windows compile.
./scripts/crosscheck.sh
# third_party/yaegi stays as close to upstream as its patches allow, so
# staticcheck's style findings there are left as upstream has them.
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 $(go list ./... | grep -v /third_party/)
# Fuzz the wire parser and signature check on a bounded number of inputs: a
# count, not a time, since a time limit can end in a spurious "context
# deadline exceeded" on a loaded machine. The plain go test below replays
# the committed corpus.
go test -run '^$' -fuzz FuzzDecode -fuzztime 300000x ./kernel/
go test -count=1 -timeout 40m ./...
