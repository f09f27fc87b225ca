"""Rich output through the real client: gonum plots, SVG, HTML, updates."""

import unittest

from kernelclient import Kernel

PLOT = (
    'import (\n\t"gonum.org/v1/plot"\n\t"gonum.org/v1/plot/plotter"\n\t"gopar/display"\n)\n'
    "p := plot.New()\n"
    'p.Title.Text = "squares"\n'
    "pts := make(plotter.XYs, 10)\n"
    "for i := range pts {\n\tpts[i].X, pts[i].Y = float64(i), float64(i*i)\n}\n"
    "line, _ := plotter.NewLine(pts)\n"
    "p.Add(line)\n"
)


class Display(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def ok(self, code):
        cell = self.k.run(code, timeout=120)
        self.assertEqual(cell.reply["status"], "ok", (code, cell.reply, cell.text()))
        return cell

    def test_gonum_plot_as_png(self):
        cell = self.ok(PLOT + "display.Plot(p)")
        pngs = [d for d in cell.displays if "image/png" in d["data"]]
        self.assertEqual(len(pngs), 1, cell.displays)
        self.assertGreater(len(pngs[0]["data"]["image/png"]), 1000)

    def test_gonum_plot_as_svg(self):
        cell = self.ok(PLOT + "display.PlotSVG(p)")
        svgs = [d for d in cell.displays if "image/svg+xml" in d["data"]]
        self.assertEqual(len(svgs), 1, cell.displays)
        self.assertIn("<svg", svgs[0]["data"]["image/svg+xml"])

    def test_plot_as_last_value_shows_itself(self):
        cell = self.ok(PLOT + "p")
        self.assertTrue(cell.results and "image/png" in cell.results[0], cell.results)

    def test_chart_helper(self):
        cell = self.ok('import "gopar/chart"\n'
                       'chart.Bars([]string{"serial", "parallel"}, []float64{2.0, 1.1})')
        self.assertTrue(cell.results and "image/png" in cell.results[0], cell.results)

    def test_update_in_place(self):
        cell = self.ok('import "gopar/display"\nh := display.Show(display.NewText("step 1"))\n'
                       'h.Update(display.NewText("step 2"))')
        ids = [d.get("transient", {}).get("display_id") for d in cell.displays]
        self.assertEqual(len(ids), 2, cell.displays)
        self.assertTrue(ids[0] and ids[0] == ids[1], ids)

    def test_display_from_a_goroutine(self):
        cell = self.ok('import (\n\t"sync"\n\t"gopar/display"\n)\nvar wg sync.WaitGroup\n'
                       'wg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\tdisplay.HTML("<i>from a goroutine</i>")\n}()\nwg.Wait()')
        self.assertTrue(any("text/html" in d["data"] for d in cell.displays), cell.displays)


if __name__ == "__main__":
    unittest.main()
