"""Inputs that once made the importers hang or raise: long space runs, deep front matter."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import markdown
from briefer.ingest.limits import Limits
from briefer.ingest.normalize import normalize


def test_trailing_spaces_of_every_kind_go_and_inner_runs_stay() -> None:
    text = "Title \t\u00a0\u3000\nBefore" + " " * 100_000 + "after.\u00a0 \n"
    assert normalize(text) == "Title\nBefore" + " " * 100_000 + "after."


def test_front_matter_nested_too_deeply_is_refused_in_one_line() -> None:
    source = ("---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\n# Headline\n\nBody text.\n").encode()
    with pytest.raises(ImportFailed) as info:
        markdown.extract(source, "deep.md", Limits())
    assert str(info.value) == "deep.md: front matter is nested too deeply"
