"""Pages built to exhaust the HTML importer: attribute floods and huge element counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ingest import html, html_body
from briefer.ingest.limits import Limits

if TYPE_CHECKING:
    import pytest

ARTICLE = ("<p>Zelensky said the war is becoming internationalized, extending beyond two countries.</p>"
           "<p>Ukraine plans to recruit 160,000 personnel, the defence ministry said on Tuesday.</p>")


def test_attribute_flood_is_dropped_and_the_article_kept() -> None:
    flood = " ".join(f"a{i}='{i}'" for i in range(100_000))
    page = f"<html><body><article {flood}>{ARTICLE}</article></body></html>".encode()

    article = html.extract(page, "flood.html", Limits())

    assert "becoming internationalized" in article.text
    assert "160,000 personnel" in article.text


def test_long_tags_with_few_attributes_are_left_alone() -> None:
    image = f"<img alt='map' src='data:image/png;base64,{'A' * 50_000}'>"
    assert html._drop_attribute_floods(image) == image
    flood = "<div " + " ".join(f"x{i}=1" for i in range(html.MAX_ATTRIBUTES + 1)) + " " * 20_000 + ">"
    assert html._drop_attribute_floods(flood + "text</div>") == "<div>text</div>"


def test_page_with_too_many_elements_gets_the_linear_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_body, "MAX_ELEMENTS", 50)
    filler = "<p>Another short paragraph of the report.</p>" * 60
    page = (f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Ukraine mobilizes</h1>{ARTICLE}{filler}"
            "<script>var tracking = 1;</script></article><footer>Copyright</footer></body></html>").encode()

    article = html.extract(page, "big.html", Limits())

    assert article.text.startswith("Zelensky said the war is becoming internationalized")
    assert article.text.count("Another short paragraph") == 60
    assert "tracking" not in article.text
    assert "Home" not in article.text
    assert "Copyright" not in article.text
