"""How sure the LTV is, on the score cards: the journal's P10–P90 on each card's border
where it fits, in full in the card's tooltip, and gone when nothing is uncertain."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.core.money import format_points
from ltv_journal.store.journal import Journal
from ltv_journal.tui.widgets.score_cards import ScoreCard

from .app_support import RecordingApp, detail_text, settle
from .screen_host import pilot_test


def _bet(confidence: str) -> Decision:
    effect = Effect(Decimal(4), years=Decimal(1), confidence=Decimal(confidence))
    return Decision(title="Bet", date=date(2026, 3, 1), effects={Dimension.HAPPINESS: effect})


@pilot_test
async def test_the_cards_show_the_journals_band_and_the_share_of_draws_that_raise(
    journal: Journal,
) -> None:
    journal.add(_bet("0.5"))
    expected = lifetime_band(journal.band(), journal.score().baseline)
    spread = expected.dimensions[Dimension.HAPPINESS]
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#card-happiness", ScoreCard)
        low, high = format_points(spread.p10), format_points(spread.p90)
        assert card.border_subtitle == f"P10–P90 {low}–{high}"
        assert (low, high) == ("0", "4")
        assert card.tooltip is not None
        assert f"raise the lifetime value in {expected.p_raises * 100:.1f}%" in str(card.tooltip)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert card.border_subtitle == "0–4"  # the whole-number wording fits a narrow card


@pilot_test
async def test_a_certain_journal_has_no_band_on_its_cards(journal: Journal) -> None:
    journal.add(_bet("1"))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#card-happiness", ScoreCard)
        assert card.border_subtitle == ""
        assert "P10" not in str(card.tooltip)


@pilot_test
async def test_the_detail_pane_gives_an_uncertain_decisions_band(journal: Journal) -> None:
    journal.add(_bet("0.5"))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        shown = detail_text(app)
        assert "band (P10 / P50 / P90): happiness 0 / " in shown
        assert "% of 2,000 draws" in shown
