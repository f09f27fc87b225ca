"""Modules in cells, through jupyter_client as a front end sends them.

The bundled ones (x/sync, gonum's numeric packages) work in a kernel that
has no go command on its PATH. Each program's output is compared with what
`go run` of the same program prints: compiled Go is the reference. A module
gopar does not bundle is fetched and linked into a worker built for it, in
a gopar cache of the test's own (the go command's caches are the user's)."""

import os
import shutil
import subprocess
import tempfile
import unittest

from kernelclient import Kernel

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(ROOT, "tests", "testdata", "modules")


def path_without_go():
    """PATH with every directory that holds a go command left out."""
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(d for d in dirs if d and not os.path.exists(os.path.join(d, "go")))


def program(name):
    with open(os.path.join(PROGRAMS, name)) as f:
        return f.read()


def go_run(name):
    """What the compiled program prints (run in gopar's module, which
    requires the same versions the kernel bundles)."""
    out = subprocess.run(["go", "run", os.path.join(PROGRAMS, name)], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError("go run %s failed:\n%s" % (name, out.stderr))
    return out.stdout


class BundledModulesWithoutAToolchain(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel(env=dict(os.environ, PATH=path_without_go()))

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def ok(self, code):
        cell = self.k.run(code)
        self.assertEqual(cell.reply["status"], "ok", (cell.reply, cell.text()))
        return cell

    def same_as_go_run(self, name):
        self.assertEqual(self.ok(program(name)).stdout(), go_run(name))

    def test_the_kernel_has_no_go_command(self):
        cell = self.ok('import "os/exec"\n_, err := exec.LookPath("go")\nfmt.Println(err != nil)')
        self.assertEqual(cell.stdout(), "true\n")

    def test_errgroup_with_a_limit_collecting_errors(self):
        self.same_as_go_run("errgroup.go")

    def test_semaphore(self):
        self.same_as_go_run("semaphore.go")

    def test_mat_dense_multiply(self):
        self.same_as_go_run("mat.go")

    def test_stat_mean_and_std_dev(self):
        self.same_as_go_run("stat.go")

    def test_cells_use_the_packages_across_cells(self):
        self.ok('import (\n\t"context"\n\t"golang.org/x/sync/errgroup"\n\t"golang.org/x/sync/singleflight"\n)')
        cell = self.ok("""g, ctx := errgroup.WithContext(context.Background())
g.SetLimit(3)
results := make([]int, 10)
for i := range results {
	g.Go(func() error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		results[i] = i * i
		return nil
	})
}
fmt.Println(g.Wait(), results)""")
        self.assertEqual(cell.stdout(), "<nil> [0 1 4 9 16 25 36 49 64 81]\n")
        cell = self.ok("""var group singleflight.Group
v, err, _ := group.Do("answer", func() (any, error) { return 42, nil })
fmt.Println(v, err)""")
        self.assertEqual(cell.stdout(), "42 <nil>\n")
        self.ok('import "gonum.org/v1/gonum/mat"')
        cell = self.ok("m := mat.NewDense(2, 2, []float64{1, 2, 3, 4})\nfmt.Println(math.Round(mat.Det(m)), m.At(1, 0))")
        self.assertEqual(cell.stdout(), "-2 3\n")


HUMANIZE = """import "github.com/dustin/go-humanize"

fmt.Println(humanize.Comma(1234567), humanize.Bytes(82854982), humanize.Ordinal(22))
"""

HUMANIZE_PROGRAM = """package main

import (
	"fmt"

	"github.com/dustin/go-humanize"
)

func main() {
	fmt.Println(humanize.Comma(1234567), humanize.Bytes(82854982), humanize.Ordinal(22))
}
"""

CLASH_FILES = {
    "go.mod": "module example.com/clash\n\ngo 1.22\n",
    "reflect/reflect.go": """// Package reflect is named as the standard package is.
package reflect

import stdreflect "reflect"

// Answer is an untyped constant: its table entry uses go/constant and go/token.
const Answer = 42

// Describer's method takes the standard reflect.Type.
type Describer interface {
	Describe(t stdreflect.Type) string
}

// Describe asks d to describe int.
func Describe(d Describer) string { return d.Describe(stdreflect.TypeOf(0)) }

// KindOf names the kind of v.
func KindOf(v any) string { return stdreflect.TypeOf(v).Kind().String() }

// ValueOf is named as the standard reflect.ValueOf is.
func ValueOf(n int) int { return 2 * n }
""",
    "token/token.go": """// Package token is named as go/token is.
package token

import "strings"

// Pi is an untyped float constant.
const Pi = 3.25

// Count counts the words of s.
func Count(s string) int { return len(strings.Fields(s)) }
""",
    "constant/constant.go": """// Package constant is named as go/constant is.
package constant

import "example.com/clash/token"

// Big is an untyped integer constant.
const Big = 1 << 40

// Tokens counts the words of s with package token.
func Tokens(s string) int { return token.Count(s) }
""",
}

CLASH_CELL = """import (
	stdreflect "reflect"

	"example.com/clash/constant"
	"example.com/clash/reflect"
	"example.com/clash/token"
)

type kind struct{}

func (kind) Describe(t stdreflect.Type) string { return t.Kind().String() }

fmt.Println(reflect.KindOf(3.5), reflect.ValueOf(21), reflect.Answer, token.Pi, token.Count("a b c"),
	constant.Tokens("x y"), constant.Big, reflect.Describe(kind{}))
"""

CLASH_PROGRAM = """package main

import (
	"fmt"
	stdreflect "reflect"

	"example.com/clash/constant"
	"example.com/clash/reflect"
	"example.com/clash/token"
)

type kind struct{}

func (kind) Describe(t stdreflect.Type) string { return t.Kind().String() }

func main() {
	fmt.Println(reflect.KindOf(3.5), reflect.ValueOf(21), reflect.Answer, token.Pi, token.Count("a b c"),
		constant.Tokens("x y"), constant.Big, reflect.Describe(kind{}))
}
"""

LINKED_VERSION = """import "runtime/debug"

func linkedVersion(path string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "no build info"
	}
	for _, d := range bi.Deps {
		if d.Path == path {
			return d.Version
		}
	}
	return "not linked"
}
"""


def go_env(name):
    return subprocess.run(["go", "env", name], capture_output=True, text=True, check=True).stdout.strip()


def go_run_in_module(source, version):
    """What source prints as a program of its own module requiring
    go-humanize at version."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "main.go"), "w") as f:
            f.write(source)
        for args in (["mod", "init", "example.com/reference"],
                     ["get", "github.com/dustin/go-humanize@" + version],
                     ["run", "."]):
            out = subprocess.run(["go"] + args, cwd=d, capture_output=True, text=True)
            if out.returncode != 0:
                raise AssertionError("go %s failed:\n%s" % (" ".join(args), out.stderr))
        return out.stdout


class UnbundledModules(unittest.TestCase):
    """github.com/dustin/go-humanize: fetched, built into a worker, cached."""

    @classmethod
    def setUpClass(cls):
        cls.cache = tempfile.mkdtemp(prefix="gopar-modules-cache-")
        # gopar's worker builds go to a cache of this test's own; the go
        # command keeps its build and module caches, which the test's
        # build of gopar filled.
        cls.env = dict(os.environ, XDG_CACHE_HOME=cls.cache,
                       GOCACHE=go_env("GOCACHE"), GOMODCACHE=go_env("GOMODCACHE"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.cache, ignore_errors=True)

    def kernel(self, env=None):
        k = Kernel(env=env or self.env)
        self.addCleanup(k.close)
        return k

    def ok(self, k, code, timeout=60):
        cell = k.run(code, timeout=timeout)
        self.assertEqual(cell.reply["status"], "ok", (cell.reply, cell.text()))
        return cell

    def test_1_fetched_and_built_then_from_the_cache_in_a_second_kernel(self):
        want = go_run_in_module(HUMANIZE_PROGRAM, "v1.1.0")
        k = self.kernel()
        self.ok(k, "func double(n int) int { return 2 * n }")
        cell = self.ok(k, HUMANIZE, timeout=600)
        self.assertEqual(cell.stdout(), want)
        err = cell.stderr()
        self.assertIn("[gopar] resolving github.com/dustin/go-humanize with the go command", err)
        self.assertIn("[gopar] building a worker with github.com/dustin/go-humanize linked in", err)
        self.assertIn("nothing was lost", err)
        # Earlier declarations are there, and later cells use the module.
        self.assertEqual(k.value("double(21)"), "42")
        self.assertEqual(k.value("humanize.Comma(-9876543)"), "-9,876,543")
        self.assertEqual(self.ok(k, HUMANIZE).stdout(), want)

        second = self.kernel()
        cell = self.ok(second, HUMANIZE)
        self.assertEqual(cell.stdout(), want)
        self.assertIn("[gopar] github.com/dustin/go-humanize: linked in a worker from the cache", cell.stderr())
        self.assertNotIn("building", cell.stderr())
        self.assertNotIn("resolving", cell.stderr())

    def test_2_variables_defined_before_the_import_are_named_lost(self):
        k = self.kernel()
        self.ok(k, "total := 5\nfunc triple(n int) int { return 3 * n }")
        cell = self.ok(k, HUMANIZE)
        self.assertIn("Variables lost (undefined until the cells that set them run again): total", cell.stderr())
        self.assertEqual(k.value("triple(3)"), "9")
        lost = k.run("total + 1")
        self.assertEqual(lost.reply["status"], "error")
        self.assertIn("total", lost.reply["evalue"])

    def test_3_go_get_pins_a_version(self):
        k = self.kernel()
        cell = self.ok(k, "%go get github.com/dustin/go-humanize@v1.0.0", timeout=600)
        self.ok(k, LINKED_VERSION)
        cell = self.ok(k, HUMANIZE + 'fmt.Println(linkedVersion("github.com/dustin/go-humanize"))', timeout=600)
        self.assertEqual(cell.stdout(), go_run_in_module(HUMANIZE_PROGRAM, "v1.0.0") + "v1.0.0\n")
        listed = self.ok(k, "%go list").stdout()
        self.assertIn("github.com/dustin/go-humanize v1.0.0", listed)
        self.assertIn("Linked in this worker:\n  github.com/dustin/go-humanize", listed)
        # Pinning another version rebuilds the worker with it.
        cell = self.ok(k, "%go get github.com/dustin/go-humanize@v1.1.0", timeout=600)
        self.assertIn("Cells now run in a new worker process", cell.stderr())
        self.assertEqual(k.value('linkedVersion("github.com/dustin/go-humanize")'), "v1.1.0")

    def test_4_without_a_go_command_one_line_says_what_to_install(self):
        k = self.kernel(dict(self.env, PATH=path_without_go()))
        self.ok(k, "n := 3")
        cell = k.run(HUMANIZE)
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "ImportError")
        self.assertEqual(cell.reply["evalue"],
                         "github.com/dustin/go-humanize is not bundled with gopar, and importing it needs "
                         "the go command, which is not on the PATH: install Go and restart the kernel")
        self.assertNotIn("\n", cell.reply["evalue"])
        self.assertIn("No go command on the PATH", self.ok(k, "%go list").stdout())
        pin = k.run("%go get github.com/dustin/go-humanize@v1.0.0")
        self.assertEqual(pin.reply["status"], "error")
        self.assertEqual(pin.reply["evalue"], "%go get needs the go command, which is not on the PATH: "
                                              "install Go and restart the kernel")
        # Nothing else broke: the state is there, bundled modules import.
        self.assertEqual(k.value("n * 2"), "6")
        self.assertEqual(k.value('import "gonum.org/v1/gonum/floats"\nfloats.Sum([]float64{1, 2, 3})'), "6")

    def test_4b_a_package_named_like_a_name_of_gopars_own_links(self):
        # go-version's package is named version, as a variable of gopar's
        # main package is: the tables are a package of their own.
        k = self.kernel()
        cell = self.ok(k, """import "github.com/hashicorp/go-version"

v1, _ := version.NewVersion("1.2.3")
v2, _ := version.NewVersion("1.10.0")
fmt.Println(v1.LessThan(v2), v2.Segments())""", timeout=600)
        self.assertEqual(cell.stdout(), "true [1 10 0]\n")

    def test_4c_packages_named_reflect_token_and_constant_link(self):
        # The tables import reflect, go/constant and go/token themselves:
        # packages of the same names are imported under names of their own.
        notebook = tempfile.mkdtemp(prefix="gopar-clash-")
        self.addCleanup(shutil.rmtree, notebook, True)
        for name, text in CLASH_FILES.items():
            os.makedirs(os.path.dirname(os.path.join(notebook, name)), exist_ok=True)
            with open(os.path.join(notebook, name), "w") as f:
                f.write(text)
        with open(os.path.join(notebook, "main.go"), "w") as f:
            f.write(CLASH_PROGRAM)
        want = subprocess.run(["go", "run", "."], cwd=notebook, env=self.env, capture_output=True, text=True, check=True).stdout
        os.remove(os.path.join(notebook, "main.go"))
        self.assertEqual(want, "float64 42 42 3.25 3 2 1099511627776 int\n")
        k = Kernel(env=self.env, cwd=notebook)
        self.addCleanup(k.close)
        cell = self.ok(k, CLASH_CELL, timeout=600)
        self.assertEqual(cell.stdout(), want)

    def test_4d_a_cell_mixing_code_and_go_get_runs_its_code_once(self):
        k = self.kernel()
        self.ok(k, "%go get github.com/dustin/go-humanize@v1.0.0", timeout=600)
        self.ok(k, LINKED_VERSION)
        self.ok(k, HUMANIZE, timeout=600)
        self.assertEqual(k.value('linkedVersion("github.com/dustin/go-humanize")'), "v1.0.0")
        runs = os.path.join(self.cache, "runs-%d.txt" % os.getpid())
        self.addCleanup(lambda: os.path.exists(runs) and os.remove(runs))
        # Each run of the cell's code appends a line to a file: what the
        # worker's switch cannot undo.
        count = ('f, _ := os.OpenFile(%r, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n'
                 'fmt.Fprintln(f, "ran")\nf.Close()\n' % runs).replace("'", '"')
        cell = self.ok(k, 'import "os"\n\nfmt.Println("before")\n' + count +
                       "%go get github.com/dustin/go-humanize@v1.1.0\n"
                       'fmt.Println("after", humanize.Comma(1234), linkedVersion("github.com/dustin/go-humanize"))',
                       timeout=600)
        self.assertIn("Cells now run in a new worker process", cell.stderr())
        with open(runs) as f:
            self.assertEqual(f.read(), "ran\n")
        self.assertEqual(cell.stdout().count("before\n"), 1, cell.stdout())
        self.assertTrue(cell.stdout().endswith("before\nafter 1,234 v1.1.0\n"), cell.stdout())

    def test_5_native_cells_import_modules(self):
        k = self.kernel()
        cell = self.ok(k, """%%native
import (
	"github.com/dustin/go-humanize"
	"gonum.org/v1/gonum/floats"
)

func pretty(n int64) string { return humanize.Comma(n) }

func total(xs []float64) float64 { return floats.Sum(xs) }
""", timeout=600)
        self.assertIn("func pretty(n int64) string", cell.stdout())
        want = go_run_in_module(HUMANIZE_PROGRAM, "v1.1.0").split()[0]
        self.assertEqual(self.ok(k, "fmt.Println(pretty(1234567), total([]float64{1, 2, 3.5}))").stdout(),
                         want + " 6.5\n")

    def test_6_the_notebooks_own_go_mod_is_honoured(self):
        notebook = tempfile.mkdtemp(prefix="gopar-notebook-")
        self.addCleanup(shutil.rmtree, notebook, True)
        for args in (["mod", "init", "example.com/course"], ["get", "github.com/dustin/go-humanize@v1.0.0"]):
            subprocess.run(["go"] + args, cwd=notebook, env=self.env, capture_output=True, check=True)
        with open(os.path.join(notebook, "go.mod")) as f:
            before = f.read()
        k = Kernel(env=self.env, cwd=notebook)
        self.addCleanup(k.close)
        self.ok(k, LINKED_VERSION)
        cell = self.ok(k, HUMANIZE + 'fmt.Println(linkedVersion("github.com/dustin/go-humanize"))', timeout=600)
        self.assertIn("(module in %s)" % notebook, cell.stderr())
        self.assertTrue(cell.stdout().endswith("v1.0.0\n"), cell.stdout())
        with open(os.path.join(notebook, "go.mod")) as f:
            self.assertEqual(f.read(), before)

    def test_7_the_notebooks_own_packages_and_a_module_replaced_by_a_directory(self):
        notebook = tempfile.mkdtemp(prefix="gopar-notebook-")
        self.addCleanup(shutil.rmtree, notebook, True)
        os.makedirs(os.path.join(notebook, "greet"))
        files = {
            "go.mod": "module example.com/course\n\ngo 1.22\n\nrequire example.com/greet v0.0.0\n\n"
                      "replace example.com/greet => ./greet\n",
            "greet/go.mod": "module example.com/greet\n\ngo 1.22\n",
            "greet/greet.go": 'package greet\n\nimport "strings"\n\n'
                              "// Hello greets a workshop.\n"
                              'func Hello(names ...string) string { return "Hello, " + strings.Join(names, " and ") + "!" }\n',
            "stats/stats.go": "package stats\n\n// Mean is the average of xs.\n"
                              "func Mean(xs ...float64) float64 {\n\tsum := 0.0\n\tfor _, x := range xs {\n"
                              "\t\tsum += x\n\t}\n\treturn sum / float64(len(xs))\n}\n",
            "main.go": 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/course/stats"\n\t"example.com/greet"\n)\n\n'
                       'func main() { fmt.Println(greet.Hello("Ada", "Grace"), stats.Mean(1, 2, 4)) }\n',
        }
        os.makedirs(os.path.join(notebook, "stats"))
        for name, text in files.items():
            with open(os.path.join(notebook, name), "w") as f:
                f.write(text)
        want = subprocess.run(["go", "run", "."], cwd=notebook, env=self.env, capture_output=True, text=True, check=True).stdout
        os.remove(os.path.join(notebook, "main.go"))
        k = Kernel(env=self.env, cwd=notebook)
        self.addCleanup(k.close)
        cell = self.ok(k, 'import (\n\t"example.com/course/stats"\n\t"example.com/greet"\n)\n\n'
                          'fmt.Println(greet.Hello("Ada", "Grace"), stats.Mean(1, 2, 4))', timeout=600)
        self.assertEqual(cell.stdout(), want)
        # The library is edited: the next kernel links the new code.
        with open(os.path.join(notebook, "greet", "greet.go"), "a") as f:
            f.write('\n// Bye takes leave.\nfunc Bye() string { return "Bye!" }\n')
        k2 = Kernel(env=self.env, cwd=notebook)
        self.addCleanup(k2.close)
        self.assertEqual(self.ok(k2, 'import "example.com/greet"\n\nfmt.Println(greet.Bye())', timeout=600).stdout(), "Bye!\n")

    def test_8_a_module_needing_a_newer_version_of_a_module_gopar_links(self):
        # gopar links x/sync v0.16.0; a notebook that wants v0.25.0 gets a
        # worker compiled against v0.25.0 throughout (one binary, one
        # version), where a plugin could not load.
        k = self.kernel()
        self.ok(k, "%go get golang.org/x/sync@v0.25.0")
        self.ok(k, LINKED_VERSION)
        self.assertEqual(k.value('linkedVersion("golang.org/x/sync")'), "v0.16.0")
        cell = self.ok(k, """import (
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/syncmap"
)

var m syncmap.Map
var g errgroup.Group
g.SetLimit(2)
for i := range 4 {
	g.Go(func() error { m.Store(i, i*i); return nil })
}
fmt.Println(g.Wait())
v, _ := m.Load(3)
fmt.Println(v, linkedVersion("golang.org/x/sync"))""", timeout=600)
        self.assertEqual(cell.stdout(), "<nil>\n9 v0.25.0\n")

    def test_9_a_go_work_in_the_notebooks_directory(self):
        notebook = tempfile.mkdtemp(prefix="gopar-workspace-")
        self.addCleanup(shutil.rmtree, notebook, True)
        files = {
            "go.work": "go 1.22\n\nuse ./shapes\n",
            "shapes/go.mod": "module example.com/shapes\n\ngo 1.22\n",
            "shapes/shapes.go": 'package shapes\n\nimport "math"\n\n'
                                "// CircleArea is the area of a circle of radius r.\n"
                                "func CircleArea(r float64) float64 { return math.Pi * r * r }\n",
            "shapes/cmd/main.go": 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/shapes"\n)\n\n'
                                  'func main() { fmt.Printf("%.4f\\n", shapes.CircleArea(2)) }\n',
        }
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(notebook, name)), exist_ok=True)
            with open(os.path.join(notebook, name), "w") as f:
                f.write(text)
        want = subprocess.run(["go", "run", "./shapes/cmd"], cwd=notebook, env=self.env,
                              capture_output=True, text=True, check=True).stdout
        k = Kernel(env=self.env, cwd=notebook)
        self.addCleanup(k.close)
        cell = self.ok(k, 'import "example.com/shapes"\n\nfmt.Printf("%.4f\\n", shapes.CircleArea(2))', timeout=600)
        self.assertIn("(module in %s)" % notebook, cell.stderr())
        self.assertEqual(cell.stdout(), want)


class CgoWorker(unittest.TestCase):
    """A gopar built without cgo, as the release binaries are: its C
    kernels say so, and %go cgo moves the cells to a worker built with cgo
    from gopar's source, with the go command and the C compiler here."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="gopar-nocgo-")
        cls.env = dict(os.environ, XDG_CACHE_HOME=os.path.join(cls.dir, "cache"),
                       GOCACHE=go_env("GOCACHE"), GOMODCACHE=go_env("GOMODCACHE"))
        cls.gopar = os.path.join(cls.dir, "gopar")
        subprocess.run(["go", "build", "-o", cls.gopar, "."], cwd=ROOT, env=dict(cls.env, CGO_ENABLED="0"),
                       capture_output=True, check=True)
        subprocess.run([cls.gopar, "install", "--user", "--name", "gopar-nocgo"], env=cls.env,
                       capture_output=True, check=True)

    @classmethod
    def tearDownClass(cls):
        subprocess.run([cls.gopar, "uninstall", "--user", "--name", "gopar-nocgo"], env=cls.env, capture_output=True)
        shutil.rmtree(cls.dir, ignore_errors=True)

    def kernel(self, env=None):
        k = Kernel(name="gopar-nocgo", env=env or self.env)
        self.addCleanup(k.close)
        return k

    def ok(self, k, code, timeout=60):
        cell = k.run(code, timeout=timeout)
        self.assertEqual(cell.reply["status"], "ok", (cell.reply, cell.text()))
        return cell

    def test_go_cgo_runs_the_c_kernels(self):
        k = self.kernel()
        cell = self.ok(k, 'import "gopar/native"\n\nfmt.Println(native.CAvailable)\nfmt.Println(native.SumRangeC(1000))')
        self.assertEqual(cell.stdout(), "false\n0 native: built without cgo: C kernels unavailable\n")
        # The line runs before the cell's code, which runs once, in the new worker.
        cell = self.ok(k, 'fmt.Println("ran")\n%go cgo\ns, err := native.SumRangeC(1000)\n'
                          "fmt.Println(native.CAvailable, s, err, s == native.SumRange(1000))", timeout=900)
        self.assertIn("[gopar] building a worker with cgo", cell.stdout())
        self.assertIn("Cells now run in a new worker process", cell.stderr())
        self.assertEqual(cell.stdout().count("ran\n"), 1, cell.stdout())
        self.assertRegex(cell.stdout(), r"\[gopar\] built in [\d.]+s\nCells run in a worker built with cgo.\nran\ntrue 499500 <nil> true\n$")
        self.assertEqual(self.ok(k, "%go cgo").stdout(), "Cells run in a worker built with cgo.\n")
        # With cgo, and the toolchain that built the worker, %%native loads plugins.
        cell = self.ok(k, "%%native\nfunc thrice(x int) int { return 3 * x }", timeout=900)
        self.assertIn("compiled (plugin):", cell.stdout())
        self.assertEqual(k.value("thrice(5)"), "15")
        # A second kernel takes the worker from the cache.
        k2 = self.kernel()
        cell = self.ok(k2, "%go cgo")
        self.assertIn("[gopar] a worker with cgo, from the cache", cell.stdout())
        self.assertNotIn("building", cell.text())
        self.assertEqual(k2.value('import "gopar/native"\nnative.CAvailable'), "true")

    def test_without_a_c_compiler_one_line_says_so(self):
        k = self.kernel(dict(self.env, CC="/nonexistent/cc"))
        self.ok(k, "n := 4")
        cell = k.run("%go cgo")
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["evalue"],
                         "%go cgo needs a C compiler (gcc or clang; Xcode's command line tools on macOS), and the go "
                         "command's CC (/nonexistent/cc) is not on the PATH: install one and run %go cgo again")
        self.assertEqual(k.value("n + 1"), "5")


if __name__ == "__main__":
    unittest.main()
