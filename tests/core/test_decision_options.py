"""The options a decision was chosen from: same rules as the decision's own, 2 to 5 in
all, and carried whole by the codec the undo log and --json use."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.codec import from_plain, to_plain
from ltv_journal.core.decision import Decision, Kind, Option, option_of
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect

H, M = Dimension.HAPPINESS, Dimension.MONEY
DAY = date(2026, 1, 10)
COURSE = Decision(
    title="Course",
    date=DAY,
    kind=Kind.INVESTMENT,
    amount=Decimal(1200),
    effects={Dimension.MEANING: Effect(per_year=Decimal(1), years=Decimal(5))},
)
WATCH = Option("Watch", amount=Decimal(900), effects={H: Effect(per_year=Decimal("0.5"))})
KEEP = Option("Keep the money")


def test_a_decision_with_valid_options_has_no_problems() -> None:
    decision = Decision(title="Course", date=DAY, options=(WATCH, KEEP))
    assert decision.problems() == []


def test_option_effects_are_spelled_out_like_a_decisions() -> None:
    assert WATCH.effects[H].until is Until.DEATH
    spelled = {H: Effect(per_year=Decimal("0.5"), until=Until.DEATH)}
    assert Option("Watch", amount=Decimal(900), effects=spelled) == WATCH


def test_option_problems_are_named_by_position_and_field() -> None:
    bad_range = Option(
        "Trip",
        effects={H: Effect(per_year=Decimal(2), low=Decimal(3), high=Decimal(1))},
    )
    untitled = Option("  ", amount=Decimal("-1"))
    decision = Decision(title="Course", date=DAY, options=(KEEP, bad_range, untitled))
    assert decision.problems() == [
        ("options.1.happiness.low", "must not be above high (3 > 1)"),
        ("options.2.title", "is required"),
        ("options.2.amount", "must be zero or more"),
    ]


def test_a_half_range_and_an_off_scale_point_are_refused_on_an_option() -> None:
    half = Option("Trip", effects={H: Effect(per_year=Decimal(2), low=Decimal(1))})
    loud = Option("Party", effects={H: Effect(per_year=Decimal(11))})
    names = [n for n, _ in Decision(title="x", date=DAY, options=(half, loud)).problems()]
    assert names == ["options.0.happiness.high", "options.1.happiness.per_year"]


def test_more_than_five_in_all_is_refused() -> None:
    five = Decision(title="Course", date=DAY, options=(KEEP,) * 4)
    six = Decision(title="Course", date=DAY, options=(KEEP,) * 5)
    assert five.problems() == []
    [(name, why)] = six.problems()
    assert name == "options"
    assert "at most 5 options" in why and "(6 given)" in why


def test_an_option_is_valued_as_a_decision_on_the_same_day() -> None:
    drafted = WATCH.as_decision(DAY)
    assert (drafted.title, drafted.date, drafted.amount) == ("Watch", DAY, Decimal(900))
    assert drafted.effects == WATCH.effects
    assert option_of(COURSE) == Option("Course", Kind.INVESTMENT, Decimal(1200), COURSE.effects)


def test_the_codec_carries_options() -> None:
    decision = Decision(title="Course", date=DAY, options=(WATCH, KEEP), id="x")
    plain = to_plain(decision)
    assert [o["title"] for o in plain["options"]] == ["Watch", "Keep the money"]
    assert plain["options"][0]["effects"]["happiness"]["per_year"] == "0.5"
    assert from_plain(Decision, plain) == decision
