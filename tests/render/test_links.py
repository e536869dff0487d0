"""Links in a brief: one allow-list (http, https, mailto, #anchors) for the HTML and the DOCX."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefer.render import html
from briefer.render.docx import build_document
from briefer.render.links import allowed_href
from briefer.render.tree import parse
from tests.render.test_docx import META

if TYPE_CHECKING:
    from pathlib import Path

KEPT = ["https://example.org/a", "http://example.org/b", "mailto:desk@example.org", "HTTPS://EXAMPLE.ORG/C"]
DROPPED = ["smb://fileserver/share/brief", "ms-word:ofe|u|https://example.org/x.docx",
           "search-ms:query=secret&crumb=location:\\\\evil\\share", "file:///etc/passwd",
           "javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,hi", "vbscript:msgbox",
           "ms-excel:ofv|u|x",
           "//evil.example/share", "relative/path.docx", "tel:+100"]


def _markdown() -> str:
    links = [f"- [link {n}](<{href}>)" for n, href in enumerate(KEPT + DROPPED)]
    return "# Links\n\n" + "\n".join(links) + "\n"


def test_the_allow_list() -> None:
    assert all(allowed_href(href) for href in [*KEPT, "#fn1"])
    assert not any(allowed_href(href) for href in DROPPED)


def test_html_and_docx_keep_exactly_the_same_links(tmp_path: Path) -> None:
    tree = parse(_markdown())
    in_html = re.findall(r'href="([^"]*)"', html.fragment(tree))
    out = tmp_path / "links.docx"
    build_document(tree, META).save(str(out))
    document = docx.Document(str(out))
    in_docx = [rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK]
    assert {h.lower() for h in in_html} == {h.lower() for h in in_docx} == {h.lower() for h in KEPT}
    text = "\n".join(p.text for p in document.paragraphs)
    for n in range(len(KEPT + DROPPED)):
        assert f"link {n}" in text  # a dropped link keeps its words


@pytest.mark.parametrize("href", DROPPED)
def test_a_refused_link_is_not_a_link_in_either_format(href: str, tmp_path: Path) -> None:
    tree = parse(f"See [the file](<{href}>).\n")
    assert "href" not in html.fragment(tree)
    out = tmp_path / "one.docx"
    build_document(tree, META).save(str(out))
    document = docx.Document(str(out))
    assert not [r for r in document.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert any("the file" in p.text for p in document.paragraphs)
