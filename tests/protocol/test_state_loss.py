"""A worker that dies, whenever it dies, is reported and nothing of the
session comes back wrong: lost variables are undefined (using one names
the crash), the working directory and environment are restored."""

import json
import os
import signal
import tempfile
import time
import unittest
from queue import Empty

from kernelclient import Kernel
from test_hardening import alive, children


class WorkerDiesBetweenCells(unittest.TestCase):
    def setUp(self):
        self.k = Kernel()
        self.addCleanup(self.k.close)
        self.dir = tempfile.mkdtemp(prefix="gopar-cwd-")
        cell = self.k.run(
            'import (\n\t"fmt"\n\t"os"\n)\n'
            "func double(n int) int { return 2 * n }\n"
            "x := 41\n"
            "pts := []int{7}\n"
            'os.Chdir(%s)\n'
            'os.Setenv("GOPAR_TEST_SETTING", "kept")\n' % json.dumps(self.dir))
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.last = cell

    def worker(self):
        kids = children(self.k.km.provisioner.process.pid)
        self.assertEqual(len(kids), 1, kids)
        return kids[0]

    def notice_on_iopub(self, timeout=60):
        """The stream the kernel publishes, unasked, when its worker dies."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.k.kc.get_iopub_msg(timeout=1)
            except Empty:
                continue
            if msg["msg_type"] == "stream" and "[gopar]" in msg["content"]["text"]:
                return msg
        self.fail("no message on iopub about the worker's death")

    def check_after_death(self, cause):
        msg = self.notice_on_iopub()
        self.assertEqual(msg["content"]["name"], "stderr")
        self.assertIn(cause, msg["content"]["text"])
        self.assertIn("pts, x", msg["content"]["text"], "the lost variables are not named")
        self.assertEqual(msg["parent_header"]["msg_id"], self.last.msg_id, "not on the last cell's output")

        cell = self.k.run("double(2)")
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertEqual(cell.results[0]["text/plain"], "4", "declarations were not restored")
        self.assertIn("Since the last cell", cell.stderr(), "the next cell does not say what happened")
        self.assertIn(cause, cell.stderr())

        cell = self.k.run("x + 1")
        self.assertEqual(cell.reply["status"], "error", "a lost variable came back as a zero value")
        self.assertIn("x is undefined", cell.reply["evalue"])
        self.assertIn(cause, cell.reply["evalue"], "the error does not name the crash")
        cell = self.k.run("len(pts)")
        self.assertEqual(cell.reply["status"], "error", "a lost variable came back as a zero value")

        cell = self.k.run('wd, _ := os.Getwd()\nfmt.Println(wd, os.Getenv("GOPAR_TEST_SETTING"))')
        self.assertEqual(cell.stdout(), self.dir + " kept\n", "working directory or environment not restored")
        # Set again, a variable is an ordinary one.
        self.assertEqual(self.k.run("x = 5").reply["status"], "ok")
        self.assertEqual(self.k.value("x + 1"), "6")

    def test_killed_worker(self):
        os.kill(self.worker(), signal.SIGKILL)
        self.check_after_death("signal: killed")

    def test_goroutine_crashing_after_its_cell_ended(self):
        trigger = os.path.join(self.dir, "go")
        cell = self.k.run(
            'import "time"\n'
            "go func() {\n"
            "\tfor {\n"
            "\t\tif _, err := os.Stat(%s); err == nil {\n"
            "\t\t\tm := map[int]int{}\n"
            "\t\t\tfor i := 0; i < 4; i++ {\n"
            "\t\t\t\tgo func() {\n"
            "\t\t\t\t\tfor j := 0; ; j++ {\n"
            "\t\t\t\t\t\tm[j%%100] = j\n"
            "\t\t\t\t\t}\n"
            "\t\t\t\t}()\n"
            "\t\t\t}\n"
            "\t\t\tselect {}\n"
            "\t\t}\n"
            "\t\ttime.Sleep(10 * time.Millisecond)\n"
            "\t}\n"
            "}()\n" % json.dumps(trigger))
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.last = cell
        open(trigger, "w").close()
        self.check_after_death("concurrent map")


if __name__ == "__main__":
    unittest.main()
