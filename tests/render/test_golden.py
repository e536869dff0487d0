"""Golden files: each built-in template on the demo article, as Markdown and DOCX XML.

Set BRIEFER_UPDATE_GOLDEN=1 to rewrite the files after an intended change: each
file that changes is written and its test fails showing the diff, so an update run
never passes unseen. Review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import markdown
import pytest

from tests.render.conftest import fill_demo_brief
from tests.render.docx_helpers import footnote_texts, pretty

if TYPE_CHECKING:
    from briefer.render import Renderer
    from briefer.workspace import Workspace

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
TEMPLATES = ("sitrep", "bluf-memo", "quote-digest")


def compare_golden(path: Path, actual: str, update: bool) -> None:
    """Fail with a unified diff when ``actual`` differs from ``path``; when updating, write it first."""
    expected = path.read_text(encoding="utf-8") if path.is_file() else ""
    if actual == expected:
        return
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        f"golden/{path.name}", "rendered"))
    if update:
        path.write_text(actual, encoding="utf-8")
        pytest.fail(f"{path.name} rewritten (BRIEFER_UPDATE_GOLDEN); review the change:\n{diff}")
    pytest.fail(f"{path.name} differs from the golden file:\n{diff}")


def _compare(name: str, actual: str) -> None:
    compare_golden(GOLDEN / name, actual, bool(os.environ.get("BRIEFER_UPDATE_GOLDEN")))


def test_an_update_run_writes_the_file_shows_the_diff_and_fails(tmp_path: Path) -> None:
    golden = tmp_path / "brief.md"
    golden.write_text("old line\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)rewritten.*-old line.*\+new line"):
        compare_golden(golden, "new line\n", update=True)
    assert golden.read_text(encoding="utf-8") == "new line\n"
    compare_golden(golden, "new line\n", update=True)  # up to date: nothing to show, passes
    with pytest.raises(pytest.fail.Exception, match="differs from the golden file"):
        compare_golden(golden, "other\n", update=False)
    assert golden.read_text(encoding="utf-8") == "new line\n"


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_matches_golden_files(
    template: str, demo_ws: Workspace, renderer: Renderer, tmp_path: Path
) -> None:
    brief_id = fill_demo_brief(demo_ws, template)
    _compare(f"{template}.md", renderer.render(demo_ws, brief_id).markdown)
    out = renderer.export(demo_ws, brief_id, "docx", tmp_path / f"{template}.docx")
    _compare(f"{template}.document.xml", pretty(out, "word/document.xml"))
    _compare(f"{template}.footnotes.xml", pretty(out, "word/footnotes.xml"))


@pytest.mark.parametrize("template", TEMPLATES)
def test_docx_reads_back_with_styles_footnotes_and_marking(
    template: str, demo_ws: Workspace, renderer: Renderer, tmp_path: Path
) -> None:
    brief_id = fill_demo_brief(demo_ws, template)
    out = renderer.export(demo_ws, brief_id, "docx", tmp_path / f"{template}.docx")
    document = docx.Document(str(out))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title"
    assert document.paragraphs[0].text == "Ukraine: mobilisation and Russian gains"
    assert not any("TLP:AMBER" in p.text for p in document.paragraphs)  # once: header and footer
    assert "Heading 1" in styles
    notes = footnote_texts(out)
    assert len(notes) == 1  # one source: one footnote, however often it is cited
    assert "Ukraine Mobilizes Amidst Russian Gains" in notes[0]
    section = document.sections[0]
    assert "TLP:AMBER" in section.header.paragraphs[0].text
    assert "TLP:AMBER" in "".join(p.text for p in section.footer.paragraphs)
    core = document.core_properties
    assert (core.title, core.author) == ("Ukraine: mobilisation and Russian gains", "J. Analyst")
    preview = renderer.render(demo_ws, brief_id).html
    assert preview.count('class="footnote-item"') == 1  # the preview too: one note per source
    assert core.created.isoformat().startswith("2026-11-25T14:30")


@pytest.mark.parametrize("template", TEMPLATES)
def test_golden_markdown_reads_in_python_markdown(template: str) -> None:
    html = markdown.markdown((GOLDEN / f"{template}.md").read_text(encoding="utf-8"),
                             extensions=["footnotes", "tables"])
    assert '<div class="footnote">' in html
    assert "[^" not in html  # every citation became a real footnote
    assert "Ukraine Mobilizes Amidst Russian Gains" in html
    if template == "sitrep":
        assert "<table>" in html
        assert "<th" in html
