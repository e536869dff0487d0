"""The public rendering API the GUI uses: read-only, repeatable, atomic exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefer.errors import InvalidInput, TemplateFailed
from briefer.render import export, render_brief
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


def test_render_and_export_need_only_read_access(demo_ws: Workspace, demo_brief: int, tmp_path: Path) -> None:
    demo_ws.close()
    out = tmp_path / "out"
    with Workspace.open(demo_ws.path, readonly=True) as ws:
        first = render_brief(ws, demo_brief)
        assert render_brief(ws, demo_brief).markdown == first.markdown
        assert "Volodymyr Zelensky" in first.html
        for fmt in ("md", "html", "docx"):
            path = export(ws, demo_brief, fmt, out / f"brief.{fmt}")
            assert path.stat().st_size > 0
        assert (out / "brief.md").read_text() == first.markdown
    assert sorted(p.name for p in out.iterdir()) == ["brief.docx", "brief.html", "brief.md"]


def test_failed_export_leaves_the_old_file(demo_ws: Workspace, demo_brief: int, tmp_path: Path) -> None:
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    target.write_text("previous export")
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{{ brief.nope }}")
    with pytest.raises(TemplateFailed):
        export(demo_ws, demo_brief, "md", target, template=broken)
    with pytest.raises(InvalidInput, match="format 'rtf'"):
        export(demo_ws, demo_brief, "rtf", target)
    assert target.read_text() == "previous export"
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]
