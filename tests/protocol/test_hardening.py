"""What a workshop room does to a kernel, through the real sockets: bad
signatures, garbage, huge and malformed messages, thirty kernels at once,
every core busy, restarts under load and a cell that eats all memory. After
each, the kernel answers the next valid request, and its log never shows the
key. Memory per kernel is printed for the report."""

import hashlib
import hmac
import json
import os
import sys
import tempfile
import threading
import time
import unittest
import uuid
from concurrent.futures import ThreadPoolExecutor

import zmq
from jupyter_client.manager import KernelManager, start_new_kernel

from kernelclient import Kernel

# The room's cell is the one bench/kernel runs in thirty kernels at once.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench", "kernel"))
import workloads  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


class LoggedKernel(Kernel):
    """A gopar kernel whose stderr (its log) goes to a file we can read."""

    def __init__(self, env=None):
        self.log = tempfile.NamedTemporaryFile(prefix="gopar-kernel-", suffix=".log", delete=False)
        kw = {"stderr": self.log}
        if env is not None:
            kw["env"] = {**os.environ, **env}
        self.km, self.kc = start_new_kernel(kernel_name="gopar", **kw)
        self.info = self.km.get_connection_info()
        self.key = self.info["key"]
        if isinstance(self.key, str):
            self.key = self.key.encode()

    def close(self):
        super().close()
        self.log.close()
        os.unlink(self.log.name)

    def logs(self):
        with open(self.log.name, "rb") as f:
            return f.read()

    def endpoint(self, port_name):
        return "%s://%s:%d" % (self.info["transport"], self.info["ip"], self.info[port_name])


def message(key, msg_type, content=b"{}", header=None, sign=True):
    """The frames of a message as a front end sends them (no identities)."""
    if header is None:
        header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "hardening", "username": "test",
                             "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type,
                             "version": "5.4"}).encode()
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()
    parts = [header, b"{}", b"{}", content]
    sig = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode() if sign else b"0" * 64
    return [b"<IDS|MSG>", sig] + parts


def process_memory(pid):
    """Resident and proportional set size of a process, in MiB."""
    with open("/proc/%d/statm" % pid) as f:
        rss = int(f.read().split()[1]) * PAGE / 2**20
    pss = 0.0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def children(pid):
    """The child processes of pid (a Go process starts them from any thread)."""
    kids = []
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return kids
    for tid in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                kids += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return kids


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


