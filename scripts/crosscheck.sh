#!/usr/bin/env bash
# Builds gopar for every release target without cgo, as the release does,
# and checks that the code and tests of macOS and Windows compile: go vet
# type-checks every package with its tests, and go test links the test
# binaries without running them (-exec /bin/true). Their portable logic is
# tested on Linux by the plain go test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/targets.sh

export CGO_ENABLED=0
for target in $GOPAR_TARGETS; do
	echo "crosscheck: build $target"
	GOOS=${target%/*} GOARCH=${target#*/} go build -o /dev/null .
done
for target in windows/amd64 darwin/arm64; do
	echo "crosscheck: vet and test compile $target"
	GOOS=${target%/*} GOARCH=${target#*/} go vet ./...
	GOOS=${target%/*} GOARCH=${target#*/} go test -exec /bin/true -run '^$' ./... >/dev/null
done
