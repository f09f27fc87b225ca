"""Modules in cells, through jupyter_client as a front end sends them.

The bundled ones (x/sync, gonum's numeric packages) work in a kernel that
has no go command on its PATH. Each program's output is compared with what
`go run` of the same program prints: compiled Go is the reference."""

import os
import subprocess
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


if __name__ == "__main__":
    unittest.main()
