"""The one way the TUI works off the screen: a thread worker whose answer is a message.

    in_thread(self, lambda: Loaded(read(journal)), what="read the trends", group="trends")

`job` runs in a thread and returns the message to post to `node`, whose handler then
runs in `node`'s own turn like any other message's (or returns None: nothing to post).
When `job` raises, the person is told what failed in a notification — never a
traceback, and the app keeps running — and `WorkFailed` is posted to `node` instead, for
a handler that must act on it (a form stays open, keys held for a screen are let go).
`then`, if given, runs in `node`'s turn after whichever of the two was posted.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker

from ltv_journal.core.language import _
from ltv_journal.core.text import visible


class WorkFailed(Message):
    """Work in a thread raised `error`; `what` names the work for the person."""

    def __init__(self, what: str, error: Exception) -> None:
        super().__init__()
        self.what = what
        self.error = error

    @property
    def reason(self) -> str:
        return str(self.error) or type(self.error).__name__

    @property
    def sentence(self) -> str:
        """What the person is told: "Could not read the trends: disk I/O error."."""
        reason = visible(self.reason, lines=False).rstrip(".")
        return _("Could not {what}: {reason}.").format(what=_(self.what), reason=reason)


def in_thread(
    node: DOMNode,
    job: Callable[[], Message | None],
    *,
    what: str,
    group: str,
    exclusive: bool = False,
    then: Callable[[], object] | None = None,
) -> Worker[None]:
    """Run `job` in a thread worker of `node`; post the message it returns to `node`.

    `what` completes "Could not …" when it fails; `exclusive` cancels the group's
    earlier workers (a thread runs to its end regardless: a handler that must ignore a
    stale answer checks for it)."""
    app = node.app

    def run() -> None:
        try:
            answer = job()
        except Exception as error:  # said, not raised: the app keeps running
            failed = WorkFailed(what, error)
            app.notify(failed.sentence, title=_("Something went wrong"), severity="error")
            answer = failed
        if answer is not None:
            node.post_message(answer)
        if then is not None:
            node.call_later(then)

    return node.run_worker(
        run, name=what, group=group, thread=True, exclusive=exclusive, exit_on_error=False
    )
