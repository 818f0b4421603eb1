"""tomllib's syntax errors in the language in force: every message Python's TOML reader
can give has its German words, and English readers see tomllib's own."""

from __future__ import annotations

import inspect
import re
import tomllib
import tomllib._parser

import pytest

from ltv_journal.core import language
from ltv_journal.exchange.toml_syntax import toml_problem

BROKEN = {
    "[profile\nname = 1\n": "am Ende der Tabellenüberschrift fehlt ']'",
    'a = "x\n': "unzulässiges Zeichen '\\n'",
    'title = "x"\ntitle = "y"\n': "ein Wert wird ein zweites Mal gesetzt",
    "[a]\n[a]\n": "a wird zweimal angelegt",
    "a = {b = 1, b = 2}\n": "Schlüssel 'b' kommt in der Tabelle zweimal vor",
    "a = 1 2\n": "nach einer Angabe muss die Zeile enden",
    "= 1\n": "ungültige Angabe",
    "[a.b]\nc = 1\n[a.b]\n": "a.b wird zweimal angelegt",
}


def _message(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as error:
        tomllib.loads(text)
    return str(error.value)


@pytest.mark.parametrize(("text", "german"), BROKEN.items())
def test_german_words_for_what_tomllib_says(text: str, german: str) -> None:
    message = _message(text)
    with language.using(language.GERMAN):
        problem = toml_problem(message)
    assert problem.what == german
    assert problem.line is not None and problem.column is not None
    assert f"(at line {problem.line}, column {problem.column})" in message


@pytest.mark.parametrize("text", [t for t in BROKEN if not t.startswith("[a")])
def test_english_readers_see_tomllib_s_own_words(text: str) -> None:
    message = _message(text)
    assert message.startswith(toml_problem(message).what + " (at line")


def test_a_key_is_written_as_the_file_writes_it_not_as_a_python_tuple() -> None:
    message = _message("[a.b]\nc = 1\n[a.b]\n")
    assert "('a', 'b')" in message
    assert toml_problem(message).what == "Cannot declare a.b twice"


def test_every_message_python_s_toml_reader_can_give_has_german_words() -> None:
    """The messages are read from tomllib's own source, so a Python whose reader words an
    error anew fails here rather than show a German reader English."""
    source = inspect.getsource(tomllib._parser)
    said = re.findall(r'suffixed_err\(\s*src,\s*\w+,\s*(f?)"([^"]*)"', source)
    assert len(said) >= 20
    for formatted, words in said:
        example = re.sub(r"\{[^}]*\}", "'x'", words) if formatted else words
        example = example.replace("\\\\", "\\")
        with language.using(language.GERMAN):
            german = toml_problem(f"{example} (at line 1, column 1)").what
        assert german != example, words


def test_the_end_of_the_text_is_a_place_too() -> None:
    problem = toml_problem(_message('a = """x\n'))
    assert problem.at_end and problem.line is None
