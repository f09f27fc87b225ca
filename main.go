// Command gopar is a Jupyter kernel for Go, made for teaching parallel
// programming.
//
//	gopar kernel -f CONNECTION_FILE   serve a notebook (what Jupyter runs)
//	gopar install [--user|--sys-prefix|--prefix DIR] [--name NAME]
//	gopar uninstall [same flags]
//	gopar run NOTEBOOK.ipynb [-o OUT.ipynb]
//	gopar version
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/gopar/gopar/install"
	"github.com/gopar/gopar/kernel"
	"github.com/gopar/gopar/lessons"
	"github.com/gopar/gopar/magics"
	"github.com/gopar/gopar/modules"
	"github.com/gopar/gopar/notebook"
	"github.com/gopar/gopar/runtime/procs"
	"github.com/gopar/gopar/worker"
)

// version is stamped by make release (-ldflags "-X main.version=...");
// otherwise it is the module version go install fetched, or "devel".
var version string

func init() {
	if version != "" {
		return
	}
	version = "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") {
		version = strings.TrimPrefix(bi.Main.Version, "v")
	}
}

const usage = `gopar: Go in Jupyter notebooks, for teaching parallel programming.

Usage:
  gopar kernel -f CONNECTION_FILE   run the kernel (Jupyter starts this)
  gopar install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                                    install the kernelspec (default --user)
  gopar uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
  gopar run NOTEBOOK.ipynb [-o OUT.ipynb] [--allow-errors] [-q]
                                    execute a notebook headless, no Jupyter needed
  gopar version                     print versions
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "kernel":
		err = runKernel(args)
	case "install":
		err = runInstall(args, false)
	case "uninstall":
		err = runInstall(args, true)
	case "run":
		err = runNotebook(args)
	case "version", "--version", "-v":
		fmt.Printf("gopar %s (%s %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case "worker":
		// Started by the kernel, never by hand: runs cells.
		provideLessonData()
		err = worker.Serve(withModules(workerConfig()))
	case procs.WorkerCommand:
		// Started by a gopar/procs pool, never by hand: runs named tasks.
		err = procs.ServeWorker()
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "gopar: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gopar:", err)
		os.Exit(1)
	}
}

// provideLessonData writes the lesson data into the user's cache and tells
// cells where (GOPAR_LESSON_DATA), for a notebook copied away from its
// data/ directory. Without a cache directory the lessons read data/ only.
func provideLessonData() {
	cache, err := os.UserCacheDir()
	if err != nil {
		return
	}
	if dir, err := lessons.WriteData(filepath.Join(cache, "gopar", "lesson-data")); err == nil {
		os.Setenv(lessons.LessonDataEnv, dir)
	}
}

func runKernel(args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ExitOnError)
	connFile := fs.String("f", "", "connection file written by Jupyter")
	fs.Parse(args)
	if *connFile == "" {
		return fmt.Errorf("kernel: -f CONNECTION_FILE is required")
	}
	conn, err := kernel.ReadConnectionFile(*connFile)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	k := kernel.New(conn, kernel.Info{
		Version:   version,
		GoVersion: strings.TrimPrefix(runtime.Version(), "go"),
	}, nil)
	defer giveWorkersAModule()()
	sup := kernel.NewSupervisor([]string{exe, "worker"}, k.Output())
	k.SetBackend(sup)
	go func() {
		// The kernel process passes messages from goroutine to goroutine.
		// On one thread, a hand-over runs the next goroutine at once; on
		// several it wakes another thread, which on a laptop's few cores
		// competes with the worker and the front end. The kernel starts on
		// all of them, so that starting the worker does not stall it.
		<-sup.Ready()
		runtime.GOMAXPROCS(1)
	}()
	return k.Run(context.Background())
}

func runInstall(args []string, remove bool) error {
	name := "install"
	if remove {
		name = "uninstall"
	}
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	user := fs.Bool("user", false, "the user's Jupyter data directory (the default)")
	sysPrefix := fs.Bool("sys-prefix", false, "the active environment ($VIRTUAL_ENV, $CONDA_PREFIX) or /usr")
	prefix := fs.String("prefix", "", "install under `DIR`/share/jupyter/kernels")
	kname := fs.String("name", install.DefaultName, "kernel directory name")
	fs.Parse(args)
	loc := install.Location{User: *user, SysPrefix: *sysPrefix, Prefix: *prefix}
	if remove {
		dir, err := install.Uninstall(*kname, loc)
		if err == nil {
			fmt.Println("Removed", dir)
		}
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := install.Install(exe, *kname, loc)
	if err == nil {
		fmt.Println("Installed kernelspec", *kname, "in", dir)
	}
	return err
}

func runNotebook(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	outPath := fs.String("o", "", "write the executed notebook to `OUT.ipynb`")
	allowErrors := fs.Bool("allow-errors", false, "run every cell even after one fails (exit status stays non-zero)")
	quiet := fs.Bool("q", false, "do not print cell output")
	// Flags may follow the notebook's name, as in `gopar run nb.ipynb -o out.ipynb`.
	var paths []string
	for rest := args; len(rest) > 0; {
		fs.Parse(rest)
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(paths) != 1 {
		return fmt.Errorf("run: give one notebook: gopar run NOTEBOOK.ipynb [-o OUT.ipynb]")
	}
	nb, err := notebook.Read(paths[0])
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if *outPath != "" {
		if *outPath, err = filepath.Abs(*outPath); err != nil {
			return err
		}
	}
	// Cells run where the notebook is, as in Jupyter.
	if err := os.Chdir(filepath.Dir(paths[0])); err != nil {
		return err
	}
	defer giveWorkersAModule()()
	opts := notebook.Options{WorkerArgv: []string{exe, "worker"}, ContinueOnErr: *allowErrors}
	if !*quiet {
		opts.Echo = os.Stdout
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	runErr := notebook.Run(ctx, nb, opts)
	if *outPath != "" {
		if err := nb.Write(*outPath); err != nil {
			return err
		}
	}
	return runErr
}

// withModules makes a cell that imports packages of modules gopar does not
// bundle run in a worker built with them linked in: the worker answers the
// kernel with that binary instead of running the cell.
func withModules(cfg worker.Config) worker.Config {
	run := cfg.RunCell
	cfg.RunCell = func(ctx context.Context, eng worker.Engine, code string) (map[string]any, error) {
		// A switch to another worker runs the cell there from the start:
		// what may need one (its %go get and %go cgo lines, its imports) comes before
		// any of its code.
		code, err := magics.GoLinesFirst(ctx, code, stdoutFile())
		if ctx.Err() != nil {
			return nil, nil // the worker reports the cell as interrupted
		}
		if err != nil {
			return nil, err
		}
		bin, err := modules.Prepare(ctx, code, stderrFile())
		if ctx.Err() != nil {
			return nil, nil // the worker reports the cell as interrupted
		}
		if err != nil {
			return nil, err
		}
		if bin != "" {
			return nil, &worker.SwitchWorker{Binary: bin}
		}
		return run(ctx, eng, code)
	}
	return cfg
}

// giveWorkersAModule names the directory of the kernel's own Go module
// (for notebooks without a go.mod), which its workers share; it is removed
// when the kernel ends.
func giveWorkersAModule() func() {
	cache, err := os.UserCacheDir()
	if err != nil || os.Getenv(modules.KernelModuleEnv) != "" {
		return func() {}
	}
	root := filepath.Join(cache, "gopar", "modules", "kernels")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return func() {}
	}
	dir, err := os.MkdirTemp(root, "kernel-")
	if err != nil {
		return func() {}
	}
	os.Setenv(modules.KernelModuleEnv, dir)
	return func() { os.RemoveAll(dir) }
}
