"""The yearly summary: how a year of decisions moved the lifetime value.

Written with tomlkit so that each section carries a comment for someone who opens the
file a year later; keys come in a fixed order so two years' files diff cleanly. The
year's decisions close the file in the interchange format (rendered by `render`, which
is fast), so a summary imports back. Importing skips the summary-only tables
(`keys.SUMMARY_TABLES`).

Its comments are in the language the profile names (`profile --language de`; English
when it names none), never the language of the moment (`--lang`, the locale): the same
journal gives the same file, byte for byte, whoever exports it, and two years' files
diff cleanly. Its figures are plain TOML in every language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

import tomlkit
from tomlkit.items import Item, KeyType, SingleKey, Table

from ltv_journal.core import clock, conventions, language
from ltv_journal.core.calibration import calibrate
from ltv_journal.core.decision import Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.core.language import N_
from ltv_journal.core.text import visible
from ltv_journal.core.worth import combined_value
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter, DecisionSummary

from . import literals
from .keys import FORMAT_VERSION
from .render import profile_pairs, render_decisions, worth_pairs
from .writer import DECISIONS_WORDS, as_comment

TOP_COUNT = 5
NO_CATEGORY = "(none)"

_HEADER = N_(
    "ltv-journal yearly summary for {year}\n"
    "\n"
    "What the decisions of {year} did to {whose}lifetime value, in four dimensions:\n"
    "money (in {currency}) and happiness, love and meaning (in points; one point a year is\n"
    "a small but noticeable lift to a typical year). Lifetime values are the expected\n"
    "effects summed over the years they last, as the journal computed them.\n"
    "\n"
    "The decisions of the year close the file in the interchange format, so\n"
    "`ltv-journal import FILE` reads this file back; it skips the tables [summary], [ltv],\n"
    "[totals], [top] and [calibration], which only describe the year."
)
_WHOSE = N_("{name}'s ")
_NOBODY = N_("the ")
_VERSION = N_("version of the interchange format this file uses")
_PROFILE = N_(
    "Whose journal, and the horizons every lifetime effect runs to\n"
    "(ages in years; rates are yearly fractions, 0.05 = 5 %)."
)
_WORTH = N_("Money one point-year of each dimension is worth to you.")
_LTV = N_(
    "Lifetime value per dimension: `start` counts the decisions up to\n"
    "31 December {before}, `end` those up to 31 December {year}\n"
    "(money includes the baseline: income over the working years)."
)
_COMBINED = N_("money plus each point dimension at its worth")
_RANGE = N_(
    "How sure `end` is: the 10th, 50th and 90th percentile of the LTV\n"
    "at 31 December {year} over {draws} seeded draws of every\n"
    "effect's confidence and range; p_raises: the share of draws in\n"
    "which the decisions raise the lifetime value."
)
_TOTALS = N_(
    "The year's decisions: how many, the money spent on expenses and\n"
    "put into investments (one-off amounts), counts by kind and category."
)
_TOP = N_(
    "Per dimension, the {count} decisions of the year with the largest\n"
    "lifetime value, by size (a large loss counts as much as a gain);\n"
    "money includes the one-off amount. Dimensions nothing moved are left out."
)
_CALIBRATION = N_(
    "Reviews recorded in {year}, then how well expectations have matched\n"
    "what happened, over the latest review of every reviewed decision so\n"
    "far: mean_error = mean(actual − expected) a year (negative: you\n"
    "expected too much), mean_abs_error its size, brier = mean of\n"
    "(confidence − materialised)², 0 is perfect. Figures without data\n"
    "are left out."
)
_NO_DECISIONS = N_("No decisions were logged in this year.")


def _value(text: str) -> Item:
    """A TOML item from its literal text (exact: money never passes through float)."""
    return tomlkit.value(text)


def _key(name: str) -> SingleKey:
    """A table key for any text: quoted and escaped like our strings (tomlkit would
    leave C1 and bidi controls raw)."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return SingleKey(name)
    return SingleKey(name, t=KeyType.Basic, original=literals.string(name, multiline=False))


def _comment_lines(table: tomlkit.TOMLDocument | Table, text: str) -> None:
    for line in text.splitlines():
        table.add(tomlkit.comment(line) if line else tomlkit.nl())


class _Words:
    """The comments' words in one language, looked up without changing the language in
    force (an export may run beside a screen that speaks another)."""

    def __init__(self, code: str) -> None:
        self._catalog = language.catalog(code)
        self._ways = conventions.BY_LANGUAGE[code]

    def __call__(self, message: str) -> str:
        return self._catalog.gettext(message)

    def count(self, number: int) -> str:
        """`2,000` (German `2.000`)."""
        return self._ways.number(f"{number:,}")


def yearly_summary(journal: Journal, year: int, *, generated_at: datetime | None = None) -> str:
    """The summary of `year` as TOML text (see the module docstring)."""
    profile = journal.profile()
    words = _Words(profile.language or language.ENGLISH)
    rows = journal.summaries(DecisionFilter(year=year), limit=None)
    doc = tomlkit.document()
    # A comment cannot escape anything: the name is written out (`\x1b`) instead.
    name = visible(profile.name, lines=False)
    whose = words(_WHOSE).format(name=name) if profile.name else words(_NOBODY)
    header = words(_HEADER).format(year=year, whose=whose, currency=profile.currency)
    _comment_lines(doc, header)
    doc.add(tomlkit.nl())
    doc.add("summary", _summary_table(year, profile.currency, generated_at or clock.now(), words))
    doc.add("profile", _profile_table(journal, words))
    doc.add("ltv", _ltv_table(journal, year, words))
    doc.add("totals", _totals_table(rows, words))
    doc.add("top", _top_table(rows, words))
    doc.add("calibration", _calibration_table(journal, year, words))
    text = tomlkit.dumps(doc)
    body = render_decisions(journal.iter_decisions(DecisionFilter(year=year)))
    if not body:
        return text + f"\n# {words(_NO_DECISIONS)}\n"
    return text + "\n" + as_comment(words(DECISIONS_WORDS)) + "\n" + body


