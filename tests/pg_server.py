"""A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder,
started on a unix socket in that folder only (no TCP port), stopped and deleted at the
end. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "postgres"
PASSWORD_ROLE = "max"
PASSWORD = "s3cret-Pw"
"""A role that logs in with a password only (the others are trusted on the socket)."""


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed
    (LTV_PG_BINDIR names the folder, or with a folder that has no initdb, none)."""
    given = os.environ.get("LTV_PG_BINDIR")
    if given is not None:
        return Path(given) if (Path(given) / "initdb").exists() else None
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    try:
        out = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if (Path(out) / "initdb").exists():
            return Path(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


class PgServer:
    """One running server; `new_database()` gives the URL of a fresh empty database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="ltv-pg-"))
        self.data = self.folder / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, and there is no `postgres` user") from None
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.started = False

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.stdout}")

    def start(self, *, durable: bool = False) -> None:
        """Start the server; for tests without fsync (nothing here must survive a
        power loss), `durable` as PostgreSQL ships (for benchmarks)."""
        self._run(
            str(self.bindir / "initdb"),
            "-D", str(self.data),
            "-U", SUPERUSER,
            "--auth=trust",
            "-E", "UTF8",
            "--locale=C",
            "--no-sync",
        )  # fmt: skip
        hba = self.data / "pg_hba.conf"  # one role that must give its password
        hba.write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        options = f"-k {self.folder} -c listen_addresses='' -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D", str(self.data),
            "-l", str(self.folder / "server.log"),
            "-o", options,
            "-w", "start",
        )  # fmt: skip
        self.started = True
        self.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.folder}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.folder), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, owner: str = SUPERUSER) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.admin(f'CREATE DATABASE "{name}" OWNER {owner} TEMPLATE template0 STRATEGY FILE_COPY')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.started:
            with contextlib.suppress(RuntimeError):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)
