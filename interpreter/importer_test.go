package interpreter

import (
	"go/types"
	"strings"
	"testing"
)

// TestImportEveryTable builds the checker's view of every package cells can
// import, from the symbol tables, and checks a few well-known members.
func TestImportEveryTable(t *testing.T) {
	im := sharedImporter()
	n := 0
	for key := range baseExports() {
		i := strings.LastIndexByte(key, '/')
		if i < 0 || strings.HasPrefix(key, "_") || strings.Contains(key, "internal") || strings.HasPrefix(key, "github.com/traefik") {
			continue
		}
		path := key[:i]
		if _, err := im.Import(path); err != nil {
			t.Errorf("import %s: %v", path, err)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d packages", n)
	}
	tests := []struct{ path, member, kind string }{
		{"fmt", "Println", "func"},
		{"time", "Second", "const"},
		{"os", "Args", "var"},
		{"sync", "WaitGroup", "type"},
		{"slices", "Sort", "func"},
		{"iter", "Seq", "type"},
		{"sync/atomic", "Pointer", "type"},
		{"math/rand/v2", "N", "func"},
		{"strings", "Lines", "func"},
		{"gopar/async", "Go", "func"},
	}
	for _, tt := range tests {
		p, err := im.Import(tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		obj := p.Scope().Lookup(tt.member)
		if obj == nil {
			t.Errorf("%s.%s missing", tt.path, tt.member)
			continue
		}
		if kind := objectKind(obj); kind != tt.kind {
			t.Errorf("%s.%s is a %s, want %s", tt.path, tt.member, kind, tt.kind)
		}
	}
}

// objectKind names what an object declares.
func objectKind(obj types.Object) string {
	switch obj.(type) {
	case *types.Func:
		return "func"
	case *types.Const:
		return "const"
	case *types.Var:
		return "var"
	case *types.TypeName:
		return "type"
	}
	return "other"
}
