"""A small helper around jupyter_client for the fault tests: run a cell and
collect what the front end would see."""

import time
from queue import Empty

from jupyter_client.manager import start_new_kernel


class Cell:
    def __init__(self):
        self.reply = None
        self.streams = []  # (arrival time, name, text)
        self.displays = []
        self.results = []
        self.errors = []
        self.start_time = time.time()
        self.reply_time = None
        self.messages = 0
        self.msg_id = None
        self.input_requests = []  # the content of each input_request

    def stdout(self):
        return "".join(t for _, n, t in self.streams if n == "stdout")

    def stderr(self):
        return "".join(t for _, n, t in self.streams if n == "stderr")

    def text(self):
        return self.stdout() + self.stderr()


class Kernel:
    def __init__(self, name="gopar", **kwargs):
        """kwargs go to KernelManager.start_kernel (env=..., cwd=...)."""
        self.km, self.kc = start_new_kernel(kernel_name=name, **kwargs)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run(self, code, timeout=60, allow_stdin=False, stdin=None, on_start=None, on_stream=None):
        """Execute code; answer input requests with stdin (a list of lines);
        call on_stream with the text of each stream message as it arrives."""
        cell = Cell()
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        cell.msg_id = msg_id
        if on_start:
            on_start()
        deadline = time.time() + timeout
        idle = False
        while not (idle and cell.reply):
            if time.time() > deadline:
                raise TimeoutError("cell did not finish: %r" % code[:80])
            if allow_stdin:
                try:
                    req = self.kc.get_stdin_msg(timeout=0.01)
                    cell.input_requests.append(req["content"])
                    self.kc.input(stdin.pop(0))
                except Empty:
                    pass
            if cell.reply is None:
                try:
                    msg = self.kc.get_shell_msg(timeout=0.01)
                    if msg["parent_header"].get("msg_id") == msg_id:
                        cell.reply = msg["content"]
                        cell.reply_time = time.time()
                except Empty:
                    pass
            try:
                msg = self.kc.get_iopub_msg(timeout=0.05)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            cell.messages += 1
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                cell.streams.append((time.time(), content["name"], content["text"]))
                if on_stream:
                    on_stream(content["text"])
            elif kind in ("display_data", "update_display_data"):
                cell.displays.append(content)
            elif kind == "execute_result":
                cell.results.append(content["data"])
            elif kind == "error":
                cell.errors.append(content)
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return cell

    def value(self, code):
        cell = self.run(code)
        assert cell.reply["status"] == "ok", cell.reply
        return cell.results[0]["text/plain"] if cell.results else None
