"""How well the user predicts: expected effects against what reviews observed.

Per dimension, over the latest review of each decision that recorded that dimension:
mean error = mean(actual − expected) (negative = optimism), mean absolute error, and
the Brier score = mean((confidence − materialised)²).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .decision import Decision
from .dimensions import DIMENSIONS, Dimension
from .language import N_, _, ngettext
from .money import format_amount, format_points

_FOUR = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class Sample:
    """One decision's latest observation on one dimension beside its expectation."""

    dimension: Dimension
    expected: Decimal
    actual: Decimal | None
    confidence: Decimal | None
    """The expected effect's confidence; None when nothing was expected."""
    materialised: bool
    kind: str = ""
    category: str = ""


@dataclass(frozen=True, slots=True)
class DimensionCalibration:
    reviews: int
    mean_error: Decimal | None
    mean_abs_error: Decimal | None
    brier: Decimal | None


def samples_of(decision: Decision) -> list[Sample]:
    """The calibration samples of one decision: per dimension, its latest review that
    recorded that dimension."""
    found: list[Sample] = []
    for dim in DIMENSIONS:
        observation = next(
            (r.actual[dim] for r in reversed(decision.reviews) if dim in r.actual), None
        )
        if observation is None:
            continue
        effect = decision.effects.get(dim)
        actual = observation.per_year
        if actual is None and not observation.materialised:
            actual = Decimal(0)
        found.append(
            Sample(
                dimension=dim,
                expected=effect.per_year if effect else Decimal(0),
                actual=actual,
                confidence=effect.confidence if effect else None,
                materialised=observation.materialised,
                kind=str(decision.kind),
                category=decision.category,
            )
        )
    return found


def calibrate(samples: Iterable[Sample]) -> dict[Dimension, DimensionCalibration]:
    """Calibration per dimension, in display order (every dimension present)."""
    by_dim: dict[Dimension, list[Sample]] = {dim: [] for dim in DIMENSIONS}
    for sample in samples:
        by_dim[sample.dimension].append(sample)
    return {dim: _calibrate_one(items) for dim, items in by_dim.items()}


def _calibrate_one(samples: list[Sample]) -> DimensionCalibration:
    errors = [s.actual - s.expected for s in samples if s.actual is not None]
    briers = [
        (s.confidence - (1 if s.materialised else 0)) ** 2
        for s in samples
        if s.confidence is not None
    ]
    return DimensionCalibration(
        reviews=len(samples),
        mean_error=_mean(errors),
        mean_abs_error=_mean([abs(e) for e in errors]),
        brier=_mean(briers),
    )


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(_FOUR)


def breakdown(
    samples: Iterable[Sample], key: str
) -> dict[str, dict[Dimension, DimensionCalibration]]:
    """Calibration per value of `key` ("kind" or "category"), groups sorted by name."""
    groups: dict[str, list[Sample]] = {}
    for sample in samples:
        groups.setdefault(getattr(sample, key) or NO_GROUP, []).append(sample)
    return {name: calibrate(groups[name]) for name in sorted(groups)}


def describe(
    dimension: Dimension, result: DimensionCalibration, currency: str = "", subject: str = ""
) -> str:
    """The calibration in words, e.g. "you expect about 1.8 happiness points a year more
    from purchases than you get"."""
    name = dimension.shown
    if result.reviews == 0:
        return _("no reviews of {dimension} yet").format(dimension=name)
    if result.mean_error is None:
        return ngettext(
            "{count} review of {dimension}, none with an observed value yet",
            "{count} reviews of {dimension}, none with an observed value yet",
            result.reviews,
        ).format(count=result.reviews, dimension=name)
    error = result.mean_error
    where = " " + _("from {subject}").format(subject=subject) if subject else ""
    if dimension is Dimension.MONEY:
        size = format_amount(abs(error), currency)
        what = _("{amount} a year").format(amount=size)
    else:
        what = _("{points} {dimension} points a year").format(
            points=format_points(abs(error)), dimension=name
        )
    count = ngettext("({count} review)", "({count} reviews)", result.reviews).format(
        count=result.reviews
    )
    if error == 0:
        return _("your {dimension} expectations{where} match what you get {count}").format(
            dimension=name, where=where, count=count
        )
    if error < 0:
        return _("you expect about {what} more{where} than you get {count}").format(
            what=what, where=where, count=count
        )
    return _("you expect about {what} less{where} than you get {count}").format(
        what=what, where=where, count=count
    )


