"""The template context: the rest of the sentence around a tagged item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.model import Article
from briefer.render import load_template
from briefer.render.context import build_context

if TYPE_CHECKING:
    from briefer.workspace import Workspace

TEXT = (
    "The Pentagon spoke on Monday.\n"
    "Maj. Gen. Pat Ryder said the troops had arrived in the U.S. sector. He gave no number.\n"
    "Another paragraph follows."
)


def _item(ws: Workspace, words: str) -> dict[str, object]:
    article_id = ws.articles.add(Article("Briefing", TEXT)).id
    start = TEXT.index(words)
    ws.tags.add(article_id, "fact", start, start + len(words))
    brief_id = ws.briefs.new("Brief", template="sitrep").id
    template = load_template("sitrep")
    ws.briefs.auto_fill(brief_id, template.layout())
    context = build_context(ws, brief_id, template)
    return next(item for section in context["sections"] for item in section["items"])


def test_context_keeps_abbreviations_inside_the_sentence(ws: Workspace) -> None:
    item = _item(ws, "the troops had arrived")
    assert item["before"] == "Maj. Gen. Pat Ryder said "  # the space before the item stays
    assert item["after"] == " in the U.S. sector."


def test_context_stops_at_the_sentence_and_the_paragraph(ws: Workspace) -> None:
    item = _item(ws, "He gave")
    assert item["before"] == ""
    assert item["after"] == " no number."


def test_an_item_carries_its_effective_marking(ws: Workspace) -> None:
    article_id = ws.articles.add(Article("Briefing", TEXT)).id
    first = ws.tags.add(article_id, "fact", 0, len("The Pentagon spoke")).id
    second = ws.tags.add(article_id, "fact", TEXT.index("He gave"), TEXT.index("He gave") + 7).id
    brief_id = ws.briefs.new("Brief", template="sitrep").id
    template = load_template("sitrep")
    ws.briefs.add_tags(brief_id, "situation", [first, second])
    ws.briefs.add_note(brief_id, "situation", "Our own point.")

    def markings() -> list[object]:
        return [i["tlp"] for i in build_context(ws, brief_id, template)["items"]]

    assert markings() == [None, None, None]
    ws.articles.edit(article_id, tlp="TLP:AMBER")  # inherited by both items
    ws.tags.set_tlp(second, "TLP:RED")  # the tag's own wins
    assert markings() == ["TLP:AMBER", "TLP:RED", None]
