"""Brief templates: finding them, and reading their YAML front matter.

A template is a file ``NAME.md.j2``: YAML front matter between ``---`` lines,
then a Jinja body producing Markdown. Built-in templates ship in ``templates/``;
a user's own live in ``<user config>/templates`` (and win over a built-in of the
same name). Only a name the analyst gives on the command line (or a file picked
in the window) may be a path: a name stored in a workspace (a brief's template)
is looked up by name only (:func:`by_name`), so a workspace received from
someone else cannot make an export read another file of this machine. A malformed template raises
:class:`~briefer.errors.TemplateFailed` naming its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefer import yamlsafe
from briefer.errors import NotFound, TemplateFailed
from briefer.files import read_regular
from briefer.paths import templates_dir, user_config_dir

SUFFIX = ".md.j2"
MAX_TEMPLATE_BYTES = 512 * 1024
#: Front matter is settings, not content: a real template's is a few hundred bytes.
MAX_FRONT_MATTER = 64 * 1024
#: Sections a brief can have (the built-in templates have up to eight).
MAX_SECTIONS = 500
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_FENCE = "---"


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a template: its id, its heading, and the tag kinds that feed it."""

    id: str
    title: str
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocxSettings:
    """How a template wants its DOCX: reference document, marking placement, comments.

    ``reference`` is the file name of a reference document in the user or
    built-in templates folder (never a path: see ``render.docx.reference``).
    """

    reference: str | None = None
    header_marking: bool = True
    footer_marking: bool = True
    comments: bool = True


@dataclass(frozen=True, slots=True)
class TemplateRef:
    """Where a template file is: its name, origin (built-in, user or path) and file."""

    name: str
    origin: str
    path: Path


@dataclass(frozen=True, slots=True)
class Template:
    """A loaded template. ``body`` keeps the file's line numbers (front matter blanked)."""

    name: str
    description: str
    sections: tuple[Section, ...]
    docx: DocxSettings
    origin: str
    path: Path
    body: str = field(repr=False)

    def layout(self) -> dict[str, tuple[str, ...]]:
        """Section id → tag kinds, in order: what auto-fill and ``brief add`` place by."""
        return {s.id: s.kinds for s in self.sections}


def user_templates_dir() -> Path:
    """The folder of the user's own templates (not created here)."""
    return user_config_dir() / "templates"


def _refs_in(folder: Path, origin: str) -> list[TemplateRef]:
    if not folder.is_dir():
        return []
    return [
        TemplateRef(p.name[: -len(SUFFIX)], origin, p)
        for p in sorted(folder.glob(f"*{SUFFIX}"))
        if not p.is_dir()  # a pipe or a dangling link is listed, to be named as broken
    ]


def find_templates() -> list[TemplateRef]:
    """Every template a name can reach: built-in ones, then the user's, by name."""
    return _refs_in(templates_dir(), "built-in") + _refs_in(user_templates_dir(), "user")


def resolve(name_or_path: str | Path) -> TemplateRef:
    """The template a name or path given by the analyst means (on the command line).

    Raises NotFound listing the known names when there is no such template.
    """
    text = str(name_or_path)
    path = Path(text).expanduser()
    if path.suffix == ".j2" or "/" in text or "\\" in text:
        if not path.exists() or path.is_dir():
            raise NotFound(f"template {text}", "no such file")
        return TemplateRef(path.name.removesuffix(SUFFIX).removesuffix(".j2"), "path", path)
    return by_name(text)


def by_name(name: str) -> TemplateRef:
    """The built-in or user template called ``name`` (a user one shadows a built-in); never a path.

    For names read from a workspace. Raises NotFound listing the known names.
    """
    known = {ref.name: ref for ref in find_templates()}
    if name not in known:
        raise NotFound(f"template {name!r}", f"no such template (known: {', '.join(sorted(known))})")
    return known[name]


def load_template(name_or_path: str | Path | TemplateRef) -> Template:
    """Read a template and check its front matter; raise TemplateFailed with file and line."""
    ref = name_or_path if isinstance(name_or_path, TemplateRef) else resolve(name_or_path)
    where = str(ref.path)
    try:
        raw = read_regular(ref.path, MAX_TEMPLATE_BYTES)
    except OSError as exc:
        raise TemplateFailed(where, None, exc.strerror or "cannot be read") from exc
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateFailed(where, None, f"larger than {MAX_TEMPLATE_BYTES // 1024} KB")
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise TemplateFailed(where, None, "not UTF-8 text") from exc
    meta, body = _split_front_matter(where, text)
    return _template(ref, meta, body)


