#!/usr/bin/env bash
# Builds the release archives learners download: for every target in
# scripts/targets.sh (or those named: scripts/release.sh linux/amd64), gopar
# built without cgo (with its own source embedded: with Go installed later, it
# builds workers that link modules from it) and the lesson notebooks with
# their data, packed as
# dist/gopar-VERSION-GOOS-GOARCH.tar.gz (.zip for Windows), and
# dist/SHA256SUMS. The version comes from git (the last v* tag, the commits
# since and the commit) unless GOPAR_VERSION sets it; gopar version and
# kernel_info report it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/targets.sh

version="${GOPAR_VERSION:-$(git describe --tags --match 'v*' --always --dirty)}"
version="${version#v}"
dist="${GOPAR_DIST:-dist}"
targets="${*:-$GOPAR_TARGETS}"

case " $targets " in
*" windows/"*) command -v zip >/dev/null || { echo "release: the Windows archive needs the zip command (apt-get install zip)" >&2; exit 1; } ;;
esac

stage="$(mktemp -d)"
snapshot=internal/goparsrc/source.zip
trap 'rm -rf "$stage" "$snapshot"' EXIT
go run ./internal/goparsrc/snapshot -o "$snapshot"
mkdir -p "$dist"
dist="$(cd "$dist" && pwd)"
rm -f "$dist"/gopar-*.tar.gz "$dist"/gopar-*.zip "$dist"/SHA256SUMS

for target in $targets; do
	goos="${target%/*}" goarch="${target#*/}"
	name="gopar-$version-$goos-$goarch"
	dir="$stage/$name"
	mkdir -p "$dir/lessons"
	exe=gopar
	[ "$goos" = windows ] && exe=gopar.exe
	CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" \
		go build -trimpath -tags gopar_source -ldflags "-s -w -X main.version=$version" -o "$dir/$exe" .
	cp lessons/*.ipynb "$dir/lessons/"
	cp -R lessons/data "$dir/lessons/"
	cp README.md "$dir/"
	if [ "$goos" = windows ]; then
		(cd "$stage" && zip -qr "$dist/$name.zip" "$name")
	else
		tar -C "$stage" -czf "$dist/$name.tar.gz" "$name"
	fi
	echo "release: $dist/$name"
done
(cd "$dist" && shopt -s nullglob && sha256sum -- gopar-*.tar.gz gopar-*.zip > SHA256SUMS)
echo "release: $dist/SHA256SUMS"
