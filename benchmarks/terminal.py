"""A real terminal for timing a TUI: a pseudo-terminal and the pyte emulator.

`Terminal.start(argv)` runs a program on a pty of a given size and feeds everything it
writes into a pyte screen; `wait_for(predicate)` returns the seconds since start when the
screen first satisfies it. `peak_rss_kib()` reads the kernel's high-water mark of the
child's resident memory (VmHWM); `cpu_seconds()` the CPU time its threads used.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence

import pyte


class Terminal:
    def __init__(
        self,
        argv: Sequence[str],
        *,
        columns: int = 120,
        lines: int = 36,
        env: dict[str, str] | None = None,
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(lines),
            **(env or {}),
        }
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> None:
        """Feed whatever the program writes within `timeout` seconds into the screen."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                return
            self.stream.feed(data)
            # Textual asks the terminal for its capabilities; answer nothing, move on.

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Seconds from start until the screen text satisfies `predicate`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if predicate(self.text()):
                return time.perf_counter() - self.started
            if self.process.poll() is not None:
                self.pump(0.05)
                if predicate(self.text()):
                    return time.perf_counter() - self.started
                raise RuntimeError(f"program exited with {self.process.returncode}:\n{self.text()}")
            self.pump(0.002)
        raise TimeoutError(f"screen never matched within {timeout} s:\n{self.text()}")

    def send(self, keys: bytes) -> float:
        """Write keys to the program; returns the moment they were sent."""
        os.write(self.master, keys)
        return time.perf_counter()

    def settle(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.pump(0.01)

    def cpu_seconds(self) -> float:
        """CPU time the program's threads have used so far (the kernel's schedstat, in
        nanoseconds, so a single keystroke's work can be told)."""
        total = 0
        for task in os.listdir(f"/proc/{self.process.pid}/task"):
            try:
                with open(f"/proc/{self.process.pid}/task/{task}/schedstat", encoding="ascii") as f:
                    total += int(f.read().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                continue  # a thread that ended meanwhile
        return total / 1e9

    def peak_rss_kib(self) -> int:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc status")

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def has_content(text: str) -> bool:
    """The first frame: anything at all drawn on the screen."""
    return any(ch.strip() for ch in text)
