"""Without a PostgreSQL server the PostgreSQL variants are skipped with the reason on a
developer's machine, and fail where LTV_REQUIRE_POSTGRES=1 (CI): never a silent skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE_TEST = "tests/store/test_watch.py::test_a_write_elsewhere_is_noticed_once"


def _pytest(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "LTV_REQUIRE_POSTGRES"}
    environ.update(env, LTV_PG_BINDIR=str(tmp_path / "no-postgres-here"))
    environ["PYTHONPATH"] = os.pathsep.join(sys.path)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "-q", ONE_TEST],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,
    )


def test_no_server_is_a_skip_with_its_reason_on_a_developers_machine(tmp_path: Path) -> None:
    done = _pytest(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed, 1 skipped" in done.stdout
    assert "PostgreSQL variant skipped: no PostgreSQL server here" in done.stdout
    assert "tests run against PostgreSQL: 0" in done.stdout


def test_no_server_is_a_failure_where_postgres_is_required(tmp_path: Path) -> None:
    done = _pytest(tmp_path, LTV_REQUIRE_POSTGRES="1")
    assert done.returncode != 0
    assert "1 passed, 1 error" in done.stdout
    assert "LTV_REQUIRE_POSTGRES=1 but no PostgreSQL server here" in done.stdout
