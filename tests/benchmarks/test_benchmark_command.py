"""The benchmark command runs end to end at a tiny size (speed is not asserted here)."""

from __future__ import annotations

import json

import pytest
from benchmarks.registry import Figure
from benchmarks.run import main, run, table


def test_store_figures_are_measured_beside_their_targets() -> None:
    figures = run(30, ["add", "score", "import", "rescore"])
    names = " | ".join(f.name for f in figures)
    assert "add one decision" in names
    assert "score at 30 vs 100" in names
    assert "bulk import 30 vs raw sqlite3" in names
    assert "full rescore" in names
    assert all(f.figure not in ("error", "—") for f in figures)
    assert all(f.ratio is not None and f.ratio > 0 for f in figures if f.passed is not None)


def test_json_output_lists_each_figure_with_its_verdict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["--n", "20", "--only", "score", "--json"])
    printed = json.loads(capsys.readouterr().out)
    assert [f["verdict"] in ("PASS", "FAIL") for f in printed] == [True]
    assert printed[0]["target"] == "ratio ≤ 1.5"


def test_unknown_benchmark_is_named_in_the_error() -> None:
    with pytest.raises(SystemExit, match="unknown benchmark nope"):
        run(10, ["nope"])


def test_table_shows_skipped_figures_with_their_reason() -> None:
    text = table([Figure("export", "< 2.00 s", "—", note="skipped: not there yet")])
    assert "skip" in text
    assert "skipped: not there yet" in text


def test_the_bands_are_measured_beside_their_targets() -> None:
    figures = run(40, ["bands"])
    assert [f.name.split(",")[0] for f in figures] == [
        "the whole journal's band",
        "the trend's band over 312 months",
        "preview band per keystroke",
    ]
    assert figures[0].target == "≤ 1.00 s" and figures[2].target == "< 16.00 ms"
    assert all(f.figure not in ("error", "—") for f in figures)


def test_the_compare_screen_keystroke_is_measured_against_a_frame() -> None:
    [figure] = run(40, ["compare-keystroke"])
    assert figure.name.startswith("compare screen keystroke, 5 options")
    assert figure.target == "< 16.00 ms" and figure.ratio is not None and figure.ratio > 0