class BadInput(unittest.TestCase):
    """Messages no front end should send: dropped (or answered with an error
    where the protocol has one) and logged, and the kernel goes on."""

    @classmethod
    def setUpClass(cls):
        cls.k = LoggedKernel()
        cell = cls.k.run('import "fmt"\nmarker := "still here"')
        assert cell.reply["status"] == "ok", cell.reply
        cls.ctx = zmq.Context()

    @classmethod
    def tearDownClass(cls):
        cls.ctx.destroy(linger=0)
        cls.k.close()

    def raw_socket(self, port_name="shell_port"):
        s = self.ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RECONNECT_IVL, 10)
        s.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        s.connect(self.k.endpoint(port_name))
        self.addCleanup(s.close)
        return s

    def assertNoReply(self, sock, wait=0.5):
        if sock.poll(int(wait * 1000)):
            self.fail("the kernel answered a message it should have dropped: %r" % sock.recv_multipart()[:4])

    def assertAnswers(self, sock=None):
        """The kernel answers a valid request: on sock when given, and a cell
        through the ordinary client, with earlier state intact."""
        if sock is not None:
            sock.send_multipart(message(self.k.key, "kernel_info_request"))
            self.assertTrue(sock.poll(10000), "no kernel_info_reply on the same socket")
            frames = sock.recv_multipart()
            header = json.loads(frames[frames.index(b"<IDS|MSG>") + 2])
            self.assertEqual(header["msg_type"], "kernel_info_reply")
        self.assertEqual(self.k.value("marker"), "still here")

    def assertLogged(self, text):
        deadline = time.time() + 5
        while time.time() < deadline:
            if text.encode() in self.k.logs():
                return
            time.sleep(0.05)
        self.fail("the kernel log does not say %r:\n%s" % (text, self.k.logs().decode(errors="replace")))

    def tearDown(self):
        self.assertNotIn(self.k.key, self.k.logs(), "the key is in the log")

    def test_bad_signature(self):
        s = self.raw_socket()
        frames = message(self.k.key, "execute_request", {"code": 'hacked := "yes"', "silent": False}, sign=False)
        s.send_multipart(frames)
        self.assertNoReply(s)
        self.assertLogged("shell: dropped a message: invalid signature")
        cell = self.k.run("hacked")
        self.assertEqual(cell.reply["status"], "error", "a cell with a bad signature ran")
        self.assertAnswers(s)

    def test_bad_signature_on_control(self):
        s = self.raw_socket("control_port")
        s.send_multipart(message(self.k.key, "shutdown_request", {"restart": False}, sign=False))
        self.assertNoReply(s)
        self.assertLogged("control: dropped a message: invalid signature")
        self.assertAnswers(s)

    def test_garbage_frames(self):
        s = self.raw_socket()
        garbage = [
            ([b"garbage"], "no <IDS|MSG> delimiter"),
            ([os.urandom(1000) for _ in range(50)], "no <IDS|MSG> delimiter"),
            ([b"<IDS|MSG>"], "fewer than five frames"),
            ([b"<IDS|MSG>", b"sig", b"{}"], "fewer than five frames"),
            ([b"\xff\xfe\x00", b"<IDS|MSG>", os.urandom(64), os.urandom(10), b"", b"", b""], "invalid signature"),
        ]
        for frames, logged in garbage:
            s.send_multipart(frames)
            self.assertNoReply(s, wait=0.2)
            self.assertLogged(logged)
        self.assertAnswers(s)

    def test_huge_frame(self):
        s = self.raw_socket()
        big = b'{"code": "' + b"x" * 100_000_000 + b'"}'
        s.send_multipart(message(self.k.key, "execute_request", big))
        self.assertNoReply(s, wait=1)
        self.assertLogged("larger than the limit")
        # The kernel closed that connection; the client reconnects by itself.
        self.assertAnswers(s)
        self.assertNotIn(b"closed network connection", self.k.logs(), "the kernel still writes to the closed connection")
        kernel_mib, _ = process_memory(self.k.km.provisioner.process.pid)
        print("kernel RSS after refusing a 100 MB frame: %.0f MiB" % kernel_mib, file=sys.stderr)

    def test_unknown_message_type(self):
        s = self.raw_socket()
        s.send_multipart(message(self.k.key, "frobnicate_request", {"x": 1}))
        self.assertNoReply(s)
        self.assertLogged("ignored a frobnicate_request message")
        self.assertAnswers(s)

    def test_invalid_json(self):
        s = self.raw_socket()
        s.send_multipart(message(self.k.key, "execute_request", b'{"code": "1+1", '))
        self.assertNoReply(s)
        self.assertLogged("a frame is not valid JSON")
        s.send_multipart(message(self.k.key, "execute_request", header=b"{not a header"))
        self.assertNoReply(s)
        self.assertLogged("dropped a message: header")
        s.send_multipart(message(self.k.key, "", header=b'{"msg_id": "1"}'))
        self.assertNoReply(s)
        self.assertLogged("header has no msg_type")
        self.assertAnswers(s)

    def test_content_of_the_wrong_shape_gets_an_error_reply(self):
        s = self.raw_socket()
        for content in ([1, 2, 3], {"code": 5}, "just a string"):
            s.send_multipart(message(self.k.key, "execute_request", content))
            self.assertTrue(s.poll(10000), "no reply to an execute_request with content %r" % (content,))
            frames = s.recv_multipart()
            reply = json.loads(frames[frames.index(b"<IDS|MSG>") + 5])
            self.assertEqual(reply["status"], "error", reply)
            self.assertEqual(reply["ename"], "BadRequest", reply)
        self.assertAnswers(s)

    def test_heartbeat_garbage(self):
        s = self.ctx.socket(zmq.REQ)
        s.setsockopt(zmq.LINGER, 0)
        s.connect(self.k.endpoint("hb_port"))
        self.addCleanup(s.close)
        payload = os.urandom(1 << 20)
        s.send(payload)
        self.assertTrue(s.poll(5000), "no heartbeat echo")
        self.assertEqual(s.recv(), payload)
        self.assertAnswers()




