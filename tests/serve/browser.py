"""Headless Chromium (Debian's package) driven by Playwright, and the served page's
terminal read as text.

textual-serve's page draws the terminal with xterm.js on a canvas, so its text is in no
DOM node; the page keeps its xterm `Terminal` in a closure. `REMEMBER_TERMINALS` runs
before the page's own script and remembers every `Terminal` as it is made (the one
object that sets `_addonManager`), so `screen_text` reads the very buffer on the page.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path(os.environ.get("LTV_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
REQUIRE_ENV = "LTV_REQUIRE_BROWSER"
CHROMIUM_ARGS = [
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 90_000
"""How long to wait for the page to show something: generous, the machine may be busy."""

REMEMBER_TERMINALS = """
window.__ltvTerminals = [];
Object.defineProperty(Object.prototype, "_addonManager", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "_addonManager", {
      value, writable: true, configurable: true, enumerable: true,
    });
    window.__ltvTerminals.push(this);
  },
});
"""

SCREEN_TEXT = """() => {
  const terminal = (window.__ltvTerminals || [])[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}"""

SHOWS_TEXT = f"(text) => ({SCREEN_TEXT})().includes(text)"

TRY_WEBSOCKET = """(url) => new Promise((resolve) => {
  const socket = new WebSocket(url);
  socket.onopen = () => { socket.close(); resolve("open"); };
  socket.onerror = () => resolve("refused");
  setTimeout(() => resolve("no answer"), 30000);
})"""
"""From the page: "open" when the websocket at `url` opens, "refused" when it fails."""


def require_browser() -> None:
    """Skip (with the reason) when Playwright or Chromium is missing; with
    LTV_REQUIRE_BROWSER=1 (CI) that is a failure instead."""
    if importlib.util.find_spec("playwright") is None:
        problem = "the playwright package is not installed (pip install -e '.[test]')"
    elif not CHROMIUM.is_file():
        problem = f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
    else:
        return
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{problem}; {REQUIRE_ENV}=1 needs the browser test to run", pytrace=False)
    pytest.skip(problem)


def screen_text(page: Page) -> str:
    """The terminal on the page as text, one line per row."""
    return str(page.evaluate(SCREEN_TEXT))


def wait_for_screen(page: Page, text: str) -> None:
    """Wait until the terminal on the page shows `text`; fail with what it shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(SHOWS_TEXT, arg=text, timeout=WAIT_MS, polling=250)
    except PlaywrightTimeout:
        raise AssertionError(
            f"the page never showed {text!r}; it shows:\n{screen_text(page)}"
        ) from None
