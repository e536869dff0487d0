"""``briefer extract`` and ``briefer import`` end to end over every importer format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from tests.ingest.samples import DATA, make_docx, write_good_files

EXTRACT_FIELDS = ["file", "title", "author", "outlet", "url", "published", "language", "text"]
IMPORT_FIELDS = ["file", "status", "id", "title", "error", "near_duplicate_of", "similarity"]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with one good article per format, plus a truncated DOCX and an empty file."""
    folder = tmp_path / "articles"
    titles = write_good_files(folder)
    data = make_docx()
    (folder / "cut.docx").write_bytes(data[: len(data) // 3])
    (folder / "empty.txt").write_bytes(b"")
    return folder, titles


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_extract_json_gives_one_object_per_file(files, capsys) -> None:  # noqa: ANN001
    folder, titles = files
    paths = [str(folder / name) for name in titles] + [str(folder / "cut.docx"),
                                                       str(folder / "nowhere.md")]
    assert main(["extract", *paths, "--json"]) == 1
    out = _lines(capsys.readouterr().out)
    assert [Path(item["file"]).name for item in out] == [*titles, "cut.docx", "nowhere.md"]
    for item in out[: len(titles)]:
        assert list(item) == EXTRACT_FIELDS
        assert item["title"] == titles[Path(item["file"]).name]
        assert item["text"]
    page = next(item for item in out if item["file"].endswith("page.html"))
    assert page["author"] == "Olena Petrenko"
    assert page["outlet"] == "The Kyiv Ledger"
    assert page["published"] == "2024-11-05T08:15:00+02:00"
    assert page["url"] == "https://ledger.example.org/world/2024/11/05/ukraine-mobilizes"
    assert out[-2] == {"file": str(folder / "cut.docx"),
                       "error": "damaged or truncated Word file (not a readable zip)"}
    assert out[-1] == {"file": str(folder / "nowhere.md"), "error": "no such file"}


def test_extract_all_good_exits_zero_and_prints_readable_text(files, capsys) -> None:  # noqa: ANN001
    folder, _ = files
    assert main(["extract", str(folder / "notes.md"), str(DATA / "article.pdf")]) == 0
    out = capsys.readouterr().out
    assert "# Seoul talks\n" in out
    assert "Zelensky spoke with “Yoon”." in out
    assert "author: Briefer test desk" not in out  # a desk is no author


def test_extract_folder_reports_skipped_and_failed_files_on_stderr(files, capsys) -> None:  # noqa: ANN001
    folder, titles = files
    assert main(["extract", str(folder), "--json"]) == 1
    captured = capsys.readouterr()
    assert len(_lines(captured.out)) == len(titles) + 1
    assert captured.err.splitlines() == [f"briefer: skipped: {folder / 'empty.txt'}: the file is empty"]


def test_import_json_statuses_exit_code_and_duplicates(files, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    folder, titles = files
    workspace = str(tmp_path / "desk.briefer")
    assert main(["init", workspace]) == 0
    capsys.readouterr()

    assert main(["import", workspace, str(folder), "--json"]) == 1
    out = _lines(capsys.readouterr().out)
    assert all(list(item) == IMPORT_FIELDS for item in out)
    by_name = {Path(item["file"]).name: item for item in out}
    assert {name: by_name[name]["title"] for name in titles} == titles
    assert {by_name[name]["status"] for name in titles} == {"imported"}
    assert by_name["cut.docx"]["status"] == "error"
    assert by_name["cut.docx"]["id"] is None
    assert by_name["cut.docx"]["error"] == "damaged or truncated Word file (not a readable zip)"

    assert main(["import", workspace, *(str(folder / name) for name in titles), "--json"]) == 0
    again = _lines(capsys.readouterr().out)
    assert [item["status"] for item in again] == ["duplicate"] * len(titles)
    assert [item["id"] for item in again] == [by_name[name]["id"] for name in titles]

    assert main(["list", workspace, "--json"]) == 0
    assert sorted(row["title"] for row in json.loads(capsys.readouterr().out)) == sorted(titles.values())


def test_import_without_json_prints_one_line_per_file(files, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    folder, _ = files
    workspace = str(tmp_path / "desk.briefer")
    main(["init", workspace])
    capsys.readouterr()
    assert main(["import", workspace, str(folder / "page.html"), str(folder / "cut.docx")]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("imported ")
    assert "Ukraine mobilizes as Russia seizes Selydove" in captured.out
    assert captured.err == (f"briefer: error: {folder / 'cut.docx'}: "
                            "damaged or truncated Word file (not a readable zip)\n")


def test_extract_runs_as_a_program(files) -> None:  # noqa: ANN001
    folder, titles = files
    done = subprocess.run([sys.executable, "-m", "briefer.cli", "extract", str(folder / "brief.docx"),
                           "--json"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["title"] == titles["brief.docx"]


def test_a_url_gets_a_pointer_not_no_such_file(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    workspace = str(tmp_path / "desk.briefer")
    assert main(["init", workspace]) == 0
    capsys.readouterr()
    url = "https://www.bbc.com/news/world-europe-50473792"
    assert main(["import", workspace, url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefer: error: {url}: a web address, not a file")
    assert "briefer fetch" in err
    assert "no such file" not in err
    assert err.count("\n") == 1
