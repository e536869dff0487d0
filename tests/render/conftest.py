"""Briefs on the demo article, shared by the render tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.render import Renderer, load_template

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefer.workspace import Workspace

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."


def tag(ws: Workspace, kind: str, text: str, **attributes: object) -> int:
    """Tag the first occurrence of ``text`` in article 1."""
    body = ws.articles.text(1)
    start = body.index(text)
    return ws.tags.add(1, kind, start, start + len(text), attributes=attributes).id  # type: ignore[arg-type]


def fill_demo_brief(ws: Workspace, template: str = "sitrep") -> int:
    """The done-when brief: Zelensky's quote, the two figures, and a little more."""
    quote = tag(ws, "quote", QUOTE, speaker="Volodymyr Zelensky", role="President of Ukraine")
    tag(ws, "figure", "160,000 personnel", value=160000, unit="personnel")
    tag(ws, "figure", "478 square kilometers", value=478, unit="km²")
    tag(ws, "fact", "Russia seized the crucial mining hub of Selydove")
    tag(ws, "date", "October", iso="2026-10")
    tag(ws, "person", "Oleksandr Lytvynenko")
    tag(ws, "location", "Kursk")
    ws.articles.set_grade(1, "B")
    brief_id = ws.briefs.new(
        "Ukraine: mobilisation and Russian gains", template=template, marking="TLP:AMBER",
        author="J. Analyst", period="1-5 November 2026",
    ).id
    ws.briefs.set(
        brief_id,
        bluf="Ukraine is mobilising **160,000** more troops while Russia gains ground in *Donetsk*.",
        assessment="Russian pressure will **likely** continue through the winter.",
    )
    ws.briefs.auto_fill(brief_id, load_template(template).layout())
    quote_item = next(i for i in ws.briefs.get(brief_id).items if i.tag_id == quote)
    ws.briefs.set_item(quote_item.id, credibility=2, comment="Confirmed on the presidential website.")
    return brief_id


@pytest.fixture
def demo_brief(demo_ws: Workspace) -> int:
    """The id of the demo brief (sitrep) in ``demo_ws``."""
    return fill_demo_brief(demo_ws)


@pytest.fixture(scope="session")
def renderer() -> Iterator[Renderer]:
    """One sandboxed renderer for the whole session (as the GUI keeps one)."""
    shared = Renderer()
    yield shared
    shared.close()
