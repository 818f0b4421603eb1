"""The core's words in German: explanations, verdicts, bands, insights, validation
reasons and amount errors, with German figures; English stays as it is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ltv_journal.core import language
from ltv_journal.core.band_text import raises_text, with_band_line
from ltv_journal.core.calibration import DimensionCalibration, describe, subject
from ltv_journal.core.decision import Decision, Kind, Observation, Option, Review, WouldRepeat
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.explain import detail_lines, effect_in_words, judgement_sentence
from ltv_journal.core.money import AmountError, parse_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.road_not_taken import road_not_taken
from ltv_journal.core.score import decision_values
from ltv_journal.core.uncertainty import decision_band
from ltv_journal.core.verdict import Judgement, Verdict, judge
from ltv_journal.core.worth import Worth, left_out

ONLINE_BUSINESS = Decision(
    title="Build an online business",
    date=date(2025, 1, 1),
    kind=Kind.INVESTMENT,
    effects={Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12)},
)


def test_the_seed_example_explained_in_german(max_muster: Profile) -> None:
    with language.using("de"):
        lines = detail_lines(ONLINE_BUSINESS, max_muster)
    assert lines == [
        "Build an online business",
        "01.01.2025 · Investition · 0,00\xa0€",
        "noch nicht gespeichert",
        "Urteil: erhöht deinen Lifetime-Value",
        "Wirkungen:",
        "  Geld: +6.000,00\xa0€ im Jahr, nach 12 Monaten, bis zum Renteneintritt "
        "(240 Monate) → +120.000,00\xa0€",
        "Investition: Nettogewinn +120.000,00\xa0€, ROI —",
    ]


def test_the_seed_example_in_english_is_unchanged(max_muster: Profile) -> None:
    lines = detail_lines(ONLINE_BUSINESS, max_muster)
    assert lines[1] == "2025-01-01 · investment · 0.00 EUR"
    assert lines[5] == (
        "  money: +6,000.00 EUR a year, after 12 months, until retirement (240 months) "
        "→ +120,000.00 EUR"
    )


def _reviewed(profile: Profile) -> tuple[Decision, Profile]:
    worthy = Profile(
        name=profile.name,
        birth_date=profile.birth_date,
        annual_income=profile.annual_income,
        worth=Worth(love=Decimal(1000)),
    )
    decision = Decision(
        title="Dinner club",
        date=date(2025, 1, 1),
        amount=Decimal(450),
        id="d1",
        effects={
            Dimension.LOVE: Effect(
                per_year=Decimal(1),
                years=Decimal(3),
                confidence=Decimal("0.7"),
                low=Decimal("0.5"),
                high=Decimal(2),
            )
        },
        reviews=(
            Review(
                date=date(2025, 6, 1),
                actual={Dimension.LOVE: Observation(Decimal("1.5"), True)},
                would_repeat=WouldRepeat.YES,
                notes="worth it",
            ),
        ),
        options=(Option("Stay home", amount=Decimal(100)),),
    )
    return decision, worthy


def test_every_line_of_show_speaks_german(max_muster: Profile) -> None:
    decision, profile = _reviewed(max_muster)
    with language.using("de"):
        lines = with_band_line(detail_lines(decision, profile), decision, profile)
        lines += road_not_taken(decision, profile, bands=True)
    text = "\n".join(lines)
    assert "Urteil: erhöht deinen Lifetime-Value um etwa 1.700\xa0€" in text
    assert "Spanne (P10 / P50 / P90): Gesamtwert " in text
    assert "von 2.000 Ziehungen" in text
    assert "  Liebe: +1 Pkt. im Jahr (P10 +0,5 Pkt., P90 +2 Pkt.), für 3 Jahre (36 Monate)" in text
    assert "Zuversicht 70\xa0% → +2,1 Punktjahre" in text
    assert "Rückblick vom 01.06.2025 · würde wieder so entscheiden: ja" in text
    assert "  Liebe: erwartet +1 Pkt. im Jahr, beobachtet +1,5 Pkt. im Jahr (ist eingetreten)" in (
        text
    )
    assert "  Lehren: worth it" in text
    assert "nicht gewählte Optionen (1):" in text
    assert "    Werte: Geld -100,00\xa0€, Glück 0 Pkt., Liebe 0 Pkt., Sinn 0 Pkt." in text
    assert "Kosten je Punktjahr: Liebe: 214,29\xa0€ je Punktjahr" in text
    for english in ("verdict", "effects", "review", "year", "pts", "money", "EUR", "draws"):
        assert english not in text.replace("Dinner club", ""), english


def test_the_band_line_goes_before_the_german_effects(max_muster: Profile) -> None:
    decision, profile = _reviewed(max_muster)
    with language.using("de"):
        lines = with_band_line(detail_lines(decision, profile), decision, profile)
    at = next(i for i, line in enumerate(lines) if line.startswith("Spanne"))
    assert lines[at + 1].startswith("Kosten je Punktjahr")


def test_judgement_sentences_and_labels_in_german() -> None:
    values = {Dimension.MONEY: Decimal("-450"), Dimension.LOVE: Decimal("0.46")}
    bare = judge(values)
    settled = judge(values, Worth(love=Decimal(5000)))
    with language.using("de"):
        assert (
            judgement_sentence(bare, values, "EUR") == "Abwägung — -450,00\xa0€ Geld, +0,46 Liebe"
        )
        assert judgement_sentence(settled, values, "EUR") == (
            "erhöht deinen Lifetime-Value um etwa 1.900\xa0€ — eine Abwägung: "
            "-450,00\xa0€ Geld, +0,46 Liebe"
        )
        assert settled.label == "erhöht · Abwägung"
        assert Judgement(Verdict.NEUTRAL, False).label == "neutral"
        assert [d.shown for d in DIMENSIONS] == ["Geld", "Glück", "Liebe", "Sinn"]
        assert left_out(values, Worth(happiness=Decimal(1))) == (
            " (Liebe hat keinen Gegenwert: nicht berücksichtigt)"
        )
    assert judgement_sentence(settled, values, "EUR") == (
        "raises your lifetime value by about 1,900 EUR — a trade-off: -450.00 EUR money, +0.46 love"
    )
    assert settled.label == "raises · trade-off"
    assert [str(d) for d in DIMENSIONS] == ["money", "happiness", "love", "meaning"]


def test_effect_in_words_in_german(max_muster: Profile) -> None:
    decision = Decision(
        "Sport",
        date(2025, 1, 1),
        effects={
            Dimension.HAPPINESS: Effect(Decimal(1), years=Decimal("1.5"), confidence=Decimal("0.5"))
        },
    )
    value = decision_values(decision, max_muster)[Dimension.HAPPINESS]
    effect = decision.effects[Dimension.HAPPINESS]
    with language.using("de"):
        text = effect_in_words(Dimension.HAPPINESS, effect, decision, max_muster, value)
    assert text == "+1 im Jahr für 1,5 Jahre (zu 50\xa0% sicher) = +0,75 Punktjahre"


def test_raises_text_in_german(max_muster: Profile) -> None:
    band = decision_band(ONLINE_BUSINESS, max_muster)
    with language.using("de"):
        assert (
            raises_text(band, "raise")
            == "erhöhen den Lifetime-Value in 100,0\xa0% von 2.000 Ziehungen"
        )
    assert raises_text(band) == "raises the lifetime value in 100.0% of 2,000 draws"


@pytest.mark.parametrize(
    ("reviews", "english", "german"),
    [
        (
            1,
            "you expect about 1.8 happiness points a year more from purchases than you get "
            "(1 review)",
            "du erwartest bei Käufen etwa 1,8 Punkte Glück im Jahr mehr, als du bekommst "
            "(1 Rückblick)",
        ),
        (
            3,
            "you expect about 1.8 happiness points a year more from purchases than you get "
            "(3 reviews)",
            "du erwartest bei Käufen etwa 1,8 Punkte Glück im Jahr mehr, als du bekommst "
            "(3 Rückblicke)",
        ),
    ],
)
def test_insight_sentences_with_plurals(reviews: int, english: str, german: str) -> None:
    result = DimensionCalibration(reviews, Decimal("-1.8"), Decimal("1.8"), None)
    assert describe(Dimension.HAPPINESS, result, "EUR", subject("kind", "expense")) == english
    with language.using("de"):
        assert describe(Dimension.HAPPINESS, result, "EUR", subject("kind", "expense")) == german


def test_insight_without_observations_counts_in_german() -> None:
    with language.using("de"):
        one = describe(Dimension.LOVE, DimensionCalibration(1, None, None, None))
        three = describe(Dimension.LOVE, DimensionCalibration(3, None, None, None))
        none = describe(Dimension.MONEY, DimensionCalibration(0, None, None, None))
    assert one == "1 Rückblick zu Liebe, noch keiner mit beobachtetem Wert"
    assert three == "3 Rückblicke zu Liebe, noch keiner mit beobachtetem Wert"
    assert none == "noch keine Rückblicke zu Geld"


def test_money_insight_in_german() -> None:
    result = DimensionCalibration(2, Decimal("1200"), Decimal("1200"), None)
    with language.using("de"):
        text = describe(Dimension.MONEY, result, "EUR", subject("category", "Reisen"))
    assert text == (
        "du erwartest bei Entscheidungen der Kategorie Reisen etwa 1.200,00\xa0€ im Jahr "
        "weniger, als du bekommst (2 Rückblicke)"
    )


def test_validation_reasons_in_german(max_muster: Profile) -> None:
    decision = Decision(
        title="",
        date=date(2025, 1, 1),
        amount=Decimal("-1"),
        effects={Dimension.LOVE: Effect(Decimal(12), years=Decimal(200))},
    )
    with language.using("de"):
        found = dict(decision.problems())
        profile = dict(Profile(currency="euro", retirement_age=10).problems())
    assert found["title"] == "ist erforderlich"
    assert found["amount"] == "muss null oder mehr sein"
    assert found["love.years"] == "muss mehr als 0 und höchstens 150 sein"
    assert found["love.per_year"] == (
        "muss zwischen -10 und +10 Punkten im Jahr liegen (10 verändert ein Leben)"
    )
    assert profile["currency"] == "muss ein dreibuchstabiger ISO-4217-Code wie EUR sein"
    assert dict(decision.problems())["title"] == "is required"


def test_figures_inside_reasons_follow_the_language() -> None:
    effect = Effect(Decimal("2000000000000"))
    with language.using("de"):
        (reason,) = (why for name, why in effect.problems() if name == "per_year")
    assert reason == "darf in beide Richtungen höchstens 1.000.000.000.000 im Jahr sein"
    ((_, english),) = effect.problems()
    assert english == "must be at most 1,000,000,000,000 a year either way"


@pytest.mark.parametrize(
    ("typed", "german"),
    [
        ("5k", "'5k' ist keine Zahl"),
        ("-5", "'-5' ist negativ; Beträge sind null oder mehr"),
        (
            "1,234",
            "'1,234' ist mehrdeutig: es könnte 1234 oder 1,234 heißen; schreib es eindeutig, "
            "z. B. 1234,00",
        ),
    ],
)
def test_amount_errors_in_german(typed: str, german: str) -> None:
    with language.using("de"), pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert str(caught.value) == german


def test_breakdown_groups_in_german() -> None:
    from ltv_journal.core.calibration import NO_GROUP, group_name

    with language.using("de"):
        assert group_name("kind", "expense") == "Ausgabe"
        assert group_name("category", NO_GROUP) == "(keine)"
        assert group_name("category", "Reisen") == "Reisen"
    assert group_name("kind", "investment") == "investment"
    assert group_name("category", NO_GROUP) == "(none)"
