"""Every built-in template renders an empty brief and a 5000-item brief, in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING

import docx
import pytest

from bench.synthetic import synthetic_brief
from briefer.render import Renderer, load_template
from briefer.workspace import Workspace
from tests.render.docx_helpers import footnote_texts

if TYPE_CHECKING:
    from pathlib import Path

TEMPLATES = ("sitrep", "bluf-memo", "quote-digest")


@pytest.mark.parametrize("template", TEMPLATES)
def test_empty_brief_renders(template: str, ws: Workspace, renderer: Renderer, tmp_path: Path) -> None:
    brief_id = ws.briefs.new("Nothing yet", template=template).id
    rendered = renderer.render(ws, brief_id)
    assert rendered.markdown.startswith("**TLP:CLEAR**\n\n# Nothing yet\n")
    out = renderer.export(ws, brief_id, "docx", tmp_path / "empty.docx")
    body = [p.text for p in docx.Document(str(out)).paragraphs]
    assert body[0] == "Nothing yet"
    assert "TLP:CLEAR" not in " ".join(body)  # the marking is in the header and footer, once
    assert footnote_texts(out) == []


@pytest.fixture(scope="module")
def big_workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, dict[str, int]]:
    ws = Workspace.create(tmp_path_factory.mktemp("big") / "big.briefer")
    briefs = {"sitrep": synthetic_brief(ws, 5000, load_template("sitrep").layout())}
    for template in TEMPLATES[1:]:
        briefs[template] = ws.briefs.new(f"Big {template}", template=template).id
        ws.briefs.auto_fill(briefs[template], load_template(template).layout())
    return ws, briefs


@pytest.mark.slow
@pytest.mark.parametrize("template", TEMPLATES)
def test_5000_item_brief_renders(
    template: str, big_workspace: tuple[Workspace, dict[str, int]], renderer: Renderer, tmp_path: Path
) -> None:
    ws, briefs = big_workspace
    brief = ws.briefs.get(briefs[template])
    assert len(brief.items) >= 1250
    rendered = renderer.render(ws, brief.id)  # type: ignore[arg-type]
    out = renderer.export(ws, brief.id, "docx", tmp_path / f"{template}.docx")  # type: ignore[arg-type]
    document = docx.Document(str(out))
    paragraphs = len(document.paragraphs)
    notes = footnote_texts(out)
    assert len(notes) == len(set(notes))  # one footnote per source, however often cited
    if template == "bluf-memo":  # one page: eight points and a count of the rest
        rest = [p for p in document.paragraphs if p.text.endswith("more points in the full brief.")]
        assert [p.style.name for p in rest] == ["Normal"]  # after the list, not inside its last point
        assert paragraphs < 30
    else:
        assert rendered.markdown.count("[^") >= 1250
        assert paragraphs >= 1250
