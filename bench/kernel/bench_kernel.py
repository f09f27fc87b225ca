"""gopar against ipykernel and CPython, side by side in one run on one
machine. Writes every measurement to a JSON file (argument 1, default
results.json) that bench/report turns into BENCHMARKS.md, and prints a
summary.

- Start-up: from launching the kernel process (the argv of its kernelspec,
  started directly, no KernelManager) to the first kernel_info_reply, and to
  the result of a first cell. The client's ZeroMQ reconnect interval is 1 ms,
  so the client's 100 ms default retry does not hide the kernel's own start.
- Round trip: a trivial cell (1 + 1), from sending execute_request to the
  idle status that ends it (and the reply), as jupyter_client sees it, and
  as a lean raw-pyzmq client sees it, which leaves out most of
  jupyter_client's own cost. Both kernels run at once and take turns, 20
  cells at a time. The lean client also times kernel_info requests, which
  the kernel answers without running a cell.
- Interpreted loops: the lesson's naive calc_pi(10**6) and Mandelbrot
  (256 x 256, max_iter 256), timed inside the code: in Debian's python3
  (CPython, a plain process) and in a gopar cell.
- Mandelbrot scaling, from a cell, over 1..NumCPU goroutines: the interpreted
  Mandelbrot with its rows shared out, and the native kernel.
- Memory: resident (RSS) and proportional (PSS) memory of the kernel's
  processes (gopar: kernel + worker), idle after start and after a
  lesson-like session, gopar against ipykernel.

- A workshop room: BENCH_ROOM (30) gopar kernels started at once, each
  running a lesson-like cell at the same moment; all output checked, memory
  per kernel.

Environment: BENCH_STARTS (start-ups per kernel, 10), BENCH_TRIPS (round
trips, 300), BENCH_RUNS (timed runs of each loop, 5), BENCH_ROOM (30)."""

import atexit
import hashlib
import hmac
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from queue import Empty

import zmq
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

import workloads

