"""Adds in the terminal UI after the profile was changed in a shell use the new profile:
the stored values and the totals equal a rebuild."""

from __future__ import annotations

from dataclasses import replace

from ltv_journal.store.journal import Journal
from ltv_journal.store.scoring import EffectValues

from .app_support import RecordingApp, fill, settle
from .screen_host import pilot_test


@pilot_test
async def test_tui_adds_after_a_profile_change_elsewhere_use_it(journal: Journal) -> None:
    fill(journal)
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        with Journal(journal.location) as shell:  # another program: `ltv-journal profile`
            shell.save_profile(replace(shell.profile(), retirement_age=60, life_expectancy=75))
        for title in ("Lessons", "Bike"):
            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*title, "tab", *"100")
            form = app.screen
            form.query_one("#love-per_year").value = "1"  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert f"Added {title!r}." in app.said
    with Journal(journal.location) as check:
        profile = check.profile()
        assert profile.retirement_age == 60
        values = EffectValues(profile)
        stored = {s.id: s.values for s in check.summaries(limit=None)}
        for decision in check.iter_decisions():
            assert values.decision(decision) == stored[decision.id], decision.title
        total = {d: sum(v[d] for v in stored.values()) for d in next(iter(stored.values()))}
        assert {d: check.score().ltv[d] - check.score().baseline[d] for d in total} == total
