"""The Jupyter debugger: Debug Adapter Protocol requests on the control
channel as JupyterLab's debugger sends them, events on iopub. A breakpoint
in a func an earlier cell declared stops the goroutine that calls it, one in
the running cell stops the cells' goroutine; stacks, variables, stepping,
continuing, the Variables panel with no breakpoint, interrupt and a crash
while stopped."""

import os
import signal
import time
import unittest
from queue import Empty

from kernelclient import Kernel
from test_hardening import children

FUNC_CELL = """import "fmt"

func square(n int, out chan int) {
\tsq := n * n
\tout <- sq
}
"""

CALL_CELL = """out := make(chan int)
go square(7, out)
got := <-out
fmt.Println("got", got)
"""

DATA_CELL = """type point struct{ X, Y int }
p := point{3, 4}
nums := []int{10, 20, 30}
ages := map[string]int{"ada": 36}
"""


SHAPES_CELL = """import "fmt"

type rect struct{ W, H int }

func (r rect) Area() int { return r.W * r.H }

func measure(n int, xs []int, m map[string]int) int {
\tp := rect{n, 2}
\ti := 1
\treturn n + len(xs) + m["a"] + p.Area() + i
}
"""

MEASURE_CELL = """limit := 10
fmt.Println(measure(3, []int{4, 5, 6}, map[string]int{"a": 7}))
"""


STEP_CELL = """func step(i int) int {
\tsq := i * i
\treturn sq
}
"""

LOOP_CELL = """total := 0
for i := range 5 {
\ttotal += step(i)
}
fmt.Println("total", total)
"""


class Debugger:
    """A debug session over a jupyter_client connection, as JupyterLab
    drives one."""

    def __init__(self, kernel):
        self.k = kernel
        self.kc = kernel.kc
        self.seq = 0
        self.events = []
        self.outputs = {}  # msg_id -> [iopub messages]

    def request(self, command, arguments=None, timeout=60):
        self.seq += 1
        msg = self.kc.session.msg("debug_request", {"seq": self.seq, "type": "request", "command": command,
                                                    "arguments": arguments or {}})
        self.kc.control_channel.send(msg)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                reply = self.kc.get_control_msg(timeout=0.1)
            except Empty:
                self.drain()
                continue
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            assert reply["msg_type"] == "debug_reply", reply
            content = reply["content"]
            assert content["request_seq"] == self.seq and content["command"] == command, content
            return content
        raise TimeoutError("no debug_reply to " + command)

    def ok(self, command, arguments=None):
        reply = self.request(command, arguments)
        assert reply["success"], reply
        return reply.get("body", {})

    def drain(self, timeout=0.05):
        """Read iopub: debug events and the output of cells."""
        try:
            while True:
                msg = self.kc.get_iopub_msg(timeout=timeout)
                if msg["msg_type"] == "debug_event":
                    self.events.append(msg["content"])
                else:
                    self.outputs.setdefault(msg["parent_header"].get("msg_id"), []).append(msg)
        except Empty:
            pass

    def wait_event(self, event, count=1, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = [e for e in self.events if e["event"] == event]
            if len(found) >= count:
                for e in found[:count]:
                    self.events.remove(e)
                return found[:count]
            self.drain(timeout=0.1)
        raise TimeoutError("no %d %s event(s); events: %r" % (count, event, self.events))

    def reply(self, msg_id, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_shell_msg(timeout=0.1)
            except Empty:
                self.drain()
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                self.drain()
                return msg["content"]
        raise TimeoutError("no execute_reply")

    def stdout(self, msg_id):
        self.drain()
        return "".join(m["content"]["text"] for m in self.outputs.get(msg_id, [])
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def start(self):
        caps = self.ok("initialize", {"clientID": "jupyterlab", "adapterID": "go", "pathFormat": "path",
                                      "linesStartAt1": True, "columnsStartAt1": True})
        assert caps["supportsConfigurationDoneRequest"], caps
        self.caps = caps
        self.ok("attach")
        self.ok("configurationDone")
        info = self.ok("debugInfo")
        assert info["isStarted"] and info["hashMethod"] == "Murmur2", info
        return info

    def set_breakpoints(self, code, lines):
        path = self.ok("dumpCell", {"code": code})["sourcePath"]
        body = self.ok("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": l} for l in lines],
                                          "sourceModified": False})
        return path, body["breakpoints"]

    def top_frame(self, thread):
        frames = self.ok("stackTrace", {"threadId": thread})["stackFrames"]
        assert frames, "no frames for thread %d" % thread
        return frames[0]

    def locals(self, frame):
        scopes = self.ok("scopes", {"frameId": frame["id"]})["scopes"]
        local = [s for s in scopes if s["name"] == "Locals"][0]
        return {v["name"]: v for v in self.ok("variables", {"variablesReference": local["variablesReference"]})["variables"]}


