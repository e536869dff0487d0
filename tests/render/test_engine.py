"""The sandboxed template engine: escaping, filters, and limits a hostile template meets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import TemplateFailed
from briefer.render import Renderer
from briefer.render.engine import render_markdown
from briefer.render.escape import Markdown

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.workspace import Workspace


def _render(body: str, **context: object) -> str:
    return render_markdown(body, "t.md.j2", dict(context))


def test_sources_are_escaped_and_analyst_markdown_passes() -> None:
    out = _render("{{ quote }} / {{ bluf }} / {{ quote|upper }} / {{ [quote, 'x']|join(', ') }}",
                  quote="a *b* <i>", bluf=Markdown("**bold**"))
    assert out == "a \\*b\\* &#60;i&#62; / **bold** / A \\*B\\* &#60;I&#62; / a \\*b\\* &#60;i&#62;, x\n"


def test_dict_keys_win_over_dict_methods() -> None:
    assert _render("{% for i in s.items %}{{ i }}{% endfor %}", s={"items": ["a", "b"]}) == "ab\n"


def test_filters() -> None:
    item = {"citation": 3, "grade": "B2", "comment": ""}
    assert _render("{{ i|cite }} {{ i|grade }} {{ i|grade(false) }}", i=item) == "[^3] [B2] B2\n"
    dates = _render("{{ '2026-11-25T14:30:00Z'|dtg }} {{ '2026-11-25'|date }}")
    assert dates == "251430ZNOV26 25 November 2026\n"
    assert _render("{{ n|number }} {{ 1|plural('item') }} {{ 2|plural('item') }}", n=160000) == (
        "160,000 item items\n")
    assert _render("{{ names|join_names }}", names=["A", "B", "C*"]) == "A, B and C\\*\n"
    assert _render("{{ s|reference }}", s={"outlet": "AP", "title": "T", "url": "javascript:x"}) == (
        "AP, “T”.\n")


def test_strict_undefined_names_the_line() -> None:
    with pytest.raises(TemplateFailed, match=r"^t\.md\.j2:3: 'brief' is undefined") as info:
        _render("a\nb\n{{ brief.title }}")
    assert info.value.line == 3


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(TemplateFailed) as info:
        _render("\n\n{% for x in %}")
    assert info.value.line == 3


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% set l = [] %}{{ l.append(1) }}",
        "{{ x.update({'a': 1}) }}",
    ],
)
def test_sandbox_refuses_unsafe_access(body: str) -> None:
    with pytest.raises(TemplateFailed, match=r"not allowed|undefined"):
        _render(body, x={})


def test_output_cap() -> None:
    with pytest.raises(TemplateFailed, match="output is larger"):
        render_markdown("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}", "t.md.j2", {}, 100_000)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "hostile.md.j2"
    path.write_text(body)
    return path


def test_endless_template_is_stopped_by_the_time_limit(tmp_path: Path, demo_ws: Workspace) -> None:
    brief_id = demo_ws.briefs.new("B").id
    renderer = Renderer(timeout=2)
    try:
        with pytest.raises(TemplateFailed, match="longer than 2 s"):
            renderer.render(demo_ws, brief_id,
                            _write(tmp_path, "{% for i in range(99999) %}{% for j in range(99999) %}"
                                             "{% endfor %}{% endfor %}"))
        # the renderer recovers: the next render works
        assert "# B" in renderer.render(demo_ws, brief_id, "sitrep").markdown
    finally:
        renderer.close()


def test_memory_hungry_template_is_stopped(tmp_path: Path, demo_ws: Workspace) -> None:
    brief_id = demo_ws.briefs.new("B").id
    renderer = Renderer(timeout=5, memory_mb=400)
    try:
        with pytest.raises(TemplateFailed, match=r"memory|died"):
            renderer.render(demo_ws, brief_id, _write(tmp_path, "{{ 'x' * (2 ** 33) }}"))
    finally:
        renderer.close()
