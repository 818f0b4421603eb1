"""A tiny app that shows one modal screen and keeps what it dismissed."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.app import App
from textual.screen import Screen


class Host(App[None]):
    """Pushes `screen` on mount; `result` collects every value it dismisses."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.shown = screen
        self.result: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.shown, callback=self.result.append)


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on its own event loop (fixtures pass through)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
