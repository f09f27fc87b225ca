"""Modules in cells: what importing a module gopar does not bundle costs,
and what a call into it costs, against a bundled compiled function.
Writes Markdown (-o, default RESULTS.md) that bench/report includes in
BENCHMARKS.md. bench/modules/run.sh builds gopar, installs its kernelspec
and runs this.

- First import: a fresh kernel runs a cell that imports
  github.com/dustin/go-humanize (its latest version), with gopar's cache and the go command's
  module cache empty (the module and gopar's dependencies are fetched from
  the module proxy), and the go command's build cache the user's. The time
  is the cell's, from execute_request to its reply, as jupyter_client sees
  it; gopar's progress line gives the worker build's share.
- First import, modules fetched: the same in another fresh kernel with
  another empty gopar cache, the module cache as the first import left it.
- Cached import: the same cell in BENCH_KERNELS (5) kernels started one
  after the other, with the caches the first import filled.
- Calls: in a worker with go-humanize linked in, a cell times BENCH_CALLS
  (200000) calls of humanize.Comma(i) (the fetched module), of
  strconv.FormatInt(i, 10) (compiled into gopar: the same signature and
  kind of work) and of an empty loop body, in BENCH_ROUNDS (5) rounds
  taking turns; each keeps its fastest round. go test -bench of the two
  functions, compiled, gives what the call itself does.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

KERNELS = int(os.environ.get("BENCH_KERNELS", "5"))
CALLS = int(os.environ.get("BENCH_CALLS", "200000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
IMPORT = 'import "github.com/dustin/go-humanize"\n\nfmt.Println(humanize.Comma(1234567))'

LOOPS = {
    "fetched": "humanize.Comma(int64(i))",
    "bundled": "strconv.FormatInt(int64(i), 10)",
    "empty": "s0",
}
LOOP = """start := time.Now()
for i := 0; i < %d; i++ {
	sink = %s
}
fmt.Println(time.Since(start).Nanoseconds())"""

COMPILED = """package bench

import (
	"strconv"
	"testing"

	"github.com/dustin/go-humanize"
)

var sink string

func BenchmarkComma(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = humanize.Comma(int64(i))
	}
}

func BenchmarkFormatInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = strconv.FormatInt(int64(i), 10)
	}
}
"""


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Kernel:
    def __init__(self, env):
        self.km, self.kc = start_new_kernel(kernel_name="gopar", env=env)

    def run(self, code, timeout=1800):
        """The cell's wall time, its stdout and stderr; fails on an error."""
        out = {"stdout": "", "stderr": ""}

        def keep(msg):
            if msg["msg_type"] == "stream":
                out[msg["content"]["name"]] += msg["content"]["text"]

        start = time.perf_counter()
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=keep)["content"]
        took = time.perf_counter() - start
        if reply["status"] != "ok":
            raise RuntimeError("cell failed: %s: %s\n%s" % (reply.get("ename"), reply.get("evalue"), out["stderr"]))
        return took, out["stdout"], out["stderr"]

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def go(args, cwd, env):
    return subprocess.run(["go"] + args, cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def compiled_ns(env):
    """ns per call of each function compiled, the fastest of ROUNDS runs."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "bench_test.go"), "w") as f:
            f.write(COMPILED)
        go(["mod", "init", "example.com/bench"], d, env)
        go(["get", "github.com/dustin/go-humanize@latest"], d, env)
        text = go(["test", "-run", "^$", "-bench", ".", "-count", str(ROUNDS)], d, env)
    best = {}
    for name, ns in re.findall(r"^Benchmark(\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", text, re.M):
        best[name] = min(best.get(name, float("inf")), float(ns))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="RESULTS.md")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="gopar-bench-modules-")
    try:
        gocache = subprocess.run(["go", "env", "GOCACHE"], capture_output=True, text=True, check=True).stdout.strip()
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), GOCACHE=gocache,
                   GOMODCACHE=os.path.join(work, "gomodcache"),
                   GOFLAGS=(os.environ.get("GOFLAGS", "") + " -modcacherw").strip())
        load = os.getloadavg()

        log("== first import (empty gopar cache and module cache)")
        k = Kernel(env)
        trivial, _, _ = k.run("1 + 1")
        first, stdout, stderr = k.run(IMPORT)
        assert stdout == "1,234,567\n", stdout
        built = re.search(r"\[gopar\] built in ([\d.]+)s", stderr)
        k.close()

        log("== first import again, with an empty gopar cache and the modules fetched")
        k = Kernel(dict(env, XDG_CACHE_HOME=os.path.join(work, "cache2")))
        again, stdout, _ = k.run(IMPORT)
        assert stdout == "1,234,567\n", stdout
        k.close()

        log("== cached import in %d kernels" % KERNELS)
        cached = []
        for _ in range(KERNELS):
            k = Kernel(env)
            took, stdout, stderr = k.run(IMPORT)
            assert stdout == "1,234,567\n" and "building" not in stderr, (stdout, stderr)
            cached.append(took)
            k.close()

        log("== calls from a cell, %d rounds of %d calls" % (ROUNDS, CALLS))
        k = Kernel(env)
        k.run(IMPORT)
        k.run('import (\n\t"strconv"\n\t"time"\n)\n\nvar sink string\nvar s0 = "0"')
        cell = {name: [] for name in LOOPS}
        for _ in range(ROUNDS):
            for name, call in LOOPS.items():
                _, stdout, _ = k.run(LOOP % (CALLS, call))
                cell[name].append(int(stdout) / CALLS)
        k.close()

        log("== compiled (go test -bench)")
        native = compiled_ns(env)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    best = {name: min(v) for name, v in cell.items()}
    ratio = best["fetched"] / best["bundled"]
    goversion = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.split()[2]
    lines = [
        "# Modules in cells",
        "",
        "Measured %s on %d CPUs (%s/%s), %s; load average %.1f at the start (the machine may be shared). "
        "Regenerate with `bench/modules/run.sh`." % (
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(), platform.system().lower(),
            {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine()), goversion, load[0]),
        "",
        "## Importing a module gopar does not bundle",
        "",
        "A cell importing `github.com/dustin/go-humanize` (its latest version) and calling it, "
        "timed from execute_request to its reply.",
        "",
        "| import | time |",
        "|---|---:|",
        "| first, in a fresh kernel: resolved with the go command, the module and gopar's dependencies fetched into an empty module cache, "
        "the worker built (the go command's build cache warm) | %.1f s |" % first,
        "| of which building the worker, which fetches gopar's own dependencies (gopar's progress line) | %s |" % (
            "%.1f s" % float(built.group(1)) if built else "not reported"),
        "| first, with an empty gopar cache but the modules already in the module cache | %.1f s |" % again,
        "| from gopar's cache, in a new kernel (median of %d kernels; fastest %.2f s) | %.2f s |" % (
            KERNELS, min(cached), statistics.median(cached)),
        "| for comparison: a trivial cell (`1 + 1`) in a fresh kernel | %.3f s |" % trivial,
        "",
        "## A call into the fetched module, against a bundled compiled function",
        "",
        "Nanoseconds per call: a cell's loop of %d calls, the fastest of %d rounds taken in turns; "
        "compiled, `go test -bench` of the same call, the fastest of %d." % (CALLS, ROUNDS, ROUNDS),
        "",
        "| call | from a cell | compiled | the cell's cost over compiled |",
        "|---|---:|---:|---:|",
        "| `humanize.Comma(int64(i))`, fetched and linked into the worker | %.0f | %.1f | %.0f |" % (
            best["fetched"], native.get("Comma", float("nan")), best["fetched"] - native.get("Comma", float("nan"))),
        "| `strconv.FormatInt(int64(i), 10)`, compiled into gopar | %.0f | %.1f | %.0f |" % (
            best["bundled"], native.get("FormatInt", float("nan")), best["bundled"] - native.get("FormatInt", float("nan"))),
        "| the loop alone (`sink = s0`) | %.0f | | |" % best["empty"],
        "",
        "A call into the fetched module costs %.2f× the bundled call from a cell (target: within 2×): %s. "
        "Both go through the same kind of symbol table, compiled into one binary; "
        "what is left between them is mostly what the functions themselves do." % (
            ratio, "met" if ratio <= 2 else "**not met**"),
        "",
    ]
    with open(args.o, "w") as f:
        f.write("\n".join(lines))
    log("wrote", args.o)
    json.dump({"first": first, "again": again, "cached": cached, "cell": cell, "compiled": native}, sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
