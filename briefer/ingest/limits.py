"""The caps every importer works under, so a hostile file fails fast and clearly."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


def human_size(size: float) -> str:
    """A byte count for error messages: ``512 bytes``, ``12.5 KB``, ``60.2 MB``."""
    if size < 1024:
        return f"{size:g} bytes"
    if size < MB:
        return f"{size / 1024:.1f} KB"
    return f"{size / MB:.1f} MB"


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on one imported file. Every field has a sensible default.

    ``max_bytes``: size of the file as stored. ``seconds``: time to extract one
    file. ``max_unpacked_bytes`` / ``max_ratio``: total uncompressed size and
    compression ratio of a zip container (DOCX). ``max_pages``: pages of a PDF.
    ``max_paragraphs``: paragraphs and tables of a Word document (200,000 is
    thousands of pages; a million took python-docx over 30 s).
    ``memory_mb``: address space of the process extracting files.
    ``max_fetch_bytes``: a page or feed fetched from the web, after decompression.
    """

    max_bytes: int = 50 * MB
    seconds: float = 30.0
    max_unpacked_bytes: int = 200 * MB
    max_ratio: float = 100.0
    max_pages: int = 2000
    max_paragraphs: int = 200_000
    memory_mb: int = 2048
    max_fetch_bytes: int = 20 * MB
