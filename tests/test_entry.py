"""The command opens the UI directly only when no command is given."""

import pytest

from ltv_journal.entry import bare_location


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ""),
        (["--db", "j.db"], "j.db"),
        (["--db=j.db"], "j.db"),
        (["score"], None),
        (["--db", "j.db", "score"], None),
        (["--help"], None),
        (["--db"], None),
        (["--db", "--help"], None),
        (["--version"], None),
    ],
)
def test_bare_invocations_are_recognised(args: list[str], expected: str | None) -> None:
    assert bare_location(args) == expected
