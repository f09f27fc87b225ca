"""Requests front ends make beyond running cells: exit and quit, the
debugger, and input prompts."""

import unittest

from kernelclient import Kernel


class FrontEndRequests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()
        cell = cls.k.run('import "fmt"')
        assert cell.reply["status"] == "ok", cell.reply

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def test_exit_and_quit_ask_the_front_end_to_exit(self):
        for code in ("exit", "quit", "exit()", " quit() \n"):
            cell = self.k.run(code)
            self.assertEqual(cell.reply["status"], "ok", cell.reply)
            self.assertEqual(cell.reply["payload"], [{"source": "ask_exit", "keepkernel": False}], code)
        self.assertEqual(self.k.value("1 + 1"), "2", "the kernel exited by itself")

    def test_a_func_named_exit_is_called(self):
        k = Kernel()
        self.addCleanup(k.close)
        self.assertEqual(k.run('import "fmt"\nfunc quit() { fmt.Println("my quit") }').reply["status"], "ok")
        cell = k.run("quit()")
        self.assertEqual(cell.reply["payload"], [])
        self.assertEqual(cell.stdout(), "my quit\n")

    def test_debug_request_is_answered(self):
        kc = self.k.kc
        msg = kc.session.msg("debug_request", {"seq": 7, "type": "request", "command": "initialize",
                                               "arguments": {"adapterID": "gopar"}})
        kc.control_channel.send(msg)
        reply = kc.get_control_msg(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "debug_reply")
        self.assertEqual(reply["content"]["request_seq"], 7)
        self.assertTrue(reply["content"]["success"], reply["content"])
        self.assertEqual(self.k.value("1 + 1"), "2")

    def test_the_text_printed_before_reading_is_the_prompt(self):
        cell = self.k.run('fmt.Print("Name: ")\nvar name string\nfmt.Scanln(&name)\nfmt.Println("hello", name)',
                          allow_stdin=True, stdin=["Ada"])
        self.assertEqual(cell.reply["status"], "ok", cell.reply)
        self.assertEqual(cell.input_requests[0]["prompt"], "Name: ")
        self.assertEqual(cell.stdout(), "hello Ada\n", "the prompt was printed above the input box too")


if __name__ == "__main__":
    unittest.main()
