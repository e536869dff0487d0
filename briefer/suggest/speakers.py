"""Who said a quotation: attribution patterns, pronouns, groups, continuation.

In order: an attribution after the quote (``," said X`` / ``," X told reporters``
/ ``», – сказав X``), one before it in the same sentence (``X said: "`` / ``X …,
stating, "`` / ``according to X``), then the speaker of the previous quote when
the quote continues a paragraph or opens the next one. Pronouns resolve to the
nearest fitting named person before them; ``the ministry`` to the organisation
it names; other groups (``officials``) stay as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefer.suggest import context, lexicon

if TYPE_CHECKING:
    from briefer.suggest.actors import Mention
    from briefer.suggest.document import Document
    from briefer.text.quotes import Quote

_ORG_NOUNS = frozenset(
    "ministry government agency bank fund council commission alliance office "
    "service administration regulator utility operator company group department "
    "court embassy kremlin pentagon parliament committee firm organization organisation "
    "coalition association union club team label network newspaper university institute".split()
)
# "the company said": the organisation last named, whatever its name's words
_ANY_ORG_NOUNS = frozenset(
    "company operator utility firm group agency organization organisation coalition association "
    "club team label network newspaper".split()
)
# "the statement said", "a report from X": who issued it speaks
_DOCUMENT_NOUNS = frozenset("statement report letter release tweet post filing memo notice".split())
_ISSUED_BY = re.compile(r"[ \u00a0]+(?:from|by|of)[ \u00a0]+(?:the[ \u00a0]+)?", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w'’&-]*(?:[ \u00a0]+(?:(?:of|for|and)[ \u00a0]+)?[A-Z][\w'’&-]*){0,5}")
_GAP = re.compile(r"[\s,–—\-\"'”»’]*(?:the[ \u00a0])?", re.IGNORECASE)
# "…," Oklahoma City coach Billy Donovan said / "…," the 14th-ranked Schwartzman said: words
# before the subject, with no clause break between the closing mark and the reporting verb
_MODIFIED = re.compile(r"[\s,–—\-\"'”»’]*(?:[\w'’.-]+[ \u00a0]){1,5}")
_ENDS_SENTENCE = re.compile(r"[\s.!?…]*")
_APPOSITIVE = re.compile(r"\s*,[^,]{1,80},\s*$")
_LEAD_APPOSITION = re.compile(
    r"[\s,–—\-\"'”»’]*(?:the|a|an|its|his|her|their)[ \u00a0][^,.;\"“”]{1,60},[ \u00a0]*", re.IGNORECASE
)
# "…," one user quipped / "…," a senior official told reporters: a speaker described, not named
_DESCRIBED = re.compile(
    r"[\s,–—\-\"'”»’]*((?:one|a|an|another|the|some|many|several|two|three|four)[ \u00a0]"
    r"(?:[\w'’-]+[ \u00a0]){0,3}?[a-z][\w'’-]*)[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?",
    re.IGNORECASE,
)
# "Ana Ruiz, a friend of Tom Bell, the mayor, has told": one to three appositions, then the verb
_APPOSITIONS = re.compile(
    r"[ \u00a0]*(?:,[^,;:!?\"“”\n]{1,80}){1,3},[ \u00a0]*(?:(?:has|have|had|also|[a-z]+ly)[ \u00a0]+)*$"
)
_ATTACHED = re.compile(r"[ \u00a0]+(?:of|for|at|from)[ \u00a0]+(?:the[ \u00a0]+)?", re.IGNORECASE)
# parts of one name: "United Nations High Commissioner for Human Rights" ("of" joins a person's affiliation)
_JOIN = re.compile(r"[ \u00a0](?:for[ \u00a0])?")
_JOIN_AFTER = re.compile(r"[ \u00a0]for[ \u00a0]")
_INDEFINITE = frozenset("a an one another some several many two three four".split())
_PRONOUN_REACH = 6  # sentences back where a pronoun's person may be named
_AFTER_REACH = 160  # characters after a closing mark where the reporting verb may be (long appositions)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A quote's speaker: canonical name, role, the rule that found it, a confidence."""

    name: str
    role: str | None
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str  # person, organisation, pronoun, group
    name: str
    role: str | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class _Patterns:
    verb: re.Pattern[str]
    after_verb: re.Pattern[str]
    participle: re.Pattern[str]
    according: re.Pattern[str]
    pronoun: re.Pattern[str]
    group: re.Pattern[str]
    genders: dict[str, str]
    person_nouns: dict[str, str]
    pronoun_phrase: re.Pattern[str]
    phrase_genders: dict[str, str]
    preposition_before: re.Pattern[str]
    noun_before: re.Pattern[str]
    not_in_groups: frozenset[str]
    subject_pronouns: tuple[str, ...]
    complementiser: re.Pattern[str]
    determiners: frozenset[str]


