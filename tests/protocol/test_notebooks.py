"""Notebooks executed the way `jupyter nbconvert --execute` does, with nbclient."""

import os
import unittest

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))


def execute(path, timeout=120):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="gopar", resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    return nb


def outputs_text(cell):
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "".join(parts)


class Notebooks(unittest.TestCase):
    def test_smoke_notebook(self):
        nb = execute(os.path.join(HERE, "..", "notebooks", "smoke.ipynb"))
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(outputs_text(code[0]), "")
        self.assertIn("sum of squares: 285", outputs_text(code[1]))
        self.assertEqual(code[2].outputs[0].output_type, "execute_result")
        self.assertEqual(code[2].outputs[0].data["text/plain"], "[0 1 4 9 16]")
        self.assertTrue(any("image/png" in o.get("data", {}) for o in code[3].outputs))
        for i, c in enumerate(code):
            self.assertEqual(c.execution_count, i + 1)
        nbformat.validate(nb)


if __name__ == "__main__":
    unittest.main()