class Room(unittest.TestCase):
    """Thirty kernels at once, as in a workshop room on one server."""

    KERNELS = int(os.environ.get("GOPAR_ROOM_KERNELS", "30"))

    def test_thirty_kernels_at_once(self):
        t0 = time.time()
        managers = []
        try:
            for _ in range(self.KERNELS):
                km = KernelManager(kernel_name="gopar")
                km.start_kernel()
                managers.append(km)
            clients = []
            for km in managers:
                kc = km.client()
                kc.start_channels()
                clients.append(kc)
            for kc in clients:
                kc.wait_for_ready(timeout=120)
            ready = time.time() - t0

            def run(i):
                k = Kernel.__new__(Kernel)
                k.km, k.kc = managers[i], clients[i]
                return k.run(workloads.room_cell(i), timeout=240)

            t1 = time.time()
            with ThreadPoolExecutor(len(managers)) as pool:
                cells = list(pool.map(run, range(len(managers))))
            ran = time.time() - t1

            for i, cell in enumerate(cells):
                self.assertEqual(cell.reply["status"], "ok", cell.reply)
                lines, total = workloads.room_output(i)
                got = cell.stdout().splitlines()
                self.assertEqual(got[-1], total, "kernel %d" % i)
                self.assertEqual(set(got[:-1]), set(lines), "kernel %d lost or mangled output" % i)
                self.assertEqual(len(got) - 1, len(lines), "kernel %d duplicated output" % i)

            kernel_rss, worker_rss, total_pss = [], [], []
            for km in managers:
                pid = km.provisioner.process.pid
                workers = children(pid)
                self.assertEqual(len(workers), 1, "kernel %d has workers %s" % (pid, workers))
                k_rss, k_pss = process_memory(pid)
                w_rss, w_pss = process_memory(workers[0])
                kernel_rss.append(k_rss)
                worker_rss.append(w_rss)
                total_pss.append(k_pss + w_pss)
            n = len(managers)
            print("\n%d kernels: all ready %.1f s after the first started; the lesson cell ran in all "
                  "of them at once in %.1f s; no output lost." % (n, ready, ran), file=sys.stderr)
            print("memory per kernel after the cell: kernel %.1f MiB + worker %.1f MiB resident "
                  "(mean; max %.1f + %.1f), %.1f MiB proportional (shared pages split)"
                  % (sum(kernel_rss) / n, sum(worker_rss) / n, max(kernel_rss), max(worker_rss), sum(total_pss) / n),
                  file=sys.stderr)
            for kc in clients:
                kc.stop_channels()
        finally:
            for km in managers:
                km.shutdown_kernel()


SPIN_CELL = '''import (
	"runtime"
	"sync"
	"time"
)

var spinWG sync.WaitGroup
spins := make([]int, runtime.NumCPU())
start := time.Now()
for w := range spins {
	spinWG.Add(1)
	go func(w int) {
		defer spinWG.Done()
		for time.Since(start) < SECONDS*time.Second {
			spins[w]++
		}
	}(w)
}
spinWG.Wait()
len(spins)
'''