def _summary_table(year: int, currency: str, generated_at: datetime, words: _Words) -> Table:
    table = tomlkit.table()
    table.add("year", year)
    table.add("currency", currency)
    table.add("generated_at", generated_at)
    table.add("format_version", FORMAT_VERSION)
    table["format_version"].comment(words(_VERSION))
    return table


def _profile_table(journal: Journal, words: _Words) -> Table:
    table = tomlkit.table()
    _comment_lines(table, words(_PROFILE))
    profile = journal.profile()
    for key, text in profile_pairs(profile):
        table.add(key, _value(text))
    worth = worth_pairs(profile)
    if worth:
        priced = tomlkit.table()
        priced.add(tomlkit.comment(words(_WORTH)))
        for key, text in worth:
            priced.add(key, _value(text))
        table.add("worth", priced)
    return table


def _figure(dimension: Dimension, value: Decimal) -> Item:
    return _value(literals.money(value))


def _ltv_table(journal: Journal, year: int, words: _Words) -> Table:
    start = journal.running_score(date(year - 1, 12, 31))
    end = journal.running_score(date(year, 12, 31))
    table = tomlkit.table(is_super_table=True)
    _comment_lines(table, words(_LTV).format(before=year - 1, year=year))
    for dim in DIMENSIONS:
        table.add(str(dim), _change_row(start.ltv[dim], end.ltv[dim]))
    worth = journal.profile().worth
    before, after = combined_value(start.ltv, worth), combined_value(end.ltv, worth)
    if before is not None and after is not None:
        combined = _change_row(before, after)
        combined.comment(words(_COMBINED))
        table.add("combined", combined)
    table.add("range", _range_table(journal, year, end.baseline, words))
    return table


def _range_table(
    journal: Journal, year: int, baseline: Mapping[Dimension, Decimal], words: _Words
) -> Table:
    """How sure `end` is: P10 / P50 / P90 of each dimension's LTV at 31 December, drawn
    from the confidences and ranges (core.journal_band), and the share of draws in which
    the decisions up to then raise the lifetime value."""
    band = lifetime_band(journal.bands([year * 100 + 12])[0], baseline)
    table = tomlkit.table(is_super_table=False)
    _comment_lines(table, words(_RANGE).format(year=year, draws=words.count(band.draws)))
    table.add("p_raises", _value(str(band.p_raises)))
    table.add("draws", band.draws)
    spreads = [(str(dim), band.dimensions[dim]) for dim in DIMENSIONS]
    if band.combined is not None:
        spreads.append(("combined", band.combined))
    for name, spread in spreads:
        row = tomlkit.inline_table()
        for key in ("p10", "p50", "p90"):
            row.append(key, _value(literals.money(getattr(spread, key))))
        table.add(name, row)
    return table


def _change_row(start: Decimal, end: Decimal) -> Table:
    row = tomlkit.table()
    row.add("start", _value(literals.money(start)))
    row.add("end", _value(literals.money(end)))
    row.add("change", _value(literals.money(end - start)))
    return row


def _totals_table(rows: list[DecisionSummary], words: _Words) -> Table:
    spent = sum((r.amount for r in rows if r.kind is Kind.EXPENSE), Decimal(0))
    invested = sum((r.amount for r in rows if r.kind is Kind.INVESTMENT), Decimal(0))
    kinds = Counter(str(r.kind) for r in rows)
    categories = Counter(r.category or NO_CATEGORY for r in rows)
    table = tomlkit.table()
    _comment_lines(table, words(_TOTALS))
    table.add("decisions", len(rows))
    table.add("spent", _value(literals.money(spent)))
    table.add("invested", _value(literals.money(invested)))
    by_kind = tomlkit.table()
    for kind in Kind:
        by_kind.add(str(kind), kinds[str(kind)])
    table.add("by_kind", by_kind)
    by_category = tomlkit.table()
    for name in sorted(categories):
        by_category.add(_key(name), categories[name])
    table.add("by_category", by_category)
    return table


def _top_table(rows: list[DecisionSummary], words: _Words) -> Table:
    table = tomlkit.table(is_super_table=True)
    _comment_lines(table, words(_TOP).format(count=TOP_COUNT))
    for dim in DIMENSIONS:
        moved = [r for r in rows if r.values[dim] != 0]
        moved.sort(key=lambda r: (-abs(r.values[dim]), r.date, r.id))
        if not moved:
            continue
        entries = tomlkit.aot()
        for row in moved[:TOP_COUNT]:
            entry = tomlkit.table()
            entry.add("title", _value(literals.string(row.title)))
            entry.add("id", row.id)
            entry.add("date", row.date)
            entry.add("value", _figure(dim, row.values[dim]))
            entries.append(entry)
        table.add(str(dim), entries)
    return table


def _calibration_table(journal: Journal, year: int, words: _Words) -> Table:
    results = calibrate(journal.calibration_samples())
    table = tomlkit.table()
    _comment_lines(table, words(_CALIBRATION).format(year=year))
    table.add("reviews_in_year", journal.reviews_between(date(year, 1, 1), date(year, 12, 31)))
    for dim, result in results.items():
        row = tomlkit.table()
        row.add("reviews", result.reviews)
        for key in ("mean_error", "mean_abs_error", "brier"):
            figure = getattr(result, key)
            if figure is not None:
                row.add(key, _value(literals.rate(figure)))
        table.add(str(dim), row)
    return table
