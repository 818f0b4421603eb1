"""Keys act in the order they were typed, each on the screen and field its turn finds.

Textual hands a key to the focused widget by posting it to that widget's queue, and
the key's binding (Tab moving the focus, Enter submitting, `a` opening a form) runs
only once the key has bubbled back up to the app. Keys typed in a burst overtake it:
the `12` after "title, Tab" reaches the title before the Tab has moved the focus, and
the keys after `a` reach the main screen before the form exists.

`KeysInOrder` delivers one typed key at a time. A key is done when it has passed every
widget from the one it was given to up to its screen (and, when a binding ran, when
the messages that binding posted to the focused widget have passed too); a screen that
was just pushed is ready once it has composed and taken its focus. Only then does the
next key go out, to whatever has the focus by then.
"""

from __future__ import annotations

from collections import deque
from typing import TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer

ReturnType = TypeVar("ReturnType")

TypedEvent = events.Key | events.Paste

UNSTICK_SECONDS = 0.2
"""How often to look whether the widget a key waits on was removed (its queue then
never reaches the key's turn)."""


class KeysInOrder(App[ReturnType]):
    """An app whose typed keys (and pastes) act one after another, in order."""

    def __init__(self) -> None:
        super().__init__()
        self._typed: deque[TypedEvent] = deque()
        """Keys received but not yet delivered."""
        self._busy = False
        """A key is on its way, or the screen is not ready for the next one."""
        self._waiting_on: MessagePump | None = None
        """The widget whose queue the current key (or the screen's start) is in."""
        self._reached_app = False
        """The current key bubbled up to the app: its binding ran."""
        self._holds = 0
        """Reasons to hold keys beyond the screen (a screen being prepared in a thread)."""
        self._ready_screen: Screen[object] | None = None
        self._turn = 0
        """Counts deliveries; a follow-up from an older one is ignored."""
        self._unstick: Timer | None = None

    # -- public ----------------------------------------------------------------------

    def hold_keys(self) -> None:
        """Hold typed keys until `release_keys()`: a screen they are meant for is being
        prepared (in a thread)."""
        self._holds += 1

    def release_keys(self) -> None:
        """End one `hold_keys()`; held keys go to the screen on top once it is ready."""
        self._holds = max(0, self._holds - 1)
        if not self._busy:
            self._deliver()

    # -- Textual ---------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            if event.is_forwarded:  # a key bubbling back up: its binding runs now
                self._reached_app = True
            else:
                self._typed.extend(_as_typed(event))
                if not self._busy:
                    await self._deliver_now(self._turn)
                return
        await super().on_event(event)

    # -- delivering ------------------------------------------------------------------

    def _deliver(self) -> None:
        """Deliver the next keys in the app's own turn."""
        self._busy = True
        self.call_later(self._deliver_now, self._turn)

    async def _deliver_now(self, turn: int) -> None:
        """Deliver typed keys while each is done at once (a priority binding took it);
        otherwise follow the key on its way and come back when it is done."""
        if turn != self._turn:
            return  # given up on (see `_check_stuck`)
        self._busy = True
        self._turn += 1
        self._set_waiting(None)
        while self._typed:
            if self._holds:
                break  # release_keys() starts again
            screen = self.screen
            if screen is not self._ready_screen:
                # A screen just pushed or uncovered: ready once it has handled what is
                # in its queue now (composing, its focus, being resumed).
                self._ready_screen = screen
                self._follow(screen, self._turn, to_screen=False)
                return
            event = self._typed.popleft()
            target = self.focused or screen
            self._reached_app = False
            await super().on_event(event)
            if event.is_forwarded:
                self._follow(target, self._turn)
                return
        self._busy = False

    def _follow(self, node: MessagePump, turn: int, *, to_screen: bool = True) -> None:
        """Come back once `node` has handled what is in its queue now (and, with
        `to_screen`, each of its parents after it up to the screen)."""
        self._set_waiting(node)
        if not node.call_later(self._passed, node, turn, to_screen):
            self._deliver()

    def _passed(self, node: MessagePump, turn: int, to_screen: bool) -> None:
        """Runs in `node`'s own turn: whatever was queued before has passed it."""
        if turn != self._turn:
            return
        parent = node.parent if isinstance(node, DOMNode) else None
        if to_screen and not isinstance(node, Screen) and isinstance(parent, DOMNode):
            self._follow(parent, turn)
            return
        if to_screen:
            # From the screen the key bubbles to the app, whose queue this joins behind it.
            self.call_later(self._passed_app, turn)
            return
        self._deliver()

    def _passed_app(self, turn: int) -> None:
        """Runs in the app's turn, after the key (if it bubbled this far) and its binding."""
        if turn != self._turn:
            return
        focused = self.focused
        if self._reached_app and focused is not None:
            # The binding may have posted to the focused widget (Enter: Submitted, which
            # saves): let that pass up to the screen too before the next key.
            self._reached_app = False
            self._follow(focused, turn)
            return
        self._deliver()

    # -- a removed widget never answers ----------------------------------------------

    def _set_waiting(self, node: MessagePump | None) -> None:
        self._waiting_on = node
        if self._unstick is None:
            self._unstick = self.set_interval(UNSTICK_SECONDS, self._check_stuck, pause=True)
        if node is None:
            self._unstick.pause()
        else:
            self._unstick.resume()

    def _check_stuck(self) -> None:
        node = self._waiting_on
        if node is None:
            return
        gone = node._closing or node._closed
        if not gone and isinstance(node, DOMNode):
            gone = not node.is_attached
        if gone:
            self._turn += 1  # what is still on its way for the old turn is ignored
            self._deliver()


def _as_typed(event: TypedEvent) -> list[TypedEvent]:
    """What the person typed. Esc and a key read together arrive as Alt+key: when the
    reader was late (a busy machine) that can be Esc and a key typed a moment apart.
    No key here means Alt+letter, so it is taken as the two keys."""
    if isinstance(event, events.Key) and event.key.startswith("alt+"):
        char = event.character
        if char is not None and len(char) == 1 and char.isprintable():
            key = event.key.removeprefix("alt+")
            return [events.Key("escape", "\x1b"), events.Key(key, char)]
    return [event]
