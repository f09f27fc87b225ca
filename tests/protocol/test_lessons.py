"""The workshop's episode notebooks (lessons/*.ipynb), executed with nbclient
the way CI and `jupyter nbconvert --execute` run them.

Every notebook must run without a single error output, its key outputs must
be there (π close to 3.14 where it is computed, pictures where they are drawn,
timing lines where cells are timed, the checks the lessons print), and each
file must be valid nbformat, committed without outputs, and up to date with
its source in lessons/src (lessons/build.py --check).

Code cells carry tags that say what their output must show; lessons/build.py
takes them from the Markdown source (```go pi image):

    pi       a number within 0.01 of π
    image    a PNG or SVG picture
    time     %time's "Wall time:"
    timeit   %timeit's "per loop"
    memit    %memit's "peak memory:"
    scaling  %scaling's table (speed-up, efficiency) and its plot
    table    a table: three or more lines with two numbers or more each
"""

import math
import os
import re
import subprocess
import sys
import time
import unittest

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))
LESSONS = os.path.normpath(os.path.join(HERE, "..", "..", "lessons"))

# Generous: the slowest cells of the lessons take seconds on two busy cores.
CELL_TIMEOUT = 600

NOTEBOOKS = [
    "01-introduction.ipynb",
    "02-benchmarking.ipynb",
    "03-computing-pi.ipynb",
    "04-threads-and-processes.ipynb",
    "05-delayed-evaluation.ipynb",
    "06-map-and-reduce.ipynb",
    "07-fractals.ipynb",
    "08-asyncio.ipynb",
    "09-calling-c.ipynb",
]

# Text each notebook must print somewhere: results the lessons check for
# themselves, and the exact values of the exercises.
EXPECT = {
    "01-introduction.ipynb": ["same as the loop: true", "[1 4 9 16]", "worker(s):"],
    "02-benchmarking.ipynb": ["logical cores:", "physical cores:"],
    "03-computing-pi.ipynb": ["49999995000000 49999995000000"],
    "04-threads-and-processes.ipynb": ["expected 4000000, got", "atomic: 4000000", "separate counts: 4000000",
                                       "start-up per process:", "overhead per task:", "true true"],
    "05-delayed-evaluation.ipynb": ["1 + 2 = 3", "[0 1 4 9 16 25 36 49 64 81]"],
    "06-map-and-reduce.ipynb": ["[MARY HAD A LITTLE LAMB]", "[mary had a lamb]", "[true true true false true]",
                                "unique words:"],
    "07-fractals.ipynb": ["Mandelbrot agrees: true", "Julia agrees:      true"],
    "08-asyncio.ipynb": ["[1 2 3 4 5 6 7 8 9 10]", "[2 4 6 8 10 12 14 16 18 20]",
                         "[0 1 1 2 3 5 8 13 21 34 55 89 144 233 377]", "  1 Mercury", "overhead per task:"],
    "09-calling-c.ipynb": ["difference:   0", "[0 0 1 3 6 10 15 21 28 36]", "[0 1 2 3 4 5 6 7 8]",
                           "two goroutines:"],
}

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def text_of(cell):
    """What a reader sees of a cell's output as text."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def has_picture(cell):
    return any(
        "image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
        for out in cell.get("outputs", [])
        if out.output_type in ("execute_result", "display_data", "update_display_data")
    )


def looks_like_table(text):
    rows = [line for line in text.splitlines() if len(NUMBER.findall(line)) >= 2]
    return len(rows) >= 3


def near_pi(text):
    return any(abs(float(x) - math.pi) < 0.01 for x in NUMBER.findall(text) if "." in x)


def cell_label(index, cell):
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return "cell %d (%s)" % (index, first[:60])


def execute(name):
    """Run a notebook in lessons/ as nbclient does; keep going past errors
    so that a failure lists every broken cell, not only the first."""
    nb = nbformat.read(os.path.join(LESSONS, name), as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="gopar", allow_errors=True,
                            resources={"metadata": {"path": LESSONS}})
    start = time.monotonic()
    client.execute()
    return nb, time.monotonic() - start


class Sources(unittest.TestCase):
    """The committed files themselves, before anything runs."""

    def test_notebooks_are_built_from_their_sources(self):
        build = subprocess.run([sys.executable, os.path.join(LESSONS, "build.py"), "--check"],
                               capture_output=True, text=True)
        self.assertEqual(build.returncode, 0, build.stdout + build.stderr)

    def test_every_episode_is_there(self):
        found = sorted(f for f in os.listdir(LESSONS) if f.endswith(".ipynb"))
        self.assertEqual(found, NOTEBOOKS)

    def test_notebooks_are_valid_and_have_no_outputs(self):
        for name in NOTEBOOKS:
            with self.subTest(notebook=name):
                nb = nbformat.read(os.path.join(LESSONS, name), as_version=4)
                nbformat.validate(nb)
                self.assertEqual(nb.metadata.kernelspec.name, "gopar")
                for i, cell in enumerate(nb.cells):
                    if cell.cell_type == "code":
                        self.assertEqual(cell.outputs, [], cell_label(i, cell))
                        self.assertIsNone(cell.execution_count, cell_label(i, cell))

    def test_data_the_lessons_read_is_there(self):
        with open(os.path.join(LESSONS, "data", "alice-ch1-3.txt"), encoding="utf-8") as f:
            text = f.read()
        self.assertGreater(len(text.split()), 5000)
        self.assertIn("CHAPTER III.", text)


class Lessons(unittest.TestCase):
    """Each episode, executed end to end."""

    def check(self, name):
        nb, seconds = execute(name)
        print("\n%s ran in %.1f s" % (name, seconds), file=sys.stderr)
        problems = []
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            label = cell_label(i, cell)
            for out in cell.outputs:
                if out.output_type == "error":
                    problems.append("%s: %s: %s" % (label, out.ename, out.evalue.strip()[:500]))
            text = text_of(cell)
            tags = cell.metadata.get("tags", [])
            if "pi" in tags and not near_pi(text):
                problems.append("%s: no estimate of π in %r" % (label, text[-300:]))
            if "image" in tags and not has_picture(cell):
                problems.append("%s: no picture" % label)
            if "time" in tags and "Wall time:" not in text:
                problems.append("%s: no %%time report in %r" % (label, text[-300:]))
            if "timeit" in tags and "per loop" not in text:
                problems.append("%s: no %%timeit report in %r" % (label, text[-300:]))
            if "memit" in tags and "peak memory:" not in text:
                problems.append("%s: no %%memit report in %r" % (label, text[-300:]))
            if "scaling" in tags and not ("speed-up" in text and "efficiency" in text and has_picture(cell)):
                problems.append("%s: no %%scaling table and plot in %r" % (label, text[-300:]))
            if "table" in tags and not looks_like_table(text):
                problems.append("%s: no table in %r" % (label, text[-300:]))
        everything = "\n".join(text_of(c) for c in nb.cells if c.cell_type == "code")
        for want in EXPECT.get(name, []):
            if want not in everything:
                problems.append("output never shows %r" % want)
        nbformat.validate(nb)
        if problems:
            self.fail("%s:\n  %s" % (name, "\n  ".join(problems)))


def _test(name):
    return lambda self: self.check(name)


for _name in NOTEBOOKS:
    setattr(Lessons, "test_" + _name[:2] + "_" + _name[3:-6].replace("-", "_"), _test(_name))


if __name__ == "__main__":
    unittest.main()
