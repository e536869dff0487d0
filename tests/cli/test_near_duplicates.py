"""One article as DOCX, PDF, Markdown and text, and a wire copy: imported, reported as near-duplicates."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx as python_docx
import pytest

from briefer.cli import main

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / ".." / "shared" / "bench" / "article-extraction" / "ground-truth.json"
#: A real opinion piece of the benchmark (about 1,000 words) and another, unrelated page.
STORY = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34"
OTHER = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856"
TITLE = "Voters handed Trump a defeat on impeachment"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _body(page: str) -> str:
    return json.loads(TRUTH.read_text(encoding="utf-8"))[page]["articleBody"]


def _docx(path: Path, title: str, body: str) -> Path:
    document = python_docx.Document()
    document.add_paragraph(title, style="Title")
    for paragraph in body.split("\n\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path


def _wire_copy(body: str) -> str:
    """The story as a second outlet ran it: three sentences reworded."""
    sentences = re.split(r"(?<=[.!?”])\s+", body)
    for index in (3, 12, 25):
        words = sentences[index].split()
        sentences[index] = " ".join(["Notably,", *words[:-3], "the report said."])
    return " ".join(sentences)


def _import(workspace: str, paths: list[Path], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["import", workspace, *map(str, paths), "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice makes the PDF copy (CI installs it)")
def test_format_copies_and_a_wire_copy_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = _body(STORY)
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "a-story.txt").write_text(f"{TITLE}\n\n{body}\n", encoding="utf-8")
    (folder / "b-story.md").write_text(f"# {TITLE}\n\n{body}\n", encoding="utf-8")
    source = _docx(folder / "c-story.docx", TITLE, f"Nov. 19, 2019\n\n{body}")
    profile = tmp_path / "lo-profile"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=240)
    shutil.move(tmp_path / "c-story.pdf", folder / "d-story.pdf")
    workspace = str(tmp_path / "desk.briefer")
    assert main(["init", workspace]) == 0
    capsys.readouterr()

    first, *copies = _import(workspace, [folder], capsys)
    assert first["status"] == "imported"
    assert first["near_duplicate_of"] is None
    assert [c["file"].rsplit(".", 1)[1] for c in copies] == ["md", "docx", "pdf"]
    # Markdown gives the very same text as the text file: an exact duplicate, stored once.
    assert (copies[0]["status"], copies[0]["id"]) == ("duplicate", first["id"])
    word, pdf = copies[1:]  # the Word copy carries a dateline; the PDF was made from it
    assert (word["status"], word["near_duplicate_of"]) == ("imported", first["id"])
    assert (pdf["status"], pdf["near_duplicate_of"]) == ("imported", word["id"])
    assert min(word["similarity"], pdf["similarity"]) >= 0.8

    wire = tmp_path / "wire.txt"
    wire.write_text(f"Impeachment backlash never came, results show\n\n{_wire_copy(body)}\n")
    other = tmp_path / "other.txt"
    other.write_text(f"Game subscriptions multiply\n\n{_body(OTHER)}\n")
    assert main(["import", workspace, str(wire), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    wire_line = next(i for i, line in enumerate(lines) if "wire.txt" in line)
    assert re.fullmatch(rf"\s*near-duplicate of {first['id']} \(\d\d %\)", lines[wire_line + 1])
    assert not any("near-duplicate" in line for line in lines[wire_line + 2:])

    assert main(["list", workspace, "--json"]) == 0
    listed = {row["id"]: row["near_duplicate_of"] for row in json.loads(capsys.readouterr().out)}
    assert listed[first["id"]] is None
    assert listed[word["id"]] == first["id"]
    assert listed[pdf["id"]] == word["id"]
    assert list(listed.values()).count(first["id"]) == 2  # the Word file and the wire copy
    assert list(listed.values()).count(None) == 2  # the story itself and the other article
