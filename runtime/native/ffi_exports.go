package native

import (
	"debug/elf"
	"debug/macho"
	"sort"
	"strings"
)

// exportedFunctions lists the C functions a shared library defines, for
// the error that names a function it does not have: from the dynamic
// symbols of an ELF file (Linux) or the external symbols of a Mach-O file
// (macOS); nil for anything else (a Windows DLL) or a file that cannot be
// read. Names starting with "_" are the C library's own and left out.
func exportedFunctions(path string) []string {
	var names []string
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		syms, _ := f.DynamicSymbols()
		for _, s := range syms {
			if elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Section != elf.SHN_UNDEF &&
				elf.ST_BIND(s.Info) != elf.STB_LOCAL && !strings.HasPrefix(s.Name, "_") {
				names = append(names, s.Name)
			}
		}
	} else if f, err := macho.Open(path); err == nil {
		defer f.Close()
		text := machoTextSection(f)
		if f.Symtab == nil || text == 0 {
			return nil
		}
		const nExt, nType, nSect = 0x01, 0x0e, 0x0e // <mach-o/nlist.h>
		for _, s := range f.Symtab.Syms {
			// Mach-O prefixes C names with "_".
			name, ok := strings.CutPrefix(s.Name, "_")
			if ok && s.Type&nExt != 0 && s.Type&nType == nSect && s.Sect == text && !strings.HasPrefix(name, "_") {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// machoTextSection is the 1-based number of the __TEXT,__text section,
// where functions are; 0 when there is none.
func machoTextSection(f *macho.File) uint8 {
	for i, s := range f.Sections {
		if s.Seg == "__TEXT" && s.Name == "__text" {
			return uint8(i + 1)
		}
	}
	return 0
}
