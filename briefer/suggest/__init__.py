"""Rule-based suggestions: quotes with speakers, figures, dates, people, organisations, places.

``suggest(text)`` is a pure function of an article's text; ``for_article`` runs it
on a stored article and leaves out what is already tagged or was rejected.
"""

from briefer.suggest.base import KINDS, Suggestion
from briefer.suggest.core import suggest

__all__ = ["KINDS", "Suggestion", "suggest"]
