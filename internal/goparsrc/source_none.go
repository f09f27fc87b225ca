//go:build !gopar_source

package goparsrc

// snapshot is empty in a gopar built from its source: the source is where
// it was built.
var snapshot []byte
