# The systems gopar is released for, as GOOS/GOARCH: the laptops learners
# bring. Sourced by scripts/crosscheck.sh and scripts/release.sh.
GOPAR_TARGETS="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64"
