package modules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gopar/gopar/internal/goparsrc"
)

// KernelModuleEnv names the directory of the kernel's own module, for
// notebooks without a go.mod. The kernel sets it for its workers, so that
// every worker of one kernel (a replacement, a rebuilt one) shares it.
const KernelModuleEnv = "GOPAR_KERNEL_MODULE"

// startDir is the notebook's directory: where the kernel, and so each of
// its workers, started; a cell's %cd does not move it.
var startDir, _ = os.Getwd()

// workspace is where the go command resolves a notebook's modules.
type workspace struct {
	dir       string // where the go command runs
	own       bool   // the kernel's own module under the cache, not the user's
	work      bool   // a go.work is in force (go get must not be given -mod)
	files     []string
	goVersion string // of the go command, "1.26.8"
}

// findWorkspace picks the notebook's go.work or go.mod when it has one
// (gopar's own module is not the notebook's: it is where gopar's tests and
// lessons run), else the kernel's own module, created on first use.
func findWorkspace(ctx context.Context, g *gorun) (*workspace, error) {
	out, err := g.output(ctx, startDir, "env", "GOMOD", "GOWORK", "GOVERSION")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for len(lines) < 3 {
		lines = append(lines, "")
	}
	gomod, gowork := lines[0], lines[1]
	ws := &workspace{goVersion: strings.TrimPrefix(lines[2], "go")}
	switch {
	case gowork != "" && gowork != "off":
		ws.dir, ws.work = startDir, true
		ws.files = []string{gowork, gowork + ".sum"}
		if gomod != "" && gomod != os.DevNull {
			ws.files = append(ws.files, gomod, strings.TrimSuffix(gomod, ".mod")+".sum")
		}
		return ws, nil
	case gomod != "" && gomod != os.DevNull && !goparsrc.IsModule(filepath.Dir(gomod)):
		ws.dir = startDir
		ws.files = []string{gomod, strings.TrimSuffix(gomod, ".mod") + ".sum"}
		return ws, nil
	}
	dir := os.Getenv(KernelModuleEnv)
	if dir == "" {
		cache, err := cacheDir()
		if err != nil {
			return nil, err
		}
		dir = filepath.Join(cache, "kernels", "parent-"+strconv.Itoa(os.Getppid()))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	gomod = filepath.Join(dir, "go.mod")
	if _, err := os.Stat(gomod); err != nil {
		body := fmt.Sprintf("module gopar.notebook\n\ngo %s\n", ws.goVersion)
		if err := os.WriteFile(gomod, []byte(body), 0o644); err != nil {
			return nil, err
		}
	}
	ws.dir, ws.own = dir, true
	ws.files = []string{gomod, filepath.Join(dir, "go.sum")}
	return ws, nil
}

// env is what go list and go get run with in the workspace: outside
// a go.work, -mod=mod lets go list fill in go.sum.
func (ws *workspace) env() []string {
	if ws.work {
		return nil
	}
	return []string{"GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod")}
}

// sums is the content of the workspace's go.sum files.
func (ws *workspace) sums() []byte {
	var sum []byte
	for _, f := range ws.files {
		if strings.HasSuffix(f, ".sum") {
			data, _ := os.ReadFile(f)
			sum = append(sum, data...)
		}
	}
	return sum
}
