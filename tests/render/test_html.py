"""The HTML preview: the same tree as the DOCX, sanitised, without comment markers."""

from __future__ import annotations

from briefer.render.escape import comment_marker
from briefer.render.html import document, fragment
from briefer.render.tree import parse


def test_analyst_markdown_cannot_inject_script_or_links() -> None:
    html = fragment(parse(
        "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://ok.example/)"
        ' <img src=x onerror="alert(1)">\n'
    ))
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert '<a href="https://ok.example/" rel="noopener noreferrer">y</a>' in html


def test_comments_are_invisible_and_citations_keep_their_number() -> None:
    html = fragment(parse(f"- one{comment_marker('secret note')}[^1]\n- two[^1]\n\n[^1]: Source.\n"))
    assert "secret" not in html
    assert "\ue000" not in html
    assert html.count(">[1]</a></sup>") == 2
    assert html.count("footnote-backref") == 1


def test_document_is_a_standalone_page_with_an_escaped_title() -> None:
    page = document(parse("# T\n"), "<b>Brief</b> & co")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>&lt;b&gt;Brief&lt;/b&gt; &amp; co</title>" in page
    assert '<meta charset="utf-8">' in page
