"""Reference documents: found by name (when a template names one), checked, and opened within limits.

A reference document gives the DOCX its styles, page setup and house header.
One the analyst names on the command line (or picks in the window) is opened as
a path; one a template names is a plain file name looked up in the built-in
and the user templates folders only, so a template received from someone else
cannot pull another file of this machine into the brief. Either way the file
is checked as an imported Word file is (size, zip bombs, damage) before
python-docx unpacks it, and must have the parts a brief is written onto.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from briefer.errors import ImportFailed, InvalidInput, NotFound
from briefer.ingest.docx import check_container
from briefer.ingest.limits import Limits, human_size
from briefer.paths import resource, templates_dir
from briefer.render.templates import user_templates_dir

if TYPE_CHECKING:
    from docx.document import Document

LIMITS = Limits()


def default_reference() -> Path:
    """The shipped reference document with Briefer's default styles."""
    return resource("reference.docx")


def reference_by_name(name: str) -> Path:
    """The reference document a template names: a file of the user or built-in templates folder.

    Raises NotFound when neither folder has it (a path is never followed).
    """
    for folder in (user_templates_dir(), templates_dir()):
        candidate = folder / name
        if Path(name).name == name and candidate.is_file():
            return candidate
    raise NotFound(f"reference document {name!r}", "not in the user or built-in templates folder")


def _read(path: Path) -> bytes:
    """The file's bytes, refusing a pipe or device (which would block) and an oversized file."""
    what = f"reference document {path}"
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InvalidInput(what, "not a regular file")
        if status.st_size > LIMITS.max_bytes:
            raise InvalidInput(what, f"{human_size(status.st_size)}, over the "
                                     f"{human_size(LIMITS.max_bytes)} limit")
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(what, exc.strerror or "cannot be read") from exc


def open_reference(path: Path | None) -> Document:
    """A checked reference document with its body emptied (keeping the final section settings).

    Raises InvalidInput naming the file when it is not a readable Word document,
    is a zip bomb, or lacks the styles, the body or the section properties.
    """
    path = path or default_reference()
    what = f"reference document {path}"
    data = _read(path)
    try:
        check_container(data, str(path), LIMITS)
        document = docx.Document(io.BytesIO(data))
    except ImportFailed as exc:
        raise InvalidInput(what, exc.reason) from None
    except (KeyError, ValueError, TypeError, AttributeError, zipfile.BadZipFile, PackageNotFoundError,
            XMLSyntaxError) as exc:
        raise InvalidInput(what, f"not a readable Word document ({exc})") from None
    body = document.element.body
    if body is None:
        raise InvalidInput(what, "damaged Word document (no body)")
    if body.find(qn("w:sectPr")) is None:
        raise InvalidInput(what, "damaged Word document (no section properties)")
    if not any(rel.reltype == RELATIONSHIP_TYPE.STYLES for rel in document.part.rels.values()):
        raise InvalidInput(what, "damaged Word document (no styles part)")
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document
