package jit

import (
	"context"
	"fmt"
	"path/filepath"
	"plugin"
	"reflect"
)

// compilePlugin builds the cell as a Go plugin and loads it into this
// process. The plugin must be built exactly as gopar was (same toolchain,
// same flags for the standard library it shares), or plugin.Open refuses
// it; that refusal is reported, and Compile falls back to a helper process.
func compilePlugin(ctx context.Context, c *cell, tc *toolchain) (*Module, error) {
	flags := append([]string{"-buildmode=plugin"}, host().flags...)
	bdir, key, err := buildDir(c, tc, Plugin, nil, flags)
	if err != nil {
		return nil, err
	}
	if m := remembered(key + Plugin.String()); m != nil {
		return m, nil
	}
	if err := build(ctx, tc, bdir, "cell.so", flags, append(append([]string{"CGO_ENABLED=1"}, host().env...), c.deps.env()...)); err != nil {
		return nil, err
	}
	p, err := plugin.Open(filepath.Join(bdir, "cell.so"))
	if err != nil {
		return nil, fmt.Errorf("the compiled cell does not load into gopar (%v): its packages differ from gopar's own", err)
	}
	sym, err := p.Lookup("Gopar_funcs")
	if err != nil {
		return nil, fmt.Errorf("the compiled cell lacks its function table: %v", err)
	}
	table, ok := sym.(*map[string]any)
	if !ok {
		return nil, fmt.Errorf("the compiled cell's function table is a %T", sym)
	}
	m := &Module{Mode: Plugin, Dir: bdir, key: key}
	cellPkg := "gopar.jit/c" + key[:12]
	for _, df := range c.funcs {
		v, ok := (*table)[df.name]
		if !ok {
			continue
		}
		ft := reflect.TypeOf(v)
		if _, err := rebuildFunc(describe(ft), rules{funcs: true, cellPkg: cellPkg}); err != nil {
			m.skipped = append(m.skipped, df.name+": "+err.Error())
			continue
		}
		m.funcs = append(m.funcs, &Func{Name: df.name, Signature: signature(df.name, df.params, ft), Type: ft, Value: v, params: df.params})
	}
	m.skipped = append(m.skipped, c.notes...)
	remember(m)
	return m, nil
}
