"""``briefer fetch`` and ``briefer evidence`` end to end against a local site on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from briefer.workspace import Workspace
from tests.web_site import Site, article_html, gzip_bomb, site  # noqa: F401

FETCH_FIELDS = ["url", "final_url", "status", "id", "title", "outlet", "published", "duplicate_of",
                "evidence", "error"]
PARAGRAPHS = [
    "The regional council voted on Tuesday to close the old river bridge to lorries.",
    "\u201cThe bridge is no longer safe for heavy traffic,\u201d said the council engineer, Mara Olsen.",
    "Repairs are expected to cost 4.2 million euros and to take eighteen months.",
    "Hauliers say the detour adds forty minutes to every trip across the valley.",
]


def briefer(*args: str, delay: str = "0") -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    env = {**os.environ, "BRIEFER_FETCH_DELAY": delay}
    return subprocess.run([sys.executable, "-m", "briefer.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


@pytest.fixture
def workspace(tmp_path: Path) -> str:
    path = tmp_path / "desk.briefer"
    Workspace.create(path).close()
    return str(path)


def _objects(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_fetch_imports_the_page_keeps_evidence_and_refetch_costs_a_304(site: Site, workspace: str) -> None:  # noqa: F811
    site.add("/news/bridge", article_html("Council closes river bridge to lorries", PARAGRAPHS))
    site.add("/go", status=301, headers={"Location": "/news/bridge"}, validators=False)
    first = briefer("fetch", workspace, site.url("/go"), "--json")
    assert first.returncode == 0, first.stderr
    [item] = _objects(first.stdout)
    assert list(item) == FETCH_FIELDS
    assert item["status"] == "imported"
    assert item["error"] is None
    assert item["duplicate_of"] is None
    assert item["final_url"] == site.url("/news/bridge")
    assert item["title"] == "Council closes river bridge to lorries"
    assert item["outlet"] == "The Test Herald"
    assert item["published"].startswith("2026-11-20")
    assert item["evidence"].startswith("<urn:uuid:")

    with Workspace.open(workspace) as ws:
        article = ws.articles.get(item["id"])
    assert article.url == site.url("/news/bridge")
    assert "Mara Olsen" in article.text

    second = briefer("fetch", workspace, site.url("/news/bridge"), "--json")
    [again] = _objects(second.stdout)
    assert again["status"] == "duplicate"
    assert again["id"] is None
    assert again["duplicate_of"] == item["id"]
    assert again["evidence"] == item["evidence"]
    assert site.not_modified == 1
    assert all(seen.headers["User-Agent"].startswith("Briefer/0.1.0") for seen in site.requests)

    shown = briefer("evidence", workspace, str(item["id"]))
    assert shown.returncode == 0, shown.stderr
    assert item["evidence"] in shown.stdout
    assert "captured 20" in shown.stdout
    warc = Path(workspace + ".evidence")
    [kept] = list(warc.glob("*.warc.gz"))
    assert kept.name in shown.stdout


def test_each_failing_url_gets_one_line_and_the_rest_go_on(site: Site, workspace: str) -> None:  # noqa: F811
    site.add("/ok", article_html("Valley hauliers protest detour", PARAGRAPHS[2:]))
    site.add("/picture.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    site.add("/huge", stream_bytes=21 * 1024 * 1024)
    site.add("/bomb", gzip_bomb(40 * 1024 * 1024), headers={"Content-Encoding": "gzip"})
    site.add("/private/memo", article_html("Internal", PARAGRAPHS))
    site.add("/leak", status=302, headers={"Location": "http://10.20.30.40/admin"}, validators=False)
    paths = ("/missing", "/private/memo", "/picture.png", "/huge", "/bomb", "/leak", "/ok")
    urls = [site.url(p) for p in paths]
    done = briefer("fetch", workspace, *urls)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{urls[0]}: HTTP 404",
        f"{urls[1]}: blocked by robots.txt",
        f"{urls[2]}: not a web page (image/png)",
        f"{urls[3]}: larger than 20 MB",
        f"{urls[4]}: larger than 20 MB",
        f"{urls[5]}: redirected to a private address (refused)",
    ]
    assert "Valley hauliers protest detour" in done.stdout
    assert "/private/memo" not in site.paths()

    as_json = _objects(briefer("fetch", workspace, urls[0], "--json").stdout)
    assert as_json == [{"url": urls[0], "final_url": None, "status": "error", "id": None, "title": None,
                        "outlet": None, "published": None, "duplicate_of": None, "evidence": None,
                        "error": "HTTP 404"}]


@pytest.mark.slow
def test_a_page_slower_than_the_limit_times_out_after_30_s(site: Site, workspace: str) -> None:  # noqa: F811
    site.add("/slow", article_html("Late", PARAGRAPHS), delay=32)
    done = briefer("fetch", workspace, site.url("/slow"))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{site.url('/slow')}: timed out after 30 s"


def test_update_carries_tags_over_and_flags_the_brief_item_whose_quote_vanished(
        site: Site, workspace: str) -> None:  # noqa: F811
    site.add("/news/bridge", article_html("Council closes river bridge to lorries", PARAGRAPHS))
    [item] = _objects(briefer("fetch", workspace, site.url("/news/bridge"), "--json").stdout)
    with Workspace.open(workspace) as ws:
        text = ws.articles.text(item["id"])
        quote = "The bridge is no longer safe for heavy traffic,"
        figure = "4.2 million euros"
        detour = "forty minutes"
        ids = {}
        for words, kind in ((quote, "quote"), (figure, "figure"), (detour, "fact")):
            start = text.index(words)
            ids[words] = ws.tags.add(item["id"], kind, start, start + len(words)).id
        brief = ws.briefs.new("Valley transport").id
        [quote_item] = ws.briefs.add_tags(brief, "statements", [ids[quote]]).ids

    changed = ["Update: the council reopened talks with hauliers on Wednesday.", PARAGRAPHS[0],
               "Repairs are now expected to cost 4.5 million euros and to take eighteen months.",
               PARAGRAPHS[3]]
    site.add("/news/bridge", article_html("Council closes river bridge to lorries", changed))
    done = briefer("fetch", workspace, site.url("/news/bridge"), "--update")
    assert done.returncode == 0, done.stderr
    assert "updated" in done.stdout
    assert "3 tags re-anchored, 1 moved, 1 reworded, 1 vanished" in done.stdout
    assert f"reworded tag {ids[figure]}: '4.2 million euros' -> '4.5 million euros'" in done.stdout
    assert f"vanished tag {ids[quote]}: {quote!r}; brief item {quote_item} flagged" in done.stdout

    with Workspace.open(workspace) as ws:
        article = ws.articles.get(item["id"])
        assert ws.articles.count() == 1
        assert "reopened talks" in article.text
        assert ws.versions.count(item["id"]) == 1
        assert "Mara Olsen" in (ws.versions.text(item["id"], 1) or "")
        moved = ws.tags.get(ids[detour])
        assert article.text[moved.start:moved.end] == detour
        assert ws.tags.get(ids[figure]).exact == "4.5 million euros"
        assert ws.versions.vanished(item["id"]) == [ids[quote]]
        assert ws.tags.get(ids[quote]).exact == quote  # the brief still quotes what was said
        assert len(ws.evidence.of_article(item["id"])) == 2
    assert len(list(Path(workspace + ".evidence").glob("*.warc.gz"))) == 2


def test_the_docx_footnote_of_a_fetched_source_shows_its_capture_time(
        site: Site, workspace: str, tmp_path: Path) -> None:  # noqa: F811
    site.add("/news/bridge", article_html("Council closes river bridge to lorries", PARAGRAPHS))
    [item] = _objects(briefer("fetch", workspace, site.url("/news/bridge"), "--json").stdout)
    with Workspace.open(workspace) as ws:
        text = ws.articles.text(item["id"])
        start = text.index("4.2 million euros")
        tag = ws.tags.add(item["id"], "figure", start, start + len("4.2 million euros")).id
        brief = ws.briefs.new("Valley transport").id
        ws.briefs.add_tags(brief, "figures", [tag])
        captured = ws.evidence.latest(item["id"]).captured_at
    out = tmp_path / "brief.docx"
    done = briefer("render", workspace, str(brief), "--format", "docx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    footnotes = zipfile.ZipFile(out).read("word/footnotes.xml").decode()
    expected = datetime.fromisoformat(captured).strftime("Captured %d %B %Y %H:%M UTC.")
    assert expected in footnotes
