"""Templates and brief text built to break rendering: each fails in one line or exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import docx
import pytest

from briefer.errors import TemplateFailed
from briefer.render import Renderer, load_template

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace

FRONT = "---\nname: hostile\nsections:\n  - id: key\n    kinds: [quote]\n---\n"
CONTROLS = "".join(chr(c) for c in [*range(1, 32), 127, *range(128, 160)])


def _template(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "hostile.md.j2"
    path.write_text(FRONT + body + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "recursion too deep"),
        ("{% for x in [[1]] recursive %}{{ loop([x]) }}{% endfor %}", "recursion too deep"),
        ("{% if true %}" * 3000 + "x" + "{% endif %}" * 3000, "nested too deeply to compile"),
    ],
)
def test_runaway_recursion_is_a_template_error(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer, body: str, reason: str
) -> None:
    path = _template(tmp_path, body)
    with pytest.raises(TemplateFailed, match=reason) as info:
        renderer.markdown(demo_ws, demo_brief, template=path)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_front_matter_tags_that_build_objects_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.md.j2"
    marker = tmp_path / "PWNED"
    path.write_text(f'---\nname: !!python/object/apply:os.system ["touch {marker}"]\n---\nbody\n')
    with pytest.raises(TemplateFailed, match="invalid front matter: could not determine a constructor"):
        load_template(path)
    assert not marker.exists()


def test_markdown_the_parser_chokes_on_fails_in_the_sandbox(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int
) -> None:
    path = _template(tmp_path, '# Brief\n\n{{ "[" * 3000000 }}')
    quick = Renderer(timeout=2.0)
    try:
        with pytest.raises(TemplateFailed, match="took longer than 2 s"):
            quick.render(demo_ws, demo_brief, template=path)
    finally:
        quick.close()


def test_control_characters_in_what_the_analyst_typed_still_export_to_docx(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer
) -> None:
    brief = demo_ws.briefs.get(demo_brief)
    quote = next(i for i in brief.items if i.comment)
    demo_ws.tags.update(quote.tag_id, attributes={"speaker": f"Volodymyr{CONTROLS}Zelensky"},
                        note=f"note{CONTROLS}")
    demo_ws.briefs.set_item(quote.id, comment=f"Confirmed{CONTROLS}twice.")
    demo_ws.briefs.set(demo_brief, title=f"Title{CONTROLS}end", bluf=f"Bottom{CONTROLS}line.")

    out = renderer.export(demo_ws, demo_brief, "docx", tmp_path / "brief.docx")

    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Volodymyr" in text
    assert "Bottom" in text
    (comment,) = [c.text for c in document.comments]
    assert comment.startswith("Confirmed\t")
    assert comment.endswith("\x9ftwice.")  # C0 controls dropped; tab, newline and C1 are legal XML
    assert not any(ch in comment for ch in CONTROLS[:8])


def test_lone_surrogates_from_the_command_line_are_stored_replaced(demo_ws: Workspace) -> None:
    created = demo_ws.tags.add(1, "quote", 0, 7, attributes={"speaker": "Bad \udcff byte"}, note="\ud800")
    tag = demo_ws.tags.get(created.id)
    assert tag.attributes["speaker"] == "Bad \ufffd byte"
    assert tag.note == "\ufffd"
    brief = demo_ws.briefs.new("Brief \udcff").id
    assert demo_ws.briefs.get(brief).title == "Brief \ufffd"
