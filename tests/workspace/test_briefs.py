"""Briefs in the workspace: fields, item order, moves, undo inverses, auto-fill."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from briefer.workspace import Workspace

LAYOUT = {"situation": ["fact"], "statements": ["quote"], "figures": ["figure"]}


def _tag(ws: Workspace, kind: str, text: str, **attributes: object) -> int:
    body = ws.articles.text(1)
    start = body.index(text)
    return ws.tags.add(1, kind, start, start + len(text), attributes=attributes).id  # type: ignore[arg-type]


def _order(ws: Workspace, brief_id: int, section: str) -> list[int]:
    return [i.id for i in ws.briefs.get(brief_id).items if i.section == section]  # type: ignore[misc]


@pytest.fixture
def tagged(demo_ws: Workspace) -> tuple[Workspace, list[int]]:
    ids = [
        _tag(demo_ws, "fact", "Russia seized the crucial mining hub of Selydove"),
        _tag(demo_ws, "quote", "this war is becoming internationalized", speaker="Volodymyr Zelensky"),
        _tag(demo_ws, "figure", "160,000 personnel", value=160000),
        _tag(demo_ws, "figure", "478 square kilometers", value=478, unit="km2"),
    ]
    return demo_ws, ids


def test_new_brief_has_defaults_and_derived_issue_time(ws: Workspace) -> None:
    created = ws.briefs.new("Ukraine SITREP", marking="tlp:amber")
    brief = ws.briefs.get(created.id)
    assert (brief.title, brief.marking, brief.template) == ("Ukraine SITREP", "TLP:AMBER", "sitrep")
    assert brief.issued == "2026-11-25T14:30:00Z"
    assert brief.dtg is None
    assert created.changes.briefs == {created.id}


def test_set_fields_validates_marking_and_dtg(ws: Workspace) -> None:
    brief_id = ws.briefs.new("B").id
    ws.briefs.set(brief_id, marking="SECRET//REL TO NATO", dtg="251430znov26", bluf="**Key**: x")
    brief = ws.briefs.get(brief_id)
    assert (brief.marking, brief.dtg, brief.bluf) == ("SECRET//REL TO NATO", "251430ZNOV26", "**Key**: x")
    with pytest.raises(InvalidInput, match=r"TLP 2\.0"):
        ws.briefs.set(brief_id, marking="TLP:PURPLE")
    with pytest.raises(InvalidInput, match="date-time group"):
        ws.briefs.set(brief_id, dtg="yesterday")
    with pytest.raises(InvalidInput, match="not a brief field"):
        ws.briefs.set(brief_id, colour="red")
    ws.briefs.set(brief_id, dtg="")
    assert ws.briefs.get(brief_id).dtg is None


def test_items_are_ordered_and_listed(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    added = ws.briefs.add_tags(brief_id, "figures", [tags[2], tags[3]])
    note = ws.briefs.add_note(brief_id, "figures", "Numbers unconfirmed", position=0)
    assert _order(ws, brief_id, "figures") == [note.id, *added.ids]
    assert [i.position for i in ws.briefs.get(brief_id).items] == [0, 1, 2]
    [summary] = ws.briefs.all()
    assert (summary.id, summary.item_count) == (brief_id, 3)


def test_adding_a_tag_twice_is_refused_without_partial_change(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    ws.briefs.add_tags(brief_id, "figures", [tags[2]])
    with pytest.raises(InvalidInput, match="already in brief"):
        ws.briefs.add_tags(brief_id, "figures", [tags[3], tags[2]])
    assert len(ws.briefs.get(brief_id).items) == 1
    with pytest.raises(NotFound):
        ws.briefs.add_tags(brief_id, "figures", [999])


def test_move_within_and_between_sections_and_back(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    a, b, c = ws.briefs.add_tags(brief_id, "figures", tags[1:]).ids
    moved = ws.briefs.move(c, "figures", 0)
    assert _order(ws, brief_id, "figures") == [c, a, b]
    ws.briefs.move(moved.item_id, moved.section, moved.position)
    assert _order(ws, brief_id, "figures") == [a, b, c]
    moved = ws.briefs.move(a, "statements", 5)
    assert _order(ws, brief_id, "statements") == [a]
    assert [ws.briefs.item(i).position for i in (b, c)] == [0, 1]
    ws.briefs.move(moved.item_id, moved.section, moved.position)
    assert _order(ws, brief_id, "figures") == [a, b, c]
    assert _order(ws, brief_id, "statements") == []


def test_remove_and_restore_are_exact_inverses(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    a, b, c = ws.briefs.add_tags(brief_id, "figures", tags[1:]).ids
    ws.briefs.set_item(b, credibility=2, comment="check with ISW")
    before = ws.briefs.get(brief_id).items
    removed = ws.briefs.remove(b)
    assert _order(ws, brief_id, "figures") == [a, c]
    ws.briefs.restore(removed)
    assert ws.briefs.get(brief_id).items == before


def test_set_item_credibility_range(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    [item] = ws.briefs.add_tags(brief_id, "figures", [tags[2]]).ids
    ws.briefs.set_item(item, credibility=3)
    assert ws.briefs.item(item).credibility == 3
    with pytest.raises(InvalidInput, match="1 to 6"):
        ws.briefs.set_item(item, credibility=7)
    ws.briefs.set_item(item, credibility=None)
    assert ws.briefs.item(item).credibility is None


def test_tag_removal_cascades_and_restores_items(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    ws.briefs.add_tags(brief_id, "figures", tags[1:])
    before = ws.briefs.get(brief_id).items
    removed = ws.tags.remove(tags[2])
    assert len(ws.briefs.get(brief_id).items) == 2
    ws.tags.restore(removed)
    assert ws.briefs.get(brief_id).items == before


def test_auto_fill_places_tags_by_kind_once(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    added = ws.briefs.auto_fill(brief_id, LAYOUT)
    assert len(added.ids) == 4
    sections = {i.tag_id: i.section for i in ws.briefs.get(brief_id).items}
    assert sections == {tags[0]: "situation", tags[1]: "statements", tags[2]: "figures", tags[3]: "figures"}
    assert ws.briefs.auto_fill(brief_id, LAYOUT).ids == ()


def test_add_by_kind_names_a_tag_no_section_takes(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    ws.briefs.add_by_kind(brief_id, [tags[1], tags[2]], LAYOUT)
    assert {i.section for i in ws.briefs.get(brief_id).items} == {"statements", "figures"}
    person = _tag(ws, "person", "Oleksandr Lytvynenko")
    with pytest.raises(InvalidInput, match=f"tag {person}: no section"):
        ws.briefs.add_by_kind(brief_id, [person], LAYOUT)


def test_cited_articles(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    brief_id = ws.briefs.new("B").id
    assert ws.briefs.cited_articles(brief_id) == []
    ws.briefs.add_tags(brief_id, "figures", tags[2:])
    ws.briefs.add_note(brief_id, "figures", "a note cites nothing")
    assert ws.briefs.cited_articles(brief_id) == [1]


def _filled(ws: Workspace, tags: list[int]) -> int:
    brief_id = ws.briefs.new("Morning SITREP", marking="TLP:AMBER", author="J. Doe").id
    ws.briefs.set(brief_id, bluf="**Front holds.**", dtg="251430ZNOV26")
    ws.briefs.add_by_kind(brief_id, tags, LAYOUT)
    ws.briefs.add_note(brief_id, "situation", "Analyst note")
    ws.briefs.set_item(ws.briefs.get(brief_id).items[0].id, credibility=2, comment="single source")  # type: ignore[arg-type]
    return brief_id


def test_delete_and_restore_are_exact_inverses(tagged: tuple[Workspace, list[int]]) -> None:
    ws, tags = tagged
    other = ws.briefs.new("Other").id
    brief_id = _filled(ws, tags)
    before = ws.briefs.get(brief_id)
    listed = ws.briefs.all()
    deleted = ws.briefs.delete(brief_id)
    assert deleted.brief == before
    assert deleted.changes.briefs == {brief_id}
    assert [b.id for b in ws.briefs.all()] == [other]
    with pytest.raises(NotFound):
        ws.briefs.get(brief_id)
    rows = ws.store.conn.execute("SELECT count(*) FROM brief_items WHERE brief_id = ?", (brief_id,))
    assert rows.fetchone()[0] == 0
    assert ws.briefs.restore(deleted) == deleted.changes
    assert ws.briefs.get(brief_id) == before
    assert ws.briefs.all() == listed


def test_delete_a_missing_brief_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="brief 9"):
        ws.briefs.delete(9)


def test_restore_refuses_a_taken_id_or_a_removed_tag_and_changes_nothing(
    tagged: tuple[Workspace, list[int]],
) -> None:
    ws, tags = tagged
    brief_id = _filled(ws, tags)
    deleted = ws.briefs.delete(brief_id)
    taken = ws.briefs.new("Newer")  # SQLite gives the freed id to the next brief
    assert taken.id == brief_id
    with pytest.raises(InvalidInput, match=f"brief {brief_id}: cannot be restored: another brief"):
        ws.briefs.restore(deleted)
    assert ws.briefs.get(brief_id).title == "Newer"
    ws.briefs.delete(taken.id)
    ws.tags.remove(tags[2])
    with pytest.raises(NotFound, match=f"tag {tags[2]} it cites was removed"):
        ws.briefs.restore(deleted)
    assert ws.briefs.all() == []
    rows = ws.store.conn.execute("SELECT count(*) FROM brief_items").fetchone()[0]
    assert rows == 0
