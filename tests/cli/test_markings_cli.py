"""TLP 2.0 per article and per tag, end to end: the roll-up, the refusal, the recorded override."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from briefer.demo import ensure_demo
from briefer.render.docx.custom import read_custom_properties
from tests.cli.test_article_cli import fail
from tests.cli.test_briefs_cli import QUOTE, run

FACT = "Russia seized the crucial mining hub"
FIGURE = "160,000 personnel"


def _tag(capsys: pytest.CaptureFixture[str], ws: str, kind: str, text: str) -> int:
    return int(json.loads(run(capsys, "tag", "add", ws, "1", "--kind", kind, "--text", text, "--json"))["id"])


@pytest.fixture
def brief(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, list[int]]:
    """A demo workspace with brief 1 holding a fact, a quote and a figure (items 1-3)."""
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    spans = (("fact", FACT), ("quote", QUOTE), ("figure", FIGURE))
    tags = [_tag(capsys, ws, kind, text) for kind, text in spans]
    run(capsys, "brief", "new", ws, "--title", "SITREP", "--marking", "TLP:GREEN")
    run(capsys, "brief", "add", ws, "1", *map(str, tags))
    return ws, tags


def _items(capsys: pytest.CaptureFixture[str], ws: str) -> dict[int, int]:
    """Tag id -> item id of brief 1."""
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    return {i["tag"]: i["id"] for i in shown["items"]}


def test_tlp_spelling_is_exact(capsys: pytest.CaptureFixture[str], brief: tuple[str, list[int]]) -> None:
    ws, tags = brief
    err = fail(capsys, "article", "set", ws, "1", "tlp=TLP:Amber")
    assert err.startswith("briefer: error: tlp 'TLP:Amber': is not a TLP 2.0 label (TLP:CLEAR,")
    err = fail(capsys, "tag", "set", ws, str(tags[0]), "tlp=TLP:WHITE")
    assert "is not a TLP 2.0 label" in err
    assert "is not one of tlp" in fail(capsys, "tag", "set", ws, str(tags[0]), "colour=red")
    run(capsys, "article", "set", ws, "1", "tlp=TLP:AMBER+STRICT")
    assert json.loads(run(capsys, "show", ws, "1", "--json"))["tlp"] == "TLP:AMBER+STRICT"
    run(capsys, "article", "set", ws, "1", "tlp=none")
    assert json.loads(run(capsys, "show", ws, "1", "--json"))["tlp"] is None


def test_item_inherits_its_article_and_the_render_is_refused(
    capsys: pytest.CaptureFixture[str], brief: tuple[str, list[int]], tmp_path: Path
) -> None:
    ws, tags = brief
    out = tmp_path / "brief.md"
    run(capsys, "render", ws, "1", "--format", "md", "-o", str(out))  # nothing marked: fine
    run(capsys, "article", "set", ws, "1", "tlp=TLP:AMBER")  # every item inherits TLP:AMBER
    run(capsys, "tag", "set", ws, str(tags[1]), "tlp=TLP:RED")
    run(capsys, "tag", "set", ws, str(tags[2]), "tlp=TLP:CLEAR")  # the tag's own beats its article's
    items = _items(capsys, ws)
    err = fail(capsys, "render", ws, "1", "--format", "md", "-o", str(tmp_path / "refused.md"))
    assert err == (f"briefer: error: brief 1 is TLP:GREEN but item {items[tags[1]]} is TLP:RED;"
                   f" item {items[tags[0]]} is TLP:AMBER")
    assert not (tmp_path / "refused.md").exists()
    run(capsys, "tag", "set", ws, str(tags[0]), "tlp=TLP:RED")
    err = fail(capsys, "render", ws, "1", "--format", "docx", "-o", str(tmp_path / "refused.docx"))
    first, second = sorted((items[tags[0]], items[tags[1]]))
    assert err == f"briefer: error: brief 1 is TLP:GREEN but items {first}, {second} are TLP:RED"
    run(capsys, "brief", "set", ws, "1", "marking=TLP:RED")
    run(capsys, "render", ws, "1", "--format", "md", "-o", str(out))


def test_override_is_recorded_in_the_document(
    capsys: pytest.CaptureFixture[str], brief: tuple[str, list[int]], tmp_path: Path
) -> None:
    ws, tags = brief
    run(capsys, "tag", "set", ws, str(tags[1]), "tlp=TLP:RED")
    item = _items(capsys, ws)[tags[1]]
    out = tmp_path / "brief.docx"
    run(capsys, "render", ws, "1", "--format", "docx", "-o", str(out), "--allow-marking-below-items")
    with zipfile.ZipFile(out) as archive:
        custom = read_custom_properties(archive.read("docProps/custom.xml"))
    assert custom["TLP"] == "TLP:GREEN"
    assert custom["MarkingBelowItems"] == f"is TLP:GREEN but item {item} is TLP:RED"


def test_roll_up_proposes_the_most_restrictive() -> None:
    from briefer.analysis.markings import rolled_up

    assert rolled_up([None, "TLP:GREEN", "TLP:AMBER+STRICT", "TLP:AMBER"]) == "TLP:AMBER+STRICT"
    assert rolled_up([None]) == "TLP:CLEAR"


def test_a_restored_tag_keeps_its_marking(capsys: pytest.CaptureFixture[str],
                                          brief: tuple[str, list[int]]) -> None:
    from briefer.workspace import Workspace

    ws, tags = brief
    run(capsys, "tag", "set", ws, str(tags[1]), "tlp=TLP:RED")
    with Workspace.open(Path(ws)) as opened:
        removed = opened.tags.remove(tags[1])
        opened.tags.restore(removed)
        assert opened.tags.get(tags[1]).tlp == "TLP:RED"


def test_brief_show_proposes_the_rolled_up_marking(capsys: pytest.CaptureFixture[str],
                                                   brief: tuple[str, list[int]]) -> None:
    ws, tags = brief
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert shown["proposed_marking"] == {"tlp": "TLP:CLEAR", "items": []}
    assert shown["marking"] == "TLP:GREEN"  # the brief's own marking is untouched
    assert "Proposed TLP:CLEAR (no item is marked)" in run(capsys, "brief", "show", ws, "1")
    run(capsys, "tag", "set", ws, str(tags[0]), "tlp=TLP:AMBER")
    run(capsys, "tag", "set", ws, str(tags[2]), "tlp=TLP:AMBER")
    run(capsys, "tag", "set", ws, str(tags[1]), "tlp=TLP:GREEN")
    items = _items(capsys, ws)
    amber = sorted((items[tags[0]], items[tags[2]]))
    shown = json.loads(run(capsys, "brief", "show", ws, "1", "--json"))
    assert shown["proposed_marking"] == {"tlp": "TLP:AMBER", "items": amber}
    [listed] = json.loads(run(capsys, "brief", "list", ws, "--json"))
    assert listed["proposed_marking"] == shown["proposed_marking"]
    text = run(capsys, "brief", "show", ws, "1").splitlines()
    assert text[2] == (f"Proposed TLP:AMBER (items {amber[0]}, {amber[1]}); rendering is refused:"
                       f" the brief is TLP:GREEN but items {amber[0]}, {amber[1]} are TLP:AMBER")


def test_tag_list_json_gives_each_tags_own_marking(capsys: pytest.CaptureFixture[str],
                                                   brief: tuple[str, list[int]]) -> None:
    ws, tags = brief
    run(capsys, "article", "set", ws, "1", "tlp=TLP:AMBER")  # inherited, not the tag's own
    run(capsys, "tag", "set", ws, str(tags[1]), "tlp=TLP:RED")
    listed = {t["id"]: t["tlp"] for t in json.loads(run(capsys, "tag", "list", ws, "--json"))}
    assert listed == {tags[0]: None, tags[1]: "TLP:RED", tags[2]: None}