def murmur2(data, seed):
    """ipykernel's murmur2_x86, to check the kernel names cells as
    JupyterLab expects."""
    m = 0x5BD1E995
    data = data.encode("utf8")
    length = len(data)
    h = (seed ^ length) & 0xFFFFFFFF
    end = length & ~3
    for i in range(0, end, 4):
        k = data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24
        k = (k * m) & 0xFFFFFFFF
        k ^= k >> 24
        k = (k * m) & 0xFFFFFFFF
        h = ((h * m) & 0xFFFFFFFF) ^ k
    rest = length & 3
    if rest:
        k = 0
        if rest == 3:
            k ^= data[end + 2] << 16
        if rest >= 2:
            k ^= data[end + 1] << 8
        k ^= data[end]
        h ^= k
        h = (h * m) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * m) & 0xFFFFFFFF
    h ^= h >> 15
    return h


class DebuggerTest(unittest.TestCase):
    def setUp(self):
        self.k = Kernel()
        self.addCleanup(self.k.close)
        self.d = Debugger(self.k)

    def test_kernel_info_and_kernelspec_say_there_is_a_debugger(self):
        info = self.k.kc.kernel_info(reply=True)["content"]
        self.assertTrue(info["debugger"])
        self.assertIn("debugger", info["supported_features"])
        self.assertTrue(self.k.km.kernel_spec.metadata.get("debugger"))

    def test_breakpoints_on_goroutines_stack_variables_step_continue(self):
        info = self.d.start()
        func_path, bps = self.d.set_breakpoints(FUNC_CELL, [4])
        self.assertEqual(func_path, "%s%d%s" % (info["tmpFilePrefix"], murmur2(FUNC_CELL, info["hashSeed"]),
                                                info["tmpFileSuffix"]))
        self.assertEqual([(b["line"], b["verified"]) for b in bps], [(4, True)])
        cell = self.k.run(FUNC_CELL)
        self.assertEqual(cell.reply["status"], "ok", cell.reply)

        call_path, bps = self.d.set_breakpoints(CALL_CELL, [2, 4])
        self.assertEqual([b["verified"] for b in bps], [True, True])
        msg_id = self.k.kc.execute(CALL_CELL)
        # The cells' goroutine stops at line 2, the go statement.
        stopped = self.d.wait_event("stopped")[0]["body"]
        self.assertEqual(stopped["reason"], "breakpoint")
        main = stopped["threadId"]
        self.assertIn(main, self.d.ok("debugInfo")["stoppedThreads"])
        frame = self.d.top_frame(main)
        self.assertEqual((frame["source"]["path"], frame["line"]), (call_path, 2))
        self.d.ok("continue", {"threadId": main})
        self.d.wait_event("continued")

        # The goroutine started there stops in square, declared by the
        # earlier cell.
        stopped = self.d.wait_event("stopped")[0]["body"]
        worker = stopped["threadId"]
        self.assertNotEqual(worker, main)
        threads = {t["id"] for t in self.d.ok("threads")["threads"]}
        self.assertTrue({main, worker} <= threads, threads)
        frames = self.d.ok("stackTrace", {"threadId": worker})["stackFrames"]
        self.assertEqual((frames[0]["name"], frames[0]["source"]["path"], frames[0]["line"]),
                         ("square", func_path, 4))
        local = self.d.locals(frames[0])
        self.assertEqual((local["n"]["value"], local["n"]["type"]), ("7", "int"))
        self.assertEqual(self.d.ok("evaluate", {"expression": "n", "frameId": frames[0]["id"]})["result"], "7")

        self.d.ok("next", {"threadId": worker})
        stopped = self.d.wait_event("stopped")[0]["body"]
        self.assertEqual((stopped["threadId"], stopped["reason"]), (worker, "step"))
        frame = self.d.top_frame(worker)
        self.assertEqual(frame["line"], 5)
        self.assertEqual(self.d.locals(frame)["sq"]["value"], "49")

        self.d.ok("continue", {"threadId": worker})
        # The cells' goroutine stops again, at line 4, with what it received.
        stopped = self.d.wait_event("stopped")[0]["body"]
        self.assertEqual(stopped["threadId"], main)
        frame = self.d.top_frame(main)
        self.assertEqual(frame["line"], 4)
        scopes = self.d.ok("scopes", {"frameId": frame["id"]})["scopes"]
        self.assertEqual([s["name"] for s in scopes], ["Locals", "Globals"])
        # A cell's variables are the session's: shown as they are while it runs.
        cell_vars = {v["name"]: v for v in self.d.ok("variables", {"variablesReference": scopes[1]["variablesReference"]})["variables"]}
        self.assertEqual((cell_vars["got"]["value"], cell_vars["got"]["type"]), ("49", "int"))
        self.assertEqual(cell_vars["out"]["type"], "chan int")
        self.d.ok("continue", {"threadId": main})
        reply = self.d.reply(msg_id)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(self.d.stdout(msg_id), "got 49\n")

        # Without the breakpoints the cells run through.
        self.d.ok("setBreakpoints", {"source": {"path": call_path}, "breakpoints": []})
        self.d.ok("setBreakpoints", {"source": {"path": func_path}, "breakpoints": []})
        self.assertEqual(self.k.run(CALL_CELL).stdout(), "got 49\n")
        self.d.ok("disconnect", {"restart": False, "terminateDebuggee": True})

    def stop_in_measure(self):
        """Runs measure with a breakpoint on its return; returns the cell's
        msg_id, the goroutine and the frame it stopped in."""
        self.d.start()
        self.d.set_breakpoints(SHAPES_CELL, [10])
        self.assertEqual(self.k.run(SHAPES_CELL).reply["status"], "ok")
        msg_id = self.k.kc.execute(MEASURE_CELL)
        stopped = self.d.wait_event("stopped")[0]["body"]
        frame = self.d.top_frame(stopped["threadId"])
        self.assertEqual((frame["name"], frame["line"]), ("measure", 10))
        return msg_id, stopped["threadId"], frame

    def test_evaluate_go_expressions_in_a_stopped_frame(self):
        msg_id, thread, frame = self.stop_in_measure()

        def evaluate(expr, context="repl"):
            return self.d.request("evaluate", {"expression": expr, "frameId": frame["id"], "context": context})

        for expr, value, typ in [("n*2", "6", "int"), ("len(xs) > 3", "false", "bool"), ("xs[i] + 1", "6", "int"),
                                 ("p.Area()", "6", "int"), ("fmt.Sprint(m)", '"map[a:7]"', "string"),
                                 ("float64(n) / 2", "1.5", "float64"), ("limit - n", "7", "int")]:
            reply = evaluate(expr)
            self.assertTrue(reply["success"], reply)
            self.assertEqual((reply["body"]["result"], reply["body"]["type"]), (value, typ), expr)
        # A hover on a struct expands it.
        hover = evaluate("p", "hover")["body"]
        self.assertEqual(hover["type"], "rect")
        fields = self.d.ok("variables", {"variablesReference": hover["variablesReference"]})["variables"]
        self.assertEqual([(f["name"], f["value"]) for f in fields], [("W", "3"), ("H", "2")])
        # What does not compile, or panics, says so and changes nothing.
        bad = evaluate("n + nosuch")
        self.assertFalse(bad["success"])
        self.assertEqual(bad["message"], "cannot evaluate n + nosuch: undefined: nosuch")
        self.assertIn("expected operand", evaluate("n +")["message"])
        self.assertIn("index out of range [7] with length 3", evaluate("xs[7]")["message"])
        self.assertEqual(self.d.locals(frame)["n"]["value"], "3")

        self.d.ok("continue", {"threadId": thread})
        self.assertEqual(self.d.reply(msg_id)["status"], "ok")
        self.assertEqual(self.d.stdout(msg_id), "20\n")

    def test_conditional_breakpoints_hit_conditions_and_log_points(self):
        self.d.start()
        for cap in ["supportsConditionalBreakpoints", "supportsHitConditionalBreakpoints", "supportsLogPoints"]:
            self.assertTrue(self.d.caps[cap], cap)
        self.assertEqual(self.k.run('import "fmt"').reply["status"], "ok")
        path = self.d.ok("dumpCell", {"code": STEP_CELL})["sourcePath"]

        def set_breakpoints(*bps):
            return self.d.ok("setBreakpoints", {"source": {"path": path}, "breakpoints": list(bps)})["breakpoints"]

        # What cannot be read is refused, and says why.
        bad = set_breakpoints({"line": 2, "condition": "i >"}, {"line": 3, "hitCondition": "often"},
                              {"line": 3, "logMessage": "sq={sq"})
        self.assertEqual([b["verified"] for b in bad], [False, False, False])
        self.assertIn("the condition is not a Go expression", bad[0]["message"])
        self.assertIn("not a count", bad[1]["message"])
        self.assertIn("without its }", bad[2]["message"])
        self.assertEqual(self.k.run(STEP_CELL).reply["status"], "ok")

        def stops(code):
            """Runs code, continuing each stop; the values of i where it
            stopped, and what it printed."""
            msg_id = self.k.kc.execute(code)
            at = []
            while True:
                self.d.drain()
                reply = [m for m in self.d.outputs.get(msg_id, []) if m["msg_type"] == "status"
                         and m["content"]["execution_state"] == "idle"]
                if reply:
                    return at, self.d.stdout(msg_id)
                found = [e for e in self.d.events if e["event"] == "stopped"]
                if not found:
                    self.d.drain(timeout=0.1)
                    continue
                self.d.events.remove(found[0])
                thread = found[0]["body"]["threadId"]
                at.append(self.d.locals(self.d.top_frame(thread))["i"]["value"])
                self.d.ok("continue", {"threadId": thread})

        self.assertEqual([b["verified"] for b in set_breakpoints({"line": 2, "condition": "i%2 == 1"})], [True])
        self.assertEqual(stops(LOOP_CELL), (["1", "3"], "total 30\n"))
        set_breakpoints({"line": 2, "hitCondition": "4"})
        self.assertEqual(stops(LOOP_CELL), (["3"], "total 30\n"))
        set_breakpoints({"line": 2, "condition": "i > 0", "hitCondition": "%2"})
        self.assertEqual(stops(LOOP_CELL), (["2", "4"], "total 30\n"))
        # A log point prints, with each {expression} evaluated, and never stops.
        set_breakpoints({"line": 3, "logMessage": "step({i}) = {sq}"})
        self.assertEqual(stops(LOOP_CELL), ([], "".join("step(%d) = %d\n" % (i, i * i) for i in range(5)) + "total 30\n"))
        info = self.d.ok("debugInfo")
        self.assertEqual([b["breakpoints"] for b in info["breakpoints"] if b["source"] == path],
                         [[{"line": 3, "logMessage": "step({i}) = {sq}"}]])

    def test_variables_panel_without_a_breakpoint(self):
        self.d.start()
        self.assertEqual(self.k.run(DATA_CELL).reply["status"], "ok")
        variables = {v["name"]: v for v in self.d.ok("inspectVariables")["variables"]}
        self.assertEqual((variables["nums"]["type"], variables["nums"]["value"]), ("[]int", "[10 20 30]"))
        self.assertEqual(variables["p"]["type"], "point")
        fields = self.d.ok("variables", {"variablesReference": variables["p"]["variablesReference"]})["variables"]
        self.assertEqual([(f["name"], f["value"]) for f in fields], [("X", "3"), ("Y", "4")])
        entries = self.d.ok("variables", {"variablesReference": variables["ages"]["variablesReference"]})["variables"]
        self.assertEqual([(e["name"], e["value"]) for e in entries], [('["ada"]', "36")])
        rich = self.d.ok("richInspectVariables", {"variableName": "nums"})
        self.assertEqual(rich["data"]["text/plain"], "[10 20 30]")
        missing = self.d.request("richInspectVariables", {"variableName": "nothing"})
        self.assertFalse(missing["success"])
        self.assertIn("undefined: nothing", missing["message"])

    def test_requests_before_attach_and_bad_requests_are_refused(self):
        reply = self.d.request("stackTrace", {"threadId": 1})
        self.assertFalse(reply["success"])
        self.assertIn("not started", reply["message"])
        self.d.start()
        reply = self.d.request("continue", {"threadId": 1})
        self.assertFalse(reply["success"])
        self.assertIn("not stopped", reply["message"])
        reply = self.d.request("variables", {"variablesReference": 999})
        self.assertFalse(reply["success"])
        self.assertEqual(self.k.value("1 + 1"), "2")

    def test_interrupt_while_stopped_leaves_the_kernel_usable(self):
        self.d.start()
        code = "x := 1\nfmt.Println(x)\n"
        self.d.set_breakpoints(code, [2])
        self.assertEqual(self.k.run('import "fmt"').reply["status"], "ok")
        msg_id = self.k.kc.execute(code)
        self.d.wait_event("stopped")
        self.k.km.interrupt_kernel()
        reply = self.d.reply(msg_id)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertEqual(self.d.ok("debugInfo")["stoppedThreads"], [])
        self.assertEqual(self.k.value("1 + 2"), "3")

    def test_a_crash_while_stopped_leaves_the_debugger_usable(self):
        self.d.start()
        code = "x := 1\nx++\n"
        self.d.set_breakpoints(code, [2])
        msg_id = self.k.kc.execute(code)
        self.d.wait_event("stopped")
        # The Go process running the cells dies while a goroutine is stopped.
        for pid in children(self.k.km.provisioner.process.pid):
            os.kill(pid, signal.SIGKILL)
        reply = self.d.reply(msg_id, timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "WorkerDied")
        # The new Go process debugs too: the breakpoint set before still holds.
        msg_id = self.k.kc.execute(code)
        stopped = self.d.wait_event("stopped")[0]["body"]
        self.assertEqual(self.d.top_frame(stopped["threadId"])["line"], 2)
        self.d.ok("continue", {"threadId": stopped["threadId"]})
        self.assertEqual(self.d.reply(msg_id)["status"], "ok")


if __name__ == "__main__":
    unittest.main()
