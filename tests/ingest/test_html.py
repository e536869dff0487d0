"""Saved web pages: clean article body, headline and page metadata, any encoding."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import html
from briefer.ingest.html_meta import choose_title, iso_date
from briefer.ingest.limits import Limits
from tests.ingest.samples import DATA, UKRAINIAN

LIMITS = Limits()
BOILERPLATE = (
    "Advertisement", "mortgage", "Share on", "WhatsApp", "Related stories", "Drone attacks",
    "newsletter", "reader_1984", "West must respond", "cookies", "Privacy policy", "Most read",
    "Read more", "Inside the battle", "Subscribe", "All rights reserved",
)


@pytest.fixture(scope="module")
def news_article():  # noqa: ANN201
    return html.extract((DATA / "news-page.html").read_bytes(), "news-page.html", LIMITS)


def test_news_page_metadata(news_article) -> None:  # noqa: ANN001
    assert news_article.metadata() == {
        "title": "Ukraine mobilizes as Russia seizes Selydove",
        "author": "Olena Petrenko",
        "outlet": "The Kyiv Ledger",
        "url": "https://ledger.example.org/world/2024/11/05/ukraine-mobilizes",
        "published": "2024-11-05T08:15:00+02:00",
        "language": "en-GB",
    }


def test_news_page_body_is_the_article_only(news_article) -> None:  # noqa: ANN001
    paragraphs = news_article.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Ukraine announced a fresh mobilization drive")
    assert "“The conclusion is clear: this war is becoming internationalized" in paragraphs[2]
    assert paragraphs[4].startswith("Analysts estimated that Russia took 478 square kilometers")
    for junk in BOILERPLATE:
        assert junk not in news_article.text, junk
    assert "Ukraine mobilizes as Russia seizes Selydove" not in news_article.text


def _page(body: str, head: str = "", charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{body} Paragraph {i} adds more words to the story.</p>" for i in range(6))
    return (f"<html><head><meta charset='{charset}'>{head}</head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Головна новина</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize("declaration", ["<meta charset='windows-1251'>",
                                         '<meta http-equiv="Content-Type" content="text/html; '
                                         'charset=windows-1251">'])
def test_declared_legacy_charset_is_honoured(declaration: str) -> None:
    page = _page(UKRAINIAN, charset="x").replace("<meta charset='x'>", declaration)
    article = html.extract(page.encode("cp1251"), "uk.html", LIMITS)
    assert UKRAINIAN in article.text
    assert article.title == "Головна новина"


def test_undeclared_charset_is_detected_and_bom_wins() -> None:
    page = _page(UKRAINIAN).replace("<meta charset='utf-8'>", "")
    assert UKRAINIAN in html.extract(page.encode("cp1251"), "a.html", LIMITS).text
    assert UKRAINIAN in html.extract(page.encode("utf-16"), "b.html", LIMITS).text
    mislabelled = page.replace("<head>", "<head><meta charset='iso-8859-1'>").encode()
    assert UKRAINIAN in html.extract(mislabelled, "c.html", LIMITS).text


def test_an_article_nested_deeper_than_lxml_allows_survives() -> None:
    depth = 400
    sentence = "The deeply nested article still reaches the analyst intact."
    page = _page(sentence).replace("<article>", "<div>" * depth + "<article>").replace(
        "</article>", "</article>" + "</div>" * depth)
    article = html.extract(page.encode(), "deep.html", LIMITS)
    assert article.text.count(sentence) == 6


def test_flatten_keeps_text_and_limits_depth() -> None:
    markup = "<div>" * 10 + "<p>text<br>more</p>" + "</div>" * 10
    flat = html.flatten(markup, max_depth=3)
    assert flat.count("<div>") == 3
    assert flat.count("</div>") == 3
    assert "<p>" not in flat
    assert "text<br>more" in flat


def test_binary_content_named_html_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"^photo\.html: binary file, not a web page$"):
        html.extract(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "photo.html", LIMITS)


def test_a_page_without_article_text_is_refused_quietly(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with pytest.raises(ImportFailed, match="no article text"):
        html.extract(b"<html><head><title>Empty</title></head><body></body></html>", "e.html", LIMITS)
    assert [r.name for r in caplog.records if r.levelname != "DEBUG"] == []


@pytest.mark.parametrize(
    ("titles", "h1s", "sites", "expected"),
    [
        (["Big news today | The Ledger"], ["The Ledger", "Big news today"], ["The Ledger"], "Big news today"),
        (["Opinion | Big news today - NYT"], ["Big news today"], [], "Big news today"),
        (["Big news today - Ledger"], [], ["Ledger"], "Big news today"),
        (["A headline, no suffix"], ["Something else entirely"], ["Site"], "A headline, no suffix"),
        ([], ["Only an h1"], [], "Only an h1"),
    ],
)
def test_choose_title(titles: list[str], h1s: list[str], sites: list[str], expected: str) -> None:
    assert choose_title(titles, h1s, sites) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-11-05T08:15:00.123Z", "2024-11-05T08:15:00+00:00"),
        ("2024-11-05", "2024-11-05"),
        ("Tue, 05 Nov 2024 08:15:00 GMT", "2024-11-05T08:15:00+00:00"),
        ("0001-01-01T00:00:00Z", None),
        ("yesterday", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <html lang='en'>", True),
        ("<html><body>".encode("utf-16"), True),
        (b"<?xml version='1.0'?>\n<!-- saved -->\n<html>", True),
        (b"Dear diary, <html> is a tag.", False),
        (b"%PDF-1.7", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert html.sniff(head) is expected


@pytest.mark.parametrize(("url", "site", "expected"), [
    # A site name unrelated to the outlet known for the host is a section, not the outlet.
    ("https://hosted.ap.org/citizensvoice/article/1", "Hosted", "Associated Press"),
    ("https://www.reuters.com/article/us-markets", "U.S.", "Reuters"),
    ("https://www.bbc.co.uk/news/world-1", "BBC News", "BBC News"),
    ("https://www.dawgsbynature.com/2019/11/18", "Dawgs By Nature", "Dawgs By Nature"),
    ("https://sport.example.org/story", "Example Sport", "Example Sport"),  # unknown host: trusted
    ("https://gto-normativy.ru/story", None, "gto-normativy.ru"),  # no name at all: the domain
])
def test_outlet_fits_the_host(url: str, site: str | None, expected: str) -> None:
    head = f"<link rel='canonical' href='{url}'>" + (
        f"<meta property='og:site_name' content='{site}'><title>Головна новина | {site}</title>"
        if site else "")
    article = html.extract(_page(UKRAINIAN, head).encode(), "page.html", LIMITS)
    assert article.outlet == expected


def test_a_syndicated_page_keeps_the_outlet_of_its_own_address() -> None:
    head = ("<link rel='canonical' href='https://www.nbcnews.com/news/doctors-n1'>"
            "<meta property='og:url' content='https://www.msn.com/en-us/news/ar-BB1'>"
            "<meta property='og:site_name' content='MSN'>")
    assert html.extract(_page(UKRAINIAN, head).encode(), "page.html", LIMITS).outlet == "MSN"


def _with_byline(byline: str, head: str = "") -> str:
    return _page(UKRAINIAN, head).replace("<article>", f"<article>{byline}")


@pytest.mark.parametrize(("byline", "head", "expected"), [
    # The page's byline names more people than its metadata, which names only the first.
    ("<p class='byline'>By Stefan Becket, Kathryn Watson, Grace Segers</p>",
     "<meta name='author' content='Stefan Becket'>", "Stefan Becket, Kathryn Watson, Grace Segers"),
    # A label or a phrase beside the name is not a second author.
    ("<p class='byline'>By Jason Cipriani | November 18, 2019 | Topic: Hardware</p>", "",
     "Jason Cipriani"),
    ("<p class='byline'>By Mike Wall, Astronomy Europa's ocean</p>", "", "Mike Wall"),
    # A list of tags, a commenter or a comment form's field is no byline.
    ("<span class='meta-tags'>Amazon black Friday Natale regali</span>", "", None),
    ("<div class='comments'><span class='comment-author'>Olena Petrenko</span></div>", "", None),
    ("<p class='comment-form-author'>Имя *</p>", "", None),
])
def test_authors_from_the_byline(byline: str, head: str, expected: str | None) -> None:
    article = html.extract(_with_byline(byline, head).encode(), "page.html", LIMITS)
    assert article.author == expected
