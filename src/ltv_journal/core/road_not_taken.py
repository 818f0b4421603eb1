"""The options a decision was chosen over, in words: what each would have been worth."""

from __future__ import annotations

from .band_text import band_line
from .decision import Decision
from .dimensions import DIMENSIONS
from .explain import details, format_value, judgement_sentence
from .language import _
from .money import format_amount
from .profile import Profile
from .text import visible
from .uncertainty import decision_band


def road_not_taken(decision: Decision, profile: Profile, *, bands: bool = False) -> list[str]:
    """Lines for each option not taken, valued as if decided on the decision's date:
    its title, kind and amount, its lifetime value per dimension, its combined value
    (with a worth) and verdict, and with `bands` its band line as `compare` prints it.
    Empty when the decision keeps no options."""
    if not decision.options:
        return []
    currency = profile.currency
    lines = [_("options not taken ({count}):").format(count=len(decision.options))]
    for option in decision.options:
        drafted = option.as_decision(decision.date)
        info = details(drafted, profile)
        amount = format_amount(option.amount, currency)
        lines.append(f"  {option.title} · {option.kind.shown} · {amount}")
        values = ", ".join(
            f"{dim.shown} {format_value(dim, info.values[dim], currency, signed=True)}"
            for dim in DIMENSIONS
        )
        lines.append("    " + _("values") + f": {values}")
        if info.combined is not None:
            combined = format_amount(info.combined, currency, signed=True)
            lines.append("    " + _("combined") + f": {combined}")
        sentence = judgement_sentence(info.judgement, info.values, currency)
        lines.append("    " + _("verdict") + f": {sentence}")
        if bands:
            lines.append("    " + band_line(drafted, decision_band(drafted, profile), currency))
    return [visible(line) for line in lines]
