"""Kernel start-up and trivial-cell round trip, gopar against ipykernel, in
one run on one machine. Prints a Markdown table and writes results.json.

Start-up: from launching the kernel process to the first kernel_info_reply.
Round trip: from sending execute_request for a trivial cell to the idle
status that ends it, as a front end sees it (median of many)."""

import json
import os
import statistics
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

KERNELS = [("gopar", "gopar", "1 + 1"), ("ipykernel", "python3", "1 + 1")]
STARTS = int(os.environ.get("BENCH_STARTS", "10"))
TRIPS = int(os.environ.get("BENCH_TRIPS", "300"))


def start_time(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    # Ask until the kernel answers: the first reply marks it ready.
    while True:
        kc.kernel_info()
        try:
            kc.get_shell_msg(timeout=0.005)
            break
        except Empty:
            if time.perf_counter() - t0 > 60:
                raise TimeoutError(name)
    elapsed = time.perf_counter() - t0
    return elapsed, km, kc


def round_trip(kc, code):
    msg_id = kc.execute(code)
    t0 = time.perf_counter()
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    elapsed = time.perf_counter() - t0
    kc.get_shell_msg(timeout=10)
    return elapsed


def drain(kc):
    for ch in (kc.iopub_channel, kc.shell_channel):
        while True:
            try:
                ch.get_msg(timeout=0.2)
            except Empty:
                break


def main():
    results = {}
    for label, name, code in KERNELS:
        starts, trips = [], []
        for i in range(STARTS):
            t, km, kc = start_time(name)
            starts.append(t)
            if i == 0:
                drain(kc)
                for _ in range(20):  # warm up
                    round_trip(kc, code)
                trips = [round_trip(kc, code) for _ in range(TRIPS)]
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        results[label] = {"startup_s": statistics.median(starts), "round_trip_s": statistics.median(trips),
                          "round_trip_p90_s": statistics.quantiles(trips, n=10)[-1]}
    g, p = results["gopar"], results["ipykernel"]
    lines = [
        "| measure | gopar | ipykernel | gopar / ipykernel | target |",
        "|---|---:|---:|---:|---:|",
        "| start to first kernel_info_reply (median of %d) | %.1f ms | %.1f ms | %.3f | ≤ 0.05 |"
        % (STARTS, g["startup_s"] * 1e3, p["startup_s"] * 1e3, g["startup_s"] / p["startup_s"]),
        "| trivial cell round trip (median of %d) | %.2f ms | %.2f ms | %.3f | ≤ 0.167 |"
        % (TRIPS, g["round_trip_s"] * 1e3, p["round_trip_s"] * 1e3, g["round_trip_s"] / p["round_trip_s"]),
        "| trivial cell round trip, 90th percentile | %.2f ms | %.2f ms | %.3f | |"
        % (g["round_trip_p90_s"] * 1e3, p["round_trip_p90_s"] * 1e3, g["round_trip_p90_s"] / p["round_trip_p90_s"]),
    ]
    print("\n".join(lines))
    out = sys.argv[1] if len(sys.argv) > 1 else "results.json"
    with open(out, "w") as f:
        json.dump({"results": results, "table": lines}, f, indent=2)


if __name__ == "__main__":
    main()
