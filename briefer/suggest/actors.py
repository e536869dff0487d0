"""People, organisations and places: capitalised phrases, titles, gazetteers, aliases.

A capitalised phrase is an actor when a gazetteer names it, when a title stands
before it (``Maj. Gen. Pat Ryder``), when it starts with a known given name, when
its last word makes it an organisation (``National Security Council``), when it
is an acronym, or when place words surround it (``the villages of X, Y and Z``).
Later short mentions (``Zelensky``, ``ISW``) link to the full name as ``canonical``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from briefer.suggest import context, lexicon, ner_ru
from briefer.suggest.base import Occupancy
from briefer.suggest.gazetteer import canonical_of, gazetteer_at
from briefer.suggest.morph import nominative
from briefer.suggest.roles import role_after, role_before

if TYPE_CHECKING:
    from briefer.suggest.document import Document

UP = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_ABBR = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Brig|Prof|St|Jr|Sr|Rev)"
#: A middle initial ("George W. Bush") between two capitalised words, not before a sentence's first word.
_OPENER = r"(?:The|A|An|In|On|At|It|He|She|They|We|I|But|And|This|That)\b"
_INITIAL = rf"[{UP}]\.(?=[ \u00a0](?!{_OPENER})[{UP}][a-z])"
_TOKEN = rf"(?:(?:[{UP}]\.){{2,}}|{_ABBR}\.|{_INITIAL}|[{UP}](?:[\w\-]|['’](?=\w\w))*)"
_CONNECT = r"(?:of|for|the|de|da|del|der|van|von|bin|al|la|le|du)"
_CHUNK = re.compile(rf"(?<![\w'’.]){_TOKEN}(?:[ \u00a0](?:{_CONNECT}[ \u00a0])*{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN)
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zа-яёіїєґ][\w'’-]*")
_SENTENCE_END = frozenset(".!?…\n:")
_SKIP_BEFORE = frozenset(" \t\"'“”«»„‘’([–—-")
_ALWAYS_STOP = frozenset(
    "the a an in on at as but and or if when while after before since during according "
    "among both this that these those it he she they we i you our his her their its there "
    "here yet still meanwhile however also now then some many most all several other such "
    "what who why how where every each no not across over under by for from with without "
    "to of despite although though because so just only even already instead asked "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mr mrs ms dr".split()
)
# Both lists get the Ukrainian and Russian words of context.yaml too.
_NOT_ORG_ACRONYMS = frozenset(
    "I II III IV TV AI OK PM AM GMT UTC ID CEO GDP CPI VAT LNG USD EUR UAH RUB GBP MW GW KM UK US".split()
)
_PLACE_WORDS = "region|oblast|province|district|city|village|town|county|area|river|sea"
_PLACE_LIST = re.compile(
    rf"\b(?:villages?|towns?|cities|city|settlements?|regions?|region)[ ]of[ ]"
    rf"((?:{_TOKEN}(?:,[ ]| and |, and |[ ]))*{_TOKEN})"
)
_OF = re.compile(r"[ \u00a0](?:of|for)[ \u00a0](?:the[ \u00a0])?")
_FEMALE_WORDS = frozenset("mrs. ms. spokeswoman chairwoman congresswoman queen princess dame lady".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: kind, offsets, canonical name, the rule, optional role and gender."""

    kind: str
    start: int
    end: int
    text: str
    canonical: str
    rule: str
    confidence: float
    role: str | None = None
    role_start: int | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A capitalised run being classified: its token offsets, words and lower-case words."""

    tokens: list[tuple[int, int]]
    words: list[str]
    lows: list[str]

    @property
    def start(self) -> int:
        return self.tokens[0][0]

    @property
    def end(self) -> int:
        return self.tokens[-1][1]


@cache
def _speaker_nouns(lang: str) -> frozenset[str]:
    """Common nouns that speak as a group ("officials", "prosecutors"): no one's name."""
    return frozenset(str(w).lower() for w in lexicon.words(lang).get("speaker_nouns", []))


