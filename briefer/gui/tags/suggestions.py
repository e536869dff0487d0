"""Suggestions for the article in the reader, computed in the background.

Finding suggestions in a long article takes longer than a key press should, so
they are computed on a worker thread, a moment after the article opens or
changes (a burst of changes computes once), and shown when they arrive; a result
for an article no longer shown, or overtaken by a newer request, is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefer.gui.background.feed import LatestFeed
from briefer.gui.background.jobs import SuggestJob

if TYPE_CHECKING:
    from briefer.suggest import Suggestion

DELAY_MS = 60


class SuggestionFeed(LatestFeed):
    """Requests suggestions for one article at a time and reports the latest ones."""

    suggestionsReady = Signal(int, list)  # article id, suggestions

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SuggestJob, DELAY_MS, parent)
        self.resultReady.connect(self._on_result_ready)

    def _on_result_ready(self, result: tuple[int, list[Suggestion]]) -> None:
        self.suggestionsReady.emit(*result)
