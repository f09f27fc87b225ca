"""Whole Go programs pasted into cells run as `go run` runs them, through
jupyter_client as a front end sends them."""

import unittest

from kernelclient import Kernel

HELLO = """package main

import "fmt"

func main() {
	fmt.Println("Hello, 世界")
}
"""

WAITGROUP = """package main

import (
	"fmt"
	"sync"
)

func worker(id int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	results <- fmt.Sprintf("worker %d done", id)
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 5)
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go worker(i, results, &wg)
	}
	wg.Wait()
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println(n, "workers finished")
}
"""

FLAGS = """package main

import (
	"flag"
	"fmt"
	"os"
)

var (
	n    = flag.Int("n", 10, "number of terms")
	name = flag.String("name", "fib", "label")
)

func init() {
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: fib [-n N] [-name S]") }
}

func main() {
	flag.Parse()
	a, b := 0, 1
	for i := 0; i < *n; i++ {
		a, b = b, a+b
	}
	fmt.Printf("%s(%d) = %d, rest %v\\n", *name, *n, a, flag.Args())
}
"""

EXIT_WITH_DEFERS = """package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	fmt.Println("before")
	os.Exit(3)
}
"""

EXIT_IN_GOROUTINE = """package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred in the goroutine")
		os.Exit(4)
	}()
	wg.Wait()
	fmt.Println("main goes on")
}
"""


class Programs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def ok(self, code):
        cell = self.k.run(code)
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        return cell

    def test_hello_world(self):
        self.assertEqual(self.ok(HELLO).stdout(), "Hello, 世界\n")
        # Run again: the program runs again.
        self.assertEqual(self.ok(HELLO).stdout(), "Hello, 世界\n")

    def test_goroutines_with_a_waitgroup(self):
        self.assertEqual(self.ok(WAITGROUP).stdout(), "5 workers finished\n")
        # Its declarations stay for later cells.
        self.assertEqual(self.k.value("var wg sync.WaitGroup\nch := make(chan string, 1)\nwg.Add(1)\nworker(9, ch, &wg)\n<-ch"), "worker 9 done")

    def test_a_program_reading_flags(self):
        self.assertEqual(self.ok(FLAGS).stdout(), "fib(10) = 55, rest []\n")
        self.ok("%args -n 20 -name F extra")
        self.assertEqual(self.ok(FLAGS).stdout(), "F(20) = 6765, rest [extra]\n")
        self.ok('os.Args = []string{"fib", "-n", "7"}')
        self.assertEqual(self.ok(FLAGS).stdout(), "fib(7) = 13, rest []\n")
        self.ok("%args -bogus")
        cell = self.k.run(FLAGS)
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "Exit")
        self.assertIn("os.Exit(2)", cell.reply["evalue"])
        self.assertIn("usage: fib", cell.stderr())
        self.ok("%args --")

    def test_exit_status(self):
        cell = self.ok('package main\nimport ("fmt"; "os")\nfunc main() { fmt.Println("bye"); os.Exit(0) }')
        self.assertEqual(cell.stdout(), "bye\n")
        cell = self.k.run('package main\nimport "os"\nfunc main() { os.Exit(3) }')
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("os.Exit(3)", cell.reply["evalue"])
        self.assertEqual(self.k.value("1 + 1"), "2")

    def test_exit_runs_no_deferred_call(self):
        # As under go run: os.Exit skips deferred calls, and recover does
        # not stop it.
        cell = self.k.run(EXIT_WITH_DEFERS)
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "Exit")
        self.assertIn("os.Exit(3)", cell.reply["evalue"])
        self.assertEqual(cell.stdout(), "before\n")

    def test_exit_in_a_goroutine_ends_the_program(self):
        # main waits in compiled code (WaitGroup.Wait) for a Done that the
        # exit skipped: the program still ends, as an exit.
        cell = self.k.run(EXIT_IN_GOROUTINE)
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "Exit")
        self.assertIn("os.Exit(4)", cell.reply["evalue"])
        self.assertNotIn("deferred", cell.stdout())
        self.assertNotIn("main goes on", cell.stdout())
        self.assertEqual(self.k.value("3 + 3"), "6")

    def test_a_panic_in_main(self):
        cell = self.k.run('package main\nfunc main() {\n\tvar m map[string]int\n\tm["x"] = 1\n}')
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("assignment to entry in nil map", cell.reply["evalue"])
        self.assertEqual(self.k.value("2 + 2"), "4")


if __name__ == "__main__":
    unittest.main()