@cache
def _not_org_acronyms() -> frozenset[str]:
    return _NOT_ORG_ACRONYMS | frozenset(lexicon.context_words()["not_organisation_acronyms"])


@cache
def _place_after() -> re.Pattern[str]:
    words = "|".join([_PLACE_WORDS, *lexicon.context_words()["place_words"]])
    return re.compile(rf"[ \u00a0](?:{words})\b")


@cache
def _name_title(lang: str) -> re.Pattern[str]:
    titles = lexicon.words(lang).get("name_titles", [])
    return re.compile(rf"\b(?:{lexicon.alternation(titles)})[ \u00a0]$" if titles else r"(?!)", re.IGNORECASE)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP_BEFORE:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


class _Finder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lower_vocab = {w.lower() for w in _LOWER_WORD.findall(self.text)}
        self.titles = lexicon.titles()
        self.title_words = lexicon.title_words()
        self.demonyms = lexicon.demonyms()
        self.names = lexicon.first_names()
        self.org_words = lexicon.org_words()
        self.limit = lexicon.longest_name()
        self.mentions: list[Mention] = []
        self._surnames: set[str] = set()

    def _stoppable(self, token: str, start: int) -> bool:
        low = token.lower()
        if low in _ALWAYS_STOP:
            return True
        return _sentence_initial(self.text, start) and low in self.lower_vocab

    def run(self) -> list[Mention]:
        text = self.text
        if self.doc.lang == "ru":
            self._tagged()
        else:
            for m in _CHUNK.finditer(text):
                self._chunk(m.start(), m.end())
        for m in _PLACE_LIST.finditer(text):
            for t in _TOKEN_RE.finditer(text, m.start(1), m.end(1)):
                self._add("location", t.start(), t.end(), t.group(), "place-list", 0.7)
        for start, end, name in context.quoted_bodies(text):
            self._add("organisation", start, end, name, "quoted-name", 0.6)
        for start, end, name in context.cyrillic_organisations(text, self.doc.lang):
            self._add("organisation", start, end, text[start:end], "org-phrase", 0.7, canonical=name)
        return self._link()

    def _tagged(self) -> None:
        """Russian names from the trained tagger, canonical names from the gazetteer."""
        text = self.text
        for kind, start, end in ner_ru.entities(text):
            if kind == "person":
                self._person(start, end, "ner", 0.85)
            elif kind == "organisation":
                self._organisation(start, end, "ner", 0.65)  # an org-phrase (nominative name) wins a tie
            else:
                hit = gazetteer_at(text, start, self.limit)
                entry = hit[1] if hit and hit[0] == end else None
                canonical = canonical_of(entry, self.doc.lang) if entry else None
                self._add("location", start, end, text[start:end], "ner", 0.85, canonical=canonical)

    def _tokens(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(t.start(), t.end()) for t in _TOKEN_RE.finditer(self.text, start, end)]

    def _chunk(self, start: int, end: int) -> None:
        text = self.text
        tokens = self._tokens(start, end)
        while tokens and self._stoppable(text[tokens[0][0] : tokens[0][1]], tokens[0][0]):
            tokens.pop(0)
        if tokens and context.is_dateline(text, tokens[0][0], tokens[-1][1]):
            self._dateline(tokens[0][0], tokens[-1][1])
            return
        i = 0
        while i < len(tokens):
            t_start = tokens[i][0]
            hit = gazetteer_at(text, t_start, self.limit)
            if hit and hit[0] >= tokens[i][1] and not self._is_title_start(tokens, i):
                g_end, entry, _alias = hit
                last = text[tokens[-1][0] : tokens[-1][1]].lower()
                if entry.kind == "location" and tokens[-1][1] > g_end and last in self.org_words:
                    self._organisation(t_start, tokens[-1][1], "place-org-word", 0.7)
                    return  # Kharkiv Regional Military Administration
                self._add(
                    entry.kind,
                    t_start,
                    g_end,
                    text[t_start:g_end],
                    "gazetteer",
                    0.9,
                    canonical=canonical_of(entry, self.doc.lang),
                )
                while i < len(tokens) and tokens[i][0] < g_end:
                    i += 1
                continue
            j = i
            while j < len(tokens):
                nxt = gazetteer_at(text, tokens[j][0], self.limit) if j > i else None
                if nxt and not self._is_title_start(tokens, j):
                    break
                j += 1
            self._classify(tokens[i:j])
            i = j

    def _is_title_start(self, tokens: list[tuple[int, int]], i: int) -> bool:
        word = self.text[tokens[i][0] : tokens[i][1]].lower()
        return word in self.title_words and i + 1 < len(tokens)

    def _classify(self, tokens: list[tuple[int, int]]) -> None:
        """Decide what one capitalised run is: the first rule that recognises it wins."""
        while tokens and self.text[tokens[-1][0] : tokens[-1][1]].lower() in _ALWAYS_STOP:
            tokens = tokens[:-1]
        if not tokens:
            return
        words = [self.text[s:e] for s, e in tokens]
        phrase = _Phrase(tokens, words, [w.lower() for w in words])
        rules = (
            self._after_a_title,
            self._organisation_word,
            self._after_titles_and_demonyms,
            self._ends_in_organisation_word,
            self._named_organisation,
            self._speaks,
            self._one_word,
            self._given_name,
            self._title_before,
            self._apposition_or_place,
        )
        for rule in rules:
            if rule(phrase):
                return

    def _after_a_title(self, p: _Phrase) -> bool:
        """SciSpacE Team Leader Jennifer Ngo-Anh: a person after the last title word."""
        last = max((i for i, w in enumerate(p.lows[:-1]) if w in self.title_words), default=None)
        if (
            last is None
            or len(p.words) - last - 1 > 4
            or self.text[p.tokens[last][1] : p.tokens[last + 1][0]] != " "
            or any(w in self.org_words for w in p.lows[last + 1 :])
        ):
            return False
        self._person(p.tokens[last + 1][0], p.end, "title", 0.8)
        return True

    def _organisation_word(self, p: _Phrase) -> bool:
        """National Security Council, Ministry of Defence: an organisation word ends or leads it."""
        lows = p.lows
        cut = _OF.search(self.text, p.start, p.end)
        if cut and self._given_index(p) == 0 and 2 <= len(self.text[p.start : cut.start()].split()) <= 4:
            self._person(p.start, p.end, "given-name", 0.8)  # Penelope Muse Abernathy of the University of …
            return True
        lead = next((i for i, w in enumerate(lows) if w not in self.demonyms), len(lows) - 1)
        ends = lows[-1] in self.org_words and len(p.words) > 1
        leads = lows[lead] in self.org_words and (
            len(p.words) - lead > 2 or re.search(r" (?:of|for) ", self.text[p.tokens[lead][0] : p.end])
        )
        if not (ends or leads):
            return False
        titles = next((i for i, w in enumerate(lows) if w not in self.title_words), len(lows))
        if 0 < titles < len(lows) and _OF.match(self.text, p.tokens[titles - 1][1]):
            # "CEO of New Media Investment Group": the office is no part of the organisation's name
            self._organisation(p.tokens[titles][0], p.end, "title-of", 0.7)
            return True
        self._organisation(p.start, p.end, "org-word", 0.75)
        return True

    def _after_titles_and_demonyms(self, p: _Phrase) -> bool:
        """Titles and demonyms first ("Ukrainian President ..."): the rest is a person.

        After "of" the rest is the title's organisation; a phrase of titles and demonyms
        only is nothing.
        """
        lows = p.lows
        k = 0
        while k < len(lows):
            if lows[k] in self.title_words or lows[k] in self.demonyms:
                k += 1
            elif k + 1 < len(lows) and f"{lows[k]} {lows[k + 1]}" in self.demonyms:
                k += 2
            else:
                break
        if k == len(lows):
            return True
        if not k or len(lows) - k > 4 or lows[-1] in self.org_words:
            return False
        if _OF.match(self.text, p.tokens[k - 1][1]):  # "CEO of Take-Two": the title's organisation
            given = next((i for i in range(k + 1, len(p.words) - 1) if self._is_given(p.words[i])), None)
            # "Director of Public Prosecution Eva-Marie Persson": the office, then the person
            if given is not None and len(p.words) - given <= 3:
                self._organisation(p.tokens[k][0], p.tokens[given - 1][1], "title-of", 0.6)
                self._person(p.tokens[given][0], p.end, "title", 0.8)
            else:
                self._organisation(p.tokens[k][0], p.end, "title-of", 0.6)
        else:
            self._person(p.tokens[k][0], p.end, "title", 0.85)
        return True

    def _ends_in_organisation_word(self, p: _Phrase) -> bool:
        """A phrase whose last word is an organisation word is an organisation."""
        if p.lows[-1] not in self.org_words:
            return False
        self._organisation(p.start, p.end, "org-word", 0.75)
        return True

    def _named_organisation(self, p: _Phrase) -> bool:
        """``The group that owns her music, Big Machine, says``: in apposition to an organisation noun."""
        nouns = tuple(lexicon.words(self.doc.lang).get("organisation_nouns", ()))
        name = self.text[p.start : p.end]
        named_before = any(m.rule == "org-apposition" and m.text == name for m in self.mentions)
        if not named_before and (
            not nouns
            or self.text[p.end : p.end + 1] != ","
            or not any(m.end() == p.start for m in
                       context.apposition_to(nouns).finditer(self.text, max(0, p.start - 120), p.start))
        ):
            return False
        self._organisation(p.start, p.end, "org-apposition", 0.7)
        return True

    def _speaks(self, p: _Phrase) -> bool:
        """A short name with a speech verb beside it is a person: "Noem tweeted", "said Avi Bell"."""
        if len(p.words) > 4 or not context.speaks(self.text, p.start, p.end, self.doc.lang):
            return False
        if len(p.words) == 1 and p.lows[0] in _speaker_nouns(self.doc.lang):
            return True  # "Prosecutors said" opening a sentence: a group, no name
        self._person(p.start, p.end, "speech-verb", 0.7)
        return True

    def _one_word(self, p: _Phrase) -> bool:
        """One word: an acronym, a place, an organisation, a given name, or a place by its preposition."""
        if len(p.words) != 1:
            return False
        text, start, end, word = self.text, p.start, p.end, p.words[0]
        letters = word.replace(".", "")
        acronym = letters.isupper() and 2 <= len(letters) <= 6 and letters not in _not_org_acronyms()
        if acronym and word.isalpha():
            self._add("organisation", start, end, word, "acronym", 0.6)
        elif _place_after().match(text, end):
            self._add("location", start, end, word, "place-word", 0.7)
        elif p.lows[0] in self.org_words and not _sentence_initial(text, start):
            self._add("organisation", start, end, word, "org-word", 0.6)
        elif p.lows[0] in self.names and not _sentence_initial(text, start):
            self._person(start, end, "given-name", 0.6)  # "local resident Elena"
        else:
            self._by_preposition(start, end, p.words)
        return True

    def _is_given(self, word: str) -> bool:
        """Whether a word is a known given name (``Eva-Marie`` by its first part)."""
        return lexicon.stem(word.split("-")[0]) in self.names

    def _given_index(self, p: _Phrase) -> int | None:
        return next((i for i, w in enumerate(p.words[:3]) if lexicon.stem(w) in self.names), None)

    def _given_name(self, p: _Phrase) -> bool:
        """A known given name among the first three words starts a person."""
        words = p.words
        given = self._given_index(p)
        if (
            given is None
            or len(words) - given > 4
            or words[-1].isupper()
            or not (given + 1 < len(words) or given == 0)
        ):
            return False
        if given + 1 < len(words) or not _sentence_initial(self.text, p.start):
            self._person(p.tokens[given][0], p.end, "given-name", 0.8)
        return True

    def _title_before(self, p: _Phrase) -> bool:
        """A short name right after a lower-case title word ("said spokesman ...") is a person."""
        before = self.text[max(0, p.start - 40) : p.start].split()
        if not before or before[-1].lower() not in self.title_words or len(p.words) > 4:
            return False
        self._person(p.start, p.end, "title", 0.75)
        return True

    def _apposition_or_place(self, p: _Phrase) -> bool:
        """A short name before a role is a person; one with no given name may be a place."""
        if len(p.words) <= 3 and role_after(self.text, p.end) is not None:
            self._person(p.start, p.end, "apposition", 0.65)
        elif len(p.words) <= 3 and self._given_index(p) is None:
            self._by_preposition(p.start, p.end, p.words)
        return True

    def _full_name(self, surname: str) -> Mention | None:
        """The first capitalised run of the text that ends in ``surname`` and names a person.

        Titles and sentence-initial words are left out; initials and Jr. are kept.
        """
        pattern = re.compile(
            rf"(?<![\w'’.])((?:(?:{_TOKEN}|[{UP}]\.)[ \u00a0]){{1,3}}){re.escape(surname)}\b"
            rf"(?:,?[ \u00a0](?:Jr|Sr)\.|[ \u00a0](?:II|III|IV)\b)?"
        )
        for match in pattern.finditer(self.text):
            start, end = match.start(), match.end()
            words = self.text[start:end].split()
            while len(words) > 1 and (
                words[0].lower() in self.title_words or words[0].lower() in _ALWAYS_STOP
                or words[0].lower() in self.demonyms or self._stoppable(words[0], start)
            ):
                start = self.text.index(words[1], start + len(words[0]))
                words = words[1:]
            if len(words) < 2 or any(w.lower() in self.org_words for w in words) or words[0].endswith("."):
                continue
            return Mention("person", start, end, self.text[start:end], self.text[start:end], "full-name", 0.7)
        return None

    def _dateline(self, start: int, end: int) -> None:
        """A place in capitals opening a paragraph: ``IZMAIL, Ukraine —``."""
        name = " ".join(w.capitalize() for w in self.text[start:end].split())
        entry = lexicon.gazetteer().get(lexicon.key(name))
        if entry is None or entry.kind == "location":
            canonical = canonical_of(entry) if entry else name
            self._add("location", start, end, self.text[start:end], "dateline", 0.8, canonical=canonical)

    def _by_preposition(self, start: int, end: int, words: list[str]) -> None:
        """An unknown capitalised name after a place preposition (``near Pokrovsk``) is a place."""
        surnames = self._surnames
        if (
            not context.after_place_preposition(self.text, start)
            or any(w.lower() in self.org_words or w.isupper() for w in words)
            or re.match(r"-[a-z]", self.text[end : end + 2])  # United States-led
            or lexicon.stem(words[-1]) in surnames
        ):
            return
        if self.doc.lang == "en":
            if not re.search("[а-яёіїєґ]", words[0], re.IGNORECASE):
                self._add("location", start, end, self.text[start:end], "place-preposition", 0.5)
            return
        canonical = context.cyrillic_place(words, self.doc.lang)
        if canonical:
            self._add(
                "location", start, end, self.text[start:end], "place-preposition", 0.5, canonical=canonical
            )

    def _organisation(self, start: int, end: int, rule: str, confidence: float) -> None:
        """An organisation from its name words, with an ordinal before it (``24th … Brigade``).

        ``Finland's Foreign Ministry`` is named the Finnish Foreign Ministry.
        """
        start = context.ordinal_start(self.text, start)
        name = self.text[start:end]
        demonym = context.possessive_demonym(self.text, start)
        canonical = f"{demonym} {name}" if demonym and name.split()[0].lower() not in self.demonyms else name
        self._add("organisation", start, end, name, rule, confidence, canonical=canonical)

    def _person(self, start: int, end: int, rule: str, confidence: float) -> None:
        if any(ch.isdigit() for ch in self.text[start:end]):
            return  # an identifier (PFM-1), not a name
        words = self.text[start:end].split()
        given = next((i for i, w in enumerate(words[1:-1], 1) if self._is_given(w)), None)
        if given is not None and not any(lexicon.stem(w) in self.names for w in words[:given]):
            start = self.text.index(words[given], start)  # NASA Administrator Jim Bridenstine
        cut = _OF.search(self.text, start, end)
        if cut is not None:  # Robin Biesbroek of the CDF: the person, then what he belongs to
            rest = self._tokens(cut.end(), end)
            end = cut.start()
            self._classify(rest)
        if any(w.lower() in self.org_words for w in self.text[start:end].split()[1:]):
            self._organisation(start, end, rule, confidence - 0.1)  # Max Planck Institute
            return
        role, role_start = role_before(self.text, start, self.title_words, self.demonyms)
        if role is None:
            after = role_after(self.text, end)
            if after is not None:
                role = after
        first = self.text[start:end].split()[0]
        gender = self.names.get(first.lower()) or self.names.get(lexicon.stem(first))
        if gender is None and role_start is not None:
            role_words = self.text[role_start:start].lower().split()
            if any(w in _FEMALE_WORDS for w in role_words):
                gender = "f"
        self._add(
            "person",
            start,
            end,
            self.text[start:end],
            rule,
            confidence,
            canonical=self._canonical_person(start, end),
            role=role,
            role_start=role_start,
            gender=gender,
        )

    def _canonical_person(self, start: int, end: int) -> str:
        """A person's canonical name: a lone given name keeps a title that belongs to it (Prince Andrew)."""
        name = self.text[start:end]
        if " " in name:
            return name
        m = _name_title(self.doc.lang).search(self.text, max(0, start - 12), start)
        return f"{m.group().strip().capitalize()} {name}" if m else name

    def _add(
        self,
        kind: str,
        start: int,
        end: int,
        text: str,
        rule: str,
        confidence: float,
        canonical: str | None = None,
        role: str | None = None,
        role_start: int | None = None,
        gender: str | None = None,
    ) -> None:
        self.mentions.append(
            Mention(kind, start, end, text, canonical or text, rule, confidence, role, role_start, gender)
        )
        if kind == "person":
            self._surnames.add(lexicon.stem(text.split()[-1]))

    def _link(self) -> list[Mention]:
        """Link short mentions to full names; find later surname-only mentions."""
        people, aliases = self._people_and_aliases()
        self._add_full_names(aliases)
        covered = Occupancy(len(self.text))
        for m in self.mentions:
            covered.take(m.start, m.end)
        linked = [self._linked(m, people, aliases) for m in self.mentions]
        linked += self._alias_mentions(aliases, covered)
        linked += self._repeated_organisations(covered)
        linked = _link_organisations(_with_place_tail(linked, self.text))
        lang = self.doc.lang
        if lang in ("uk", "ru"):
            linked = [
                replace(m, canonical=nominative(m.canonical, lang)) if m.kind == "person" else m
                for m in linked
            ]
        return _dedupe(_first_role_for_all(linked), len(self.text))

    def _people_and_aliases(self) -> tuple[dict[str, Mention], dict[str, Mention]]:
        """Full names by key, and the surname (or unambiguous given name) each answers to."""
        people: dict[str, Mention] = {}
        aliases: dict[str, Mention] = {}
        given: dict[str, list[Mention]] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            words = m.text.split()
            full_key = lexicon.key(m.text)
            if m.kind != "person" or len(words) < 2 or full_key in people:
                continue
            people[full_key] = m
            aliases.setdefault(lexicon.stem(words[-1]), m)
            if lexicon.stem(words[0]) not in self.names:
                aliases.setdefault(lexicon.stem(words[0]), m)
            else:
                given.setdefault(lexicon.stem(words[0]), []).append(m)
        for name, owners in given.items():
            if len({o.canonical for o in owners}) == 1:
                aliases.setdefault(name, owners[0])
        return people, aliases

    def _add_full_names(self, aliases: dict[str, Mention]) -> None:
        """A lone surname with no alias yet gets the full name found elsewhere in the text."""
        tried: set[str] = set()  # each surname is looked for once: the search reads the whole text
        for m in list(self.mentions):
            if m.kind == "person" and " " not in m.text and lexicon.stem(m.text) not in aliases \
                    and m.text not in tried:
                tried.add(m.text)
                full = self._full_name(m.text)
                if full is not None:  # "Lopes said" after "planetary scientist Rosaly Lopes"
                    self.mentions.append(full)
                    aliases[lexicon.stem(m.text)] = full

    @staticmethod
    def _linked(m: Mention, people: dict[str, Mention], aliases: dict[str, Mention]) -> Mention:
        """A person mention with the canonical name, role and gender of the full name it is."""
        if m.kind != "person":
            return m
        words = m.text.split()
        owner = people.get(lexicon.key(m.text)) if len(words) >= 2 else aliases.get(lexicon.stem(m.text))
        if owner is None:
            return m
        # a surname alone takes the full name's gender: "Omar" after "Ilhan Omar" is no given name
        gender = m.gender or owner.gender if len(words) >= 2 else owner.gender or m.gender
        return replace(m, canonical=owner.canonical, role=m.role or owner.role, gender=gender)

    def _repeated_organisations(self, covered: Occupancy) -> list[Mention]:
        """A name found an organisation by its apposition is one wherever else it stands free."""
        found = []
        for name in {m.text for m in self.mentions if m.rule == "org-apposition"}:
            for t in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text):
                if covered.free(t.start(), t.end()):
                    covered.take(t.start(), t.end())
                    found.append(Mention("organisation", t.start(), t.end(), name, name, "org-repeat", 0.65))
        return found

    def _alias_mentions(self, aliases: dict[str, Mention], covered: Occupancy) -> list[Mention]:
        """Surname-only mentions the rules missed, wherever an alias stands free."""
        found = []
        for t in _TOKEN_RE.finditer(self.text):
            owner = aliases.get(lexicon.stem(t.group()))
            if owner is None or not covered.free(t.start(), t.end()):
                continue
            found.append(
                Mention("person", t.start(), t.end(), t.group(), owner.canonical, "alias", 0.7, owner.role,
                        None, owner.gender)
            )
        return found


