"""Two workspaces syncing through a real library: both ways, conflicts, offline catch-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import team
from briefer.model import Article
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

TEXT = ("Ukraine plans to recruit 160,000 personnel. Russia took 478 square kilometers in October. "
        "The war is becoming internationalized, Zelensky said.")


def _linked(tmp_path: Path, name: str, dsn: str, library: str) -> Workspace:
    ws = Workspace.create(tmp_path / f"{name}.briefer")
    team.join(ws, dsn, library)
    return ws


def _tags(ws: Workspace) -> list[tuple[str, int, int, str]]:
    return sorted((t.kind, t.start, t.end, t.note) for t in ws.tags.all())


def test_two_workspaces_sync_articles_tags_and_briefs_both_ways(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    article = alice.articles.add(Article(title="Mobilizes", text=TEXT)).id
    alice.tags.add(article, "figure", 25, 32, note="recruits")
    brief = alice.briefs.new("Ukraine: mobilization", bluf="Ukraine mobilizes.").id

    assert team.sync(alice).pushed == 3
    result = team.sync(bob)
    assert (result.pushed, result.pulled, result.conflicts) == (0, 3, ())
    assert [a.title for a in bob.articles.all()] == ["Mobilizes"]
    assert _tags(bob) == [("figure", 25, 32, "recruits")]
    (summary,) = bob.briefs.all()
    assert bob.briefs.get(summary.id).bluf == "Ukraine mobilizes."

    bob_article = bob.articles.all()[0].id
    tag = bob.tags.add(bob_article, "quote", 97, 141).id
    bob.briefs.add_tags(summary.id, "key", [tag])
    bob.briefs.set(summary.id, assessment="Likely to escalate.")
    assert team.sync(bob).pushed == 3  # the tag, the item, the brief
    assert team.sync(alice).pulled == 3
    assert alice.briefs.get(brief).assessment == "Likely to escalate."
    assert [i.tag_id for i in alice.briefs.get(brief).items] == [
        t.id for t in alice.tags.all() if t.kind == "quote"]

    alice.tags.remove(next(t.id for t in alice.tags.all() if t.kind == "figure"))
    team.sync(alice)
    team.sync(bob)
    assert _tags(bob) == [("quote", 97, 141, "")]
    assert team.sync(alice) == team.sync(bob) == team.SyncResult(0, 0, ())
    assert team.status(alice).pending == team.status(bob).pending == 0


def test_the_same_article_imported_twice_is_one_article(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    alice.articles.add(Article(title="Mobilizes", text=TEXT))
    bob.articles.add(Article(title="Mobilizes", text=TEXT))
    team.sync(alice)
    result = team.sync(bob)
    team.sync(alice)
    assert result.conflicts == ()
    assert alice.articles.count() == bob.articles.count() == 1


def test_both_editing_one_brief_field_is_a_conflict_and_nothing_is_lost(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    brief = alice.briefs.new("Sitrep", bluf="First draft.").id
    team.sync(alice)
    team.sync(bob)
    bob_brief = bob.briefs.all()[0].id

    alice.briefs.set(brief, bluf="Alice's BLUF.", period="1-7 Nov")
    bob.briefs.set(bob_brief, bluf="Bob's BLUF.", assessment="Bob's assessment.")
    team.sync(alice)
    result = team.sync(bob)

    uid = bob.store.conn.execute("SELECT uid FROM briefs").fetchone()[0]
    assert [c.to_json() for c in result.conflicts] == [
        {"what": "brief.bluf", "uid": uid, "mine": "Bob's BLUF.", "theirs": "Alice's BLUF."}]
    merged = bob.briefs.get(bob_brief)
    assert (merged.bluf, merged.assessment, merged.period) == ("Bob's BLUF.", "Bob's assessment.", "1-7 Nov")
    team.sync(alice)
    assert alice.briefs.get(brief).bluf == "Alice's BLUF."  # never overwritten while in conflict
    assert team.sync(bob).conflicts == result.conflicts  # reported until resolved

    assert team.resolve(bob, uid, "mine") == 1
    assert team.sync(bob).conflicts == ()
    team.sync(alice)
    final = alice.briefs.get(brief)
    assert (final.bluf, final.assessment, final.period) == ("Bob's BLUF.", "Bob's assessment.", "1-7 Nov")


def test_resolving_with_theirs_takes_the_library_value(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    alice.briefs.new("Sitrep")
    team.sync(alice)
    team.sync(bob)
    alice.briefs.set(alice.briefs.all()[0].id, bluf="Alice.")
    bob.briefs.set(bob.briefs.all()[0].id, bluf="Bob.")
    team.sync(alice)
    (conflict,) = team.sync(bob).conflicts
    team.resolve(bob, conflict.uid, "theirs")
    team.sync(bob)
    team.sync(alice)
    assert bob.briefs.get(bob.briefs.all()[0].id).bluf == alice.briefs.get(alice.briefs.all()[0].id).bluf \
        == "Alice."


def test_offline_for_many_changes_then_catching_up(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    article = alice.articles.add(Article(title="Mobilizes", text=TEXT)).id
    team.sync(alice)
    team.sync(bob)
    for n in range(120):  # bob is offline meanwhile
        alice.tags.add(article, "fact", n % 40, n % 40 + 5, note=f"alice {n}")
    bob_article = bob.articles.all()[0].id
    for n in range(80):
        bob.tags.add(bob_article, "fact", n % 40, n % 40 + 6, note=f"bob {n}")
    team.sync(alice)
    result = team.sync(bob)
    team.sync(alice)
    assert (result.pulled, result.pushed) == (120, 80)
    assert _tags(alice) == _tags(bob)
    assert len(_tags(alice)) == 200


def test_a_nul_character_does_not_block_the_sync(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    article = alice.articles.add(Article(title="Mobilizes", text=TEXT)).id
    alice.tags.add(article, "fact", 0, 7, note="bad\x00byte")
    assert team.sync(alice).pushed == 2
    team.sync(bob)
    assert _tags(bob) == [("fact", 0, 7, "bad\ufffdbyte")]


def test_leaving_and_joining_again_with_stale_rows_is_a_conflict_not_an_overwrite(
        tmp_path: Path, library: str, analyst: Callable[..., str]) -> None:
    alice = _linked(tmp_path, "alice", analyst("alice"), library)
    bob = _linked(tmp_path, "bob", analyst("bob"), library)
    alice.briefs.new("Sitrep", bluf="First.")
    team.sync(alice)
    team.sync(bob)
    team.leave(bob)
    alice.briefs.set(alice.briefs.all()[0].id, bluf="Newer, by Alice.")
    team.sync(alice)
    bob.briefs.set(bob.briefs.all()[0].id, bluf="Bob's, offline and unlinked.")
    team.join(bob, analyst("bob2"), library)
    result = team.sync(bob)
    assert [(c.what, c.mine, c.theirs) for c in result.conflicts] == [
        ("brief.bluf", "Bob's, offline and unlinked.", "Newer, by Alice.")]
    team.sync(alice)
    assert alice.briefs.get(alice.briefs.all()[0].id).bluf == "Newer, by Alice."
