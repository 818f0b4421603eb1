"""Exact JSON snapshots of a decision or a profile, for the undo log.

The shapes come from `core.codec`: every field of the domain objects, with Decimals and
dates as strings, so a snapshot reads back exactly what was stored. A snapshot written
before a field existed reads back with that field's default.
"""

from __future__ import annotations

import json

from ltv_journal.core.codec import from_plain, to_plain
from ltv_journal.core.decision import Decision
from ltv_journal.core.profile import Profile


def dump(value: Decision | Profile) -> str:
    return json.dumps(to_plain(value), sort_keys=True)


def load_profile(text: str) -> Profile:
    return from_plain(Profile, json.loads(text))


def load_decision(text: str) -> Decision:
    return from_plain(Decision, json.loads(text))
