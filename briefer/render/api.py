"""Rendering a brief: context → sandboxed template → Markdown → HTML / DOCX / .md.

A :class:`Renderer` keeps one sandbox process alive, so repeated renders (a live
preview) pay only for the work itself. Not thread-safe: give each thread its own
renderer. Reads the workspace, never writes it.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.analysis.markings import require_marking
from briefer.atomic import save_atomic, write_atomic
from briefer.errors import InvalidInput, TemplateFailed
from briefer.render import html
from briefer.render.context import build_context
from briefer.render.docx import build_document
from briefer.render.docx.reference import reference_by_name
from briefer.render.engine import MAX_OUTPUT_CHARS, render_markdown
from briefer.render.escape import escape_markdown, strip_comments
from briefer.render.integrity import check_quotes
from briefer.render.notes import drop_uncited_notes
from briefer.render.office import convert_docx
from briefer.render.properties import doc_meta
from briefer.render.templates import Template, by_name, load_template
from briefer.render.tree import Tree, parse, size
from briefer.sandbox import LimitedWorker, LimitExceeded

if TYPE_CHECKING:
    from briefer.analysis.markings import MarkingCheck
    from briefer.model import Brief
    from briefer.workspace import Workspace

FORMATS = ("md", "docx", "html", "pdf", "odt")
TIME_LIMIT_SECONDS = 5.0
MEMORY_LIMIT_MB = 768
#: Markdown elements (tokens) a brief may have: what this process then parses, previews
#: and builds a DOCX from must stay within about the sandbox's limits. A 5,000-item
#: sitrep has about 63,000; a 40,000-row table (560,000) rendered in the sandbox, then
#: took this process 1.4 GB and 15 s to build the DOCX.
MAX_ELEMENTS = 150_000


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered brief: its Markdown (as exported) and the sanitised HTML preview page.

    ``marked`` is the template's output as the DOCX writer reads it (``tree``
    is its parse): the Markdown with analyst comments as invisible markers.
    ``context`` is what the template was given (document properties come from it).
    """

    markdown: str
    html: str
    tree: Tree
    brief: Brief
    template: Template
    marked: str
    context: dict[str, Any] = field(default_factory=dict, repr=False)


def with_marking(markdown: str, marking: str) -> str:
    """The Markdown export: the marking as its first and its last line."""
    line = f"**{escape_markdown(marking)}**"
    return f"{line}\n\n{markdown.rstrip()}\n\n{line}\n"


def template_for(brief: Brief, template: str | Path | Template | None) -> Template:
    """The template to render ``brief`` with: the one given, else the brief's own."""
    if isinstance(template, Template):
        return template
    return load_template(template if template is not None else by_name(brief.template))


