//go:build gopar_source

package goparsrc

import _ "embed"

// snapshot is gopar's source as the binary was built from it, for release
// binaries (scripts/release.sh writes source.zip and builds with the tag).
//
//go:embed source.zip
var snapshot []byte
