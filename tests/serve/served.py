"""`ltv-journal serve` started as a real process on a free port, and stopped again."""

from __future__ import annotations

import ctypes
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PR_SET_PDEATHSIG = 1
_LIBC: ctypes.CDLL | None = ctypes.CDLL(None)  # loaded here: not in a forked child
if not hasattr(_LIBC, "prctl"):  # not Linux
    _LIBC = None
START_TIMEOUT = 90.0
"""Seconds for `serve` to print its address: generous, the machine may be busy."""


@dataclass
class Served:
    """A running `ltv-journal serve` and what it printed."""

    process: subprocess.Popen[str]
    url: str
    token: str
    stderr_path: Path
    lines: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(self.url.rstrip("/").rsplit(":", 1)[1])

    @property
    def host(self) -> str:
        """`host:port`, as a browser sends it in the Host header."""
        return self.url.removeprefix("http://").rstrip("/")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM, as Ctrl+C would; the exit status. Killed only if it will not end."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        return self.process.returncode


def serve_command(db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "ltv_journal", "serve", "--db", str(db), *options]


def start_serve(db: Path, tmp_path: Path, *options: str) -> Served:
    """`ltv-journal serve --port 0` (any free port) on `db`, once it has printed its
    address and token. Its process group is its own, so its app processes end with it."""
    stderr_path = tmp_path / f"serve-{time.monotonic_ns()}.stderr"
    with stderr_path.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            serve_command(db, "--port", "0", *options),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
            preexec_fn=_end_with_the_tests,
        )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read_lines, args=(process, lines), daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + START_TIMEOUT
    while not any(line.startswith(("Ctrl+C", "Strg+C")) for line in seen):
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:
            process.kill()
            process.wait(timeout=30)
            raise AssertionError(
                f"serve printed no address: {seen}; stderr: {stderr_path.read_text()}"
            )
        seen.append(line)
    printed = {parts[0]: parts[1] for parts in (s.split() for s in seen) if len(parts) >= 2}
    url = printed.get("open") or printed["öffne"]  # English or German (`--lang de`)
    return Served(process, url, printed.get("token") or printed["Token"], stderr_path, seen)


def _end_with_the_tests() -> None:
    """In the server's process (Linux): SIGTERM when the test run that started it ends,
    even a killed one, so that no server outlives its tests."""
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _read_lines(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line.rstrip("\n"))
    lines.put(None)