class Renderer:
    """Renders briefs through templates in a reusable sandbox process."""

    def __init__(self, timeout: float = TIME_LIMIT_SECONDS, memory_mb: int = MEMORY_LIMIT_MB) -> None:
        self._worker = LimitedWorker(memory_mb=memory_mb)
        self._timeout = timeout

    def _marked(
        self, ws: Workspace, brief_id: int, template: str | Path | Template | None, parsed: bool = False
    ) -> tuple[str, Brief, Template, dict[str, Any]]:
        """The template's Markdown output (with comment markers), the brief and the template.

        With ``parsed``, the sandbox also parses the Markdown once, so output the
        parser would take minutes or gigabytes on (a template can emit any) fails
        there, under the limits, instead of in this process.
        """
        brief = ws.briefs.get(brief_id)
        chosen = template_for(brief, template)
        context = build_context(ws, brief_id, chosen)
        try:
            marked = self._worker.call(
                _render_in_sandbox, chosen.body, str(chosen.path), context, parsed, timeout=self._timeout,
            )
        except LimitExceeded as exc:
            raise TemplateFailed(str(chosen.path), None, str(exc)) from None
        return marked, brief, chosen, context

    def markdown(self, ws: Workspace, brief_id: int, template: str | Path | Template | None = None) -> str:
        """Only the Markdown of a brief, as the ``.md`` export holds it."""
        marked, brief, _, _ = self._marked(ws, brief_id, template)
        return with_marking(strip_comments(marked), brief.marking)

    def render(self, ws: Workspace, brief_id: int, template: str | Path | Template | None = None) -> Rendered:
        """Render a brief to Markdown and HTML; raise TemplateFailed with file and line."""
        marked, brief, chosen, context = self._marked(ws, brief_id, template, parsed=True)
        tree = parse(marked)
        page = html.document(tree, brief.title, brief.marking, context["brief"]["language"])
        markdown = with_marking(strip_comments(marked), brief.marking)
        return Rendered(markdown, page, tree, brief, chosen, marked, context)

    def export(
        self, ws: Workspace, brief_id: int, fmt: str, path: str | Path,
        template: str | Path | Template | None = None, reference_doc: str | Path | None = None,
        allow_marking_below_items: bool = False,
    ) -> Path:
        """Write the brief as ``md``, ``html``, ``docx``, ``pdf`` or ``odt`` to ``path`` (atomically).

        PDF and ODT are the DOCX converted by LibreOffice (:mod:`briefer.render.office`).
        A brief marked below one of its items is refused (:mod:`briefer.analysis.markings`)
        unless ``allow_marking_below_items``; the override is then recorded in the
        document's custom property ``MarkingBelowItems``. A quote item that no longer
        matches its article stops the export (:mod:`briefer.render.integrity`).
        """
        if fmt not in FORMATS:
            raise InvalidInput(f"format {fmt!r}", f"must be one of {', '.join(FORMATS)}")
        marking = check_export(ws, brief_id, allow_marking_below_items)
        rendered = self.render(ws, brief_id, template)
        target = Path(path)
        if fmt == "md":
            write_atomic(target, rendered.markdown)
        elif fmt == "html":
            write_atomic(target, rendered.html)
        else:
            settings = rendered.template.docx
            reference = (Path(reference_doc) if reference_doc is not None
                         else reference_by_name(settings.reference) if settings.reference else None)
            meta = doc_meta(rendered)
            if not marking.ok:
                meta = replace(meta, custom={**meta.custom, "MarkingBelowItems": marking.message()})
            document = build_document(rendered.tree, meta, reference)
            if fmt == "docx":
                save_atomic(target, document.save)
            else:
                buffer = io.BytesIO()
                document.save(buffer)
                converted = convert_docx(buffer.getvalue(), fmt)
                save_atomic(target, lambda out: out.write(converted))
        return target

    def close(self) -> None:
        """Stop the sandbox process."""
        self._worker.close()


def _render_in_sandbox(body: str, filename: str, context: dict[str, Any], parsed: bool) -> str:
    """Render the template in the sandbox process; with ``parsed``, prove its Markdown parses there.

    This process parses the Markdown again, lays out the HTML and the preview
    and builds the DOCX from it, all outside the sandbox: so the output must
    also be small enough for that (:data:`MAX_ELEMENTS`).

    (Sending the parsed tree back costs more than parsing again: 2.5 s against
    0.8 s for a 5000-item brief.)
    """
    marked = drop_uncited_notes(render_markdown(body, filename, context, MAX_OUTPUT_CHARS))
    if parsed:
        elements = size(parse(marked))
        if elements > MAX_ELEMENTS:
            raise TemplateFailed(filename, None, f"the brief is too large to lay out ({elements:,} Markdown"
                                                 f" elements, over the {MAX_ELEMENTS:,} limit)")
    return marked


_shared: Renderer | None = None
_lock = threading.Lock()


def _renderer() -> Renderer:
    global _shared
    if _shared is None:
        _shared = Renderer()
    return _shared


def render_brief(ws: Workspace, brief_id: int, template: str | Path | Template | None = None) -> Rendered:
    """Render a brief with the shared renderer (one sandbox process for the app)."""
    with _lock:
        return _renderer().render(ws, brief_id, template)


def check_export(ws: Workspace, brief_id: int, allow_marking_below_items: bool = False) -> MarkingCheck:
    """What every export checks first (and the live preview too); raise the first refusal.

    The brief's marking against its items' (MarkingRefused: ``brief 1 is TLP:GREEN
    but item 4 is TLP:RED``, unless ``allow_marking_below_items``), then every quote
    against its article (InvalidInput naming the item and what differs). Returns the
    marking check (its message is recorded when the override was used).
    """
    marking = require_marking(ws, brief_id, allow_marking_below_items)
    check_quotes(ws, brief_id)
    return marking


def export(
    ws: Workspace, brief_id: int, fmt: str, path: str | Path,
    template: str | Path | Template | None = None, reference_doc: str | Path | None = None,
    allow_marking_below_items: bool = False,
) -> Path:
    """Export a brief in one of :data:`FORMATS` with the shared renderer."""
    with _lock:
        return _renderer().export(ws, brief_id, fmt, path, template, reference_doc,
                                  allow_marking_below_items)
