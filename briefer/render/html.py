"""The HTML preview: the parsed Markdown tree as sanitised HTML.

markdown-it's renderer walks the same tokens the DOCX writer walks; nh3 then
keeps only an allow-list of tags and attributes, so nothing from a source or a
template can run script or load anything in the preview.
"""

from __future__ import annotations

import copy
import html
import types
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import nh3

from briefer.dtg import TLP_COLOURS
from briefer.render.escape import strip_comments
from briefer.render.links import ALLOWED_SCHEMES, allowed_href
from briefer.render.tree import Tree, parser

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token

TAGS = {
    "a", "b", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "div", "li", "ol", "p", "pre", "section", "strong", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}
ATTRIBUTES = {
    "a": {"href", "id", "class"}, "div": {"class"}, "li": {"id", "class"}, "ol": {"start", "class"},
    "section": {"class"}, "sup": {"class"}, "hr": {"class"}, "td": {"style"}, "th": {"style"},
}
#: The page on screen follows the reader's light or dark preference; printed, it is
#: black on white, with the marking at the top and bottom of every sheet (elements
#: with ``position: fixed`` repeat on each printed page).
STYLE = """
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #ffffff; --muted: #555; --rule: #999;
        --analyst: #eef3f8; --link: #1f5fa8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #1e1f22; --muted: #aaa; --rule: #666; --analyst: #263040;
          --link: #8ab4f8; } }
body { font-family: Carlito, Calibri, "DejaVu Sans", Arial, sans-serif; max-width: 48em;
       margin: 1em auto; padding: 0 1em; line-height: 1.45; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--rule); padding: .2em .5em; }
thead { display: table-header-group; } tr { break-inside: avoid; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
.analyst { background: var(--analyst); border-left: 4px solid #4a6fa5; padding: .1em 1em; }
.footnotes { font-size: .9em; } sup.footnote-ref a { text-decoration: none; }
.marking { text-align: center; margin: .5em 0; }
.marking span { font-weight: bold; padding: .1em .6em; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --rule: #777; --analyst: #f2f2f2; --link: #000; }
  @page { margin: 2.2cm 2cm; }
  body { max-width: none; margin: 0; padding: 0; }
  .marking { position: fixed; left: 0; right: 0; margin: 0; }
  .marking.top { top: -1.4cm; } .marking.bottom { bottom: -1.4cm; }
  .marking span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _text_rule(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return html.escape(strip_comments(tokens[idx].content), quote=False)


def _caption_rule(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return f"[{tokens[idx].meta['id'] + 1}]"  # every citation of source 3 reads [3]


@cache
def _renderer() -> RendererHTML:
    """markdown-it's renderer with the footnote rules, dropping comment markers.

    A copy, so the shared parser is untouched; rules bound to the original
    renderer are rebound to the copy so they call its rules.
    """
    original = cast("RendererHTML", parser().renderer)  # the parser is built with the HTML renderer
    renderer = copy.copy(original)
    renderer.rules = {
        name: types.MethodType(rule.__func__, renderer) if getattr(rule, "__self__", None) is original
        else rule
        for name, rule in original.rules.items()
    }
    anchor = renderer.rules["footnote_anchor"]

    def first_anchor_only(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        # one way back per source, not one per citation (a source cited 500 times)
        return anchor(tokens, idx, options, env) if not tokens[idx].meta.get("subId") else ""

    rules: dict[str, Any] = renderer.rules  # typed as bound methods; plain functions work as well
    rules["text"] = _text_rule
    rules["footnote_caption"] = _caption_rule
    rules["footnote_anchor"] = first_anchor_only
    return renderer


def fragment(tree: Tree) -> str:
    """The body of the preview: sanitised HTML of the parsed Markdown."""
    raw = _renderer().render(tree.tokens, parser().options, tree.env)
    return nh3.clean(
        raw, tags=TAGS, attributes=ATTRIBUTES, url_schemes=set(ALLOWED_SCHEMES),
        attribute_filter=_allowed_attribute, filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
    )


def _allowed_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop an ``href`` the shared allow-list refuses (relative and odd-scheme links too)."""
    return value if attribute != "href" or allowed_href(value) else None



def marking_banner(marking: str, where: str) -> str:
    """The marking as a banner (``where``: top or bottom); a TLP label in FIRST's colours."""
    colour = TLP_COLOURS.get(marking)
    style = f' style="color:#{colour};background-color:#000000"' if colour else ""
    return f'<div class="marking {where}"><span{style}>{html.escape(marking)}</span></div>\n'


def document(tree: Tree, title: str, marking: str = "", language: str = "en") -> str:
    """A standalone HTML page of the preview (what ``--format html`` writes).

    The marking stands at the top and the bottom, and on every printed page.
    """
    top = marking_banner(marking, "top") if marking else ""
    bottom = marking_banner(marking, "bottom") if marking else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(strip_comments(title))}</title>\n<style>{STYLE}</style>\n"
        f"</head>\n<body>\n{top}{fragment(tree)}{bottom}</body>\n</html>\n"
    )