STARTS = int(os.environ.get("BENCH_STARTS", "10"))
TRIPS = int(os.environ.get("BENCH_TRIPS", "300"))
TRIP_BATCH = 20
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROOM = int(os.environ.get("BENCH_ROOM", "30"))
SCALING_ROUNDS = 5
PYTHON = "/usr/bin/python3"
PAGE = os.sysconf("SC_PAGE_SIZE")
KERNELS = {"gopar": "gopar", "ipykernel": "python3"}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Launched:
    """A kernel started from its kernelspec's argv, with a client. With
    wait=False, call ready() before using it."""

    running = []  # killed at exit if a benchmark fails half-way

    def __init__(self, spec_name, wait=True):
        spec = KernelSpecManager().get_kernel_spec(spec_name)
        self.dir = tempfile.mkdtemp(prefix="gopar-bench-")
        self.conn_file = os.path.join(self.dir, "kernel.json")
        write_connection_file(self.conn_file, ip="127.0.0.1", key=uuid.uuid4().hex.encode())
        argv = [a.replace("{connection_file}", self.conn_file) for a in spec.argv]
        env = {**os.environ, **spec.env}
        self.kc = BlockingKernelClient()
        self.kc.load_connection_file(self.conn_file)
        # Reconnect every 1 ms (default 100 ms) so the client notices the
        # kernel's sockets as soon as they listen.
        self.kc.context.setsockopt(zmq.RECONNECT_IVL, 1)
        self.stderr = open(os.path.join(self.dir, "stderr"), "wb")
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=self.stderr)
        Launched.running.append(self.proc)
        self.kc.start_channels()
        self.t0 = t0
        if wait:
            self.ready()

    def ready(self):
        msg_id = self.kc.kernel_info()
        self.wait_reply(msg_id, timeout=120)
        self.startup = time.perf_counter() - self.t0

    def wait_reply(self, msg_id, timeout=60):
        deadline = time.time() + timeout
        while True:
            msg = self.kc.get_shell_msg(timeout=max(0.001, deadline - time.time()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def run(self, code, timeout=600):
        """Executes code; returns (reply content, stdout, iopub messages)."""
        msg_id = self.kc.execute(code)
        out, msgs, idle = [], [], False
        deadline = time.time() + timeout
        while not idle:
            msg = self.kc.get_iopub_msg(timeout=max(0.001, deadline - time.time()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            msgs.append(msg)
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        reply = self.wait_reply(msg_id, timeout=max(1, deadline - time.time()))["content"]
        return reply, "".join(out), msgs

    def must(self, code, timeout=600):
        reply, out, msgs = self.run(code, timeout)
        if reply["status"] != "ok":
            raise RuntimeError("cell failed: %s: %s\n%s" % (reply.get("ename"), reply.get("evalue"), code))
        return out

    def pids(self):
        """The kernel process and its descendants."""
        todo, seen = [self.proc.pid], []
        while todo:
            pid = todo.pop()
            seen.append(pid)
            try:
                for tid in os.listdir("/proc/%d/task" % pid):
                    with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                        todo += [int(c) for c in f.read().split()]
            except OSError:
                pass
        return seen

    def memory(self):
        """(RSS, PSS) in MiB of the kernel's processes."""
        rss = pss = 0.0
        for pid in self.pids():
            try:
                with open("/proc/%d/statm" % pid) as f:
                    rss += int(f.read().split()[1]) * PAGE / 2**20
                with open("/proc/%d/smaps_rollup" % pid) as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1]) / 1024
            except OSError:
                pass
        return rss, pss

    def close(self):
        try:
            self.kc.shutdown()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        self.kc.stop_channels()
        self.stderr.close()
        Launched.running.remove(self.proc)


@atexit.register
def kill_leftovers():
    for proc in Launched.running:
        proc.kill()


class LoadMeter:
    """How much of the machine's CPU other processes used between start and
    stop: all busy time less that of the processes measured (this script,
    its finished children, and the live processes pids() lists)."""

    def __init__(self, pids):
        self.pids = pids
        self.start = self.sample()

    def sample(self):
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        total, idle = sum(v[:8]), v[3] + v[4]
        hz = os.sysconf("SC_CLK_TCK")
        t = os.times()
        own = (t.user + t.system + t.children_user + t.children_system) * hz
        for pid in self.pids():
            try:
                with open("/proc/%d/stat" % pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                own += int(fields[11]) + int(fields[12])
            except OSError:
                pass
        return total, total - idle, own

    def stop(self):
        total, busy, own = self.sample()
        t0, b0, o0 = self.start
        if total == t0:
            return 0.0
        return max(0.0, ((busy - b0) - (own - o0)) / (total - t0))


def results_of(out):
    """The (seconds, value) of every RESULT line."""
    res = []
    for line in out.splitlines():
        if line.startswith("RESULT "):
            _, secs, value = line.split(" ", 2)
            res.append((float(secs), value))
    return res


def summary(times):
    return {"min_s": min(times), "median_s": statistics.median(times), "runs_s": times}


def round_trip(k, code="1 + 1"):
    t0 = time.perf_counter()
    msg_id = k.kc.execute(code)
    while True:
        msg = k.kc.get_iopub_msg(timeout=10)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    elapsed = time.perf_counter() - t0
    k.wait_reply(msg_id)
    return elapsed


class LeanClient:
    """A minimal front end on raw pyzmq: signs requests and looks at replies
    without decoding them as jupyter_client does (dates, JSON of every
    frame), so that the round trip it measures is mostly the kernel's."""

    def __init__(self, k):
        info = k.kc.get_connection_info()
        key = info["key"]
        self.key = key if isinstance(key, bytes) else key.encode()
        ctx = zmq.Context.instance()
        self.shell = ctx.socket(zmq.DEALER)
        self.iopub = ctx.socket(zmq.SUB)
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        for sock in (self.shell, self.iopub):
            sock.setsockopt(zmq.LINGER, 0)
        self.shell.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
        self.iopub.connect("tcp://%s:%d" % (info["ip"], info["iopub_port"]))
        self.poller = zmq.Poller()
        self.poller.register(self.shell, zmq.POLLIN)
        self.poller.register(self.iopub, zmq.POLLIN)
        # A subscription takes effect some time after connecting: wait
        # until a cell's messages arrive.
        deadline = time.time() + 10
        while not self.execute("1 + 1", timeout=0.5):
            if time.time() > deadline:
                raise TimeoutError("the lean client gets no iopub messages")

    def execute(self, code, timeout=10):
        """Runs code; True once both the reply and the idle status came."""
        msg_id = uuid.uuid4().hex
        header = json.dumps({"msg_id": msg_id, "session": "lean", "username": "bench", "date": "",
                             "msg_type": "execute_request", "version": "5.3"}).encode()
        content = json.dumps({"code": code, "silent": False, "store_history": True, "user_expressions": {},
                              "allow_stdin": False, "stop_on_error": True}).encode()
        parts = [header, b"{}", b"{}", content]
        sig = hmac.new(self.key, b"".join(parts), hashlib.sha256).hexdigest().encode()
        self.shell.send_multipart([b"<IDS|MSG>", sig] + parts)
        ids = (('"msg_id": "%s"' % msg_id).encode(), ('"msg_id":"%s"' % msg_id).encode())
        idle = reply = False
        deadline = time.time() + timeout
        while not (idle and reply):
            left = deadline - time.time()
            if left <= 0:
                return False
            ready = dict(self.poller.poll(left * 1000))
            if self.shell in ready:
                self.shell.recv_multipart()
                reply = True
            if self.iopub in ready:
                frames = self.iopub.recv_multipart()
                i = frames.index(b"<IDS|MSG>")
                parent, content = frames[i + 3], frames[i + 5]
                if (ids[0] in parent or ids[1] in parent) and b'"idle"' in content:
                    idle = True
        return True

    def kernel_info(self, timeout=10):
        """Asks for kernel_info; True once its reply came. It answers from
        the kernel process alone: no cell runs."""
        header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "lean", "username": "bench", "date": "",
                             "msg_type": "kernel_info_request", "version": "5.3"}).encode()
        parts = [header, b"{}", b"{}", b"{}"]
        sig = hmac.new(self.key, b"".join(parts), hashlib.sha256).hexdigest().encode()
        self.shell.send_multipart([b"<IDS|MSG>", sig] + parts)
        return self.shell.poll(timeout * 1000) and self.shell.recv_multipart() is not None

    def close(self):
        self.shell.close()
        self.iopub.close()


def bench_startup_and_round_trip():
    out = {}
    for label, spec in KERNELS.items():
        starts, first_cells = [], []
        for _ in range(STARTS):
            k = Launched(spec)
            starts.append(k.startup)
            k.must("1 + 1")
            first_cells.append(time.perf_counter() - k.t0)
            k.close()
        out[label] = {"startup": summary(starts), "first_cell": summary(first_cells)}

    # Round trips: both kernels run at once and take turns, TRIP_BATCH
    # cells each, so that a change in the machine's load falls on both.
    # The lean clients connect after jupyter_client's turns, so that
    # neither client has the other's messages to skip.
    kernels = {label: Launched(spec) for label, spec in KERNELS.items()}
    for k in kernels.values():
        k.must("1 + 1")
        for _ in range(20):  # warm up
            round_trip(k)
    trips = {label: [] for label in KERNELS}
    for _ in range(max(1, TRIPS // TRIP_BATCH)):
        for label, k in kernels.items():
            trips[label] += [round_trip(k) for _ in range(TRIP_BATCH)]
    leans = {label: LeanClient(k) for label, k in kernels.items()}
    for client in leans.values():
        for _ in range(20):
            client.execute("1 + 1")
    lean = {label: [] for label in KERNELS}
    infos = {label: [] for label in KERNELS}
    for _ in range(max(1, TRIPS // TRIP_BATCH)):
        for label, client in leans.items():
            lean[label] += [lean_round_trip(client) for _ in range(TRIP_BATCH)]
            infos[label] += [timed(client.kernel_info) for _ in range(TRIP_BATCH)]
    for label, k in kernels.items():
        leans[label].close()
        k.close()
        out[label]["round_trip"] = {**summary(trips[label]), "p90_s": statistics.quantiles(trips[label], n=10)[-1]}
        out[label]["lean_round_trip"] = {**summary(lean[label]), "p90_s": statistics.quantiles(lean[label], n=10)[-1]}
        out[label]["lean_kernel_info"] = summary(infos[label])
        log("%-9s start-up %.1f ms, first cell %.1f ms, round trip %.2f ms, with a lean client %.2f ms (medians)"
            % (label, out[label]["startup"]["median_s"] * 1e3, out[label]["first_cell"]["median_s"] * 1e3,
               out[label]["round_trip"]["median_s"] * 1e3, out[label]["lean_round_trip"]["median_s"] * 1e3))
    return out


def lean_round_trip(client):
    return timed(lambda: client.execute("1 + 1"))


def timed(request):
    t0 = time.perf_counter()
    if not request():
        raise TimeoutError("no answer within 10 s")
    return time.perf_counter() - t0


def cpython(define, run, runs):
    """Runs define once and run `runs` times in one Debian python3 process."""
    script = define + "\nfor _ in range(%d):\n" % runs + "".join("    " + l + "\n" for l in run.strip().splitlines())
    proc = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, check=True)
    return results_of(proc.stdout)


def in_gopar(k, define, run, runs):
    if define:
        k.must(define)
    res = []
    for _ in range(runs):
        res += results_of(k.must(run))
    return res


def bench_interpreted(k):
    out = {}
    cases = [("calc_pi", "naive calc_pi(10**6)", workloads.PI_PY, workloads.PI_PY_RUN, workloads.PI_GO, workloads.PI_GO_RUN),
             ("mandelbrot", "naive Mandelbrot 256×256, max_iter 256", workloads.MANDEL_PY, workloads.MANDEL_PY_RUN,
              workloads.MANDEL_GO, workloads.MANDEL_GO_RUN.replace("WORKERS", "1"))]
    for name, what, py_def, py_run, go_def, go_run in cases:
        # Alternate the two, so that a change in the machine's load
        # falls on both alike.
        k.must(go_def)
        py, go = [], []
        for _ in range(RUNS):
            py += cpython(py_def, py_run, 1)
            go += in_gopar(k, "", go_run, 1)
        out[name] = {"what": what, "cpython": summary([t for t, _ in py]), "gopar": summary([t for t, _ in go]),
                     "cpython_value": py[0][1], "gopar_value": go[0][1]}
        log("%-10s CPython %.3f s, gopar %.3f s (fastest of %d), gopar / CPython %.2f; values %s / %s"
            % (name, out[name]["cpython"]["min_s"], out[name]["gopar"]["min_s"], RUNS,
               out[name]["gopar"]["min_s"] / out[name]["cpython"]["min_s"], py[0][1], go[0][1]))
    return out


def bench_scaling(k):
    cpus = os.cpu_count()
    out = {"workers": list(range(1, cpus + 1)), "interpreted": {}, "native": {}}
    k.must(workloads.MANDEL_GO)
    k.must(workloads.NATIVE_GO)
    interp = {w: [] for w in out["workers"]}
    native = {w: [] for w in out["workers"]}
    # Every worker count in turn, round after round, so that a change in
    # the machine's load falls on all of them alike.
    for _ in range(SCALING_ROUNDS):
        for w in out["workers"]:
            interp[w] += [t for t, _ in in_gopar(k, "", workloads.MANDEL_GO_RUN.replace("WORKERS", str(w)), 1)]
            native[w] += [t for t, _ in in_gopar(k, "", workloads.NATIVE_GO_RUN.replace("WORKERS", str(w)), 1)]
    for w in out["workers"]:
        out["interpreted"][str(w)] = summary(interp[w])
        out["native"][str(w)] = summary(native[w])
        log("scaling   %d workers: interpreted %.3f s, native %.3f s (fastest)"
            % (w, out["interpreted"][str(w)]["min_s"], out["native"][str(w)]["min_s"]))
    out["rounds"] = SCALING_ROUNDS
    out["interpreted_what"] = "interpreted Mandelbrot 256×256, max_iter 256, rows shared among the goroutines"
    out["native_what"] = "native.MandelbrotParallel 1024×1024, max_iter 1024 (the native benchmark's test case)"
    return out


def bench_memory():
    out = {}
    for label, spec, session in (("gopar", "gopar", workloads.SESSION_GO), ("ipykernel", "python3", workloads.SESSION_PY)):
        k = Launched(spec)
        k.must("1 + 1")
        time.sleep(2)
        idle = k.memory()
        for cell in session:
            k.must(cell)
        time.sleep(2)
        after = k.memory()
        k.close()
        out[label] = {"idle_rss_mib": idle[0], "idle_pss_mib": idle[1], "session_rss_mib": after[0],
                      "session_pss_mib": after[1], "cells": len(session)}
        log("memory    %-9s idle %.1f MiB RSS (%.1f PSS), after the session %.1f MiB RSS (%.1f PSS)"
            % (label, idle[0], idle[1], after[0], after[1]))
    return out


def bench_room(n):
    """n gopar kernels started at once, each running the lesson-like cell at
    the same moment: every line of output checked; memory per kernel."""
    t0 = time.perf_counter()
    kernels = [Launched("gopar", wait=False) for _ in range(n)]
    try:
        for k in kernels:
            k.ready()
        ready = time.perf_counter() - t0
        ids = [k.kc.execute(workloads.room_cell(i)) for i, k in enumerate(kernels)]
        t1 = time.perf_counter()
        for i, (k, msg_id) in enumerate(zip(kernels, ids)):
            out = []
            while True:
                msg = k.kc.get_iopub_msg(timeout=300)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                    out.append(msg["content"]["text"])
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            reply = k.wait_reply(msg_id)["content"]
            lines, total = workloads.room_output(i)
            got = "".join(out).splitlines()
            if reply["status"] != "ok" or got[-1:] != [total] or sorted(got[:-1]) != sorted(lines):
                raise RuntimeError("kernel %d of the room lost output or failed: %s" % (i, reply.get("evalue")))
        ran = time.perf_counter() - t1
        kernel_rss, worker_rss, pss = [], [], []
        for k in kernels:
            pids = k.pids()
            if len(pids) != 2:
                raise RuntimeError("kernel %d has processes %s" % (k.proc.pid, pids))
            with open("/proc/%d/statm" % pids[0]) as f:
                kernel_rss.append(int(f.read().split()[1]) * PAGE / 2**20)
            with open("/proc/%d/statm" % pids[1]) as f:
                worker_rss.append(int(f.read().split()[1]) * PAGE / 2**20)
            pss.append(k.memory()[1])
    finally:
        for k in kernels:
            k.close()
    out = {"kernels": n, "ready_s": ready, "ran_s": ran, "kernel_rss_mib": statistics.mean(kernel_rss),
           "worker_rss_mib": statistics.mean(worker_rss), "pss_mib": statistics.mean(pss)}
    log("room      %d kernels ready in %.1f s, the cell ran in all at once in %.1f s, no output lost; "
        "per kernel %.1f + %.1f MiB RSS, %.1f MiB PSS" % (n, ready, ran, out["kernel_rss_mib"], out["worker_rss_mib"], out["pss_mib"]))
    return out


def machine():
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 2**20
    py = subprocess.run([PYTHON, "-c", "import sys, ipykernel; print(sys.version.split()[0], ipykernel.__version__)"],
                        capture_output=True, text=True).stdout.split()
    return {"cpu": cpu, "cpus": os.cpu_count(), "memory_gib": round(mem, 1), "os": platform.platform(),
            "python": py[0] if py else "", "ipykernel": py[1] if len(py) > 1 else "",
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "results.json"
    results = {"machine": machine(), "settings": {"starts": STARTS, "trips": TRIPS, "runs": RUNS}}
    t0 = time.time()
    results["kernel"] = bench_startup_and_round_trip()
    k = Launched("gopar")
    try:
        load = LoadMeter(k.pids)
        results["interpreted"] = bench_interpreted(k)
        results["interpreted_other_load"] = load.stop()
        load = LoadMeter(k.pids)
        results["scaling"] = bench_scaling(k)
        results["scaling"]["other_load"] = load.stop()
    finally:
        k.close()
    results["memory"] = bench_memory()
    results["room"] = bench_room(ROOM)
    results["seconds"] = time.time() - t0
    with open(path, "w") as f:
        json.dump(results, f, indent=1)
    log("kernel benchmarks took %.0f s; results in %s" % (results["seconds"], path))


if __name__ == "__main__":
    main()
