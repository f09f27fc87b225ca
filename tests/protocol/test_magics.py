"""Each magic through the real client, the way a learner types it."""

import os
import re
import tempfile
import unittest

from kernelclient import Kernel

TIME_UNIT = r"[0-9.]+ (s|ms|µs|ns)"


class Magics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()
        cell = cls.k.run(
            'import "fmt"\n'
            "func work(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += i\n\t}\n\treturn s\n}"
        )
        assert cell.reply["status"] == "ok", cell.reply

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def ok(self, code, timeout=120):
        cell = self.k.run(code, timeout=timeout)
        self.assertEqual(cell.reply["status"], "ok", (code, cell.reply, cell.text()))
        return cell

    def test_time_line_keeps_the_value(self):
        cell = self.ok("%time work(1000)")
        self.assertRegex(cell.stdout(), r"CPU times: user %s, sys: %s, total: %s\nWall time: %s\n"
                         % (TIME_UNIT, TIME_UNIT, TIME_UNIT, TIME_UNIT))
        self.assertEqual(cell.results[0]["text/plain"], "499500")

    def test_time_cell(self):
        cell = self.ok('%%time\ntotal := work(100)\nfmt.Println("total", total)')
        self.assertIn("total 4950", cell.stdout())
        self.assertIn("Wall time:", cell.stdout())

    def test_timeit_line_format(self):
        cell = self.ok("%timeit -r 3 -n 10 work(100)")
        # On a busy machine IPython's warning about a slow run may come first.
        self.assertRegex(cell.stdout().strip(),
                         r"^(The slowest run took [0-9.]+ times longer than the fastest\. "
                         r"This could mean that an intermediate result is being cached\.\n)?"
                         r"%s ± %s per loop \(mean ± std\. dev\. of 3 runs, 10 loops each\)$" % (TIME_UNIT, TIME_UNIT))

    def test_timeit_autorange_and_result_value(self):
        cell = self.ok("res := %timeit -o -q work(10)\nres.Loops >= 10")
        self.assertEqual(cell.results[-1]["text/plain"], "true")
        cell = self.ok("res.Repeat")
        self.assertEqual(cell.results[0]["text/plain"], "7")

    def test_timeit_cell_with_setup(self):
        cell = self.ok("%%timeit -n 5 -r 2 n := 50\nwork(n)")
        self.assertIn("of 2 runs, 5 loops each", cell.stdout())

    def test_memit(self):
        cell = self.ok("%memit make([]float64, 1<<20)")
        self.assertRegex(cell.stdout(), r"peak memory: [0-9.]+ MiB, increment: [0-9.]+ MiB")

    def test_shell_line_between_go_lines(self):
        cell = self.ok('fmt.Println("before")\n!echo from-shell\nfmt.Println("after")')
        self.assertEqual(cell.stdout(), "before\nfrom-shell\nafter\n")

    def test_shell_exit_status_is_shown(self):
        cell = self.ok("!exit 3")
        self.assertIn("3", cell.text())

    def test_writefile_then_read_back(self):
        path = os.path.join(tempfile.mkdtemp(), "data.txt")
        self.ok("%%%%writefile %s\nline one\nline two\n" % path)
        with open(path) as f:
            self.assertEqual(f.read(), "line one\nline two\n")
        cell = self.ok("%%%%writefile -a %s\nline three\n" % path)
        with open(path) as f:
            self.assertTrue(f.read().endswith("line three\n"))

    def test_env_and_cd(self):
        self.ok("%env GOPAR_TEST_VALUE=42")
        cell = self.ok("%env GOPAR_TEST_VALUE")
        self.assertIn("42", cell.text() + str(cell.results))
        d = tempfile.mkdtemp()
        self.ok("%%cd %s" % d)
        cell = self.ok("!pwd")
        self.assertIn(os.path.realpath(d), os.path.realpath(cell.stdout().strip()))

    def test_who(self):
        self.ok("answer := 42")
        cell = self.ok("%who")
        self.assertIn("answer", cell.stdout())
        cell = self.ok("%whos")
        self.assertRegex(cell.stdout(), r"answer\s+int\s+42")

    def test_lsmagic_and_help(self):
        cell = self.ok("%lsmagic")
        for name in ("%time", "%timeit", "%memit", "%%writefile"):
            self.assertIn(name, cell.stdout())
        cell = self.ok("%timeit?")
        self.assertIn("-n", cell.stdout())

    def test_unknown_magic_suggests(self):
        cell = self.k.run("%timit work(1)")
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("%timeit", cell.reply["evalue"] + cell.text())

    def test_bad_option_runs_nothing(self):
        cell = self.k.run('%timeit -n abc fmt.Println("ran")')
        self.assertEqual(cell.reply["status"], "error")
        self.assertNotIn("ran\n", cell.stdout())

    def test_scaling_draws_a_plot(self):
        self.ok('import "gopar/native"')
        cell = self.ok("%scaling -w 1,2 -r 2 native.CalcPiParallel(200000, workers)")
        self.assertIn("workers", cell.stdout().lower())
        self.assertTrue(any("image/png" in d["data"] for d in cell.displays), cell.displays)

    def test_native_compiles_a_cell_and_later_cells_call_it(self):
        cell = self.ok(
            '%%native\nimport "math/rand/v2"\n\nfunc nativePi(n int) float64 {\n\tm := 0\n'
            "\tfor range n {\n\t\tx, y := rand.Float64()*2-1, rand.Float64()*2-1\n"
            "\t\tif x*x+y*y < 1 {\n\t\t\tm++\n\t\t}\n\t}\n\treturn 4 * float64(m) / float64(n)\n}",
            timeout=300)
        self.assertIn("nativePi", cell.stdout())
        pi = float(self.k.value("nativePi(1000000)"))
        self.assertAlmostEqual(pi, 3.1416, delta=0.01)

    def test_native_compile_error_points_at_the_cell_line(self):
        cell = self.k.run('%%native\nfunc broken() int {\n\treturn "x"\n}', timeout=300)
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("cell:3:", cell.reply["evalue"])

    def test_process_pool(self):
        cell = self.ok('import "gopar/procs"\npool, _ := procs.NewPool(2)\n'
                       'res, err := pool.Map("sum_range", []any{int64(10), int64(100)})\n'
                       "pool.Close()\nfmt.Println(res, err)")
        self.assertEqual(cell.stdout(), "[45 4950] <nil>\n")


if __name__ == "__main__":
    unittest.main()
