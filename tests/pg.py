"""The real PostgreSQL server for tests: one fresh database per test.

The server is ``postgresql://postgres@127.0.0.1:5432/test`` unless
``CHECKIN_TEST_POSTGRES_URL`` says otherwise. Without a reachable server the
tests skip with the reason, except when ``CHECKIN_REQUIRE_POSTGRES=1`` (CI),
where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

ADMIN_URL = os.environ.get("CHECKIN_TEST_POSTGRES_URL",
                           "postgresql://postgres@127.0.0.1:5432/test")


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def unreachable(url: str) -> str:
    """The same address on a port where nothing listens (connection refused)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit(":", 1)[0] if ":" in parts.netloc.split("@")[-1] \
        else parts.netloc
    return urlunsplit((parts.scheme, f"{host}:1", parts.path, parts.query, parts.fragment))


def admin() -> psycopg.Connection[tuple[object, ...]]:
    """A connection for CREATE/DROP DATABASE (to the 'postgres' database if the URL's
    own database does not exist)."""
    try:
        try:
            return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
        except psycopg.OperationalError as exc:
            if "does not exist" not in str(exc):
                raise
            return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3,
                                   dbname="postgres")
    except psycopg.OperationalError as exc:
        message = (f"PostgreSQL is not reachable at {ADMIN_URL} ({exc}); set "
                   "CHECKIN_TEST_POSTGRES_URL or start the server (.ci/setup-system)")
        if os.environ.get("CHECKIN_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)


def drop_database(name: str) -> None:
    with admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def fresh_database() -> Iterator[str]:
    """Create ``checkin_test_<random>``, yield its URL, drop it afterwards."""
    name = f"checkin_test_{uuid.uuid4().hex[:12]}"
    with admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(ADMIN_URL, name)
    finally:
        ensure_server_running()
        drop_database(name)


def query(url: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        return conn.execute(statement, params).fetchall()  # type: ignore[call-overload,no-any-return]


def _cluster() -> tuple[str, str] | None:
    if shutil.which("pg_ctlcluster") is None or not Path("/etc/postgresql").is_dir():
        return None
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir())
    return (versions[0], "main") if versions else None


def restart_server() -> None:
    """Restart the machine's PostgreSQL (Debian's pg_ctlcluster), or skip without it."""
    cluster = _cluster()
    if cluster is None:
        message = "pg_ctlcluster is not available to restart the server"
        if os.environ.get("CHECKIN_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "restart"],
                   check=True, capture_output=True, timeout=120)


def ensure_server_running() -> None:
    """Start the server again if a test left it stopped (even after a failure)."""
    if _reachable():
        return
    cluster = _cluster()
    if cluster is not None:
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "start"],
                       capture_output=True, timeout=120)
        for _ in range(100):
            if _reachable():
                return
            time.sleep(0.1)


def _reachable() -> bool:
    try:
        psycopg.connect(ADMIN_URL, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        return "does not exist" in str(exc)   # the server answered
    return True
