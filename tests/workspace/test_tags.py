"""Tags: checked against the text, updated, removed with their brief items, restored."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from briefer.workspace import Workspace

QUOTE = "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."


def test_tag_stores_position_and_quote_selector(demo_ws: Workspace) -> None:
    text = demo_ws.articles.text(1)
    start = text.index(QUOTE)
    created = demo_ws.tags.add(1, "quote", start, start + len(QUOTE), exact=QUOTE,
                               attributes={"speaker": "Volodymyr Zelensky", "role": ""})
    tag = demo_ws.tags.get(created.id)
    assert (tag.start, tag.end, tag.exact) == (start, start + len(QUOTE), QUOTE)
    assert text[start - len(tag.prefix) : start] == tag.prefix
    assert tag.suffix == text[start + len(QUOTE) : start + len(QUOTE) + len(tag.suffix)]
    assert tag.attributes == {"speaker": "Volodymyr Zelensky"}  # empty role dropped
    assert created.changes.tags == {created.id}
    assert created.changes.articles == {1}


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 5), (10, 4), (0, 10**7)])
def test_offsets_outside_the_text_are_refused(demo_ws: Workspace, start: int, end: int) -> None:
    with pytest.raises(InvalidInput, match="offsets"):
        demo_ws.tags.add(1, "fact", start, end)
    assert demo_ws.tags.all(1) == []


def test_exact_text_must_match_the_offsets(demo_ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="not 'Kyiv'"):
        demo_ws.tags.add(1, "location", 0, 4, exact="Kyiv")


def test_tag_on_missing_article_is_refused(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="article 7"):
        ws.tags.add(7, "fact", 0, 1)


def test_foreign_keys_are_enforced(demo_ws: Workspace) -> None:
    with pytest.raises(sqlite3.IntegrityError), demo_ws.store.transaction() as conn:
        conn.execute(
            "INSERT INTO tags (article_id, kind, start, \"end\", exact, created, updated)"
            " VALUES (99, 'fact', 0, 1, 'x', 'now', 'now')"
        )


def test_update_replaces_attributes_and_note_but_not_offsets(demo_ws: Workspace) -> None:
    tag_id = demo_ws.tags.add(1, "fact", 0, 10).id
    demo_ws.tags.update(tag_id, kind="figure", attributes={"value": 160000, "unit": "personnel"},
                        note="check")
    tag = demo_ws.tags.get(tag_id)
    assert (tag.kind, tag.attributes, tag.note, tag.start, tag.end) == (
        "figure", {"value": 160000, "unit": "personnel"}, "check", 0, 10)


def test_non_json_attribute_is_refused(demo_ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="attribute 'speaker'"):
        demo_ws.tags.add(1, "quote", 0, 5, attributes={"speaker": object()})  # type: ignore[dict-item]


def test_remove_and_restore_bring_back_tag_and_brief_items(demo_ws: Workspace) -> None:
    tag_id = demo_ws.tags.add(1, "fact", 0, 10, note="n").id
    conn = demo_ws.store.conn
    with demo_ws.store.transaction():
        conn.execute("INSERT INTO briefs (title, created, updated) VALUES ('B', 'now', 'now')")
        conn.execute(
            "INSERT INTO brief_items (brief_id, section, position, tag_id) VALUES (1, 'facts', 0, ?)",
            (tag_id,),
        )
    before = demo_ws.tags.get(tag_id)
    removed = demo_ws.tags.remove(tag_id)
    assert removed.changes.briefs == {1}
    assert demo_ws.tags.all(1) == []
    assert conn.execute("SELECT count(*) FROM brief_items").fetchone()[0] == 0

    demo_ws.tags.restore(removed)
    assert demo_ws.tags.get(tag_id) == before
    assert conn.execute("SELECT tag_id FROM brief_items").fetchone()[0] == tag_id


def test_list_is_in_text_order_and_filters_by_kind(demo_ws: Workspace) -> None:
    demo_ws.tags.add(1, "location", 50, 60)
    demo_ws.tags.add(1, "fact", 0, 10)
    demo_ws.tags.add(1, "location", 20, 30)
    assert [t.start for t in demo_ws.tags.all(1)] == [0, 20, 50]
    assert [t.start for t in demo_ws.tags.all(1, kind="location")] == [20, 50]


def test_removing_article_removes_its_tags(demo_ws: Workspace) -> None:
    tag_id = demo_ws.tags.add(1, "fact", 0, 10).id
    changes = demo_ws.articles.remove(1).changes
    assert changes.tags == {tag_id}
    assert demo_ws.tags.all() == []


def test_fields_are_stored_as_their_taxonomy_type(demo_ws: Workspace) -> None:
    figure = demo_ws.tags.add(1, "figure", 0, 5, attributes={"value": "160,000", "unit": "personnel"}).id
    assert demo_ws.tags.get(figure).attributes == {"value": 160000, "unit": "personnel"}
    date = demo_ws.tags.add(1, "date", 6, 9, attributes={"iso": " 2026-10 "}).id
    assert demo_ws.tags.get(date).attributes == {"iso": "2026-10"}
    demo_ws.tags.update(figure, attributes={"value": "478.5", "unit": "km²"})
    assert demo_ws.tags.get(figure).attributes["value"] == 478.5
    demo_ws.tags.update(figure, note="only the note")  # the number stays a number
    assert demo_ws.tags.get(figure).attributes["value"] == 478.5


@pytest.mark.parametrize(("kind", "attributes", "message"), [
    ("figure", {"value": "many"}, "value=many: is not a number"),
    ("figure", {"value": True}, "value=True: is not a number"),
    ("date", {"iso": "next week"}, "iso=next week: is not an ISO date"),
    ("date", {"iso": "2026-02-30"}, "iso=2026-02-30: is not an ISO date"),
    ("quote", {"speaker": 12}, "speaker=12: is not text"),
])
def test_a_value_not_of_its_type_is_refused_with_one_line(
    demo_ws: Workspace, kind: str, attributes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        demo_ws.tags.add(1, kind, 0, 5, attributes=attributes)  # type: ignore[arg-type]
    fact = demo_ws.tags.add(1, "figure", 0, 5).id
    with pytest.raises(InvalidInput, match=message):
        demo_ws.tags.update(fact, kind=kind, attributes=attributes)  # type: ignore[arg-type]
    assert demo_ws.tags.get(fact).attributes == {}
    assert len(demo_ws.tags.all(1)) == 1


def test_changing_the_kind_checks_the_kept_attributes(demo_ws: Workspace) -> None:
    # a fact has no value field, so any text is kept
    tag = demo_ws.tags.add(1, "fact", 0, 5, attributes={"value": "about a dozen"}).id
    with pytest.raises(InvalidInput, match="value=about a dozen: is not a number"):
        demo_ws.tags.update(tag, kind="figure")
    assert demo_ws.tags.get(tag).kind == "fact"
