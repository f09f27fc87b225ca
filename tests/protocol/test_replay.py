"""A signed message captured and sent again is dropped, also after a
restart with the same key; every signature scheme jupyter_client accepts
works."""

import hashlib
import hmac
import json
import os
import unittest
import uuid

import zmq
from jupyter_client.manager import KernelManager

from kernelclient import Kernel
from test_hardening import LoggedKernel, message


class Replay(unittest.TestCase):
    def setUp(self):
        self.k = LoggedKernel()
        self.addCleanup(self.k.close)
        self.ctx = zmq.Context()
        self.addCleanup(self.ctx.destroy, 0)

    def dealer(self):
        s = self.ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        s.connect(self.k.endpoint("shell_port"))
        self.addCleanup(s.close)
        return s

    def replies(self, s, n):
        """The msg_types of the next n replies on s."""
        out = []
        for _ in range(n):
            self.assertTrue(s.poll(60000), "no reply")
            frames = s.recv_multipart()
            out.append(json.loads(frames[frames.index(b"<IDS|MSG>") + 2])["msg_type"])
        return out

    def settle(self, s):
        """Sends a fresh kernel_info_request on s and returns the replies up
        to its own: every message sent on s before it has been read by then,
        and dropped or answered."""
        s.send_multipart(message(self.k.key, "kernel_info_request"))
        got = []
        while not got or got[-1] != "kernel_info_reply":
            got += self.replies(s, 1)
        return got

    def test_a_replayed_execute_request_runs_once(self):
        self.assertEqual(self.k.run("runs := 0").reply["status"], "ok")
        captured = message(self.k.key, "execute_request", {"code": "runs++", "silent": False})
        s = self.dealer()
        for _ in range(3):
            s.send_multipart(captured)
        self.assertEqual(self.settle(s), ["execute_reply", "kernel_info_reply"])
        self.assertEqual(self.k.value("runs"), "1", "a replayed message ran again")
        self.assertIn(b"dropped a replayed execute_request message", self.k.logs())
        self.assertNotIn(self.k.key, self.k.logs())

    def test_a_message_replayed_after_a_restart_is_dropped(self):
        captured = message(self.k.key, "execute_request", {"code": 'replayed := "ran"', "silent": False})
        s = self.dealer()
        s.send_multipart(captured)
        self.assertIn("execute_reply", self.replies(s, 1))
        self.k.km.restart_kernel()
        self.k.kc.wait_for_ready(timeout=60)
        s = self.dealer()
        s.send_multipart(captured)
        self.assertEqual(self.settle(s), ["kernel_info_reply"])
        cell = self.k.run("replayed")
        self.assertEqual(cell.reply["status"], "error", "the captured message ran again after the restart")



class History(unittest.TestCase):
    def test_the_history_is_removed_at_shutdown(self):
        km = KernelManager(kernel_name="gopar")
        km.start_kernel()
        conn = km.connection_file
        path = os.path.join(os.path.dirname(conn), "." + os.path.basename(conn) + ".seen")
        try:
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            kc.stop_channels()
            self.assertTrue(os.path.exists(path), "no replay history beside the connection file")
        finally:
            km.shutdown_kernel(now=False)
        self.assertFalse(os.path.exists(path), "the kernel left its replay history behind")


def hmac_schemes():
    """Every signature_scheme jupyter_client's Session can sign with: each
    hashlib constructor it finds by name that HMAC accepts (not shake_*)."""
    schemes = []
    for name in sorted(hashlib.algorithms_guaranteed):
        digest = getattr(hashlib, name, None)
        if digest is None:
            continue
        try:
            hmac.new(b"key", b"msg", digest).hexdigest()
        except (TypeError, ValueError):
            continue
        schemes.append("hmac-" + name)
    return schemes


class SignatureSchemes(unittest.TestCase):
    def test_every_scheme(self):
        schemes = hmac_schemes()
        self.assertIn("hmac-blake2b", schemes)
        for scheme in schemes:
            with self.subTest(scheme=scheme):
                km = KernelManager(kernel_name="gopar")
                km.session.signature_scheme = scheme
                km.start_kernel()
                k = Kernel.__new__(Kernel)
                k.km, k.kc = km, km.client()
                try:
                    k.kc.start_channels()
                    k.kc.wait_for_ready(timeout=60)
                    self.assertEqual(k.value("6 * 7"), "42")
                finally:
                    k.close()


if __name__ == "__main__":
    unittest.main()
