"""The smaller screens: profile, filter, year picker, export and help."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Static

from ltv_journal.core.decision import Kind
from ltv_journal.core.profile import Profile
from ltv_journal.store.queries import DecisionFilter
from ltv_journal.tui.screens.export_dialog import ExportDialog, ExportRequest
from ltv_journal.tui.screens.filter_form import FilterForm
from ltv_journal.tui.screens.help import HelpScreen
from ltv_journal.tui.screens.profile_form import ProfileForm
from ltv_journal.tui.screens.year_picker import YearChoice, YearPicker

from .screen_host import Host, pilot_test


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


def error_text(app: Host, key: str) -> str:
    return str(app.screen.query_one(f"#field-{key} .field-error", Static).render())


@pilot_test
async def test_first_run_profile_needs_only_the_essentials() -> None:
    app = Host(ProfileForm(Profile(), first_run=True))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "birth date" in str(app.screen.query_one("#welcome", Static).render())
        await pilot.press(*"Max Muster", "tab", *"1979", "tab", *"35.000,00", "enter")
    assert app.result == [
        Profile(name="Max Muster", birth_date=date(1979, 7, 1), annual_income=Decimal(35000))
    ]


@pilot_test
async def test_a_blank_income_is_refused_with_a_reason(max_muster: Profile) -> None:
    app = Host(ProfileForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#annual_income", "")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "give your yearly income" in error_text(app, "annual_income")
        await type_into(pilot, "#annual_income", "0")
        await pilot.press("enter")
    [profile] = app.result
    assert profile.annual_income == 0


@pilot_test
async def test_an_income_of_zero_is_shown_as_zero() -> None:
    app = Host(ProfileForm(Profile(name="Student", annual_income=Decimal(0))))
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one("#annual_income", Input).value == "0.00"


@pilot_test
async def test_profile_problems_show_beside_their_fields(max_muster: Profile) -> None:
    app = Host(ProfileForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#return_rate", Input).value == "5%"
        await type_into(pilot, "#retirement_age", "20")
        await type_into(pilot, "#currency", "euro")
        await type_into(pilot, "#birth_date", "1/1/1979")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        # every problem at once, not one round at a time
        assert "ambiguous" in error_text(app, "birth_date")
        assert "at least the career start age" in error_text(app, "retirement_age")
        assert "three-letter" in error_text(app, "currency")
        await type_into(pilot, "#birth_date", "1979-01-01")
        await type_into(pilot, "#retirement_age", "65")
        await type_into(pilot, "#currency", "chf")
        await type_into(pilot, "#discount_rate", "2%")
        await pilot.press("enter")
    [profile] = app.result
    assert (profile.retirement_age, profile.currency, profile.discount_rate) == (
        65,
        "CHF",
        Decimal("0.02"),
    )
    assert profile.annual_income == max_muster.annual_income


@pilot_test
async def test_filter_form_returns_the_filter_and_keeps_the_year() -> None:
    current = DecisionFilter(year=2026, text="old")
    app = Host(FilterForm(current, categories=["education", "travel"], tags=["bike"]))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#text", Input).value == "old"
        await type_into(pilot, "#text", "bike")
        await type_into(pilot, "#category", "travel")
        app.screen.query_one("#kind").focus()
        await pilot.press("right", "enter")  # expense
        await type_into(pilot, "#start", "2026-01-01")
        await type_into(pilot, "#end", "2026-06-30")
        await pilot.press("enter")
    assert app.result == [
        DecisionFilter(
            text="bike",
            category="travel",
            kind=Kind.EXPENSE,
            year=2026,
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
        )
    ]


@pilot_test
async def test_filter_form_checks_dates_and_clears() -> None:
    app = Host(FilterForm(DecisionFilter(tag="bike")))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#start", "2026-06-30")
        await type_into(pilot, "#end", "2026-01-01")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "must not be before the from date" in error_text(app, "end")
        await pilot.press("ctrl+r")
    assert app.result == [DecisionFilter()]


@pilot_test
async def test_year_picker_offers_all_years_and_each_year() -> None:
    app = Host(YearPicker([2025, 2026], current=2026))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
    assert app.result == [YearChoice(2025)]
    app = Host(YearPicker([2025, 2026], current=2025))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("home", "enter")
    assert app.result == [YearChoice(None)]


@pilot_test
async def test_export_dialog_defaults_the_path_and_follows_the_year(tmp_path: Path) -> None:
    app = Host(ExportDialog([2025, 2026], 2026, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#path", Input).value == str(tmp_path / "ltv-journal-2026.toml")
        app.screen.query_one("#year").value = 2025
        await pilot.pause()
        app.screen.query_one("#path").focus()
        await pilot.press("enter")
    assert app.result == [ExportRequest(2025, tmp_path / "ltv-journal-2025.toml")]


@pilot_test
async def test_export_dialog_asks_before_replacing_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "ltv-journal-2026.toml"
    existing.write_text("kept", encoding="utf-8")
    app = Host(ExportDialog([2025, 2026], 2026, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "this file exists: press enter again to replace it" in error_text(app, "path")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []  # the first enter only asks
        app.screen.query_one("#year").value = 2025  # a new file: no question
        await pilot.pause()
        assert error_text(app, "path") == ""
        app.screen.query_one("#year").value = 2026
        await pilot.pause()
        app.screen.query_one("#path").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []  # asked again for the file that exists
        await pilot.press("enter")
    assert app.result == [ExportRequest(2026, existing)]
    assert existing.read_text(encoding="utf-8") == "kept"  # the dialog itself writes nothing


@pilot_test
async def test_export_dialog_refuses_a_missing_folder(tmp_path: Path) -> None:
    app = Host(ExportDialog([2026], 2026, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#path", str(tmp_path / "nowhere" / "x.toml"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "does not exist" in error_text(app, "path")
        await pilot.press("escape", "escape")  # the typed path is discarded on asking
    assert app.result == [None]


@pilot_test
async def test_help_lists_the_keys() -> None:
    app = Host(HelpScreen([("a", "add a decision"), ("q", "quit")]))
    async with app.run_test(size=(80, 24)) as pilot:
        keys = app.screen.query_one("#keys", Static)
        text = "\n".join(line.text for line in keys.render_lines(keys.region.reset_offset))
        assert "add a decision" in text
        await pilot.press("question_mark")
    assert app.result == [None]
