"""The whole journal's band (core/journal_band.py read by store/band_reads.py), on real
journal files, against closed forms within its sampling error at the fixed seed.

At 2,000 draws a share has a standard error of at most 0.011 and a percentile of a
normal spread σ about 0.04 σ; the tolerances below are four standard errors or more."""

from __future__ import annotations

import math
import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.journal_band import (
    EVERYTHING,
    SAMPLED,
    JournalUncertainty,
    Pool,
    journal_bands,
    ranged,
    unranged,
)
from ltv_journal.core.uncertainty import DRAWS, Spread, decision_band
from ltv_journal.core.worth import Worth
from ltv_journal.store.band_reads import read_uncertainty

DAY = date(2025, 3, 10)
ONE_YEAR = {"years": Decimal(1)}  # rate 0, no decay: the value is per_year


def _decision(title: str, day: date = DAY, amount: int = 0, **effects: Effect) -> Decision:
    return Decision(
        title=title,
        date=day,
        amount=Decimal(amount),
        effects={Dimension(name): effect for name, effect in effects.items()},
    )


def _happiness(per_year: str, confidence: str = "1", **more: Any) -> Effect:
    return Effect(Decimal(per_year), confidence=Decimal(confidence), **ONE_YEAR, **more)


def test_a_journal_of_certain_effects_has_a_zero_width_band_at_its_totals(journal: Any) -> None:
    journal.add(_decision("Course", amount=900, happiness=_happiness("2")))
    journal.add(_decision("Gym", amount=300, happiness=_happiness("0.5")))
    found = journal.band()
    assert found.dimensions[Dimension.HAPPINESS] == Spread(*[Decimal("2.50")] * 3)
    assert found.dimensions[Dimension.MONEY] == Spread(*[Decimal("-1200.00")] * 3)
    assert found.p_raises == 0  # it costs money and gains points: no worth, no raise
    assert found.draws == DRAWS


def test_a_lone_uncertain_effect_raises_in_the_share_its_confidence_says(journal: Any) -> None:
    journal.add(_decision("Bet", happiness=_happiness("3", "0.7")))
    found = journal.band()
    error = math.sqrt(0.7 * 0.3 / DRAWS)
    assert abs(float(found.p_raises) - 0.7) <= 4 * error
    # Drawn one by one: each draw is the whole effect (3 points) or nothing.
    spread = found.dimensions[Dimension.HAPPINESS]
    assert (spread.p10, spread.p50, spread.p90) == (Decimal(0), Decimal(3), Decimal(3))


def test_many_small_bets_pool_into_the_binomial_spread(journal: Any) -> None:
    """300 coin flips worth one point each: more than are drawn one by one, so most are
    pooled into a normal; the sum is Binomial(300, ½): mean 150, σ = √75."""
    decisions = [_decision(f"Flip {i}", happiness=_happiness("1", "0.5")) for i in range(300)]
    journal.import_decisions(decisions)
    assert SAMPLED < 300
    spread = journal.band().dimensions[Dimension.HAPPINESS]
    sigma = math.sqrt(75)
    assert abs(float(spread.p50) - 150) <= 4 * 0.028 * sigma + 0.5
    for found, z in ((spread.p10, -1.2816), (spread.p90, 1.2816)):
        assert abs(float(found) - (150 + z * sigma)) <= 4 * 0.04 * sigma + 0.5


def test_deleted_decisions_leave_the_band(journal: Any) -> None:
    journal.add(_decision("Sure", happiness=_happiness("1")))
    bet = journal.add(_decision("Bet", happiness=_happiness("5", "0.5")))
    assert journal.band().dimensions[Dimension.HAPPINESS].p90 == Decimal(6)
    journal.delete(bet.id)
    assert journal.band().dimensions[Dimension.HAPPINESS] == Spread(*[Decimal(1)] * 3)


def test_a_ranged_effect_gives_the_journal_the_band_it_gives_its_decision(journal: Any) -> None:
    """Same model, another seed: the two bands agree within sampling error. Also with
    per_year 0, where the stored value (0) cannot tell the effect's unit."""
    for per_year in ("2", "0"):
        effect = _happiness(per_year, "0.9", low=Decimal(-1), high=Decimal(4))
        decision = journal.add(_decision(f"Ranged {per_year}", happiness=effect))
        alone = decision_band(decision, journal.profile()).dimensions[Dimension.HAPPINESS]
        whole = journal.band().dimensions[Dimension.HAPPINESS]
        sigma = 5 / 1.2816 / 2
        for a, b in ((alone.p10, whole.p10), (alone.p50, whole.p50), (alone.p90, whole.p90)):
            assert abs(float(a) - float(b)) <= 8 * 0.04 * sigma + 0.05
        journal.delete(decision.id)


def test_the_band_is_the_same_on_every_read(journal: Any) -> None:
    journal.import_decisions(
        [_decision(f"Bet {i}", happiness=_happiness(str(i % 7 + 1), "0.6")) for i in range(200)]
    )
    assert journal.band() == journal.band()


def test_month_by_month_the_band_grows_with_the_decisions_and_ends_at_the_whole(
    journal: Any,
) -> None:
    journal.add(_decision("March", happiness=_happiness("2", "0.5")))
    journal.add(_decision("May", day=date(2025, 5, 2), happiness=_happiness("4", "0.5")))
    before, march, april, may = journal.bands([202502, 202503, 202504, 202505])
    assert before.dimensions[Dimension.HAPPINESS] == Spread(*[Decimal(0)] * 3)
    assert march.dimensions[Dimension.HAPPINESS] == april.dimensions[Dimension.HAPPINESS]
    assert march.dimensions[Dimension.HAPPINESS].p90 == Decimal(2)
    assert may.dimensions[Dimension.HAPPINESS].p90 == Decimal(6)
    whole = journal.band().dimensions[Dimension.HAPPINESS]
    assert abs(float(whole.p50) - float(may.dimensions[Dimension.HAPPINESS].p50)) <= 2


