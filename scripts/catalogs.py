"""Keep the German catalogs in step with the source, with Babel.

    python scripts/catalogs.py update [DOMAIN...]   # new messages into the .po files (empty)
    python scripts/catalogs.py compile [DOMAIN...]  # each .po into its .mo (committed beside it)
    python scripts/catalogs.py missing [DOMAIN...]  # the messages that lack a translation

One catalog per layer (`core`, `store`, `exchange`, `tui`, `cli`), read from that layer's
package; `click` holds click's own words, read from the installed click.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ltv_journal"
LOCALE = PACKAGE / "locale"
LAYERS = ("core", "store", "exchange", "tui", "cli")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LANGUAGE = "de"


def source_of(domain: str) -> Path:
    if domain == "click":
        import click

        return Path(click.__file__).parent
    return PACKAGE / domain


def extracted(domain: str) -> Catalog:
    """Every message the domain's source marks, with where it is used."""
    catalog = Catalog(locale=LANGUAGE, domain=domain, project="ltv-journal", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(source_of(domain)), keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(domain: str) -> Path:
    return LOCALE / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def read(domain: str) -> Catalog:
    path = po_path(domain)
    if not path.exists():
        return Catalog(locale=LANGUAGE, domain=domain, project="ltv-journal", fuzzy=False)
    with path.open("rb") as handle:
        found = read_po(handle, locale=LANGUAGE, domain=domain)
    found.fuzzy = False
    return found


def write(domain: str, catalog: Catalog) -> None:
    path = po_path(domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    path.write_bytes(buffer.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def domains() -> Iterator[str]:
    yield from LAYERS
    yield "click"


def update(chosen: list[str]) -> None:
    for domain in chosen:
        catalog = read(domain)
        created = catalog.creation_date  # kept, so that an update changes only messages
        catalog.update(extracted(domain), no_fuzzy_matching=True)
        catalog.creation_date = created
        catalog.obsolete.clear()
        write(domain, catalog)


def compile_all(chosen: list[str]) -> None:
    for domain in chosen:
        po_path(domain).with_suffix(".mo").write_bytes(mo_bytes(read(domain)))


def missing(domain: str) -> list[str]:
    """The messages of `domain`'s source with no German text (or a fuzzy one)."""
    catalog = read(domain)
    lacking = []
    for message in extracted(domain):
        if not message.id:
            continue
        found = catalog.get(message.id)
        strings = found.string if found is not None else None
        texts = strings if isinstance(strings, (list, tuple)) else [strings]
        if found is None or found.fuzzy or not all(texts):
            lacking.append(message.id if isinstance(message.id, str) else message.id[0])
    return lacking


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    chosen = argv[2:] or list(domains())
    if command == "update":
        update(chosen)
    elif command == "compile":
        compile_all(chosen)
    elif command == "missing":
        for domain in chosen:
            for message in missing(domain):
                print(f"{domain}: {message}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
