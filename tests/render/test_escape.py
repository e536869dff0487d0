"""Source text is inert in Markdown: it renders as itself, in both Markdown readers."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from briefer.render.engine import render_markdown
from briefer.render.escape import clean_text, escape_markdown
from briefer.render.html import fragment
from briefer.render.tree import parse

PROBE = """\
- {{ s }}

| Column |
|---|
| {{ s }} |

## {{ s }}

Cited.[^1]

[^1]: {{ s }}
"""

NASTY = [
    "*bold* _em_ `code` [link](http://x.org) ![img](x.png)",
    "<script>alert(1)</script> <b onclick=x>hi</b>",
    "[click](javascript:alert(1)) <javascript:alert(1)>",
    "# heading | pipe | ~~strike~~ \\ backslash",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "=== not a heading",
    "&amp; &copy; &#65; AT&T",
    "[^1] footnote [x]: http://y",
    "line one\nline two\n\n\nline three",
    "   indented    spaces\ttab",
]


def _texts(html: str) -> list[str]:
    """Text of the list item, table cell, heading and footnote of the probe page."""
    root = lxml_html.fromstring(f"<div>{html}</div>")
    for backref in root.xpath("//a[contains(@class, 'backref')]"):
        previous = backref.getprevious()
        holder = backref.getparent()
        if previous is not None and previous.tail:  # Python-Markdown puts &nbsp; before it
            previous.tail = previous.tail.removesuffix("\xa0")
        elif holder.text:
            holder.text = holder.text.removesuffix("\xa0")
        holder.remove(backref)
    notes = root.xpath("//section[@class='footnotes']//li | //div[@class='footnote']//li")
    parts = [root.xpath("//ul/li")[0], root.xpath("//td")[0], root.xpath("//h2")[0], notes[0]]
    return [_normal(p.text_content()) for p in parts]


def _normal(s: str) -> str:
    """Text as a reader sees it: space runs as one, no leading or trailing (Unicode) space."""
    return re.sub(r"[ \t\n]+", " ", s).strip()


@pytest.mark.parametrize("s", NASTY)
def test_nasty_source_text_comes_back_as_itself(s: str) -> None:
    md = render_markdown(PROBE, "probe.md.j2", {"s": s})
    html = fragment(parse(md))
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert _texts(html) == [_normal(clean_text(s))] * 4, (md, html)


@pytest.mark.parametrize("s", NASTY)
def test_python_markdown_reads_escaped_text_the_same(s: str) -> None:
    md = render_markdown(PROBE, "probe.md.j2", {"s": s})
    html = markdown.markdown(md, extensions=["footnotes", "tables"])
    assert _texts(html) == [_normal(clean_text(s))] * 4, (md, html)
    assert "<script" not in html
    assert 'href="javascript' not in html


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="*_`[]()<>#|!\\-+=~.:;&^1aZ \n\t\xa0")))
def test_any_source_string_survives_markdown_to_html(s: str) -> None:
    md = render_markdown(PROBE, "probe.md.j2", {"s": s})
    texts = _texts(fragment(parse(md)))
    assert texts == [_normal(clean_text(s))] * 4


def test_escape_keeps_ordinary_text_readable() -> None:
    assert escape_markdown("Russia took 478 square kilometers in October.") == (
        "Russia took 478 square kilometers in October."
    )
    assert escape_markdown("1986. A year") == "1986\\. A year"
    assert escape_markdown("a_b *c*") == "a\\_b \\*c\\*"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="*_`[]()<>#|!\\-+=~.:;&^1aZ \n\t"))
def test_python_markdown_agrees_on_punctuation_heavy_text(s: str) -> None:
    md = render_markdown(PROBE, "probe.md.j2", {"s": s})
    html = markdown.markdown(md, extensions=["footnotes", "tables"])
    assert _texts(html) == [_normal(clean_text(s))] * 4, md