KIND_SUBJECTS = {"expense": N_("purchases"), "investment": N_("investments")}
"""How a sentence names the decisions of a kind; marked for the catalog."""
NO_GROUP = "(none)"


def group_name(key: str, name: str) -> str:
    """A breakdown group as a table shows it: a kind in words (`expense`, German
    `Ausgabe`), a category as written, no category as `(none)` (German `(keine)`)."""
    if name == NO_GROUP:
        return _("(none)")
    if key == "kind" and name in KIND_NAMES:
        return _(KIND_NAMES[name])
    return name


KIND_NAMES = {"expense": N_("expense"), "investment": N_("investment")}


def subject(key: str, name: str) -> str:
    """How a sentence names a group of a breakdown by `key` ("kind" or "category")."""
    if key == "kind":
        return _(KIND_SUBJECTS[name]) if name in KIND_SUBJECTS else name
    if name == NO_GROUP:
        return _("decisions without a category")
    return _("{category} decisions").format(category=name)


EARLY = 3
"""A finding that rests on fewer reviews than this is too early to tell."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence about a bias, and how much it rests on."""

    text: str
    reviews: int
    strength: Decimal
    """|mean error| ÷ mean absolute error × √reviews: large and consistent biases seen
    often rank first; comparable across dimensions and units."""

    @property
    def too_early(self) -> bool:
        return self.reviews < EARLY


def findings(
    overall: Mapping[Dimension, DimensionCalibration],
    breakdowns: Mapping[str, Mapping[str, Mapping[Dimension, DimensionCalibration]]],
    currency: str = "",
) -> list[Finding]:
    """The calibration in words, strongest first: overall, and per group of each
    breakdown ("kind", "category") that has more than one group. Results without an
    observed value say nothing and are left out."""
    found = [_finding(dim, r, currency) for dim, r in overall.items() if _says_something(r)]
    for key, groups in breakdowns.items():
        if len(groups) < 2:  # one group only repeats the overall sentence
            continue
        for name, results in groups.items():
            found.extend(
                _finding(dim, r, currency, subject(key, name))
                for dim, r in results.items()
                if _says_something(r)
            )
    return sorted(found, key=lambda f: -f.strength)  # stable: ties keep their order


def _finding(
    dimension: Dimension, result: DimensionCalibration, currency: str, subject: str = ""
) -> Finding:
    error, spread = result.mean_error or Decimal(0), result.mean_abs_error or Decimal(0)
    consistency = abs(error) / spread if spread else Decimal(0)
    strength = consistency * Decimal(result.reviews).sqrt()
    text = describe(dimension, result, currency, subject)
    return Finding(text, result.reviews, strength.quantize(_FOUR))


def sentences(
    overall: Mapping[Dimension, DimensionCalibration],
    breakdowns: Mapping[str, Mapping[str, Mapping[Dimension, DimensionCalibration]]],
    currency: str = "",
) -> list[str]:
    """The findings' sentences, strongest first."""
    return [f.text for f in findings(overall, breakdowns, currency)]


def _says_something(result: DimensionCalibration) -> bool:
    return result.reviews > 0 and result.mean_error is not None


def summarise(results: Mapping[Dimension, DimensionCalibration]) -> int:
    """The number of reviewed samples across all dimensions."""
    return sum(r.reviews for r in results.values())
