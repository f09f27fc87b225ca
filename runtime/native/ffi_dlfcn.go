//go:build !windows

package native

import "github.com/ebitengine/purego"

// Shared libraries are opened with the dynamic linker's dlopen, through
// purego so that no cgo is needed.

func openLibrary(path string) (uintptr, error) {
	return purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_LOCAL)
}

func librarySymbol(handle uintptr, name string) (uintptr, error) {
	return purego.Dlsym(handle, name)
}

func closeLibrary(handle uintptr) error { return purego.Dlclose(handle) }
