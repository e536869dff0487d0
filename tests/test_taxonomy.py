"""Tag kinds from the shipped taxonomy and user files, with clear errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer import taxonomy
from briefer.errors import TaxonomyError

if TYPE_CHECKING:
    from pathlib import Path


def test_default_kinds_and_shortcuts() -> None:
    kinds = taxonomy.load()
    assert [(k.key, k.shortcut) for k in kinds] == [
        ("fact", "f"), ("quote", "q"), ("figure", "n"), ("date", "d"),
        ("person", "p"), ("organisation", "o"), ("location", "l"),
    ]
    assert kinds["quote"].field_keys() == ("speaker", "role")
    assert kinds["figure"].field_keys() == ("value", "unit")
    assert kinds["date"].field_keys() == ("iso",)
    assert kinds.by_shortcut("n") is kinds["figure"]
    assert all(k.colour.startswith("#") and len(k.colour) == 7 for k in kinds)


def test_user_file_adds_and_overrides_kinds(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "kinds:\n"
        "  - {key: claim, label: Claim, shortcut: c, colour: '#123456',\n"
        "     fields: [{key: source, label: Claimed by}]}\n"
        "  - {key: fact, label: Key fact, shortcut: f, colour: '#000000'}\n",
        encoding="utf-8",
    )
    kinds = taxonomy.load(user)
    assert kinds["claim"].fields[0].label == "Claimed by"
    assert kinds["fact"].label == "Key fact"
    assert kinds.keys()[-1] == "claim"


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("kinds:\n  - key: claim\n    label: [unclosed\n", 4, "invalid YAML"),
        ("things: []\n", 1, "missing 'kinds'"),
        ("kinds:\n  - key: claim\n    shortcut: c\n    colour: '#123456'\n", None, None),
        ("kinds:\n  - key: claim\n    label: Claim\n    colour: '#123456'\n", 2, "missing 'shortcut'"),
        ("kinds:\n  - key: claim\n    shortcut: cc\n    colour: '#123456'\n", 2, "one printable character"),
        ("kinds:\n  - key: claim\n    shortcut: c\n    colour: red\n", 2, "not #RRGGBB"),
        ("kinds:\n  - key: Claim!\n    shortcut: c\n    colour: '#123456'\n", 2, "lower-case"),
        ("kinds:\n  - key: claim\n    shortcut: c\n    colour: '#123456'\n    fields:\n"
         "      - key: x\n        type: blob\n", 6, "type must be one of"),
    ],
)
def test_malformed_user_file_names_file_line_and_problem(
    tmp_path: Path, content: str, line: int | None, problem: str | None
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    if problem is None:  # a valid file: label defaults to the key
        assert taxonomy.load_file(path)["claim"].label == "claim"
        return
    with pytest.raises(TaxonomyError) as info:
        taxonomy.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:")
    assert problem in message


def test_shortcut_clash_with_defaults_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "clash.yaml"
    path.write_text("kinds:\n  - {key: claim, shortcut: q, colour: '#123456'}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="share shortcut 'q'"):
        taxonomy.load(path)


def test_yaml_tags_that_construct_objects_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("kinds: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="invalid YAML"):
        taxonomy.load(path)
