"""A real PostgreSQL server for the team tests: initdb + pg_ctl in a temporary folder.

The server listens on a unix socket in its folder (the superuser ``admin``, trusted)
and on a free 127.0.0.1 port (login roles, password checked by SCRAM). initdb
refuses to run as root, so as root the server runs as the ``postgres`` user.
No PostgreSQL installed is a failure, never a skip: CI installs it (.ci/system-deps).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

ADMIN = "admin"
DATABASE = "team"


def bindir() -> Path:
    """The folder holding initdb and pg_ctl; fail the test run loudly when there is none."""
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(found.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found: the team tests need a real server;"
                " install Debian's 'postgresql' package (.ci/system-deps does)", pytrace=False)


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One running server; :meth:`stop` it when done."""

    def __init__(self) -> None:
        self.bin = bindir()
        self.root = Path(tempfile.mkdtemp(prefix="briefer-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.pgpass = self.root / "pgpass"
        self.pgpass.write_text("")
        self.pgpass.chmod(0o600)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-o",
                  f"-k {self.root} -p {self.port} -h 127.0.0.1 -c fsync=off", "start")
        with psycopg.connect(self.admin_dsn("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self._as_user, str(self.bin / tool), *args], capture_output=True, text=True,
                              check=False, cwd=self.root)
        if done.returncode:
            raise RuntimeError(f"{tool} failed: {done.stderr or done.stdout}")

    def admin_dsn(self, dbname: str = DATABASE) -> str:
        """The superuser's DSN (unix socket, trusted)."""
        return f"host={self.root} port={self.port} dbname={dbname} user={ADMIN}"

    def dsn(self, user: str, password: str | None = None) -> str:
        """A login role's DSN over TCP (the password from PGPASSFILE unless given)."""
        extra = f" password={password}" if password is not None else ""
        return f"host=127.0.0.1 port={self.port} dbname={DATABASE} user={user}{extra}"

    def add_login(self, user: str, password: str) -> str:
        """Create a login role, put its password in the pgpass file; return its DSN."""
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(user), sql.Literal(password)))
        with self.pgpass.open("a") as fh:
            fh.write(f"127.0.0.1:{self.port}:{DATABASE}:{user}:{password}\n")
        return self.dsn(user)

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
