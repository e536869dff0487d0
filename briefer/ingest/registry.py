"""Choosing an importer for a file, reading it under the limits, walking folders.

Each importer module has ``FORMAT``, ``EXTENSIONS``, ``sniff(head) -> bool`` and
``extract(data, name, limits) -> Article`` (raising ImportFailed); a container of
several articles (a web archive) also has ``extract_many`` giving them all. The registry
tries the importer named by the extension when its sniff agrees, then every
importer by content, text last, and finally the extension's importer anyway
(so a damaged ``.pdf`` fails with that importer's reason).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.errors import ImportFailed
from briefer.files import not_a_file, read_regular
from briefer.ingest import docx, html, markdown, mhtml, pdf, singlefile, text, warc
from briefer.ingest.limits import Limits, human_size
from briefer.ingest.normalize import clean_field

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from types import ModuleType

    from briefer.model import Article

IMPORTERS: tuple[ModuleType, ...] = (pdf, docx, warc, mhtml, singlefile, html, markdown, text)
_HEAD = 8192


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file found under the paths given, or the reason it is skipped."""

    path: Path
    skipped: str | None = None


def importer_for(path: Path, head: bytes) -> ModuleType | None:
    """The importer for a file with this name and first bytes, or None."""
    suffix = path.suffix.lower()
    for module in IMPORTERS:
        if suffix in module.EXTENSIONS and module.sniff(head):
            return module
    if suffix in _KNOWN_BINARY:
        return None
    for module in IMPORTERS:
        if module is not text and module.sniff(head):
            return module
    if text.sniff(head):
        return text
    # Content fits nothing: the importer the name promises explains what is wrong.
    return next((module for module in IMPORTERS if suffix in module.EXTENSIONS), None)


_KNOWN_BINARY = frozenset(
    (
        ".png .jpg .jpeg .gif .webp .bmp .tiff .mp3 .mp4 .mov .avi .wav .zip .gz .tar .7z .rar"
        " .exe .dll .so .dylib .bin .iso .xlsx .pptx .odt .ods .doc .xls .ppt"
    ).split()
)


def read_file(path: Path, limits: Limits) -> bytes:
    """The bytes of ``path`` when it exists, is a file and is within the size cap."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ImportFailed(path, "no such file") from exc
    except OSError as exc:
        raise ImportFailed(path, exc.strerror or "cannot be read") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailed(path, "is a folder")
    if reason := not_a_file(info.st_mode):
        raise ImportFailed(path, reason)
    size = info.st_size
    if size > limits.max_bytes:
        raise ImportFailed(
            path, f"file is {human_size(size)}, over the {human_size(limits.max_bytes)} limit"
        )
    if size == 0:
        raise ImportFailed(path, "the file is empty")
    try:
        return read_regular(path, limits.max_bytes)
    except OSError as exc:
        raise ImportFailed(path, exc.strerror or "cannot be read") from exc


def extract_file(path: str | Path, limits: Limits | None = None) -> Article:
    """Read and extract one file in this process; raise ImportFailed with the reason."""
    return extract_articles(path, limits, many=False)[0]


def extract_articles(path: str | Path, limits: Limits | None = None, *, many: bool = True) -> list[Article]:
    """Every article of one file (several for a web archive), extracted in this process."""
    path = Path(path)
    limits = limits or Limits()
    data = read_file(path, limits)
    module = importer_for(path, data[:_HEAD])
    if module is None:
        raise ImportFailed(path, f"unsupported file type ({path.suffix or 'no extension'})")
    if many and hasattr(module, "extract_many"):
        articles = module.extract_many(data, str(path), limits)
    else:
        articles = [module.extract(data, str(path), limits)]
    if not any(article.text.strip() for article in articles):
        raise ImportFailed(path, "no article text found")
    return [
        replace(article, source_file=path.name,
                **{name: clean_field(value) for name, value in article.metadata().items()})
        for article in articles if article.text.strip()
    ]


def walk(paths: Iterable[str | Path]) -> Iterator[Candidate]:
    """Every file under ``paths`` (folders recursively, in name order).

    Hidden files are left out; links to files outside the folder, files no importer
    accepts and each folder that cannot be read come out with ``skipped`` set
    (never skipped without a word).
    """
    for given in paths:
        path = Path(given)
        if not os.path.isdir(path):  # False, not an error, inside a folder that cannot be read
            yield Candidate(path)
            continue
        yield from _walk_folder(path)


def _walk_folder(root: Path) -> Iterator[Candidate]:
    unreadable: list[OSError] = []
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    for error in unreadable:
        yield Candidate(Path(error.filename), f"folder cannot be read ({error.strerror or 'error'})")
    resolved = root.resolve()
    for child in sorted(found):
        if not child.is_file():
            continue
        if not child.resolve().is_relative_to(resolved):
            yield Candidate(child, "a link to a file outside the folder; not followed")
            continue
        try:
            with child.open("rb") as fh:
                head = fh.read(_HEAD)
        except OSError as exc:
            yield Candidate(child, exc.strerror or "cannot be read")
            continue
        if not head:
            yield Candidate(child, "the file is empty")
        elif importer_for(child, head) is None:
            yield Candidate(child, f"unsupported file type ({child.suffix or 'no extension'})")
        else:
            yield Candidate(child)
