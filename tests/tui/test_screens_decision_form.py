"""The add/edit form: quick log, live preview, validation beside the field, editing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.widgets import Input, RadioButton, Static

from ltv_journal.core.decision import Decision, Kind, Observation, Review
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.tui.screens.decision_form import DecisionForm

from .screen_host import Host, pilot_test

TODAY = date(2026, 11, 25)


def preview(app: Host) -> str:
    return str(app.screen.query_one("#preview", Static).render())


def error_text(app: Host, key: str) -> str:
    return str(app.screen.query_one(f"#field-{key} .field-error", Static).render())


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


@pilot_test
async def test_quick_log_needs_only_a_title(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Coffee beans", "enter")
    [decision] = app.result
    assert decision == Decision(title="Coffee beans", date=TODAY)
    assert decision.kind is Kind.EXPENSE and decision.amount == 0 and not decision.effects
    assert decision.id == ""


@pilot_test
async def test_title_tab_amount_enter_logs_the_amount(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"New bike", "tab", *"900", "enter")
    [decision] = app.result
    assert (decision.title, decision.amount, decision.date) == ("New bike", Decimal(900), TODAY)


@pilot_test
async def test_the_chosen_kind_reads_without_colour(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:

        def marks() -> list[bool]:
            buttons = app.screen.query_one("#kind").query(RadioButton)
            return ["•" in str(button.render()) for button in buttons]

        assert marks() == [True, False]
        app.screen.query_one("#kind").focus()
        await pilot.press("right", "enter")
        assert marks() == [False, True]


@pilot_test
async def test_a_bad_date_gives_no_verdict(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#amount", "100")
        await type_into(pilot, "#date", "2026-13-01")
        await pilot.pause()
        assert "→ fix the marked fields first" in preview(app)
        assert "lowers" not in preview(app)


@pilot_test
async def test_preview_answers_the_question_while_typing(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "neutral" in preview(app)
        await type_into(pilot, "#amount", "1.500,00")
        await pilot.pause()
        assert "lowers" in preview(app)
        assert "-1,500.00 EUR" in preview(app)
        await type_into(pilot, "#money-per_year", "6000")
        await type_into(pilot, "#money-delay_months", "12")
        await pilot.pause()
        # 2027-11-25 to retirement on 2046-01-01: 217 months of 500, less the 1,500 spent.
        assert "raises" in preview(app)
        assert "+107,000.00 EUR" in preview(app)
        await type_into(pilot, "#happiness-per_year", "-2")
        await type_into(pilot, "#happiness-lasts", "3")
        await pilot.pause()
        assert "trade-off" in preview(app)
        assert "-6 pts" in preview(app)


@pilot_test
async def test_ambiguous_amount_is_explained_and_blocks_saving(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Bike")
        await type_into(pilot, "#amount", "1,234")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "ambiguous" in error_text(app, "amount")
        assert "→ fix the marked fields first" in preview(app)
        for verdict in ("raises", "lowers", "trade-off", "neutral"):
            assert verdict not in preview(app)
        assert app.screen.query_one("#amount", Input).has_class("-invalid")
        await type_into(pilot, "#amount", "1,234.00")
        await pilot.pause()
        assert error_text(app, "amount") == ""
        await pilot.press("enter")
    assert app.result[0].amount == Decimal("1234.00")


@pilot_test
async def test_an_amount_in_another_currency_is_refused(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Bike")
        await type_into(pilot, "#amount", "900 USD")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "not in EUR" in error_text(app, "amount")
        await type_into(pilot, "#amount", "900 €")
        await pilot.pause()
        await pilot.press("enter")
    assert app.result[0].amount == Decimal(900)


@pilot_test
async def test_missing_title_and_bad_effect_are_marked(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#love-per_year", "1")
        await type_into(pilot, "#love-confidence", "150%")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result == []
        assert "is required" in error_text(app, "title")
        row_error = str(app.screen.query_one("#effect-love .effect-error", Static).render())
        assert "confidence: must be more than 0 and at most 1" in row_error
        assert app.focused is app.screen.query_one("#title")
        assert "—" in preview(app)


@pilot_test
async def test_full_entry_reads_every_field(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster, categories=["education", "travel"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Online course", "tab", *"499")
        await pilot.press("tab", "right", "enter")  # kind: investment
        await type_into(pilot, "#date", "2026-11-01")
        await type_into(pilot, "#category", "education")
        await type_into(pilot, "#tags", "Skills, online")
        await type_into(pilot, "#happiness-per_year", "1,5")
        await type_into(pilot, "#happiness-lasts", "5")
        await type_into(pilot, "#happiness-half_life_years", "2")
        await type_into(pilot, "#happiness-confidence", "70")
        await type_into(pilot, "#expectation", "a better job within a year")
        await type_into(pilot, "#feeling", "hopeful")
        await type_into(pilot, "#review_on", "2027-06-01")
        await pilot.press("enter")
    [d] = app.result
    assert (d.title, d.kind, d.date, d.amount) == (
        "Online course",
        Kind.INVESTMENT,
        date(2026, 11, 1),
        Decimal(499),
    )
    assert (d.category, d.tags) == ("education", ("skills", "online"))
    assert d.effects == {
        Dimension.HAPPINESS: Effect(
            per_year=Decimal("1.5"),
            years=Decimal(5),
            half_life_years=Decimal(2),
            confidence=Decimal("0.7"),
        )
    }
    assert (d.expectation, d.feeling, d.review_on) == (
        "a better job within a year",
        "hopeful",
        date(2027, 6, 1),
    )


@pilot_test
async def test_escape_on_an_untouched_form_closes_it(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
    assert app.result == [None]


@pilot_test
async def test_escape_asks_before_throwing_typed_content_away(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Half-typed", "escape")
        await pilot.pause()
        assert app.result == []
        assert "Discard what you typed?" in str(app.screen.query_one("#confirm-discard").render())
        await pilot.press("x")  # any other key: back to the form, the key not typed
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one("#title", Input).value == "Half-typed"
        await pilot.press("escape", "escape")
    assert app.result == [None]


@pilot_test
async def test_a_save_that_fails_keeps_the_form_open_with_the_reason(
    max_muster: Profile,
) -> None:
    from ltv_journal.store.errors import Invalid

    def refuse(decision: Decision) -> Decision:
        raise Invalid([("title", "is already used today"), ("", "the disk is full")])

    app = Host(DecisionForm(max_muster, save=refuse))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Bike", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.result == []
        assert isinstance(app.screen, DecisionForm)
        assert "is already used today" in error_text(app, "title")
        assert app.screen.query_one("#title", Input).value == "Bike"
        assert app.said == ["Not saved: the disk is full"]


def saved_decision() -> Decision:
    return Decision(
        id="6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b",
        title="Build an online business",
        date=date(2025, 1, 1),
        kind=Kind.INVESTMENT,
        amount=Decimal("250.00"),
        category="education",
        tags=("online-business",),
        notes="first\nsecond line",
        feeling="nervous",
        review_on=date(2026, 1, 15),
        effects={
            Dimension.MONEY: Effect(
                per_year=Decimal(6000), delay_months=12, until=Until.RETIREMENT
            ),
            Dimension.MEANING: Effect(per_year=Decimal(2), confidence=Decimal("0.7")),
        },
        reviews=(
            Review(
                date=date(2025, 7, 1),
                actual={Dimension.MONEY: Observation(Decimal(4800), True)},
                id="r1",
            ),
        ),
    )


@pilot_test
async def test_edit_prefills_and_keeps_identity(max_muster: Profile) -> None:
    original = saved_decision()
    app = Host(DecisionForm(max_muster, original))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.query_one("#title", Input).value == "Build an online business"
        assert screen.query_one("#amount", Input).value == "250.00"
        assert screen.query_one("#money-per_year", Input).value == "6000"
        assert screen.query_one("#money-delay_months", Input).value == "12"
        assert screen.query_one("#money-lasts", Input).value == "retirement"
        assert screen.query_one("#meaning-confidence", Input).value == "70%"
        assert screen.query_one("#review_on", Input).value == "2026-01-15"
        await pilot.press("enter")
    assert app.result == [original]


@pilot_test
async def test_edit_changes_one_field(max_muster: Profile) -> None:
    original = saved_decision()
    app = Host(DecisionForm(max_muster, original))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#money-per_year", "4800")
        await pilot.press("enter")
    [edited] = app.result
    assert edited.id == original.id and edited.reviews == original.reviews
    assert edited.effects[Dimension.MONEY].per_year == Decimal(4800)
    assert edited.notes == "first\nsecond line"


@pilot_test
async def test_preview_without_birth_date_says_what_is_missing() -> None:
    app = Host(DecisionForm(Profile()))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#meaning-per_year", "1")
        await pilot.pause()
        # an effect until death cannot be scored without a birth date: said at its row
        row_error = str(app.screen.query_one("#effect-meaning .effect-error", Static).render())
        assert "until death needs your birth date" in row_error
        assert "fix the marked fields first" in preview(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        await type_into(pilot, "#meaning-lasts", "10")
        await pilot.pause()
        assert "+10 pts" in preview(app)


def test_the_preview_asks_to_fix_marked_fields_only_when_some_are_marked(
    max_muster: Profile,
) -> None:
    from ltv_journal.tui.screens.decision_preview import preview_text

    draft = Decision(title="Bike", date=TODAY, effects={})
    marked = preview_text(draft, max_muster, {Dimension.MONEY}, marked=True).plain
    unmarked = preview_text(draft, max_muster, {Dimension.MONEY}, marked=False).plain
    assert "fix the marked fields first" in marked
    assert "fix the marked fields first" not in unmarked
    assert "some fields cannot be read yet" in unmarked


@pilot_test
async def test_huge_numbers_are_marked_at_their_field_and_the_draft_stays(
    max_muster: Profile,
) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*"Lottery")
        await type_into(pilot, "#money-per_year", "99999999999999999999")
        await type_into(pilot, "#happiness-per_year", "1")
        await type_into(pilot, "#happiness-half_life_years", "1e-999999")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []  # nothing saved, the form is still open
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one("#title", Input).value == "Lottery"
        shown = str(app.screen.query_one("#money-per_year", Input).value)
        assert shown == "99999999999999999999"
        errors = " ".join(
            str(s.render()) for s in app.screen.query(".effect-error").results(Static)
        )
        assert "at most 1,000,000,000,000" in errors
        assert "from 0.001 to 1,000,000 years" in errors
