"""Rule-based suggestions: quotes with speakers, figures, dates, people, organisations, places.

``suggest(text)`` is a pure function of an article's text; ``for_article`` runs it
on a stored article and leaves out what is already tagged or was rejected;
``accept`` turns a suggestion into a tag.
"""

from briefer.suggest.base import KINDS, Suggestion
from briefer.suggest.core import suggest
from briefer.suggest.workflow import accept, accept_all, for_article

__all__ = ["KINDS", "Suggestion", "accept", "accept_all", "for_article", "suggest"]
