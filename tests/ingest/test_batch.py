"""Many files at once, each extracted in the sandbox: bad ones fail alone, clearly."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefer.errors import Cancelled
from briefer.ingest.batch import extract_paths, import_paths
from briefer.ingest.limits import MB, Limits
from tests.ingest.samples import UKRAINIAN, write_bad_files, write_good_files

if TYPE_CHECKING:
    from briefer.workspace import Workspace

LIMITS = Limits(max_bytes=MB, max_unpacked_bytes=20 * MB)


def test_bad_files_fail_alone_and_the_rest_import(tmp_path: Path) -> None:
    good = write_good_files(tmp_path / "good")
    bad = write_bad_files(tmp_path / "bad", LIMITS.max_bytes)
    missing = tmp_path / "missing.txt"
    paths = [tmp_path / "bad" / name for name in bad] + [missing, tmp_path / "good"]
    results = {Path(r.file).name: r for r in extract_paths(paths, LIMITS)}

    assert set(results) == set(bad) | set(good) | {"missing.txt"}
    for name, reason in bad.items():
        assert results[name].article is None
        assert reason in results[name].error
        assert "\n" not in results[name].error
    assert results["missing.txt"].error == "no such file"
    for name, title in good.items():
        assert results[name].error is None
        assert results[name].article.title == title


def test_files_extracted_side_by_side_come_back_in_the_order_given(tmp_path: Path) -> None:
    # A slow page first: the quick ones after it are done by the other sandbox meanwhile,
    # yet the results and the progress keep the order of the files given.
    slow = slow_page(tmp_path / "a-slow.html", blocks=2000)
    quick = [tmp_path / f"quick-{n}.txt" for n in range(5)]
    for n, path in enumerate(quick):
        path.write_text(f"Quick note {n}\n\nThe talks resumed on day {n}.", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    results = list(extract_paths([slow, *quick], LIMITS,
                                 progress=lambda done, total: seen.append((done, total))))

    assert [Path(r.file).name for r in results] == ["a-slow.html", *(p.name for p in quick)]
    assert all(r.error is None for r in results)
    assert seen == [(n, 6) for n in range(1, 7)]


def slow_page(path: Path, blocks: int = 12000) -> Path:
    """A genuinely slow page to extract: 5 MB of small boxes of Cyrillic text (about 4 s here)."""
    body = "".join(f'<div class="c{i % 7}"><p>{UKRAINIAN} {i}</p><span>x</span></div>'
                   for i in range(blocks))
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def test_a_file_over_the_time_limit_fails_and_the_next_ones_still_import(tmp_path: Path) -> None:
    good = write_good_files(tmp_path / "good")
    slow = slow_page(tmp_path / "slow.html")
    limits = Limits(seconds=0.5)
    paths = [tmp_path / "good" / "plain.txt", slow, tmp_path / "good" / "page.html",
             tmp_path / "good" / "brief.docx"]
    results = list(extract_paths(paths, limits))
    assert [Path(r.file).name for r in results] == ["plain.txt", "slow.html", "page.html", "brief.docx"]
    assert results[1].error == "took longer than 0.5 s"
    for result in (results[0], results[2], results[3]):
        assert result.article is not None
        assert result.article.title == good[Path(result.file).name]


def test_import_paths_stores_reports_duplicates_and_keeps_going(tmp_path: Path, ws: Workspace) -> None:
    tmp_path = tmp_path / "in"  # the workspace file lives beside it
    good = write_good_files(tmp_path / "good")
    write_bad_files(tmp_path / "bad", LIMITS.max_bytes)
    progress: list[tuple[int, int]] = []
    skipped: list[tuple[str, str]] = []
    first = list(import_paths(ws, [tmp_path], LIMITS, progress=lambda d, t: progress.append((d, t)),
                              skipped=lambda f, r: skipped.append((f, r))))
    statuses = {Path(o.file).name: o.status for o in first}
    assert statuses == {**dict.fromkeys(good, "imported"), "binary.txt": "error",
                        "bomb.docx": "error", "huge.txt": "error", "locked.pdf": "error",
                        "truncated.docx": "error"}
    assert skipped == [(str(tmp_path / "bad" / "empty.txt"), "the file is empty")]
    assert progress[-1] == (10, 10)
    assert ws.articles.count() == len(good)

    again = list(import_paths(ws, [tmp_path / "good"], LIMITS))
    assert {o.status for o in again} == {"duplicate"}
    assert {o.id for o in again} == {o.id for o in first if o.status == "imported"}
    assert ws.articles.count() == len(good)
    stored = {a.title for a in map(ws.articles.get, (o.id for o in again))}
    assert stored == set(good.values())


def test_cancelling_stops_between_files(tmp_path: Path) -> None:
    write_good_files(tmp_path)
    cancelled = threading.Event()
    results = extract_paths([tmp_path], LIMITS, cancelled=cancelled)
    assert next(results).article is not None
    cancelled.set()
    with pytest.raises(Cancelled):
        next(results)
