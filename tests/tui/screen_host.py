"""A tiny app that shows one modal screen and keeps what it dismissed."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.screen import Screen

from ltv_journal.tui.key_order import KeysInOrder


class Host(KeysInOrder[None]):
    """Pushes `screen` on mount; `result` collects every value it dismisses, `said`
    every notification. Keys act in order, as in the app."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.shown = screen
        self.result: list[Any] = []
        self.said: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.said.append(message)
        super().notify(message, **kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.shown, callback=self.result.append)


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on its own event loop (fixtures pass through)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
