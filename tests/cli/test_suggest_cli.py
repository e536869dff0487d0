"""``briefer suggest`` end to end: stdin JSON, workspace articles, --accept-all."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING

from briefer.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_stdin_json_contract(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "briefer.cli", "suggest", "--stdin", "--json"],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    items = json.loads(proc.stdout)
    assert items
    assert all({"kind", "start", "end", "text", "speaker", "rule", "confidence"} <= set(i) for i in items)
    assert all(text[i["start"] : i["end"]] == i["text"] for i in items)
    quote = next(i for i in items if i["kind"] == "quote")
    assert quote["speaker"] == "Volodymyr Zelensky"
    assert quote["role"] == "Ukrainian President"
    figure = next(i for i in items if i["text"] == "478 square kilometers")
    assert (figure["value"], figure["unit"]) == (478, "km²")


def test_stdin_kind_filter_and_published(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Russia attacked on Monday and in October."))
    status, out, _ = _run(
        capsys, ["suggest", "--stdin", "--json", "--kind", "date", "--published", "2024-11-06"]
    )
    assert status == 0
    assert [(i["text"], i["iso"]) for i in json.loads(out)] == [
        ("Monday", "2024-11-04"),
        ("October", "2024-10"),
    ]


def test_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("text"))
    status, _, err = _run(capsys, ["suggest", "--stdin", "--kind", "weather"])
    assert status == 1
    assert err.strip().count("\n") == 0
    assert "kind 'weather'" in err
    status, _, err = _run(capsys, ["suggest", "--stdin", "--published", "yesterday"])
    assert status == 1
    assert "not an ISO 8601 date" in err
    status, _, err = _run(capsys, ["suggest"])
    assert status == 1
    assert "give WS ARTICLE, or --stdin" in err


def test_workspace_article_listing_and_accept_all(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.briefer")
    assert main(["init", ws]) == 0
    assert main(["import", ws, str(sample_path)]) == 0
    capsys.readouterr()
    status, out, _ = _run(capsys, ["suggest", ws, "1"])
    assert status == 0
    assert "Volodymyr Zelensky" in out
    assert "478 square kilometers" in out
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--accept-all", "--kind", "quote"])
    assert status == 0
    assert "Accepted 1 suggestion" in out
    status, out, _ = _run(capsys, ["tag", "list", ws, "--json"])
    tags = json.loads(out)
    assert [(t["kind"], t["speaker"]) for t in tags] == [("quote", "Volodymyr Zelensky")]
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--json", "--kind", "quote"])
    assert json.loads(out) == []
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--json", "--accept-all", "--kind", "figure"])
    assert {t["text"] for t in json.loads(out)} >= {"160,000 personnel", "478 square kilometers"}


def test_accept_all_leaves_fact_candidates_unless_asked_for(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.briefer")
    assert main(["init", ws]) == 0
    assert main(["import", ws, str(sample_path)]) == 0
    capsys.readouterr()
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--json", "--accept-all"])
    kinds = {t["kind"] for t in json.loads(out)}
    assert status == 0
    assert "fact" not in kinds
    assert {"quote", "figure", "date", "person"} <= kinds
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--json", "--kind", "fact"])
    assert json.loads(out), "the fact candidates are still offered for review"
    status, out, _ = _run(capsys, ["suggest", ws, "1", "--json", "--accept-all", "--kind", "fact"])
    accepted = json.loads(out)
    assert accepted
    assert {t["kind"] for t in accepted} == {"fact"}
