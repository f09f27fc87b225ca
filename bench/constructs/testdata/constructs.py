# The constructs of constructs.go in Python, each timed in a loop of n
# operations, the same n and the same checksums. Where Python has no such
# construct, the nearest one a Python programmer uses stands in for it:
# a thread for a goroutine, queue.Queue(maxsize=1) for a buffered channel,
# get_nowait on two queues for a select, threading.Lock for sync.Mutex.
# Every line printed is "name<TAB>ns per operation<TAB>checksum". The first
# argument divides every n (1 for a full run, more for a smoke test).
import queue
import sys
import threading
import time


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def sum(self):
        return self.x + self.y

    def move(self, d):
        self.x += d
        return self.x


class Rect:
    __slots__ = ("w", "h")

    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def add(a, b):
    return a + b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def func_call(n):
    s = 0
    for i in range(n):
        s = add(s, i)
    return s


# fib(20) makes 21,891 calls.
def recursive_call(n):
    s = 0
    for _ in range(n):
        s += fib(20)
    return s


def value_method(n):
    p = Point(1, 2)
    s = 0
    for _ in range(n):
        s += p.sum()
    return s


def pointer_method(n):
    p = Point()
    s = 0
    for _ in range(n):
        s += p.move(1) & 7
    return s


def interface_method(n):
    sh = Rect(2, 3)
    s = 0
    for _ in range(n):
        s += sh.area()
    return s


def closure_call(n):
    k = 3

    def f(x):
        return x + k

    s = 0
    for _ in range(n):
        s = f(s) & 0xFFFF
    return s


sink = None


def struct_alloc(n):
    global sink
    s = 0
    for i in range(n):
        p = Point(i, 1)
        sink = p
        s += p.y
    return s


def field_read_write(n):
    p = Point()
    for i in range(n):
        p.x = p.y + i
        p.y = p.x & 0xFF
    return p.x + p.y


def slice_append(n):
    s = 0
    for _ in range(n):
        xs = []
        for i in range(1000):
            xs.append(i)
        s += len(xs)
    return s


def map_get_set(n):
    m = {}
    for i in range(n):
        k = i & 1023
        m[k] = m.get(k, 0) + 1
    return len(m) + m.get(5, 0)


def string_building(n):
    s = 0
    for _ in range(n):
        parts = []
        for _ in range(1000):
            parts.append("ab")
        s += len("".join(parts))
    return s


def channel_send_receive(n):
    ch = queue.Queue(maxsize=1)
    s = 0
    for i in range(n):
        ch.put(i)
        s += ch.get() & 1
    return s


def select_ready(n):
    a, b = queue.Queue(maxsize=1), queue.Queue(maxsize=1)
    s = 0
    for i in range(n):
        if i & 1 == 0:
            a.put(1)
        else:
            b.put(2)
        try:
            s += a.get_nowait()
        except queue.Empty:
            s += b.get_nowait()
    return s


def goroutine_spawn_join(n):
    mu = threading.Lock()
    count = [0]

    def work():
        with mu:
            count[0] += 1

    threads = []
    for _ in range(n):
        t = threading.Thread(target=work)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return count[0]


def mutex_lock_unlock(n):
    mu = threading.Lock()
    s = 0
    for _ in range(n):
        mu.acquire()
        s += 1
        mu.release()
    return s


def main():
    div = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    # Each runs n times, making per operations every time.
    constructs = [
        ("function call", 200000, 1, func_call),
        ("recursive call", 10, 21891, recursive_call),
        ("method call on a value", 200000, 1, value_method),
        ("method call on a pointer", 200000, 1, pointer_method),
        ("interface method call", 200000, 1, interface_method),
        ("closure call", 200000, 1, closure_call),
        ("struct allocation &T{}", 200000, 1, struct_alloc),
        ("field read and write", 200000, 1, field_read_write),
        ("slice append", 200, 1000, slice_append),
        ("map get and set", 200000, 1, map_get_set),
        ("string building", 200, 1000, string_building),
        ("channel send and receive", 200000, 1, channel_send_receive),
        ("select of two channels", 200000, 1, select_ready),
        ("goroutine spawn and join", 5000, 1, goroutine_spawn_join),
        ("mutex lock and unlock", 200000, 1, mutex_lock_unlock),
    ]
    for name, n, per, run in constructs:
        n = max(n // div, 1)
        # The fastest of three runs.
        best = None
        for _ in range(3):
            start = time.perf_counter_ns()
            total = run(n)
            d = time.perf_counter_ns() - start
            if best is None or d < best:
                best = d
        print("%s\t%.1f\t%d" % (name, best / (n * per), total))


main()