def test_the_store_sums_the_same_moments_as_the_model(journal: Any, journal_path: Path) -> None:
    """The SQL variance is `fixed_variance`: the pools equal the terms summed."""
    decisions = [
        _decision(f"D{i}", happiness=_happiness(str(i % 5 + 1), ("0.5", "0.8", "0.9")[i % 3]))
        for i in range(40)
    ]
    journal.import_decisions(decisions)
    with sqlite3.connect(journal_path) as conn:
        source = read_uncertainty(conn, journal.profile(), by_month=False)
    pool = source.pools[(0, Dimension.HAPPINESS)]
    assert len(source.candidates) == 40
    assert math.isclose(pool.expected, sum(t.expected for t in source.candidates))
    assert math.isclose(pool.variance, sum(t.variance for t in source.candidates))


def test_with_a_worth_the_combined_value_settles_whether_the_journal_raises(journal: Any) -> None:
    journal.save_profile(replace(journal.profile(), worth=Worth(happiness=Decimal(1000))))
    journal.add(_decision("Course", amount=900, happiness=_happiness("2", "0.5")))
    found = journal.band()
    assert found.combined is not None
    assert (found.combined.p10, found.combined.p90) == (Decimal(-900), Decimal(1100))
    assert abs(float(found.p_raises) - 0.5) <= 4 * math.sqrt(0.25 / DRAWS)


_TERMS = st.lists(
    st.tuples(
        st.sampled_from(DIMENSIONS),
        st.floats(-1e6, 1e6),
        st.sampled_from([0.1, 0.5, 0.9, 1.0]),
        st.booleans(),
        st.floats(0, 1e4),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(_TERMS)
def test_p10_p50_p90_are_in_order_for_any_journal(terms: list[Any]) -> None:
    pools: dict[tuple[int, Dimension], Pool] = {}
    candidates = []
    totals = dict.fromkeys(DIMENSIONS, 0.0)
    for i, (dim, value, c, is_ranged, width) in enumerate(terms):
        key = (f"{i:04}", str(dim))
        totals[dim] += value
        if is_ranged:
            term = ranged(key, 0, dim, value, c, (value - width, value, value + width), 1.0)
        else:
            term = unranged(key, 0, dim, value, c)
        candidates.append(term)
        pool = pools.setdefault((0, dim), Pool())
        pool.expected += term.expected
        pool.mean += term.mean
        pool.variance += term.variance
    source = JournalUncertainty([(0, totals)], pools, candidates)
    (band,) = journal_bands(source, [EVERYTHING], Worth(happiness=Decimal(10)), draws=200)
    for spread in [*band.dimensions.values(), band.combined]:
        assert spread is not None
        assert spread.p10 <= spread.p50 <= spread.p90
    assert 0 <= band.p_raises <= 1


def test_ten_coin_flips_worth_powers_of_two_sum_to_a_uniform_spread(journal: Any) -> None:
    """Effects of 0.01, 0.02, 0.04 … 5.12 points, each happening with confidence ½: their
    sum is uniform on 0.00 … 10.23 in steps of 0.01, so P10, P50 and P90 are about 1.02,
    5.12 and 9.21. The standard error of a percentile p is √(p(1−p)/N) / density — about
    0.07 points at P10 and 0.11 at P50 — and the tolerance four of them."""
    journal.import_decisions(
        [
            _decision(f"Flip {k}", happiness=_happiness(str(Decimal(2**k) / 100), "0.5"))
            for k in range(10)
        ]
    )
    spread = journal.band().dimensions[Dimension.HAPPINESS]
    for found, p in ((spread.p10, 0.1), (spread.p50, 0.5), (spread.p90, 0.9)):
        error = math.sqrt(p * (1 - p) / DRAWS) * 10.24
        assert abs(float(found) - p * 10.24) <= 4 * error + 0.01, (p, found)


def test_many_ranged_effects_are_pooled_and_only_the_largest_kept_as_terms(
    journal: Any, journal_path: Path
) -> None:
    """200 ranged effects: all in the pools' moments, the 128 widest as terms; and the
    band of 200 equal ranges centred on 1 has its P50 near 200 and is narrower, relative
    to its size, than one effect's (the spreads add up as √n, not n)."""
    effect = _happiness("1", "1", low=Decimal("0.5"), high=Decimal("1.5"))
    journal.import_decisions([_decision(f"R{i}", happiness=effect) for i in range(200)])
    with sqlite3.connect(journal_path) as conn:
        source = read_uncertainty(conn, journal.profile(), by_month=False)
    assert len(source.candidates) == SAMPLED
    one = source.candidates[0]
    pool = source.pools[(0, Dimension.HAPPINESS)]
    assert math.isclose(pool.variance, 200 * one.variance)
    assert math.isclose(pool.expected, 200.0 * 100)  # hundredths
    spread = journal.band().dimensions[Dimension.HAPPINESS]
    sigma = math.sqrt(200) * 0.5 / 1.2816
    assert abs(float(spread.p50) - 200) <= 4 * 0.028 * sigma + 0.05
    assert abs(float(spread.p90 - spread.p10) - 2 * 1.2816 * sigma) <= 4 * 0.08 * sigma + 0.05
