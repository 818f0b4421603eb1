"""The German catalogs: every marked message translated, placeholders kept, and each
`.mo` compiled from its `.po` as committed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import catalogs  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize("domain", catalogs.LAYERS)
def test_every_message_has_a_german_translation(domain: str) -> None:
    assert catalogs.missing(domain) == []


@pytest.mark.parametrize("domain", list(catalogs.domains()))
def test_translations_keep_every_placeholder(domain: str) -> None:
    broken = []
    for message in catalogs.read(domain):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # German has two forms: msgstr[0] (one) answers the singular msgid, the other the
        # plural (click's "Did you mean {possibility}?" / "... {possibilities}?").
        for index, text in enumerate(strings):
            wanted = sorted(set(PLACEHOLDER.findall(ids[min(index, len(ids) - 1)])))
            if text and sorted(set(PLACEHOLDER.findall(text))) != wanted:
                broken.append((ids[0], text))
    assert broken == []


@pytest.mark.parametrize("domain", list(catalogs.domains()))
def test_compiled_catalog_is_up_to_date(domain: str) -> None:
    mo = catalogs.po_path(domain).with_suffix(".mo")
    assert mo.exists(), f"run: python scripts/catalogs.py compile {domain}"
    assert mo.read_bytes() == catalogs.mo_bytes(catalogs.read(domain)), (
        f"{mo.name} is stale; run: python scripts/catalogs.py compile {domain}"
    )
