"""WARC, MHTML and SingleFile pages import like any other file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ingest import extract_file
from briefer.ingest.batch import import_paths
from tests.data.hostile.archive_cases import PAGE, SECOND, mhtml, singlefile, warc

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace


def test_each_html_response_of_a_warc_is_one_article(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([("https://news.example/ukraine", "text/html", PAGE.encode(), {}),
                           ("https://news.example/logo.png", "image/png", b"\x89PNG", {}),
                           ("https://news.example/grain", "text/html", SECOND.encode(), {})]))
    outcomes = list(import_paths(ws, [path]))
    assert [o.status for o in outcomes] == ["imported", "imported"]
    articles = [ws.articles.get(o.id) for o in outcomes if o.id is not None]
    assert [a.url for a in articles] == ["https://news.example/ukraine", "https://news.example/grain"]
    assert "160,000 personnel" in articles[0].text
    assert "Grain ships left Odesa" in articles[1].text
    assert {a.format for a in articles} == {"warc"}


def test_an_mhtml_page_gives_its_article_and_address(tmp_path: Path) -> None:
    path = tmp_path / "saved.mhtml"
    path.write_bytes(mhtml(PAGE, "https://news.example/ukraine-mobilizes"))
    article = extract_file(path)
    assert article.format == "mhtml"
    assert article.url == "https://news.example/ukraine-mobilizes"
    assert "becoming internationalized" in article.text
    assert "iVBOR" not in article.text


def test_a_singlefile_page_drops_its_inlined_images(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    image = "data:image/png;base64," + "QUFB" * 100_000
    path.write_text(singlefile(f"<img src='{image}'><p>Caption: soldiers at a checkpoint.</p>"))
    article = extract_file(path)
    assert article.format == "singlefile"
    assert article.url == "https://news.example/ukraine"
    assert "Caption: soldiers at a checkpoint." in article.text
    assert "QUFB" not in article.text