def _first_role_for_all(mentions: list[Mention]) -> list[Mention]:
    """Every mention of a person carries the first role any of them has (or none)."""
    roles: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and m.role and m.canonical not in roles:
            roles[m.canonical] = m.role
    return [replace(m, role=roles.get(m.canonical)) if m.kind == "person" else m for m in mentions]


def _with_place_tail(mentions: list[Mention], text: str) -> list[Mention]:
    """A Cyrillic organisation is named with the country after it in the genitive.

    ``Министерство обороны России``: the place stays a place too.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    out = []
    for i, m in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if (
            m.kind == "organisation"
            and nxt is not None
            and nxt.kind == "location"
            and text[m.end : nxt.start] == " "
            and re.match("[А-ЯЁІЇЄҐ]", nxt.text)
            and nxt.text != nxt.canonical
        ):
            m = replace(m, canonical=f"{m.canonical} {nxt.text}")
        out.append(m)
    return out


def _link_organisations(mentions: list[Mention]) -> list[Mention]:
    """A one-word organisation (``the Commission``) links to an earlier one it ends."""
    heads: dict[str, str] = {}
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind == "organisation":
            words = m.text.split()
            if len(words) == 1 and lexicon.stem(m.text) in heads:
                m = replace(m, canonical=heads[lexicon.stem(m.text)])
            elif len(words) > 1:
                heads.setdefault(lexicon.stem(words[-1]), m.canonical)
        out.append(m)
    return out


def _dedupe(mentions: list[Mention], length: int) -> list[Mention]:
    """One mention per span: the longest, most confident one wins an overlap."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), -m.confidence, m.start))
    taken = Occupancy(length)
    kept = []
    for m in ranked:
        if taken.free(m.start, m.end):
            taken.take(m.start, m.end)
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_actors(doc: Document) -> list[Mention]:
    """Every actor mention of the document, in text order."""
    return _Finder(doc).run()
