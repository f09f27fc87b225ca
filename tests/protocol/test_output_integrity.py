"""What a cell prints arrives whole, and no cell can silence or
desynchronise the output of the cells after it."""

import unittest

from kernelclient import Kernel

LINE = "π≈3.14159 — ünïcödé ✓ 日本語"


class OutputIntegrity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()
        cell = cls.k.run('import (\n\t"fmt"\n\t"os"\n\t"strings"\n\t"sync"\n)')
        assert cell.reply["status"] == "ok", cell.reply

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def test_a_long_run_of_multibyte_characters_loses_none(self):
        cell = self.k.run('fmt.Print(strings.Repeat("€", 100000))')
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        out = cell.stdout()
        self.assertNotIn("\ufffd", out)
        self.assertEqual(out, "€" * 100000)

    def test_goroutines_printing_multibyte_lines(self):
        cell = self.k.run(
            "var wg sync.WaitGroup\n"
            "for g := 0; g < 8; g++ {\n"
            "\twg.Add(1)\n"
            "\tgo func() {\n"
            "\t\tdefer wg.Done()\n"
            "\t\tfor i := 0; i < 2000; i++ {\n"
            '\t\t\tfmt.Println("%s")\n'
            "\t\t}\n"
            "\t}()\n"
            "}\n"
            "wg.Wait()\n" % LINE)
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        lines = cell.stdout().splitlines()
        self.assertEqual(len(lines), 16000)
        self.assertEqual(set(lines), {LINE}, "a character was garbled")

    def test_a_cell_closing_stdout_silences_only_itself(self):
        cell = self.k.run("os.Stdout.Close()\nos.Stderr.Close()")
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        cell = self.k.run('fmt.Println("printed")\nos.Stdout.WriteString("written\\n")\nfmt.Fprintln(os.Stderr, "warned")')
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertEqual(cell.stdout(), "printed\nwritten\n")
        self.assertEqual(cell.stderr(), "warned\n")

    def test_the_sync_token_is_not_the_cells_to_see(self):
        cell = self.k.run(
            'data, _ := os.ReadFile("/proc/self/environ")\n'
            'fmt.Println(os.Getenv("GOPAR_SYNC_TOKEN") == "", strings.Contains(string(data), "SYNC_TOKEN"))')
        self.assertEqual(cell.stdout(), "true false\n")
        # What a forged marker looked like: now it is only text.
        cell = self.k.run('fmt.Print("\\x00gopar-sync:" + os.Getenv("GOPAR_SYNC_TOKEN") + ":99\\x00")\nfmt.Println("same cell")')
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertIn("same cell", cell.stdout())
        for i in range(3):
            cell = self.k.run('fmt.Println("later", %d)' % i)
            self.assertEqual(cell.stdout(), "later %d\n" % i, "output of a later cell went missing")


if __name__ == "__main__":
    unittest.main()
