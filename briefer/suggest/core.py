"""``suggest``: every suggester over one article text, as one sorted list."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from briefer.errors import InvalidInput
from briefer.suggest import lexicon
from briefer.suggest.actors import Mention, find_actors
from briefer.suggest.base import ACTOR_KINDS, KINDS, Suggestion
from briefer.suggest.dates import find_dates
from briefer.suggest.document import Document
from briefer.suggest.facts import find_facts
from briefer.suggest.figures import find_figures
from briefer.suggest.speakers import Attributor, Speaker, is_quoted_name

if TYPE_CHECKING:
    from collections.abc import Collection

    from briefer.text.quotes import Quote

_MIN_UNATTRIBUTED_WORDS = 4
# speakers carried over from an earlier quote: a short capitalised quote so attributed is a name
_CONTINUATION_RULES = frozenset(("same-paragraph", "next-paragraph", "previous-sentence"))
# "the slogan “Meth, we're on it.”", "a film titled “…”": a name, not speech
# "HP is called “feather duvet lung.”", "known as", "the term often used is": a name given, not speech
_NAMED_BEFORE = re.compile(
    r"\b(?:slogan|tagline|headline|motto|hashtag|titled|entitled|dubbed|nicknamed|named|the words"
    r"|(?:is|are|was|were|be|been|being|['’]s)(?:\s+\w+ly|\s+often|\s+also|\s+now|\s+sometimes)?\s+called"
    r"|known\s+as|referred\s+to\s+as|termed|(?:the\s+)?nickname(?:\s+of)?|the\s+term(?:\s+\w+){0,3}\s+is)"
    r"[\s,:]*$",
    re.IGNORECASE,
)


@cache
def _scare_before(lang: str) -> re.Pattern[str]:
    """A possessive, an article or ``so-called`` right before a quote: a scare-quoted term."""
    so_called = lexicon.alternation(lexicon.words(lang)["so_called"])
    return re.compile(
        rf"(?:['’]s|\b(?:the|a|an|its|their|his|her|our)|(?<![\w-])(?:{so_called}))\s*$", re.IGNORECASE
    )


# rules that found the speaker in the quote's own sentence
_LOCAL_RULES = (
    "quote-then",
    "speaker-verb-quote",
    "verb-speaker-quote",
    "speaker-participle-quote",
    "according-to",
)


def _is_title(words: list[str]) -> bool:
    """Title case without a sentence end: a song, film or report title ("Takin' It to the Streets")."""
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[:1].isupper() for w in long_words)
    if len(words) < 3:
        return False
    if words[-1][-1:] == "." and len(words) <= 8:  # American style: “What a Fool Believes.”
        return capitalised == len(long_words) >= 2
    return words[-1][-1:] not in ".!?…," and capitalised >= max(2, 0.6 * len(long_words))


def _is_speech(doc: Document, q: Quote, speaker: Speaker | None) -> bool:
    """Whether a quotation is someone's words, not a name, title, term or scare quote."""
    text = doc.text[q.start : q.end]
    words = text.split()
    if _NAMED_BEFORE.search(doc.text, max(0, q.open - 32), q.open):
        return False
    attributed_here = speaker is not None and speaker.rule.startswith(_LOCAL_RULES)
    # "We will win," Cruz said / "Amazing," Davis said: speech, however short
    punctuated = text[-1:] in ",.!?…" or "," in doc.text[q.end : q.close + 2]
    opens_sentence = doc.sentence_at(q.open)[0] == q.open
    if attributed_here and punctuated and (opens_sentence or len(words) > 2):
        return True  # but 'The court called them «fakes», the lawyer said': a term
    said_before = attributed_here and speaker is not None and not speaker.rule.startswith("quote-then")
    if said_before and not is_quoted_name(text):
        return True  # Mayer said the team "patched" the software: the speaker's word
    continued = speaker is None or speaker.rule in _CONTINUATION_RULES
    if is_quoted_name(text) and (len(words) <= 2 or continued):
        return False
    if speaker is None and _is_title(words):
        return False
    if len(words) == 1 and words[0][-1:] not in ".!?…":
        return False  # «фейках»: a term, not a quote
    if len(words) <= 3 and _scare_before(doc.lang).search(doc.text, max(0, q.open - 12), q.open):
        return False
    return speaker is not None or len(words) >= _MIN_UNATTRIBUTED_WORDS


def _quotes(doc: Document, mentions: list[Mention]) -> list[Suggestion]:
    out = []
    speakers = Attributor(doc, mentions).attribute(doc.quotes)
    for q, speaker in zip(doc.quotes, speakers, strict=True):
        if not _is_speech(doc, q, speaker):
            continue
        attributes = {}
        if speaker is not None:
            attributes["speaker"] = speaker.name
            if speaker.role:
                attributes["role"] = speaker.role
        rule = "quote" + ("" if q.closed else "-unclosed") + (f"+{speaker.rule}" if speaker else "")
        confidence = speaker.confidence if speaker else 0.3
        out.append(
            Suggestion(
                "quote",
                q.start,
                q.end,
                doc.text[q.start : q.end],
                attributes,
                rule,
                confidence if q.closed else confidence * 0.7,
            )
        )
    return out


def _actors(mentions: list[Mention], kinds: set[str]) -> list[Suggestion]:
    return [
        Suggestion(m.kind, m.start, m.end, m.text, {"canonical": m.canonical}, m.rule, m.confidence)
        for m in mentions
        if m.kind in kinds
    ]


def suggest(
    text: str, *, published: str | None = None, kinds: Collection[str] | None = None
) -> list[Suggestion]:
    """Suggestions for one article's text, sorted by start.

    ``published`` (an ISO date or date-time) anchors relative dates ("on Monday");
    ``kinds`` limits the result to some taxonomy kinds. Raises InvalidInput for an
    unknown kind or a malformed publication date.
    """
    wanted = set(KINDS) if kinds is None else set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise InvalidInput(f"kind {sorted(unknown)[0]!r}", f"suggestions exist for {', '.join(KINDS)}")
    asked, wanted = wanted, (set(KINDS) if "fact" in wanted else wanted)  # facts rest on every kind
    doc = Document(text)
    out: list[Suggestion] = []
    mentions = find_actors(doc) if wanted & {"quote", *ACTOR_KINDS} else []
    if "quote" in wanted:
        out += _quotes(doc, mentions)
    out += _actors(mentions, wanted)
    dates = find_dates(doc, published) if wanted & {"date", "figure"} else []
    if "date" in wanted:
        out += dates
    if "figure" in wanted:
        # A period ("the past two years") still holds a duration, which is a figure.
        out += find_figures(doc, [(d.start, d.end) for d in dates if d.rule != "date-period"])
    if "fact" in asked:
        out += find_facts(doc, out)
    return sorted((s for s in out if s.kind in asked), key=lambda s: (s.start, s.end, s.kind))