def _split_front_matter(where: str, text: str) -> tuple[yaml.Node | None, str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return None, text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
    except StopIteration:
        raise TemplateFailed(where, 1, "front matter has no closing '---' line") from None
    if sum(len(line) + 1 for line in lines[1:end]) > MAX_FRONT_MATTER:
        raise TemplateFailed(where, 1, f"front matter is over {MAX_FRONT_MATTER // 1024} KB")
    try:
        node = yamlsafe.compose("\n".join(["", *lines[1:end]]))
    except yamlsafe.YamlProblem as exc:
        raise TemplateFailed(where, exc.line, f"invalid front matter: {exc.reason}") from None
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    return node, body


def _fail(where: str, node: yaml.Node, reason: str) -> TemplateFailed:
    return TemplateFailed(where, node.start_mark.line + 1, reason)


def _mapping(where: str, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, Any]]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(where, node, f"{what} must be a mapping")
    try:
        return {str(k.value): (v, yamlsafe.construct(v)) for k, v in node.value}
    except yamlsafe.YamlProblem as exc:  # e.g. a !!python/... tag the safe loader refuses
        if exc.reason == yamlsafe.NESTED:
            raise _fail(where, node, "front matter is nested too deeply") from None
        raise TemplateFailed(where, exc.line, f"invalid front matter: {exc.reason}") from None


def _text(where: str, entry: tuple[yaml.Node, Any] | None, what: str, default: str = "") -> str:
    if entry is None:
        return default
    node, value = entry
    if not isinstance(value, str | int | float):
        raise _fail(where, node, f"'{what}' must be text")
    return str(value).strip()


def _flag(where: str, entry: tuple[yaml.Node, Any] | None, what: str) -> bool:
    if entry is None:
        return True
    if not isinstance(entry[1], bool):
        raise _fail(where, entry[0], f"'{what}' must be true or false")
    return entry[1]


def _template(ref: TemplateRef, node: yaml.Node | None, body: str) -> Template:
    where = str(ref.path)
    meta = _mapping(where, node, "front matter") if node is not None else {}
    sections: list[Section] = []
    if "sections" in meta:
        seq_node = meta["sections"][0]
        if not isinstance(seq_node, yaml.SequenceNode):
            raise _fail(where, seq_node, "'sections' must be a list")
        if len(seq_node.value) > MAX_SECTIONS:
            raise _fail(where, seq_node, f"{len(seq_node.value):,} sections, over the {MAX_SECTIONS} limit")
        seen: set[str] = set()
        for item in seq_node.value:
            entry = _mapping(where, item, "a section")
            sid = _text(where, entry.get("id"), "id")
            if not _ID_RE.match(sid):
                raise _fail(where, item, f"section id {sid[:40]!r} must be letters, digits, - or _")
            if sid in seen:
                raise _fail(where, item, f"section id {sid!r} appears twice")
            seen.add(sid)
            kinds = entry.get("kinds", (item, []))[1] or []
            if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
                raise _fail(where, item, f"section {sid!r}: 'kinds' must be a list of tag kinds")
            title = _text(where, entry.get("title"), "title", sid.replace("-", " ").capitalize())
            sections.append(Section(sid, title, tuple(kinds)))
    docx = DocxSettings()
    if "docx" in meta:
        entry = _mapping(where, meta["docx"][0], "'docx'")
        reference = _text(where, entry.get("reference"), "reference")
        if reference and (Path(reference).name != reference or reference in (".", "..")):
            raise _fail(where, meta["docx"][0], f"reference {reference!r} must be the file name of a"
                                                " document in the templates folder, not a path")
        docx = DocxSettings(
            reference=reference or None,
            header_marking=_flag(where, entry.get("header"), "header"),
            footer_marking=_flag(where, entry.get("footer"), "footer"),
            comments=_flag(where, entry.get("comments"), "comments"),
        )
    return Template(
        name=_text(where, meta.get("name"), "name", ref.name) or ref.name,
        description=_text(where, meta.get("description"), "description"),
        sections=tuple(sections),
        docx=docx,
        origin=ref.origin,
        path=ref.path,
        body=body,
    )
