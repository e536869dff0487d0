"""Templates: front matter, discovery (built-in, user, path), errors with file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import NotFound, TemplateFailed
from briefer.render import find_templates, load_template, user_templates_dir

if TYPE_CHECKING:
    from pathlib import Path

GOOD = """---
name: weekly
description: Weekly roundup
sections:
  - id: facts
    title: What happened
    kinds: [fact, figure]
docx:
  reference: house.docx
  footer: false
  comments: false
---
# {{ brief.title }}
"""


def test_built_in_templates_are_listed_with_their_sections() -> None:
    refs = {r.name: r for r in find_templates()}
    assert {"sitrep", "bluf-memo", "quote-digest"} <= set(refs)
    assert {r.origin for r in refs.values()} == {"built-in"}
    sitrep = load_template("sitrep")
    assert [s.id for s in sitrep.sections] == ["situation", "statements", "figures", "outlook", "actors"]
    assert sitrep.layout()["statements"] == ("quote",)


def test_front_matter_is_read_and_line_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "weekly.md.j2"
    path.write_text(GOOD)
    template = load_template(path)
    assert (template.name, template.description, template.origin) == ("weekly", "Weekly roundup", "path")
    assert template.sections[0].title == "What happened"
    assert template.docx.reference == "house.docx"
    assert (template.docx.header_marking, template.docx.footer_marking, template.docx.comments) == (
        True, False, False)
    assert template.body.split("\n")[12] == "# {{ brief.title }}"  # line 13 of the file


def test_user_template_shadows_built_in_of_the_same_name() -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "sitrep.md.j2").write_text(GOOD.replace("name: weekly", "name: sitrep"))
    (folder / "mine.md.j2").write_text("# {{ brief.title }}\n")
    origins = {(r.name, r.origin) for r in find_templates()}
    assert {("sitrep", "built-in"), ("sitrep", "user"), ("mine", "user")} <= origins
    assert load_template("sitrep").origin == "user"
    assert load_template("mine").sections == ()


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("---\nname: [unclosed\n---\n", 2, "invalid front matter"),
        ("---\nsections:\n  - id: a b\n---\n", 3, "section id 'a b'"),
        ("---\nsections:\n  - id: a\n    kinds: fact\n---\n", 3, "'kinds' must be a list"),
        ("---\ndocx:\n  comments: maybe\n---\n", 3, "true or false"),
        ("---\nname: x\n", 1, "no closing"),
    ],
)
def test_broken_front_matter_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = tmp_path / "broken.md.j2"
    path.write_text(text)
    with pytest.raises(TemplateFailed, match=reason) as info:
        load_template(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(NotFound, match="known: bluf-memo, quote-digest, sitrep"):
        load_template("nope")
    with pytest.raises(NotFound, match="no such file"):
        load_template("missing/thing.md.j2")
