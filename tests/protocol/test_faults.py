"""What learners do to kernels: each fault gets a clear answer, and the
kernel keeps answering with earlier declarations intact."""

import json
import os
import tempfile
import threading
import unittest

from jupyter_client.manager import KernelManager

from kernelclient import Kernel
from test_hardening import children


class Faults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()
        cell = cls.k.run('import "fmt"\nfunc square(x int) int { return x * x }\ngreeting := "hi"')
        assert cell.reply["status"] == "ok", cell.reply

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def assertAlive(self):
        self.assertEqual(self.k.value("square(7)"), "49")

    def test_goroutine_output_streams_while_the_cell_runs(self):
        # The cell ends only once the client has seen its goroutine's output:
        # it was streamed while the cell ran, however slow the machine.
        seen = os.path.join(tempfile.mkdtemp(prefix="gopar-seen-"), "seen")
        cell = self.k.run(
            'import (\n\t"os"\n\t"time"\n)\n'
            'go fmt.Println("tick")\n'
            "for {\n"
            "\tif _, err := os.Stat(%s); err == nil {\n"
            "\t\tbreak\n"
            "\t}\n"
            "\ttime.Sleep(10 * time.Millisecond)\n"
            "}\n" % json.dumps(seen),
            on_stream=lambda text: open(seen, "w").close())
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertEqual(cell.stdout(), "tick\n")
        self.assertAlive()

    def test_panic_in_goroutine(self):
        cell = self.k.run('import "time"\ngo func() { panic("boom in goroutine") }()\ntime.Sleep(200 * time.Millisecond)')
        self.assertIn("boom in goroutine", cell.text() + str(cell.errors))
        self.assertAlive()

    def test_concurrent_map_writes_kill_only_the_worker(self):
        cell = self.k.run(
            'import "sync"\n'
            "m := map[int]int{}\n"
            "var wg sync.WaitGroup\n"
            "for g := 0; g < 2; g++ {\n"
            "\twg.Add(1)\n"
            "\tgo func() {\n"
            "\t\tdefer wg.Done()\n"
            "\t\tfor i := 0; ; i++ {\n"
            "\t\t\tm[i%1000] = i\n"
            "\t\t}\n"
            "\t}()\n"
            "}\n"
            "wg.Wait()\n"
        )
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("concurrent map", cell.reply["evalue"] + cell.text())
        self.assertIn("greeting", "\n".join(cell.reply["traceback"]), "lost variables are named")
        self.assertAlive()

    def test_infinite_recursion(self):
        cell = self.k.run("func down(n int) int { return down(n+1) + 1 }\ndown(0)", timeout=120)
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("stack", (cell.reply["evalue"] + cell.text()).lower())
        self.assertAlive()

    def test_os_exit(self):
        cell = self.k.run('import "os"\nos.Exit(3)')
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("3", cell.reply["evalue"])
        self.assertAlive()

    def test_infinite_loop_is_interrupted(self):
        timer = threading.Timer(1.0, self.k.km.interrupt_kernel)
        cell = self.k.run("n := 0\nfor {\n\tn++\n}", timeout=30, on_start=timer.start)
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("Interrupt", cell.reply["ename"])
        self.assertAlive()

    def test_sleep_is_interrupted(self):
        timer = threading.Timer(1.0, self.k.km.interrupt_kernel)
        cell = self.k.run('import "time"\ntime.Sleep(time.Hour)', timeout=30, on_start=timer.start)
        self.assertEqual(cell.reply["status"], "error")
        self.assertIn("Interrupt", cell.reply["ename"])
        self.assertAlive()

    def test_a_cell_blocked_in_compiled_code_is_interrupted(self):
        # A mutex locked twice blocks inside sync, beyond the interpreter's
        # reach: the cell is answered and left behind, the worker goes on.
        self.assertEqual(self.k.run("kept := 5").reply["status"], "ok")
        worker = children(self.k.km.provisioner.process.pid)
        timer = threading.Timer(1.0, self.k.km.interrupt_kernel)
        cell = self.k.run('import "sync"\nvar mu sync.Mutex\nmu.Lock()\nmu.Lock()', timeout=30, on_start=timer.start)
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "Interrupted")
        self.assertEqual(children(self.k.km.provisioner.process.pid), worker, "answered by restarting the worker")
        self.assertEqual(self.k.value("kept * 2"), "10", "variables survive")
        self.assertAlive()

    def test_goexit_ends_only_the_cell(self):
        self.assertEqual(self.k.run("kept := 5").reply["status"], "ok")
        cell = self.k.run('import "runtime"\ndefer fmt.Println("deferred")\nruntime.Goexit()\nfmt.Println("not reached")')
        self.assertEqual(cell.reply["status"], "error")
        self.assertEqual(cell.reply["ename"], "Goexit")
        self.assertEqual(cell.stdout(), "deferred\n")
        self.assertEqual(self.k.value("kept"), "5")
        self.assertAlive()

    def test_a_flood_of_output(self):
        cell = self.k.run("for i := 0; i < 200000; i++ {\n\tfmt.Println(i)\n}", timeout=120)
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        out = cell.stdout()
        self.assertTrue(out.startswith("0\n1\n2\n"), out[:20])
        self.assertTrue(out.endswith("199999\n"), out[-20:])
        self.assertIn("omitted", cell.stderr())
        self.assertLess(cell.messages, 200, "output was not coalesced")
        self.assertAlive()

    def test_stdin(self):
        cell = self.k.run('var name string\nfmt.Scanln(&name)\nfmt.Println("hello", name)', allow_stdin=True, stdin=["Ada"])
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertIn("hello Ada", cell.stdout())

    def test_stdin_refused(self):
        cell = self.k.run('var word string\n_, err := fmt.Scanln(&word)\nfmt.Println(err)')
        self.assertIn("allow_stdin", cell.text() + str(cell.errors))
        self.assertAlive()

    def test_image_display(self):
        cell = self.k.run(
            'import (\n\t"image"\n\t"image/color"\n\t"gopar/display"\n)\n'
            "img := image.NewRGBA(image.Rect(0, 0, 16, 16))\n"
            "img.Set(3, 3, color.RGBA{255, 0, 0, 255})\n"
            "display.Image(img)\n"
        )
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertTrue(any("image/png" in d["data"] for d in cell.displays), cell.displays)
        self.assertAlive()


