#!/usr/bin/env python3
"""Build the episode notebooks from their Markdown sources.

Each lessons/src/NN-name.md becomes lessons/NN-name.ipynb, a notebook for the
gopar kernel, without outputs:

- a fenced block opened with ```go becomes a code cell; words after "go" on
  the opening line become the cell's tags (```go pi image), which the lesson
  tests use to find the cells whose outputs they check;
- everything else is Markdown, cut into one cell per heading (and at a line
  reading <!-- cell -->), so that headings can be folded in JupyterLab;
  fenced blocks in other languages (```c, ```python, ```mermaid) stay in the
  Markdown;
- a Markdown cell whose heading is "Solution" starts folded
  (jp-MarkdownHeadingCollapsed), hiding the solution's cells until the learner
  opens it, and the code cells under it are tagged "solution".

Usage: python3 lessons/build.py          write the notebooks
       python3 lessons/build.py --check  fail if a notebook is out of date

Only the standard library is needed; the output is what nbformat itself writes
(sorted keys, one-space indent), with cell ids derived from the file name, so
that rebuilding an unchanged source gives the same bytes.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")

METADATA = {
    "kernelspec": {"display_name": "Go (gopar)", "language": "go", "name": "gopar"},
    "language_info": {
        "codemirror_mode": "go",
        "file_extension": ".go",
        "mimetype": "text/x-go",
        "name": "go",
        "pygments_lexer": "go",
    },
}

FENCE = re.compile(r"^(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$")
HEADING = re.compile(r"^#{1,6}\s+(.*)$")
HEADING_LEVEL = re.compile(r"^(#{1,6})\s+(.*)$")


def lines_of(text):
    """The notebook form of a cell's source: lines keeping their newlines."""
    lines = text.split("\n")
    return [l + "\n" for l in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def parse(text):
    """Split a Markdown source into (kind, source, tags) cells."""
    cells = []
    md = []
    in_solution = False

    def flush_md():
        nonlocal in_solution
        body = "\n".join(md).strip("\n")
        md.clear()
        if body.strip():
            cells.append(["markdown", body, []])

    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if m:
            fence, lang, rest = m.group(1), m.group(2), m.group(3)
            j = i + 1
            while j < len(lines) and not lines[j].startswith(fence[0] * len(fence)):
                j += 1
            if j == len(lines):
                raise ValueError("line %d: fence never closed" % (i + 1))
            body = lines[i + 1:j]
            if lang == "go":
                flush_md()
                tags = rest.split()
                cells.append(["code", "\n".join(body).strip("\n"), tags])
            else:
                md.extend(lines[i:j + 1])
            i = j + 1
            continue
        if HEADING.match(line) or line.strip() == "<!-- cell -->":
            flush_md()
        if line.strip() != "<!-- cell -->":
            md.append(line)
        i += 1
    flush_md()

    # Fold solutions: a "Solution" heading folds everything up to the next
    # heading of the same or a higher level.
    level = None
    for cell in cells:
        kind, body, tags = cell
        if kind == "markdown":
            h = HEADING_LEVEL.match(body.split("\n", 1)[0])
            if h:
                if h.group(2).strip().lower().startswith("solution"):
                    level = len(h.group(1))
                    cell.append({"jp-MarkdownHeadingCollapsed": True, "tags": ["solution"]})
                    continue
                if level is not None and len(h.group(1)) <= level:
                    level = None
        elif level is not None and "solution" not in tags:
            tags.append("solution")
    return cells


def notebook(stem, text):
    cells = []
    for n, cell in enumerate(parse(text)):
        kind, body, tags = cell[:3]
        meta = dict(cell[3]) if len(cell) > 3 else {}
        if tags and kind == "code":
            meta["tags"] = tags
        c = {"cell_type": kind, "id": "%s-%03d" % (stem[:3].rstrip("-"), n), "metadata": meta, "source": lines_of(body)}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        cells.append(c)
    return {"cells": cells, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}


def render(nb):
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".md"):
            continue
        stem = name[:-3]
        with open(os.path.join(SRC, name), encoding="utf-8") as f:
            text = render(notebook(stem, f.read()))
        out = os.path.join(HERE, stem + ".ipynb")
        old = None
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            continue
        if check:
            stale.append(out)
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote", os.path.relpath(out))
    if stale:
        print("out of date (run python3 lessons/build.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
