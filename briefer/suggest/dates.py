"""Dates placeholder."""
from __future__ import annotations
from briefer.suggest.base import Suggestion
from briefer.suggest.document import Document
def find_dates(doc: Document, published: str | None) -> list[Suggestion]:
    return []
