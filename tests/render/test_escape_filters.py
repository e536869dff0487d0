"""Source text stays text whatever filters a template runs it through.

Each probe line puts a source string ``s`` through Jinja filters, string
methods, concatenation, macros or blocks, next to Markdown a filter built (a
citation). The line must stay one list item with one citation and nothing
else: no emphasis, code, link, heading or raw HTML, in the HTML preview, in
Python-Markdown and in the DOCX. Where the filter's effect on plain text is
known, the reader sees exactly that text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
import sys
import zipfile
from io import BytesIO
from typing import TYPE_CHECKING

import jinja2
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.filters import do_title, do_truncate
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

from briefer.render.docx import DocMeta, build_document
from briefer.render.engine import render_markdown
from briefer.render.escape import TEXT_METHODS, Markdown, clean_text
from briefer.render.html import fragment
from briefer.render.tree import parse
from tests.render.docx_helpers import NS

if TYPE_CHECKING:
    from collections.abc import Callable

_ENV = jinja2.Environment()
_C = "{{ 1|cite }}"
MACRO = "{% macro m(v) %}{{ v }}{% endmacro %}"

#: (probe line, what a reader sees for source text s; None: only the structure is checked)
CASES: list[tuple[str, Callable[[str], str] | None]] = [
    ("{{ s }}" + _C, lambda s: s),
    ("{{ s|title ~ 1|cite }}", do_title),
    ("{{ s|upper ~ 1|cite }}", str.upper),
    ("{{ s|lower }}" + _C, str.lower),
    ("{{ [s, s]|join(' / ') ~ 1|cite }}", lambda s: f"{s} / {s}"),
    ("{{ [s, 1|cite]|join }}", lambda s: s),
    ("{{ s|replace('a', 'b') ~ 1|cite }}", lambda s: s.replace("a", "b")),
    ("{{ (s ~ 'a')|replace('a', 1|cite) }}" + _C, None),
    ("{{ '%s!'|format(s) ~ 1|cite }}", lambda s: f"{s}!"),
    ("{{ '{}!'.format(s) ~ 1|cite }}", lambda s: f"{s}!"),
    ("{{ (1|cite).join(['', s]) }}", lambda s: s),
    ("{{ (1|cite) + s }}", lambda s: s),
    ("{{ s|truncate(12, true, '') ~ 1|cite }}", lambda s: do_truncate(_ENV, s, 12, True, "")),
    ("{{ s|e ~ 1|cite }}", lambda s: s),
    ("{{ s|forceescape }}" + _C, lambda s: s),
    ("{{ s|safe }}" + _C, lambda s: s),
    ("{{ s|safe ~ 1|cite }}", lambda s: s),
    ("{{ s|trim|quote|upper }}" + _C, lambda s: f"\u201c{s.strip()}\u201d".upper()),
    ("{% autoescape false %}{{ s }}{{ s ~ '' }}{% endautoescape %}" + _C, lambda s: s + s),
    ("{{ m(s) ~ 1|cite }}", lambda s: s),
    ("{% set x %}{{ s }}{% endset %}{{ x|upper }}" + _C, str.upper),
    ("{% filter upper %}{{ s }}{% endfilter %}" + _C, str.upper),
    ("{{ s|tojson ~ 1|cite }}", lambda s: json.dumps(s).replace("<", "\\u003c").replace(">", "\\u003e")
     .replace("&", "\\u0026").replace("'", "\\u0027")),
    ("{{ {'a': s}|xmlattr ~ 1|cite }}", None),
    ("{{ s|urlize ~ 1|cite }}", None),
    ("{{ s|wordwrap(5) ~ 1|cite }}", None),
    ("{{ s|center(40) ~ 1|cite }}", None),
    ("{{ s|indent(4) ~ 1|cite }}", None),
    ("{{ s|list|join ~ 1|cite }}", lambda s: s),
    ("{{ s|reverse ~ 1|cite }}", lambda s: s[::-1]),
    ("{{ (s|quote)[1:] ~ 1|cite }}", None),
    ("{{ s|quote|truncate(9, true, '') ~ 1|cite }}", None),
    ("{{ s|quote|replace('\\\\', '') ~ 1|cite }}", None),
    ("{{ (s|quote).split()|join(' ') ~ 1|cite }}", None),
    ("{{ (s|quote).lstrip('\u201c\\\\') ~ 1|cite }}", None),
    ("{% set ns = namespace(t='') %}{% for c in s %}{% set ns.t = ns.t ~ c %}{% endfor %}"
     "{{ ns.t ~ 1|cite }}", lambda s: s),
]
PROBE = MACRO + "\n" + "".join(f"- {line}\n" for line, _ in CASES) + "\n[^1]: Source.\n"


def _normal(s: str) -> str:
    return re.sub(r"[ \t\n]+", " ", s).strip()


def _expected(s: str) -> list[str | None]:
    return [None if see is None else _normal(clean_text(see(s))) for _, see in CASES]


def _drop(element: etree._Element) -> None:
    """Remove an element, keeping the text after it."""
    parent, previous = element.getparent(), element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _check_html_items(items: list[etree._Element], s: str, where: str) -> None:
    """Each item holds one footnote reference and plain text (the expected text, where known)."""
    assert len(items) == len(CASES), where
    for item, (line, _), expected in zip(items, CASES, _expected(s), strict=True):
        refs = item.xpath(".//sup")
        assert len(refs) == 1, (where, line, etree.tostring(item, encoding="unicode"))
        for ref in refs:
            _drop(ref)
        others = [e.tag for e in item.iterdescendants() if not isinstance(e, etree._Comment)]
        assert others in ([], ["p"]), (where, line, etree.tostring(item, encoding="unicode"))
        if expected is not None:
            assert _normal(item.text_content()) == expected, (where, line)


def _check(s: str) -> None:
    md = render_markdown(PROBE, "probe.md.j2", {"s": s})
    preview = lxml_html.fromstring(f"<div>{fragment(parse(md))}</div>")
    _check_html_items(preview.xpath("./ul/li"), s, "preview")
    assert len(preview.xpath("./*")) == 3, md  # the list, the rule and the footnotes
    python_markdown = lxml_html.fromstring(
        f"<div>{markdown.markdown(md, extensions=['footnotes', 'tables'])}</div>")
    _check_html_items(python_markdown.xpath("./ul/li"), s, "Python-Markdown")
    _check_docx(md, s)


def _check_docx(md: str, s: str) -> None:
    when = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    buffer = BytesIO()
    build_document(parse(md), DocMeta("T", "A", "TLP:CLEAR", when, when)).save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    paragraphs = body.xpath("w:body/w:p", namespaces=NS)
    assert len(paragraphs) == len(CASES), md
    assert not body.xpath("//w:hyperlink", namespaces=NS)
    for p, (line, _), expected in zip(paragraphs, CASES, _expected(s), strict=True):
        cited = p.xpath("count(.//w:footnoteReference) + count(.//w:instrText[contains(., 'NOTEREF')])",
                        namespaces=NS)
        assert cited == 1, line
        assert not p.xpath(".//w:rPr[w:b or w:i or w:rFonts]", namespaces=NS), line
        if expected is not None:
            text = "".join(p.xpath(".//w:r[not(w:rPr/w:rStyle)]/w:t/text()", namespaces=NS))
            assert _normal(text) == expected, line


NASTY = [
    "*bold* _em_ `code` [link](http://x.org) ![img](x.png)",
    "<script>alert(1)</script> <b onclick=x>hi</b> AT&T &amp;",
    "[click](javascript:alert(1)) <javascript:alert(1)>",
    "# heading | pipe | ~~strike~~ \\ backslash",
    "line\n# heading\n- bullet\n1. numbered\n> quote\n\n| a | b |",
    "1. not a list",
    "[^1] footnote [x]: http://y",
]


@pytest.mark.parametrize("s", NASTY)
def test_filters_cannot_turn_source_text_into_markdown(s: str) -> None:
    _check(s)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="*_`[]()<>#|!\\-+=~.:;&^1aZ \n\t\xa0")))
def test_any_source_string_through_any_filter_stays_text(s: str) -> None:
    _check(s)


def test_analyst_markdown_still_passes_through_filters() -> None:
    md = render_markdown(
        "{{ bluf|safe }}\n\n{{ bluf|trim }}\n\n{{ bluf ~ 1|cite }}\n\n"
        "{% filter upper %}{{ bluf }}{% endfilter %}\n",
        "probe.md.j2", {"bluf": Markdown("**160,000** troops")})
    assert md == "**160,000** troops\n\n**160,000** troops\n\n**160,000** troops[^1]\n\n**160,000** TROOPS\n"


def test_cutting_markdown_gives_text_and_case_or_trim_keeps_it() -> None:
    quoted = Markdown("\u201c\\*x\\* &#60;b&#62;\u201d")
    for kept in (quoted.upper(), quoted.title(), quoted.strip(), quoted.lstrip(" \t"), quoted + "*",
                 quoted.join(["*", "*"]), quoted % (), Markdown("{}").format("*")):
        assert type(kept) is Markdown, kept
    assert quoted + "*" == "\u201c\\*x\\* &#60;b&#62;\u201d\\*"
    for name in TEXT_METHODS:
        assert getattr(Markdown, name) is not getattr(Markup, name), name
    assert type(quoted[1:]) is str
    assert type(quoted.replace("\\", "")) is str
    assert type(quoted.strip("\u201c")) is str
    assert all(type(part) is str for part in quoted.split())


def test_trimming_markdown_never_brings_a_list_marker_to_the_line_start() -> None:
    # Python's strip() also drops U+00A0, which Markdown does not count as indentation.
    md = render_markdown("- {{ s|md|trim }}[^1]\n\n[^1]: S.\n", "probe.md.j2", {"s": "\xa01. x"})
    assert "<ol>" not in fragment(parse(md))


def test_no_case_change_makes_markdown_syntax() -> None:
    """Why Markdown may change case: no case mapping of any character yields punctuation, digits or spaces."""
    syntax = set(string.punctuation + string.digits + string.whitespace + "\x85\xa0\u2028\u2029")
    maps = (str.upper, str.lower, str.title, str.casefold, str.swapcase, str.capitalize)
    made = [(hex(i), m.__name__) for i in range(sys.maxunicode + 1) for m in maps
            if (set(m(chr(i))) & syntax) - {chr(i)}]
    assert made == []
