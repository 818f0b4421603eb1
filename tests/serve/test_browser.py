"""The journal in a real browser: headless Chromium opens `ltv-journal serve`, is kept
out without the token, shows the score once it is given, and adds a decision with the
keys a person would press; the journal file then holds it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REMEMBER_TERMINALS,
    TRY_WEBSOCKET,
    WAIT_MS,
    require_browser,
    wait_for_screen,
)
from .served import Served

if TYPE_CHECKING:
    from playwright.sync_api import Page

TITLE = "Bike from the browser"


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    """A page in headless Chromium with a fresh profile, large enough for the app."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        context.set_default_timeout(WAIT_MS)
        try:
            opened = context.new_page()
            opened.add_init_script(REMEMBER_TERMINALS)
            yield opened
        finally:
            context.close()


def listed_titles(db: Path) -> list[str]:
    """The titles `ltv-journal list --json` shows for the journal file."""
    result = subprocess.run(
        [sys.executable, "-m", "ltv_journal", "list", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [d["title"] for d in json.loads(result.stdout)["decisions"]]


def test_without_the_token_the_browser_gets_no_journal(page: Page, served: Served) -> None:
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    response = page.goto(served.url)
    assert response is not None and response.status == 401
    assert page.locator("#token").is_visible()
    assert page.locator(".textual-terminal").count() == 0
    assert page.evaluate(TRY_WEBSOCKET, f"ws://{served.host}/ws") == "refused"
    page.fill("#token", served.token[::-1])
    page.press("#token", "Enter")
    page.wait_for_selector("text=not the token")
    assert page.locator(".textual-terminal").count() == 0
    assert sockets == [f"ws://{served.host}/ws"]  # only the refused one above


def test_a_key_press_in_the_browser_adds_a_decision_to_the_journal(
    page: Page, served: Served, max_db: Path
) -> None:
    page.goto(served.url)
    page.fill("#token", served.token)
    page.press("#token", "Enter")
    wait_for_screen(page, "1,695,000.00 EUR")  # the seed's LTV, on the money card
    wait_for_screen(page, "Build an online business")
    page.focus(".xterm-helper-textarea")  # keys go to the terminal, as after a click
    page.keyboard.press("a")
    wait_for_screen(page, "New decision")
    page.keyboard.type(TITLE)
    wait_for_screen(page, TITLE)
    page.keyboard.press("Enter")
    wait_for_screen(page, f"Added '{TITLE}'")
    deadline = time.monotonic() + WAIT_MS / 1000
    while TITLE not in (titles := listed_titles(max_db)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert titles == [TITLE, "Build an online business"]
    page.keyboard.press("q")  # quits the app: the page says so and offers a restart
    page.wait_for_selector("text=Session ended.", state="visible")
