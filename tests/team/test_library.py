"""DSNs without passwords, library names, and the server's errors as one line (no server needed)."""

from __future__ import annotations

import pytest

from briefer.team.library import LibraryError, check_name, strip_password, where


@pytest.mark.parametrize(("dsn", "kept", "stripped"), [
    ("postgresql://ana:s3cret@db.example.org:5433/crisis",
     "user=ana dbname=crisis host=db.example.org port=5433", True),
    ("host=db user=ana password=s3cret dbname=crisis", "user=ana dbname=crisis host=db", True),
    ("service=crisis", "service=crisis", False),
])
def test_the_password_never_stays_in_a_dsn(dsn: str, kept: str, stripped: bool) -> None:
    assert strip_password(dsn) == (kept, stripped)


def test_where_names_the_server_never_the_password() -> None:
    assert where("postgresql://ana:s3cret@db.example.org:5433/crisis") == "server db.example.org:5433"
    assert where("service=crisis") == "service crisis"
    assert where("dbname=crisis") == "server local socket"


@pytest.mark.parametrize("name", ["Crisis", "1st", "a-b", "", "x" * 42, "drop table"])
def test_a_library_name_is_a_plain_identifier(name: str) -> None:
    with pytest.raises(LibraryError, match="lowercase letters"):
        check_name(name)
    assert check_name("ukraine_2026") == "ukraine_2026"