class Load(unittest.TestCase):
    def test_heartbeat_answers_while_every_core_spins(self):
        k = LoggedKernel()
        self.addCleanup(k.close)
        ctx = zmq.Context()
        self.addCleanup(ctx.destroy, 0)
        hb = ctx.socket(zmq.REQ)
        hb.setsockopt(zmq.LINGER, 0)
        hb.connect(k.endpoint("hb_port"))
        self.addCleanup(hb.close)

        result = {}
        t = threading.Thread(target=lambda: result.update(cell=k.run(SPIN_CELL.replace("SECONDS", "4"), timeout=60)))
        t.start()
        time.sleep(0.5)
        rtts = []
        while t.is_alive() and len(rtts) < 200:
            t0 = time.perf_counter()
            hb.send(b"ping")
            self.assertTrue(hb.poll(1000), "no heartbeat within 1 s (Jupyter's time to dead) while the cell spins")
            hb.recv()
            rtts.append(time.perf_counter() - t0)
            time.sleep(0.05)
        # Control answers too while the cell runs.
        t0 = time.perf_counter()
        msg_id = k.kc.session.send(k.kc.control_channel.socket, "kernel_info_request")["header"]["msg_id"]
        reply = k.kc.get_control_msg(timeout=5)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        control_s = time.perf_counter() - t0
        t.join()
        self.assertEqual(result["cell"].reply["status"], "ok", result["cell"].reply)
        self.assertGreater(len(rtts), 20)
        rtts.sort()
        print("\nheartbeat while %s goroutines spin on %d cores: %d pings, median %.2f ms, max %.2f ms; "
              "control kernel_info %.1f ms" % (result["cell"].results[0]["text/plain"], os.cpu_count(), len(rtts),
                                               rtts[len(rtts) // 2] * 1e3, rtts[-1] * 1e3, control_s * 1e3),
              file=sys.stderr)

    def restart_under_load(self, now):
        k = LoggedKernel()
        self.addCleanup(k.close)
        cell = k.run('import "fmt"\nbefore := 1')
        self.assertEqual(cell.reply["status"], "ok")
        old = k.km.provisioner.process.pid
        old_workers = children(old)
        k.kc.execute(SPIN_CELL.replace("SECONDS", "600"))
        time.sleep(1.0)
        t0 = time.perf_counter()
        k.km.restart_kernel(now=now)
        k.kc.wait_for_ready(timeout=60)
        took = time.perf_counter() - t0
        new = k.km.provisioner.process.pid
        self.assertNotEqual(old, new)
        for pid in [old] + old_workers:
            deadline = time.time() + 5
            while alive(pid) and time.time() < deadline:
                time.sleep(0.05)
            self.assertFalse(alive(pid), "process %d outlived the restart" % pid)
        self.assertEqual(k.value("1 + 1"), "2")
        self.assertEqual(k.run("before").reply["status"], "error", "state survived a restart")
        print("\nrestart (now=%s) while every core spins: %.2f s until the new kernel answered"
              % (now, took), file=sys.stderr)

    def test_restart_under_load(self):
        self.restart_under_load(now=False)

    def test_restart_now_under_load(self):
        self.restart_under_load(now=True)


def processes_running(text):
    """The pids of processes whose command line contains text."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                if text in f.read().replace(b"\0", b" "):
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


class MemoryLimit(unittest.TestCase):
    def past_the_limit(self, setup, cell, timeout, env=None):
        """Runs setup, then cell, in a kernel limited to 256 MiB (by env);
        cell must end with a MemoryError. Returns the kernel, the reply and
        how long the cell took."""
        k = LoggedKernel(env=env or {"GOPAR_MEMORY_LIMIT": "256MiB"})
        self.addCleanup(k.close)
        self.assertEqual(k.run(setup).reply["status"], "ok")
        t0 = time.perf_counter()
        reply = k.run(cell, timeout=timeout).reply
        took = time.perf_counter() - t0
        self.assertEqual(reply["status"], "error", reply)
        self.assertEqual(reply["ename"], "MemoryError", reply)
        return k, reply, took

    def test_a_cell_past_the_limit_gets_a_memory_error(self):
        k, reply, took = self.past_the_limit(
            'import "bytes"\nfunc double(x int) int { return 2 * x }\nkept := [][]byte{}',
            'for i := 0; i < 256; i++ {\n\tkept = append(kept, bytes.Repeat([]byte("x"), 16<<20))\n}\nlen(kept)', 120)
        self.assertIn("256.0 MiB", reply["evalue"])
        self.assertIn("GOPAR_MEMORY_LIMIT", reply["evalue"])
        self.assertIn("kept", "\n".join(reply["traceback"]), "the lost variable is not named")
        self.assertEqual(k.value("double(21)"), "42")
        print("\na cell allocating 4 GiB under a 256 MiB limit: MemoryError after %.2f s" % took, file=sys.stderr)

    def test_memory_of_the_processes_a_cell_starts_counts(self):
        # A shell command is a process of its own (and of its own process
        # group): its memory counts against the limit, and it is stopped
        # with the worker.
        k, _, took = self.past_the_limit(
            "func double(x int) int { return 2 * x }",
            "!/usr/bin/python3 -c \"import time; x = b'x' * (600 << 20); time.sleep(120)\"", 60)
        self.assertLess(took, 30, "the command ran to its end")
        self.assertEqual(processes_running(b"x = b'x' * (600 << 20)"), [], "the command outlived its worker")
        self.assertEqual(k.value("double(21)"), "42")

    def test_a_spawners_mem_limit_lowers_the_default(self):
        # JupyterHub's spawners give a user's server MEM_LIMIT bytes; a
        # kernel's default limit is half of that, not half the machine.
        _, reply, _ = self.past_the_limit(
            'import "bytes"\nkept := [][]byte{}',
            'for i := 0; i < 32; i++ {\n\tkept = append(kept, bytes.Repeat([]byte("x"), 16<<20))\n}\nlen(kept)', 120,
            env={"GOPAR_MEMORY_LIMIT": "", "MEM_LIMIT": str(512 << 20)})
        self.assertIn("256.0 MiB", reply["evalue"])


if __name__ == "__main__":
    unittest.main()
