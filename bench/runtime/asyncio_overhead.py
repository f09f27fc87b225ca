"""Overhead per task of asyncio.to_thread + asyncio.gather, the lesson's
efficiency experiment with the work taken out: every task returns at once,
so what is left is the cost of starting, running and gathering it.

Prints one JSON object: {"python": version, "per_task": {n: seconds}}, the
median over several repetitions of (time of one gather of n tasks) / n.
"""
import asyncio
import json
import statistics
import sys
import time


def noop():
    return None


async def gather(n):
    await asyncio.gather(*(asyncio.to_thread(noop) for _ in range(n)))


async def main(sizes, budget):
    out = {}
    await gather(64)  # start the executor's threads
    for n in sizes:
        times = []
        spent = 0.0
        while len(times) < 5 or (spent < budget and len(times) < 200):
            t = time.perf_counter()
            await gather(n)
            dt = time.perf_counter() - t
            times.append(dt)
            spent += dt
        out[n] = statistics.median(times) / n
    return out


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1].split(",")]
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    per_task = asyncio.run(main(sizes, budget))
    print(json.dumps({"python": sys.version.split()[0], "per_task": per_task}))
