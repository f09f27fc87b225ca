"""A kernel whose starter is gone (jupyter console in a closed terminal)
exits, and takes its worker and the processes cells started with it."""

import json
import os
import signal
import subprocess
import sys
import time
import unittest

from test_hardening import alive, children

# The front end: starts a kernel, runs a cell that starts a command and one
# that spins for ever, says which processes exist, and waits to be killed.
FRONT_END = r'''
import json, subprocess, sys
from jupyter_client.manager import start_new_kernel
# The kernel must not hold this process's stdout, which the test reads.
km, kc = start_new_kernel(kernel_name="gopar", stdout=subprocess.DEVNULL)
out = []
kc.execute_interactive('import (\n\t"fmt"\n\t"os/exec"\n)\ncmd := exec.Command("sleep", "3600")\ncmd.Start()\nfmt.Println(cmd.Process.Pid)',
    output_hook=lambda m: out.append(m["content"]["text"]) if m["msg_type"] == "stream" else None, timeout=60)
kc.execute("for {\n}")
print(json.dumps({"kernel": km.provisioner.process.pid, "output": "".join(out)}), flush=True)
sys.stdin.read()
'''


def wait_gone(pids, timeout=60):
    """The pids still alive after waiting up to timeout for them to exit."""
    deadline = time.time() + timeout
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


class Orphans(unittest.TestCase):
    def test_the_kernel_exits_with_the_process_that_started_it(self):
        front = subprocess.Popen([sys.executable, "-c", FRONT_END], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 env=os.environ)
        self.addCleanup(front.stdin.close)
        line = front.stdout.readline()
        self.assertTrue(line, "the front end did not start a kernel")
        pids = json.loads(line)
        self.assertRegex(pids["output"], r"^[0-9]+\n$", "the cell did not print its command's pid")
        pids["command"] = int(pids["output"])
        workers = children(pids["kernel"])
        self.assertEqual(len(workers), 1, workers)
        everything = [pids["kernel"], workers[0], pids["command"]]
        self.assertEqual([p for p in everything if not alive(p)], [])
        self.addCleanup(lambda: [os.kill(p, signal.SIGKILL) for p in everything if alive(p)])

        front.kill()  # as a closed terminal takes jupyter console
        front.wait()
        self.assertEqual(wait_gone(everything), [], "left behind (kernel, worker, command): %s" % everything)


if __name__ == "__main__":
    unittest.main()
