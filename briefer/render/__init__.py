"""Rendering briefs: one Jinja template → Markdown → the .md export, HTML preview and DOCX.

Public API (what the CLI and the GUI use)::

    render_brief(ws, brief_id, template=None) -> Rendered   # .markdown, .html
    export(ws, brief_id, fmt, path, template=None, reference_doc=None) -> Path
    check_export(ws, brief_id)  # what export refuses (marking below an item, a changed quote)
    Renderer()            # the same, with its own sandbox process (one per thread)
    find_templates(), load_template(name_or_path), by_name(name), user_templates_dir()

``template`` is a name, a path, a loaded Template, or None for the brief's own
(a name stored in a workspace is looked up with ``by_name``: never a path).
``Rendered`` holds ``markdown`` (the .md export), ``html`` (a standalone,
sanitised preview page), the parsed ``tree``, the ``brief`` and the ``template``.
Rendering reads the workspace, so call it from the thread that owns ``ws``.
Errors: TemplateFailed (file and line), NotFound, InvalidInput. No Qt, and no
workspace writes, anywhere in this package.
"""

from briefer.render.api import FORMATS, Rendered, Renderer, check_export, export, render_brief
from briefer.render.templates import (
    Template,
    TemplateRef,
    by_name,
    find_templates,
    load_template,
    user_templates_dir,
)

__all__ = [
    "FORMATS", "Rendered", "Renderer", "Template", "TemplateRef", "by_name", "check_export", "export",
    "find_templates", "load_template", "render_brief", "user_templates_dir",
]
