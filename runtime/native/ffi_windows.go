package native

import "syscall"

// Windows has no dlopen: a DLL is loaded with LoadLibrary and its functions
// found with GetProcAddress; purego calls them as anywhere else.

func openLibrary(path string) (uintptr, error) {
	h, err := syscall.LoadLibrary(path)
	return uintptr(h), err
}

func librarySymbol(handle uintptr, name string) (uintptr, error) {
	return syscall.GetProcAddress(syscall.Handle(handle), name)
}

func closeLibrary(handle uintptr) error { return syscall.FreeLibrary(syscall.Handle(handle)) }