@cache
def _patterns(lang: str) -> _Patterns:
    w = lexicon.words(lang)
    determiners = lexicon.alternation(w.get("determiners", []))
    adjectives = r"(?:[\w'’-]+[ \u00a0]){0,3}?"
    det = rf"(?:(?:{determiners})[ \u00a0])?" if determiners else ""
    one_of = rf"(?:(?:{lexicon.alternation(w['one_of'])})[ \u00a0])?"
    return _Patterns(
        verb=re.compile(rf"\b(?:{lexicon.alternation(w['speech_verbs'])})\b", re.IGNORECASE),
        after_verb=re.compile(
            rf"\b(?:(?:was |were )?quoted as saying|"
            rf"{lexicon.alternation(w['speech_verbs'] + w['speech_participles'])})\b",
            re.IGNORECASE,
        ),
        participle=re.compile(rf"\b(?:{lexicon.alternation(w['speech_participles'])})\b", re.IGNORECASE),
        according=re.compile(rf"\b(?:{lexicon.alternation(w['speech_phrases'])})\b", re.IGNORECASE),
        pronoun=re.compile(rf"\b{one_of}(?:{lexicon.alternation(w['pronouns'])})\b", re.IGNORECASE),
        group=re.compile(
            rf"\b{det}{adjectives}(?:{lexicon.alternation(w['speaker_nouns'] + list(w['person_nouns']))})\b",
            re.IGNORECASE,
        ),
        genders={str(k): str(v) for k, v in w["pronouns"].items()},
        person_nouns={str(k): str(v) for k, v in w["person_nouns"].items()},
        pronoun_phrase=re.compile(rf"\b(?:{lexicon.alternation(w['pronoun_phrases'])})\b", re.IGNORECASE),
        phrase_genders={str(k).lower(): str(v) for k, v in w["pronoun_phrases"].items()},
        preposition_before=re.compile(
            rf"(?i:\b(?:{lexicon.alternation(w['prepositions'])})[ \u00a0]+{det})"
            rf"(?:[a-z][\w'’-]*[ \u00a0]+){{0,2}}$"
            if w.get("prepositions")
            else r"(?!)"
        ),
        complementiser=re.compile(
            rf"\b(?:{lexicon.alternation(w['complementisers'])})\b" if w.get("complementisers") else r"(?!)",
            re.IGNORECASE,
        ),
        subject_pronouns=tuple(str(x).lower() for x in w.get("subject_pronouns", [])),
        determiners=frozenset(str(x).lower() for x in w.get("determiners", [])),
        not_in_groups=frozenset(
            str(x).lower() for x in [*w.get("prepositions", []), *w.get("particles", [])]
        ),
        noun_before=re.compile(
            rf"(?i:\b(?:{lexicon.alternation(w['noun_determiners'])})"
            rf"(?:[ \u00a0]+(?:{lexicon.alternation(w['noun_quantifiers'])}))?)[ \u00a0]+$"
            if w.get("noun_determiners") and w.get("noun_quantifiers")
            else r"(?!)"
        ),
    )


@cache
def _subject_pronoun(lang: str, gender: str) -> re.Pattern[str] | None:
    """The subject pronouns of ``gender`` (``he`` for m), or None when the language lists none."""
    p = _patterns(lang)
    same = [w for w in p.subject_pronouns if p.genders[w] == gender]
    return re.compile(rf"\b(?:{'|'.join(same)})\b", re.IGNORECASE) if same else None


