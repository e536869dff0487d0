"""Values a colleague's template or the analyst's text can hold that once broke rendering."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import docx
import pytest

from briefer.errors import TemplateFailed
from briefer.render import Renderer, load_template

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace

FRONT = "---\nname: hostile\nsections:\n  - id: key\n    kinds: [quote]\n---\n"
BIG = "1" * 5000


@pytest.mark.parametrize(
    ("front", "name", "description"),
    [
        ("name: 2026-02-30\ndescription: 2026-02-30", "2026-02-30", "2026-02-30"),
        (f"name: x\ndescription: {BIG}", "x", BIG),
        ("name: .inf\ndescription: .nan", ".inf", ".nan"),
        ("name: x\ndescription: 1e400", "x", "1e400"),
    ],
    ids=["feb-30", "5000-digits", "inf-nan", "1e400"],
)
def test_front_matter_values_yaml_cannot_type_stay_as_written(
    tmp_path: Path, front: str, name: str, description: str
) -> None:
    path = tmp_path / "odd.md.j2"
    path.write_text(f"---\n{front}\n---\n# Body\n")
    template = load_template(path)
    assert (template.name, template.description) == (name, description)


@pytest.mark.parametrize(
    ("front", "line", "reason"),
    [
        ("name: x\ndescription: " + "[" * 5000 + "]" * 5000, None, "invalid front matter: nested too deeply"),
        ("name: a\x01b", None, "invalid front matter: a character YAML does not allow (U+0001)"),
        (
            "name: x\nsections:\n" + "".join(f"  - id: s{i}\n" for i in range(501)),
            4,
            "501 sections, over the 500 limit",
        ),
        ("name: x\nsections:\n  - id: a\n  - id: b\n  - id: a\n", 6, "section id 'a' appears twice"),
    ],
    ids=["nested", "control", "too-many-sections", "duplicate"],
)
def test_hostile_front_matter_is_one_line_with_the_file(
    tmp_path: Path, front: str, line: int | None, reason: str
) -> None:
    path = tmp_path / "hostile.md.j2"
    path.write_text(f"---\n{front}\n---\n# Body\n")
    with pytest.raises(TemplateFailed) as info:
        load_template(path)
    assert str(info.value) == f"{path}{'' if line is None else f':{line}'}: {reason}"


def test_a_template_of_44000_sections_is_refused_at_once(tmp_path: Path) -> None:
    """471 KB of sections once took 35-40 s in the main process (a quadratic duplicate check)."""
    path = tmp_path / "sections.md.j2"
    path.write_text(
        "---\nname: x\nsections:\n" + "".join(f"- id: {i:x}\n" for i in range(44_000)) + "---\n# Body\n"
    )
    assert 400_000 < path.stat().st_size < 512 * 1024
    started = time.perf_counter()
    with pytest.raises(TemplateFailed, match="front matter is over 64 KB"):
        load_template(path)
    assert time.perf_counter() - started < 1.0


def test_500_sections_load_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "sections.md.j2"
    path.write_text(
        "---\nname: x\nsections:\n" + "".join(f"  - {{id: s{i}}}\n" for i in range(500)) + "---\n# Body\n"
    )
    started = time.perf_counter()
    assert len(load_template(path).sections) == 500
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("expression", ["10**5000", "(10**2000) * (10**3000)", '"%d"|format(10**5000)'])
def test_a_5000_digit_constant_in_a_template_is_a_template_error(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer, expression: str
) -> None:
    path = tmp_path / "big.md.j2"
    path.write_text(FRONT + "{{ " + expression + " }}\n")
    with pytest.raises(TemplateFailed) as info:
        renderer.markdown(demo_ws, demo_brief, template=path)
    assert str(info.value).startswith(f"{path}: cannot compile a constant (Exceeds the limit (4300 digits)")
    assert "\n" not in str(info.value)


def test_private_use_comment_markers_in_the_bluf_export_as_nothing(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer
) -> None:
    demo_ws.briefs.set(demo_brief, bluf="Bottom \ue000abc\ue001 line \ue000616263\ue001 end.")
    out = renderer.export(demo_ws, demo_brief, "docx", tmp_path / "brief.docx")
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Bottom abc line 616263 end." in text
    assert "abc" not in [c.text for c in document.comments]


def test_broken_comment_markers_written_by_a_template_export(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer
) -> None:
    path = tmp_path / "markers.md.j2"
    path.write_text(FRONT + "# T\n\nOdd \ue000abc\ue001 and \ue000zz\ue001 marks.\n")
    out = renderer.export(demo_ws, demo_brief, "docx", tmp_path / "brief.docx", template=path)
    document = docx.Document(str(out))
    assert "Odd  and \ue000zz\ue001 marks." in "\n".join(p.text for p in document.paragraphs)
    assert list(document.comments) == []


def test_a_table_too_large_to_lay_out_fails_in_the_sandbox_not_in_this_process(
    tmp_path: Path, demo_ws: Workspace, demo_brief: int, renderer: Renderer
) -> None:
    """40,000 rows once rendered in the sandbox, then took this process 1.4 GB and 15 s to build the DOCX."""
    import resource

    path = tmp_path / "rows.md.j2"
    path.write_text(
        FRONT + "| a | b | c |\n|---|---|---|\n{% for i in range(20000) %}| row {{ i }} | {{ i }} |"
        " x |\n{% endfor %}\n"
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(TemplateFailed) as info:
        renderer.export(demo_ws, demo_brief, "docx", tmp_path / "rows.docx", template=path)
    assert str(info.value) == (
        f"{path}: the brief is too large to lay out (280,020 Markdown elements, over the 150,000 limit)"
    )
    assert time.perf_counter() - started < 20
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: nothing parsed here
    assert not (tmp_path / "rows.docx").exists()
