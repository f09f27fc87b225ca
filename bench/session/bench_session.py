"""Long sessions: does a cell cost more after thousands of cells? An
instructor live-coding a workshop day reaches thousands of cells, most of
them small declarations. Writes Markdown (-o, default RESULTS.md) that
bench/report includes in BENCHMARKS.md; bench/session/run.sh builds gopar,
installs its kernelspec and runs this.

Each kernel (gopar, and ipykernel as the anchor) is started fresh and
driven through jupyter_client as a front end drives it:

- At the start: after WARM (20) small cells, ROUNDS (200) small
  declaration cells (a variable, a func and a type in turn, each with a
  new name) and ROUNDS trivial cells (1 + 1), each timed from
  execute_request to the idle status that ends it; the median of each.
- Then CELLS (5000) more small declaration cells, untimed.
- After them: the same two measurements again.
- Memory: the kernel's processes' RSS and PSS (for gopar the kernel and
  its worker) just before and just after the CELLS cells; the growth per
  cell.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernel"))
from bench_kernel import Launched, machine, round_trip  # noqa: E402

WARM = int(os.environ.get("BENCH_WARM", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
CELLS = int(os.environ.get("BENCH_CELLS", "5000"))


def go_cell(i):
    if i % 3 == 0:
        return "var v%d = %d" % (i, i)
    if i % 3 == 1:
        return "func f%d(x int) int { return x + %d }" % (i, i)
    return "type T%d struct{ A, B int }" % i


def py_cell(i):
    if i % 3 == 0:
        return "v%d = %d" % (i, i)
    if i % 3 == 1:
        return "def f%d(x):\n    return x + %d" % (i, i)
    return "class T%d:\n    A = 0\n    B = 0" % i


KERNELS = (("gopar", "gopar", go_cell), ("ipykernel", "python3", py_cell))


def measure(k, cell, first):
    """Median round trips (s) of ROUNDS declaration cells numbered from
    first, and of ROUNDS trivial cells."""
    decl = [round_trip(k, cell(first + i)) for i in range(ROUNDS)]
    trivial = [round_trip(k, "1 + 1") for _ in range(ROUNDS)]
    return statistics.median(decl), statistics.median(trivial)


def bench(spec, cell):
    k = Launched(spec)
    try:
        n = 0
        for _ in range(WARM):
            k.must(cell(n))
            n += 1
        start = measure(k, cell, n)
        n += ROUNDS
        rss0, pss0 = k.memory()
        t0 = time.perf_counter()
        for _ in range(CELLS):
            k.must(cell(n))
            n += 1
        fill = time.perf_counter() - t0
        rss1, pss1 = k.memory()
        after = measure(k, cell, n)
        return {"start": start, "after": after, "rss_kib": (rss1 - rss0) * 1024 / CELLS,
                "pss_kib": (pss1 - pss0) * 1024 / CELLS, "fill_s": fill, "rss_mib": rss1}
    finally:
        k.close()


def ms(s):
    return "%.2f ms" % (s * 1000)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-o", default="RESULTS.md")
    args = ap.parse_args()
    m = machine()
    rows = []
    for label, spec, cell in KERNELS:
        print("bench/session: %s, %d cells" % (label, CELLS), file=sys.stderr, flush=True)
        rows.append((label, bench(spec, cell)))
    out = []
    out.append("# Long sessions: a cell after %d cells\n" % CELLS)
    out.append("Written by `bench/session/run.sh` on %s (%s, %d logical CPUs). Each kernel, started fresh and driven "
               "through jupyter_client, runs %d small cells, then %d small declaration cells (a variable, a func and a "
               "type in turn, each with a new name) and %d trivial cells (`1 + 1`), each timed from execute_request to "
               "the idle status that ends it; then %d more small declaration cells; then the same %d and %d timed cells "
               "again. Medians; the ratio is the time after over the time at the start. Memory is the growth of the "
               "kernel's processes (for gopar the kernel and its worker) over the %d cells, per cell: RSS counts the "
               "pages resident, PSS splits shared ones.\n"
               % (m["date"], m["cpu"], m["cpus"], WARM, ROUNDS, ROUNDS, CELLS, ROUNDS, ROUNDS, CELLS))
    out.append("| kernel | declaration cell at the start | after %d cells | ratio | trivial cell at the start | "
               "after %d cells | ratio | memory per cell (RSS) | (PSS) |" % (CELLS, CELLS))
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, r in rows:
        (d0, t0), (d1, t1) = r["start"], r["after"]
        out.append("| %s | %s | %s | %.2f | %s | %s | %.2f | %.1f KiB | %.1f KiB |" % (
            label, ms(d0), ms(d1), d1 / d0, ms(t0), ms(t1), t1 / t0, r["rss_kib"], r["pss_kib"]))
    out.append("\nThe %d cells took %s." % (CELLS, ", ".join("%.1f s in %s" % (r["fill_s"], label) for label, r in rows)))
    with open(args.o, "w") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
