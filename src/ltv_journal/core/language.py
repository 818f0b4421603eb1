"""The language the journal speaks: German or English.

Chosen once per run — `--lang de|en`, else `$LTV_JOURNAL_LANG`, else the profile's
setting, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: German for `de_*`, English
otherwise) — and changeable at any time (the profile form, tests).

Text is English in the source and translated when it is shown: `_("Add")`, never at
import. A constant that is defined at import is marked with `N_` and passed through `_`
where it is shown. The German text lives in gettext catalogs, one per layer
(`ltv_journal/locale/de/LC_MESSAGES/<layer>.po`, compiled to `.mo` beside it);
`tests/test_catalogs.py` fails when a message has no translation or a `.mo` is stale.
Click's own words ("Usage:", "Options:") come from the `click` catalog.

Numbers, money and dates follow the language too (`core/conventions.py`); JSON and
TOML never do.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

ENGLISH = "en"
GERMAN = "de"
LANGUAGES = (ENGLISH, GERMAN)
ENV_LANG = "LTV_JOURNAL_LANG"
DOMAINS = ("core", "store", "exchange", "tui", "cli")
"""The catalogs, one per layer; a message is looked up in each in turn."""
CLICK_DOMAIN = "click"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


class LanguageError(ValueError):
    """A language the journal does not speak."""


def checked(code: str) -> str:
    """`code` lower-cased when it is a language the journal speaks, else LanguageError."""
    cleaned = code.strip().lower()
    if cleaned not in LANGUAGES:
        raise LanguageError(f"'{code}' is not a language of the journal; use de or en")
    return cleaned


def from_locale(environ: Mapping[str, str] = os.environ) -> str:
    """German when the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`) is `de_*`."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return GERMAN if value.lower().startswith("de") else ENGLISH
    return ENGLISH


def choose(
    explicit: str | None = None,
    setting: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """The language in force: `explicit` (`--lang`), else `$LTV_JOURNAL_LANG`, else the
    profile's `setting`, else the locale. A bad explicit or environment value raises."""
    if explicit:
        return checked(explicit)
    named = environ.get(ENV_LANG, "").strip()
    if named:
        return checked(named)
    if setting:
        return checked(setting)
    return from_locale(environ)


def overridden(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether `$LTV_JOURNAL_LANG` names the language (the profile's setting then yields)."""
    return bool(environ.get(ENV_LANG, "").strip())


_current = ENGLISH


def current() -> str:
    return _current


def use(code: str) -> None:
    """Speak `code` from now on (numbers and dates too)."""
    global _current
    _current = checked(code)
    os.environ["LANGUAGE"] = _current  # what click's gettext calls read
    gettext.bindtextdomain(CLICK_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(CLICK_DOMAIN)


@contextmanager
def using(code: str) -> Iterator[None]:
    """Speak `code` inside the block, then the language before."""
    before = _current
    saved = os.environ.get("LANGUAGE")
    use(code)
    try:
        yield
    finally:
        use(before)
        if saved is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = saved


@cache
def catalog(code: str) -> gettext.NullTranslations:
    """Every layer's catalog for `code`, chained; English is the source text. The files
    are opened by their known paths (gettext's search of the locale's variants costs the
    first frame more than reading them)."""
    chained = gettext.NullTranslations()
    if code == ENGLISH:
        return chained
    for domain in DOMAINS:
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo"
        if path.exists():
            with path.open("rb") as handle:
                chained.add_fallback(gettext.GNUTranslations(handle))
    return chained


def _(message: str) -> str:
    """`message` in the language in force."""
    if _current == ENGLISH:
        return message
    return catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for `count`, in the language in force."""
    if _current == ENGLISH:
        return singular if count == 1 else plural
    return catalog(_current).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog; it is translated where it is shown, with `_`."""
    return message
