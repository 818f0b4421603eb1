"""Reviewing: the queue, the review form, and the insights it feeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from textual.widgets import Checkbox, Input, Static

from ltv_journal.core.decision import Decision, Kind, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.tui.screens.insights import InsightsScreen
from ltv_journal.tui.screens.review_form import ReviewForm
from ltv_journal.tui.screens.review_queue import ReviewQueue

from .screen_host import Host, pilot_test

TODAY = date(2026, 11, 25)


def course() -> Decision:
    return Decision(
        title="Online course",
        date=date(2026, 1, 10),
        kind=Kind.INVESTMENT,
        amount=Decimal(499),
        category="education",
        effects={
            Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12),
            Dimension.HAPPINESS: Effect(per_year=Decimal(1), years=Decimal(5)),
        },
    )


def headphones() -> Decision:
    return Decision(
        title="Headphones",
        date=date(2026, 2, 1),
        amount=Decimal(300),
        category="gadgets",
        effects={
            Dimension.HAPPINESS: Effect(
                per_year=Decimal(3), years=Decimal(3), confidence=Decimal("0.8")
            )
        },
    )


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


@pilot_test
async def test_review_form_dismisses_the_typed_observations(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        text = str(app.screen.query_one("#obs-money").query_one(".obs-expected", Static).render())
        assert text == "expected +6,000.00 EUR a year"
        await pilot.press(*"4.800,00")  # the money row has focus first
        app.screen.query_one("#happiness-happened", Checkbox).focus()
        await pilot.press("space")
        await type_into(pilot, "#love-actual", "1")
        app.screen.query_one("#repeat").focus()
        await pilot.press("enter")  # yes
        await type_into(pilot, "#notes", "took longer than planned")
        await type_into(pilot, "#hindsight", "the first customers always take a year")
        await type_into(pilot, "#next_review_on", "2027-05-01")
        await pilot.press("enter")
    assert app.result == [
        Review(
            date=TODAY,
            actual={
                Dimension.MONEY: Observation(Decimal("4800.00"), True),
                Dimension.HAPPINESS: Observation(None, False),
                Dimension.LOVE: Observation(Decimal(1), True),
            },
            would_repeat=WouldRepeat.YES,
            notes="took longer than planned",
            hindsight="the first customers always take a year",
            next_review_on=date(2027, 5, 1),
        )
    ]


@pilot_test
async def test_untouched_rows_are_not_recorded(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        # Ticked where an effect was expected (money, happiness), not elsewhere.
        ticks = [screen.query_one(f"#{d}-happened", Checkbox).value for d in Dimension]
        assert ticks == [True, True, False, False]
        # readable without colour: a tick where ticked, blank where not
        assert "✓" in str(screen.query_one("#money-happened", Checkbox).render())
        assert "✓" not in str(screen.query_one("#love-happened", Checkbox).render())
        await type_into(pilot, "#notes", "too early to tell")
        await pilot.press("enter")
    assert app.result == [Review(date=TODAY, notes="too early to tell")]


@pilot_test
async def test_an_unticked_box_records_that_it_did_not_happen(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#money-happened", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
    assert app.result == [
        Review(date=TODAY, actual={Dimension.MONEY: Observation(None, False)}),
    ]


@pilot_test
async def test_enter_on_a_tick_box_saves_and_space_ticks(max_muster: Profile) -> None:
    """The footer says "enter save · space ticks a box": both hold on a box."""
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#money-happened", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("enter")
    assert app.result == [
        Review(date=TODAY, actual={Dimension.MONEY: Observation(None, False)}),
    ]


@pilot_test
async def test_a_review_that_says_nothing_is_refused_with_a_reason(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        said = str(app.screen.query_one("#nothing-said", Static).render())
        assert "say what happened: an actual value, whether it happened, or a lesson" in said
        await type_into(pilot, "#money-actual", "0")
        await pilot.press("enter")
    assert app.result == [
        Review(date=TODAY, actual={Dimension.MONEY: Observation(Decimal(0), True)}),
    ]


@pilot_test
async def test_an_actual_out_of_the_points_scale_shows_beside_its_row(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#happiness-actual", "99")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        shown = str(app.screen.query_one("#obs-happiness .obs-error", Static).render())
        assert shown.startswith("↑ ") and len(shown) > 4


@pilot_test
async def test_money_in_another_currency_is_refused_beside_its_row(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#money-actual", "4800 USD")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        shown = str(app.screen.query_one("#obs-money .obs-error", Static).render())
        assert "is not in EUR, the currency this journal counts in" in shown


@pilot_test
async def test_review_dates_are_checked_beside_their_fields(max_muster: Profile) -> None:
    app = Host(ReviewForm(course(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#date", "2025-12-31")
        await type_into(pilot, "#next_review_on", "2025-06-01")
        await type_into(pilot, "#money-actual", "1,234")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        screen = app.screen

        def error(selector: str) -> str:
            return str(screen.query_one(selector, Static).render())

        assert "must not be before the decision's date" in error("#field-date .field-error")
        assert "must be after the review date" in error("#field-next_review_on .field-error")
        assert "ambiguous" in error("#obs-money .obs-error")
        await pilot.press("escape", "escape")  # asked, then discarded
    assert app.result == [None]


@pilot_test
async def test_review_queue_picks_the_oldest_due_first(journal) -> None:  # type: ignore[no-untyped-def]
    first = journal.add(course())
    second = journal.add(headphones())
    due = journal.review_queue(TODAY)
    app = Host(ReviewQueue(due, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        lines = [str(o.prompt) for o in app.screen.query_one("#due").options]
        assert lines[0].startswith("due 2026-04-10 (229 days ago) · 2026-01-10 Online course")
        assert "Headphones" in lines[1]
        await pilot.press("down", "enter")
    assert app.result == [second.id]
    assert first.id != second.id


@pilot_test
async def test_empty_review_queue_says_so() -> None:
    app = Host(ReviewQueue([], TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Nothing is due" in str(app.screen.query_one(".intro", Static).render())
        await pilot.press("escape")
    assert app.result == [None]


def reviewed_journal(journal):  # type: ignore[no-untyped-def]
    a = journal.add(headphones())
    b = journal.add(course())
    journal.add_review(
        a.id,
        Review(date=date(2026, 6, 1), actual={Dimension.HAPPINESS: Observation(Decimal(1), True)}),
    )
    journal.add_review(
        b.id,
        Review(date=date(2026, 6, 1), actual={Dimension.MONEY: Observation(Decimal(4800), True)}),
    )
    return journal


@pilot_test
async def test_insights_show_calibration_in_numbers_and_words(journal) -> None:  # type: ignore[no-untyped-def]
    app = Host(InsightsScreen(reviewed_journal(journal)))
    async with app.run_test(size=(120, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = app.screen.query_one("#insights-body", Static)
        text = "\n".join(line.text for line in body.render_lines(body.region.reset_offset))
        assert "you expect about 2 happiness points a year more than you get (1 review)" in text
        assert "more from purchases than you get" in text
        assert "you expect about 1,200.00 EUR a year more than you get (1 review)" in text
        assert "-1,200.00 EUR" in text and "0.040" in text
        assert "gadgets" in text and "education" in text
        await pilot.press("q")
    assert app.result == [None]


@pilot_test
async def test_insights_without_reviews(journal) -> None:  # type: ignore[no-untyped-def]
    app = Host(InsightsScreen(journal))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No reviews yet" in str(app.screen.query_one("#insights-body", Static).render())


@pilot_test
async def test_insights_leave_out_what_says_nothing_and_indent_wrapped_lines(journal) -> None:  # type: ignore[no-untyped-def]
    reviewed_journal(journal)
    saved = journal.add(replace(course(), title="Savings plan", category="savings"))
    journal.add_review(  # money happened, but no value was recorded
        saved.id,
        Review(date=date(2026, 6, 1), actual={Dimension.MONEY: Observation(None, True)}),
    )
    app = Host(InsightsScreen(journal))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = app.screen.query_one("#insights-body", Static)
        lines = [line.text.rstrip() for line in body.render_lines(body.region.reset_offset)]
        early = "Too early to tell (fewer than 3 reviews)"
        assert early in lines  # this journal's findings rest on one or two reviews each
        words = [
            line for line in lines[: lines.index("Overall")] if line.strip() and line != early
        ][1:]
        assert "no reviews of" not in "\n".join(lines)
        assert any(len(line.rstrip()) > 60 for line in words)  # some sentences wrap
        assert words[0].startswith("  • ")
        assert all(line.startswith(("  • ", "    ")) for line in words)


def web_shop() -> Decision:
    from ltv_journal.core.clv import CustomerValue

    clv = CustomerValue(Decimal(4), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3))
    money = Effect(per_year=clv.money_per_year(), years=Decimal(5), clv=clv)
    return Decision(title="Web shop", date=date(2025, 1, 1), effects={Dimension.MONEY: money})


@pilot_test
async def test_money_from_customers_is_reviewed_by_the_customers_seen(max_muster: Profile) -> None:
    """3 customers a month instead of 4: 108 paying at steady state × 144 a year."""
    app = Host(ReviewForm(web_shop(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        said = str(app.screen.query_one("#obs-money").query_one(".obs-expected", Static).render())
        assert "customers:3/m" in said  # the form says it can be typed
        await pilot.press(*"customers:3/m", "enter")
    [review] = app.result
    assert review.actual[Dimension.MONEY] == Observation(Decimal("15552.00"), True)


@pilot_test
async def test_customer_figures_that_cannot_be_read_are_marked(max_muster: Profile) -> None:
    app = Host(ReviewForm(web_shop(), max_muster, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"visitors:300/m", "enter")
        await pilot.pause()
        assert app.result == []
        assert app.screen.query_one("#money-actual", Input).has_class("-invalid")
        assert app.screen.query_one("#money-actual", Input).value == "visitors:300/m"