class Attributor:
    """Finds the speakers of a document's quotes from its actor mentions."""

    def __init__(self, doc: Document, mentions: list[Mention]) -> None:
        self.doc = doc
        self.p = _patterns(doc.lang)
        self.actors = [
            m for m in mentions if m.kind in ("person", "organisation") and not doc.inside_quote(m.start)
        ]
        self.people = [m for m in self.actors if m.kind == "person"]
        self._named = sorted((m for m in mentions if not doc.inside_quote(m.start)), key=lambda m: m.start)
        self._people_starts = [m.start for m in self.people]

    def _candidates(self, start: int, end: int) -> list[_Candidate]:
        """Speaker candidates in ``masked[start:end]``: actors, pronouns, groups."""
        text = self.doc.masked
        found = [
            _Candidate(
                m.role_start if m.role_start is not None and m.role_start >= start else m.start,
                m.end,
                m.kind,
                m.canonical,
                m.role,
                m.gender,
            )
            for m in self.actors
            if start <= m.start and m.end <= end
        ]
        taken = [(c.start, c.end) for c in found]
        for m in self.p.pronoun.finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                word = m.group().split()[-1].lower()
                found.append(_Candidate(m.start(), m.end(), "pronoun", word, gender=self.p.genders.get(word)))
        for m in self.p.group.finditer(text, start, end):
            words = m.group().lower().split()
            if any(w in self.p.genders for w in words):
                continue  # "He begged lawmakers": a clause, not a speaker
            g_start = self._group_start(m)
            found = _without_modifiers(found, g_start, m.end())
            actors = (c for c in found if c.kind in ("person", "organisation"))
            if not any(c.start < m.end() and g_start < c.end for c in actors):
                found.append(_Candidate(g_start, m.end(), "group", text[g_start : m.end()]))
        return sorted(found, key=lambda c: (c.start, -(c.end - c.start)))

    def attribute(self, quotes: list[Quote]) -> list[Speaker | None]:
        """The speaker of each quote (None when no rule finds one)."""
        results: list[Speaker | None] = []
        for index, q in enumerate(quotes):
            speaker = self._local(q, quotes[index - 1] if index else None)
            if speaker is None and index:
                speaker = self._continued(q, quotes[index - 1], results[-1])
            if speaker is None:
                speaker = self._introduced(q)
            if speaker is None:
                speaker = self._reported_before(q)
            results.append(speaker)
        return results

    def _local(self, q: Quote, previous: Quote | None) -> Speaker | None:
        doc = self.doc
        s_start, _ = doc.sentence_at(q.open)
        if previous is not None and previous.close >= s_start:
            s_start = previous.close + 1
        _, s_end = doc.sentence_at(q.close)
        if s_end <= q.close + 1 and q.close + 2 < len(doc.text) and doc.text[q.end - 1 : q.end] in "?!":
            verb = self.p.after_verb.search(doc.masked, q.close + 1, q.close + 40)
            if verb and not re.search(r"[.!?;:\n]", doc.masked[q.close + 1 : verb.start()]):
                _, s_end = doc.sentence_at(q.close + 2)  # “Who approved it?” Delgado asked.
        after = self._after(q.close + 1, s_end)
        if after is not None:
            return after
        return self._before(s_start, q.open, short=len(doc.text[q.start : q.end].split()) <= 3)

    def _after(self, start: int, end: int) -> Speaker | None:
        text = self.doc.masked
        end = min(end, len(text))
        if start >= end or "·" in text[start : min(end, start + 3)]:
            return None
        reach = min(end, start + _AFTER_REACH)
        cut = text.find("·", start, end)
        while cut >= 0 and (named := self._name_in_quotes(cut)) is not None:
            cut = text.find("·", named.close + 1, end)  # сказал «Новой газете» аналитик X
        if cut >= 0:
            end = cut
        according = self.p.according.search(text, start, reach)
        if according:
            spoken = self._first(self._candidates(according.end(), end))
            found = self._speaker(spoken, "according-to", 0.8) if spoken else None
            if found:  # "…," he told them, according to a statement: no issuer named, the verb's subject
                return found
        verb = self.p.after_verb.search(text, start, reach)
        if verb is None:
            return None
        before = self._candidates(start, verb.start())
        if before and _GAP.fullmatch(text, start, before[0].start):
            appositive = before[0].kind == "person" and text[before[0].end : before[0].end + 1] == ","
            # "…," Will Moy, chief executive of Full Fact, told: the name before its apposition
            subject = before[0] if appositive else self._best(before)
            return self._speaker(subject, "quote-then-speaker-verb", 0.9)
        last = before[-1] if before and before[-1].kind == "person" else None
        right_before_verb = last is not None and not text[last.end : verb.start()].strip()
        if last and right_before_verb and _MODIFIED.fullmatch(text, start, last.start):
            return self._speaker(last, "quote-then-modified-speaker-verb", 0.85)
        described_first = _LEAD_APPOSITION.match(text, start, verb.start())
        after_apposition = [
            c for c in before if c.kind == "person" and described_first and c.start == described_first.end()
        ]
        if after_apposition:  # "…," the firm's chief executive, Valdis Kalnins, told reporters
            return self._speaker(after_apposition[0], "quote-then-apposition-speaker-verb", 0.85)
        described = _DESCRIBED.fullmatch(text, start, verb.start())
        if described and not before:
            group = _Candidate(described.start(1), described.end(1), "group", described.group(1))
            return self._speaker(group, "quote-then-description-verb", 0.75)
        if _GAP.fullmatch(text, start, verb.start()):
            stop = _clause_end(text, verb.end(), end)
            spoken = self._first(self._candidates(verb.end(), stop))
            if spoken:
                return self._speaker(spoken, "quote-then-verb-speaker", 0.9)
        return self._sentence_tail(before, verb, end)

    def _sentence_tail(self, before: list[_Candidate], verb: re.Match[str], end: int) -> Speaker | None:
        """``… "take histories" of the patients, Dempsey said.``: the attribution closing the sentence."""
        text = self.doc.masked
        subject = before[-1] if before and before[-1].kind in ("person", "organisation") else None
        if subject is None or text[subject.end : verb.start()].strip():
            return None
        if not _ENDS_SENTENCE.fullmatch(text, verb.end(), end):
            return None
        if not re.search(r",[ \u00a0]*$", text[max(0, subject.start - 3) : subject.start]):
            return None
        return self._speaker(subject, "sentence-end-attribution", 0.8)

    def _name_in_quotes(self, pos: int) -> Quote | None:
        """The quote holding ``pos`` when it is a name in quotation marks, not speech."""
        for q in self.doc.quotes:
            if q.open <= pos <= q.close:
                return q if is_quoted_name(self.doc.text[q.start : q.end]) else None
        return None

    def _before(self, start: int, end: int, short: bool) -> Speaker | None:
        text = self.doc.masked
        phrases = list(self.p.according.finditer(text, start, end))
        according = phrases[-1] if phrases else None
        verbs = [m for m in self.p.verb.finditer(text, start, end) if not self._noun_use(m.start())]
        participles = list(self.p.participle.finditer(text, start, end))
        if according and (not verbs or verbs[-1].start() < according.start()):
            spoken = self._first(self._candidates(according.end(), _clause_end(text, according.end(), end)))
            found = self._speaker(spoken, "according-to", 0.85) if spoken else None
            if found:
                return found
        said = [m for m in self.p.pronoun_phrase.finditer(text, start, end)]
        if said and (not verbs or verbs[-1].start() < said[-1].start()):
            gender = self.p.phrase_genders.get(" ".join(said[-1].group().lower().split()))
            pronoun = _Candidate(said[-1].start(), said[-1].end(), "pronoun", said[-1].group(), gender=gender)
            return self._resolve(pronoun, "pronoun-phrase", 0.8)
        if short and not verbs:
            return None
        if participles and (not verbs or participles[-1].start() > verbs[-1].start()):
            subject = self._first(self._candidates(start, participles[-1].start()))
            if subject:
                return self._speaker(subject, "speaker-participle-quote", 0.8)
        if verbs:
            verb = verbs[-1]
            ahead = self._candidates(start, verb.start())
            if ahead:
                return self._speaker(self._nearest(ahead, verb.start()), "speaker-verb-quote", 0.85)
            spoken = self._first(self._candidates(verb.end(), _clause_end(text, verb.end(), end)))
            # "warned that the government 'will not …'": the reported clause's subject is not the speaker
            if spoken and not self.p.complementiser.search(text, verb.end(), spoken.start):
                return self._speaker(spoken, "verb-speaker-quote", 0.8)
        return None

    def _continued(self, q: Quote, previous: Quote, speaker: Speaker | None) -> Speaker | None:
        """A quote with no attribution continues the previous speaker's words."""
        if speaker is None:
            return None
        doc = self.doc
        p_start, _ = doc.paragraph_at(q.open)
        prev_para = doc.paragraph_at(previous.close)[0]
        if prev_para == p_start:
            return Speaker(speaker.name, speaker.role, "same-paragraph", 0.75)
        gap = doc.text.count("\n", previous.close, q.open)
        opens_paragraph = doc.text[p_start : q.open].strip(" –—-") == ""
        if opens_paragraph and gap <= 3:
            return Speaker(speaker.name, speaker.role, "next-paragraph", 0.6)
        return None

    def _introduced(self, q: Quote) -> Speaker | None:
        """A quote opening its sentence after one about someone (``…, he did not hesitate. "…``)."""
        doc = self.doc
        s_start, _ = doc.sentence_at(q.open)
        p_start, _ = doc.paragraph_at(q.open)
        if s_start != q.open or s_start <= p_start:
            return None
        prev_start, _ = doc.sentence_at(s_start - 1)
        subject = self._first(self._candidates(max(prev_start, p_start), s_start))
        return self._speaker(subject, "previous-sentence", 0.55) if subject else None

    def _reported_before(self, q: Quote) -> Speaker | None:
        """A paragraph that opens with a quote, after one reporting someone's words (``X said it was …``).

        The subject of the previous paragraph's last reporting verb speaks on, when that
        paragraph quotes nobody itself.
        """
        doc = self.doc
        p_start, _ = doc.paragraph_at(q.open)
        if doc.text[p_start : q.open].strip(" –—-") or p_start == 0:
            return None
        prev_start, prev_end = doc.paragraph_at(p_start - 1)  # paragraphs are the non-blank lines
        if any(prev_start <= other.open < prev_end for other in doc.quotes):
            return None
        for m in reversed([v for v in self.p.verb.finditer(doc.masked, prev_start, prev_end)
                           if not self._noun_use(v.start())]):
            verb = m.start()
            ahead = self._candidates(doc.sentence_at(verb)[0], verb)
            named = [c for c in ahead if c.kind in ("person", "organisation")]
            if named:
                return self._speaker(self._nearest(named, verb), "previous-paragraph", 0.5)
        return None

    @staticmethod
    def _first(candidates: list[_Candidate]) -> _Candidate | None:
        people = [c for c in candidates if c.kind == "person"]
        if people and candidates[0].kind != "pronoun":
            return people[0]
        return candidates[0] if candidates else None

    @staticmethod
    def _best(candidates: list[_Candidate]) -> _Candidate:
        people = [c for c in candidates if c.kind == "person"]
        return people[-1] if people else candidates[0]

    def _nearest(self, candidates: list[_Candidate], verb: int) -> _Candidate:
        """The subject of a verb: the candidate ending last, or a person before an apposition."""
        last = max(candidates, key=lambda c: (c.end, c.start))  # a role may start a person early
        text = self.doc.masked
        if self._object_of_preposition(last.start) and not any(  # "a spokesman for X": X speaks
            _ATTACHED.fullmatch(text, c.end, last.start) for c in candidates
        ):  # "the authors of a study in the journal Nature said": the subject, not the study's journal
            subjects = [c for c in candidates if not self._object_of_preposition(c.start)]
            if subjects:
                candidates = subjects
                last = max(subjects, key=lambda c: (c.end, c.start))
        for c in candidates:  # "Ana Ruiz, a friend of Tom Bell, said": the name the appositions follow
            if c.end >= last.start:
                break
            if (
                c.kind == "person"
                and not self._object_of_preposition(c.start)
                and _APPOSITIONS.match(text, c.end, verb)
                and not self.p.verb.search(text, c.end, verb)
            ):
                return c
        if last.kind != "person":
            for c in reversed(candidates):
                if c.kind == "person" and _APPOSITIVE.match(text, c.end, verb):
                    return c
            for c in candidates:  # "Ian Hamilton, a lecturer at …, who …, told Newsweek:"
                apposition = text[c.end : c.end + 1] == "," and not self.p.verb.search(text, c.end, verb)
                if c.kind == "person" and apposition:
                    return c
        people = [c for c in candidates if c.kind == "person" and c.end >= last.start - 40]
        return people[-1] if people and last.kind == "group" else last

    def _group_start(self, m: re.Match[str]) -> int:
        """Where a group phrase starts: at an article inside it, never at a particle.

        Not ``for Beijing residents`` or ``out another statement`` but ``Beijing
        residents``, ``another statement``.
        """
        words = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(words) - 1 and words[i].group().lower() in self.p.not_in_groups:
            i += 1
        for j in range(len(words) - 2, i, -1):
            word, before = words[j].group().lower(), words[j - 1].group().lower()
            if word in self.p.determiners and before not in self.p.determiners:  # "said one expert"
                i = j
                break
        return m.start() + words[i].start()

    def _noun_use(self, pos: int) -> bool:
        """Whether the reporting verb at ``pos`` is a noun here (``in all states``, ``the reports``)."""
        return bool(self.p.noun_before.search(self.doc.masked, max(0, pos - 30), pos))

    def _in_title(self, c: _Candidate) -> bool:
        """Whether ``c`` is named inside a person's title, before the name."""
        return any(
            p.role_start is not None and p.role_start <= c.start and c.end <= p.start for p in self.people
        )

    def _object_of_preposition(self, pos: int) -> bool:
        """Whether the name at ``pos`` follows a preposition in its clause (``with Ana Ruiz``).

        Such a name is no subject: ``in the journal Nature``, ``at Stratfor``.
        """
        return bool(self.p.preposition_before.search(self.doc.masked, max(0, pos - 60), pos))

    def _speaker(self, c: _Candidate, rule: str, confidence: float) -> Speaker | None:
        if c.kind == "pronoun":
            return self._resolve(c, rule, confidence)
        if c.kind == "group":
            return self._group(c, rule, confidence)
        return Speaker(self._whole_name(c) or c.name, c.role, rule, confidence)

    def _whole_name(self, c: _Candidate) -> str | None:
        """The whole name of an organisation found in parts, or None.

        ``United Nations`` ``High Commissioner`` for ``Human Rights``: adjacent names joined
        by ``for`` or a space (a space only before the part found), one of them an
        organisation and none a person of known gender.
        """
        named = self._named
        at = next((i for i, m in enumerate(named) if m.end == c.end), None)
        if at is None or (c.kind == "person" and c.gender is not None):
            return None
        text = self.doc.masked
        first = last = at
        while first > 0 and named[first - 1].gender is None and _JOIN.fullmatch(
            text, named[first - 1].end, named[first].start
        ):
            first -= 1
        while last + 1 < len(named) and named[last + 1].gender is None and _JOIN_AFTER.fullmatch(
            text, named[last].end, named[last + 1].start
        ):
            last += 1
        parts = named[first : last + 1]
        if len(parts) < 2 or not any(m.kind == "organisation" for m in parts):
            return None
        return self.doc.text[parts[0].start : parts[-1].end]

    def _resolve(self, c: _Candidate, rule: str, confidence: float) -> Speaker | None:
        """A pronoun's nearest fitting named person (or group, for they/it) before it."""
        if c.gender == "g":  # "they said": the first organisation or group of the nearest sentence
            end, (start, _) = c.start, self.doc.sentence_at(c.start)
            for _ in range(_PRONOUN_REACH):
                groups = [  # not the office in a person's title ("Director of Public Prosecution Ana Ruiz")
                    g for g in self._candidates(start, end)
                    if g.kind in ("group", "organisation") and not self._in_title(g)
                ]
                if groups:  # its own sentence: the nearest before it; an earlier one: its subject
                    group = groups[-1] if end == c.start else groups[0]
                    return self._speaker(group, f"{rule}+pronoun", confidence - 0.15)
                if start == 0:
                    break
                end, (start, _) = start, self.doc.sentence_at(start - 1)
            return None
        person = self._subject_person(c.start, c.gender)
        if person is None:
            return None
        return Speaker(person.canonical, person.role, f"{rule}+pronoun", confidence - 0.1)

    def _subject_person(self, pos: int, gender: str | None) -> Mention | None:
        """The person a pronoun at ``pos`` most likely means.

        The first fitting person of its sentence before it, else of each earlier sentence in
        turn, a few sentences back (a sentence's first person is mostly its subject:
        ``Cook told Benioff … "…," he said`` is Cook).
        """
        for strict in (True, False):
            person = self._sentence_subject(pos, gender, strict)
            if person is not None:
                return person
        return self._nearest_person(pos, gender)

    def _sentence_subject(self, pos: int, gender: str | None, strict: bool) -> Mention | None:
        """The first fitting person of the sentences before ``pos``, nearest sentence first.

        ``strict``: no person after a subject pronoun of that gender in its sentence (``he
        was seen with X``: that ``he`` is the one meant, named further back).
        """
        doc = self.doc
        end = pos
        start, _ = doc.sentence_at(pos)
        subject_pronoun = _subject_pronoun(self.doc.lang, gender) if gender in ("m", "f") else None
        for _ in range(_PRONOUN_REACH):
            for person in self.people:
                if not (start <= person.start < end) or not (
                    person.gender is None or gender in (None, "g") or person.gender == gender
                ):
                    continue
                if strict and subject_pronoun and subject_pronoun.search(doc.masked, start, person.start):
                    continue
                return person
            if start == 0:
                break
            end = start
            start, _ = doc.sentence_at(start - 1)
        return None

    def _nearest_person(
        self, pos: int, gender: str | None, other: frozenset[str] = frozenset()
    ) -> Mention | None:
        """The nearest named person before ``pos`` whose gender fits (``g``: any), not one of ``other``."""
        i = bisect_left(self._people_starts, pos) - 1
        while i >= 0:
            person = self.people[i]
            fits = person.gender is None or gender in (None, "g") or person.gender == gender
            if fits and person.canonical not in other:
                return person
            i -= 1
        return None

    def _sentences_between(self, start: int, end: int) -> int:
        """How many sentence starts lie after ``start`` up to ``end``."""
        count, pos = 0, self.doc.sentence_at(end)[0]
        while pos > start and count <= _PRONOUN_REACH:
            count += 1
            pos = self.doc.sentence_at(pos - 1)[0]
        return count

    def _beside(self, noun: str) -> frozenset[str]:
        """The people named in a sentence with ``the <noun>``: someone else than the one it means.

        ``Dempsey talked with the man``: ``the man`` is never Dempsey.
        """
        doc = self.doc
        names = set()
        for m in re.finditer(rf"\bthe[ \u00a0]+{re.escape(noun)}\b", doc.masked, re.IGNORECASE):
            start, end = doc.sentence_at(m.start())
            names |= {p.canonical for p in self.people if start <= p.start < end}
        return frozenset(names)

    def _group(self, c: _Candidate, rule: str, confidence: float) -> Speaker | None:
        """Whom a speaker named by a noun refers to.

        ``the ministry`` → the organisation named before; ``the woman`` → the nearest
        fitting person before it; ``officials`` stays as written. A document (``a
        statement``) speaks for whoever issued it, and is no speaker when none is found.
        """
        words = c.name.split()
        if words[-1].lower() in _DOCUMENT_NOUNS:
            return self._issuer(c, words[-1].lower(), f"{rule}+issuer", confidence - 0.1)
        if words[-1].lower() in _ORG_NOUNS and (named := self._named_after_noun(words[-1], c.end)):
            return Speaker(named.canonical, None, f"{rule}+apposition", confidence - 0.1)
        described = self._described_before(c, words)
        if described is not None:
            return Speaker(described, None, f"{rule}+described", confidence - 0.1)
        gender = self.p.person_nouns.get(words[-1].lower())
        if gender is not None and words[0].lower() not in ("a", "an", "one", "another"):
            person = self._nearest_person(c.start, gender, self._beside(words[-1]))
            if person is not None and self._sentences_between(person.start, c.start) <= _PRONOUN_REACH:
                return Speaker(person.canonical, person.role, f"{rule}+person-noun", confidence - 0.1)
        head = lexicon.stem(words[-1])
        if words[-1].lower() in _ORG_NOUNS:
            for org in reversed([m for m in self.actors if m.kind == "organisation" and m.end <= c.start]):
                if head in {lexicon.stem(w) for w in org.text.split()} or words[-1].lower() in _ANY_ORG_NOUNS:
                    return Speaker(org.canonical, None, f"{rule}+group", confidence - 0.1)
        for person in reversed(self.people):
            if (
                person.end <= c.start
                and person.role
                and head in {lexicon.stem(w) for w in person.role.split()}
            ):
                return Speaker(person.canonical, person.role, f"{rule}+role", confidence - 0.15)
        if len(words) > 1 and words[0].lower() == "the" and words[1][:1].isupper():
            return Speaker(" ".join(words[1:]), None, f"{rule}+group", confidence - 0.2)  # the US military
        return Speaker(c.name, None, f"{rule}+group", confidence - 0.2)

    def _named_after_noun(self, noun: str, end: int) -> Mention | None:
        """``The group, Name, …`` / ``The company that runs X, Name, …`` up to ``end``: the last Name."""
        doc = self.doc
        found = None
        for m in context.apposition_to((noun.lower(),)).finditer(doc.masked, max(0, end - 3000), end + 200):
            if m.start() >= end:
                break
            name = next((a for a in self._named if a.start == m.end()), None)
            if (
                name is not None
                and name.kind in ("organisation", "person")
                and name.gender is None
                and doc.masked[name.end : name.end + 1] == ","
            ):
                found = name
        return found

    def _described_before(self, c: _Candidate, words: list[str]) -> str | None:
        """``the expert`` after ``one legal expert``: the speaker as first described, word for word.

        The nearest description before it, a few sentences back, of the same noun with an
        indefinite determiner (``one``, ``a``, ``another``, ``some``…).
        """
        if len(words) < 2 or words[0].lower() != "the":
            return None
        noun = words[-1].lower()
        doc = self.doc
        start = doc.sentence_at(c.start)[0]
        for _ in range(_PRONOUN_REACH):
            if start == 0:
                break
            start = doc.sentence_at(start - 1)[0]
        for m in reversed(list(self.p.group.finditer(doc.masked, start, c.start))):
            phrase = doc.masked[self._group_start(m) : m.end()]
            found = phrase.split()
            if found[-1].lower() == noun and found[0].lower() in _INDEFINITE:
                return phrase
        return None

    def _issuer(self, c: _Candidate, noun: str, rule: str, confidence: float) -> Speaker | None:
        """Who issued the document a speaker noun names (``a report from X``, ``X said in a statement``)."""
        text = self.doc.masked
        by = _ISSUED_BY.match(text, c.end)
        if by:
            issuer = _CAPITALISED.match(text, by.end())
            if issuer:  # any capitalised name: an issuing body is often not a known organisation
                return Speaker(issuer.group().strip().rstrip("."), None, rule, confidence)
        mentions = re.compile(rf"\b{noun}", re.IGNORECASE)
        end, (start, _) = c.start, self.doc.sentence_at(c.start)
        own = [  # "Now they have put out another statement": the subject of its own sentence
            a for a in self._candidates(start, c.start)
            if a.kind != "group" or a.name.split()[-1].lower() not in _DOCUMENT_NOUNS
        ]
        if own and not self.p.according.search(text, start, c.start):
            return self._speaker(self._nearest(own, c.start), rule, confidence)
        for _ in range(_PRONOUN_REACH):  # the nearest sentence naming the document: its first actor
            named = mentions.search(text, start, end)
            if named:  # "X said in a statement": the subject of the verb before the noun
                verbs = list(self.p.verb.finditer(text, start, named.start()))
                stop = verbs[-1].start() if verbs else named.start()
                ahead = [
                    a for a in self._candidates(start, stop)
                    if a.kind != "pronoun" and a.name.split()[-1].lower() not in _DOCUMENT_NOUNS
                ]
                if ahead:
                    return self._speaker(self._nearest(ahead, stop), rule, confidence)
            if start == 0:
                break
            end, (start, _) = start, self.doc.sentence_at(start - 1)
        return None


def _without_modifiers(found: list[_Candidate], start: int, end: int) -> list[_Candidate]:
    """Candidates without the organisations that only modify a group's noun ("royal PR aides")."""
    inside = [c for c in found if c.kind == "organisation" and start <= c.start and c.end < end]
    if not inside or any(c.kind == "person" and c.start < end and start < c.end for c in found):
        return found
    return [c for c in found if c not in inside]


def is_quoted_name(words: str) -> bool:
    """Whether quoted words look like a name (up to four words, capitalised, no sentence end)."""
    split = words.split()
    return 0 < len(split) <= 4 and split[0][:1].isupper() and split[-1][-1:] not in ".!?…"


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause starting at ``start`` ends (a comma, full stop or colon), within ``end``."""
    m = re.compile(r"[.;:!?]|,(?![ \u00a0]\d)").search(text, start, end)
    return m.start() if m else end