class ReplayAfterCrash(unittest.TestCase):
    """The worker tells the kernel the session's declarations only when a
    cell changes them; a crash replays the latest, whichever cell that was."""

    CRASH = 'import "os"\nos.Exit(4)'

    def setUp(self):
        self.k = Kernel()

    def tearDown(self):
        self.k.close()

    def test_declarations_of_earlier_cells_survive_quiet_cells(self):
        self.assertEqual(self.k.run("func double(x int) int { return 2 * x }").reply["status"], "ok")
        self.assertEqual(self.k.run("func triple(x int) int { return 3 * x }").reply["status"], "ok")
        for _ in range(3):
            self.assertEqual(self.k.value("1 + 1"), "2")
        self.assertEqual(self.k.run(self.CRASH).reply["status"], "error")
        self.assertEqual(self.k.value("double(4) + triple(5)"), "23")

    def test_reset_declarations_are_not_replayed(self):
        self.assertEqual(self.k.run("func double(x int) int { return 2 * x }").reply["status"], "ok")
        self.assertEqual(self.k.run("%reset -f").reply["status"], "ok")
        self.assertEqual(self.k.run(self.CRASH).reply["status"], "error")
        cell = self.k.run("double(4)")
        self.assertEqual(cell.reply["status"], "error", "a declaration dropped by %reset came back")
        self.assertIn("double", cell.reply["evalue"])



class Shutdown(unittest.TestCase):
    def test_a_shutdown_request_ends_idle(self):
        """A shutdown_request, like any request, is followed on iopub by the
        idle status it is the parent of before the kernel exits, as with
        ipykernel. Jupyter Notebook's server keeps the last status it saw: a
        kernel that exited busy was taken for busy after a restart, and the
        server then did not make sure the page's iopub was connected again
        (the first cells' outputs went missing)."""
        km = KernelManager(kernel_name="gopar")
        km.start_kernel()
        kc = km.client()
        try:
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            msg_id = kc.shutdown(restart=True)
            states = []
            while "idle" not in states:
                msg = kc.get_iopub_msg(timeout=60)  # raises if the idle never comes
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status":
                    states.append(msg["content"]["execution_state"])
            self.assertEqual(states, ["busy", "idle"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
