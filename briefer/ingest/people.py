"""Person names out of author fields and bylines ("By NAME and NAME", "NAME | Reuters").

An author field often holds more than people: a news agency, the outlet itself,
a staff label, a user handle, a job title. Only the people are kept; an author
that is the outlet (or an agency) is no author.
"""

from __future__ import annotations

import re
import unicodedata

_PREFIX = re.compile(
    r"^\s*(?:(?:analysis|opinion|commentary|story|report|text|words|photos?)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|de|текст|автор|от)\s*:?\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|·|•|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\+|\bи\b)\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})\.\s+")
#: Words of a byline after the names ("on Monday", "Updated 10:00", "Nov. 18").
_STOP = frozenset("""
on at in updated published posted am pm est edt gmt utc et pt cet ist
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
publiziert veröffentlicht aktualisiert am publié mis le publicado actualizado il
""".split())
_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin al el ter ten y".split())
#: News agencies: a byline naming only one is wire copy with no person named.
AGENCIES = frozenset(
    "reuters ap associatedpress afp agencefrancepresse pti ani ians upi dpa xinhua tass "
    "ria novosti ansa efe bloomberg pa pamedia pressassociation kyodo yonhap aa anadolu "
    "anadoluagency interfax ukrinform cna bernama antara wam spa irna apa ap/reuters".split())
#: Words that make a part of a byline a role, a desk or an organisation, not a name.
_NOT_PERSON = frozenset("""
staff team editor editors editorial desk newsroom news contributor contributors correspondent
reporter reporters writer writers columnist producer bureau agency agencies media press wire
wires admin administrator webmaster guest user service group online digital magazine daily
times post journal network correspondents senior chief deputy associate special contributing
business politics sports international world national local report reports at-large
name email website comment reply required
editor-at-large гость редакция автор корреспондент redaktion redacción rédaction redazione
""".split())
_HANDLE = re.compile(r"[@#\d_]|https?:|www\.|\.(?:com|org|net)\b", re.I)


def key(text: str | None) -> str:
    """Letters and digits of ``text``, case-folded: how names and outlets are compared."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _is_agency(part: str) -> bool:
    return key(part) in AGENCIES


def _same_as(part: str, outlet: str | None) -> bool:
    """True when ``part`` names the outlet (or holds its name, as in "CNN Business")."""
    part_key, outlet_key = key(part), key(outlet)
    if not part_key or not outlet_key:
        return False
    return part_key == outlet_key or (len(outlet_key) >= 3 and outlet_key in part_key) or (
        len(part_key) >= 4 and part_key in outlet_key)


def _name_run(part: str) -> str:
    """The leading words of ``part`` that can be a person's name."""
    words: list[str] = []
    for word in part.split():
        bare = word.strip(".,:;()[]\"'“”‘’")
        if not bare:
            continue
        lower = bare.casefold()
        if word.endswith(":") or lower.endswith(("'s", "’s")):
            return ""  # "Topic: Hardware", "Europa's moon": a label or a phrase, not a name
        if lower in _STOP or _HANDLE.search(bare):
            break
        if not (bare[0].isupper() or (lower in _PARTICLES and words)):
            break
        words.append(word.strip(",:;()[]\"“”"))
    while words and words[-1].casefold() in _PARTICLES:
        words.pop()
    return " ".join(words)


def _display(name: str) -> str:
    """A name shouted in capitals ("JANIE HAR") in its ordinary case."""
    letters = [ch for ch in name if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return " ".join(word.capitalize() if len(word) > 2 else word for word in name.split())
    return name


def is_person(name: str, outlet: str | None = None) -> bool:
    """True when ``name`` looks like a person's name (not an agency, outlet, role or handle)."""
    words = name.split()
    if not 1 <= len(words) <= 5 or _is_agency(name) or _same_as(name, outlet):
        return False
    if any(word.strip(".").casefold() in _NOT_PERSON for word in words):
        return False
    if _HANDLE.search(name) or not any(ch.isalpha() for ch in name):
        return False
    return all(word[0].isupper() or word.casefold() in _PARTICLES for word in words)


def _without_agency(part: str) -> str:
    """``part`` without a trailing agency name ("JILL LAWLESS Associated Press")."""
    words = part.split()
    for cut in range(1, min(3, len(words) - 1) + 1):
        if _is_agency(" ".join(words[-cut:])):
            return " ".join(words[:-cut])
    return part


def person_names(raw: str | None, outlet: str | None = None) -> list[str]:
    """The people named in an author field or byline, in order, without repeats.

    A one-word name counts only when it is all the field holds ("Regan"), not
    beside an agency and a place ("PTI, Washington").
    """
    text = " ".join((raw or "").split())
    if not text:
        return []
    parts = [_PREFIX.sub("", part) for chunk in _SENTENCE_BREAK.split(text)
             for part in _SPLIT.split(_PREFIX.sub("", chunk)) if part.strip()]
    names: list[str] = []
    for part in parts:
        part = _without_agency(part)
        if any(word.casefold() in _NOT_PERSON for word in re.findall(r"[\w-]+", part)):
            continue
        name = _display(_name_run(part))
        if not name or not is_person(name, outlet) or (len(name.split()) == 1 and len(parts) > 1):
            continue
        if key(name) not in {key(n) for n in names}:
            names.append(name)
    return names


def byline_names(text: str, outlet: str | None = None) -> list[str]:
    """The people of a byline that starts with "By"/"Von"/"Par"… (``[]`` for other text)."""
    text = " ".join(text.split())
    if not _PREFIX.match(text):
        return []
    return person_names(text, outlet)
