"""The fast reader gives exactly what tomllib gives, and steps aside when unsure."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from interchange_strategies import decisions

from ltv_journal.core.profile import Profile
from ltv_journal.exchange import layout
from ltv_journal.exchange.reader import read_interchange_text
from ltv_journal.exchange.render import render_decisions, render_profile
from ltv_journal.exchange.sample import SAMPLE_NAMES, sample_path


def toml(text: str) -> dict[str, object]:
    return tomllib.loads(text, parse_float=Decimal)


@settings(max_examples=60, deadline=None)
@given(st.lists(decisions(), max_size=4))
def test_rendered_decisions_read_the_same_as_with_tomllib(generated: list) -> None:  # type: ignore[type-arg]
    text = render_profile(Profile(name='Dr. "Q" \\ \t')) + "\n" + render_decisions(generated)
    assert layout.parse(text) == toml(text)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_samples_read_the_same_as_with_tomllib(name: str) -> None:
    text = sample_path(name).read_text(encoding="utf-8")
    assert layout.parse(text) == toml(text)


BASE = """\
[[decisions]]
id = "11111111-1111-4111-8111-111111111111"
date = 2025-01-01
title = "Plain"
"""


@pytest.mark.parametrize(
    "extra",
    [
        'notes = """\none\ntwo"""',
        'notes = "tab\\there" # a comment',
        'tags = [ "a" ,"b", ]',
        "amount = 12.5    # money",
        "[decisions.effects.money]\nper_year = -3.25",
        "\n# a comment between tables\n[summary]\nyear = 2025\n[[top.money]]\ntitle = 'x'",
    ],
)
def test_variations_it_accepts_match_tomllib(extra: str) -> None:
    text = BASE + extra + "\n"
    assert layout.parse(text) == toml(text)


@pytest.mark.parametrize(
    "extra",
    [
        "effects.money.per_year = 5",  # dotted key
        "effects = { money = { per_year = 5 } }",  # inline table
        "notes = 'literal'",
        'tags = [\n  "a",\n]',  # multi-line array
        'notes = """one"""',
        'notes = """\nab""" # closed with a comment',
        'notes = """\na\\\n  b"""',  # line-ending backslash
        'notes = """\n\\\n""""',  # one that would pass for an escaped quote
        "amount = 1_000.0",
        "amount = +5.0",
        "amount = 1e3",
        'title = "again"',  # a repeated key
        "[[decisions]] # a comment on a header",
        "[ decisions.effects.money ]\nper_year = 1",
        "[decisions.effects.money]\nper_year = 1\n[decisions.effects.money]\nper_year = 2",
        "[decisions.reviews.actual.money]\nper_year = 1",  # no review to belong to
        'notes = "\\ud800"',  # a surrogate escape
        "review_on = 2025-02-30",
    ],
)
def test_anything_else_is_left_to_tomllib(extra: str) -> None:
    text = BASE + extra + "\n"
    with pytest.raises(layout.NotLayout):
        layout.parse(text)


def test_windows_line_endings_are_left_to_tomllib() -> None:
    text = BASE.replace("\n", "\r\n")
    with pytest.raises(layout.NotLayout):
        layout.parse(text)
    assert read_interchange_text(text).decisions[0].title == "Plain"


def test_a_key_before_any_table_is_left_to_tomllib() -> None:
    with pytest.raises(layout.NotLayout):
        layout.parse("stray = 1\n" + BASE)


def test_the_fallback_reads_what_the_fast_reader_refuses() -> None:
    text = BASE + "effects.money.per_year = 5\n"
    (found,) = read_interchange_text(text).decisions
    assert found.effects["money"].per_year == 5  # type: ignore[index]


STRING_PIECES = st.sampled_from(
    [
        "a",
        "é",
        " ",
        "\t",
        "\n",
        "\\",
        "\\\\",
        '"',
        '\\"',
        "\\n",
        "\\t",
        "\\u00e9",
        "\\U0001F600",
        "\\u001b",
        "\\x",
        "\\ ",
        "\\\n",
        "\\  \n  ",
        '""',
        "'",
        "#",
        "]",
        "[[decisions]]",
        "\u202e",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(STRING_PIECES, max_size=12).map("".join), st.booleans())
def test_strings_the_fast_reader_accepts_read_as_tomllib_reads_them(
    body: str, multiline: bool
) -> None:
    """A differential check over basic and multi-line strings with escapes, line-ending
    backslashes and quotes: whatever tomllib reads, the fast reader reads the same or
    hands it to tomllib."""
    value = f'"""\n{body}"""' if multiline else f'"{body}"'
    text = BASE + f"notes = {value}\n"
    try:
        expected = toml(text)
    except tomllib.TOMLDecodeError:
        return
    try:
        found = layout.parse(text)
    except layout.NotLayout:
        return
    assert found == expected
