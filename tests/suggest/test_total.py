"""``suggest()`` is total: any text gives suggestions (maybe none), never an exception.

Random text (hypothesis) and every body and sentence of the real corpora in
``../shared/bench``; every suggestion's offsets must hold its text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.suggest import suggest
from briefer.text.quotes import paragraphs
from briefer.text.units import split_sentences

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
PUBLISHED = (None, "2019-11-20", "2024-02-29T23:59:00+02:00")


def _check(text: str, published: str | None = None) -> None:
    for s in suggest(text, published=published):
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s


# Words that steer the rules: names, titles, org words, months, weekdays, numbers, quote marks.
_PIECES = st.sampled_from(
    "Greece Thursday US I' MONTREAL A CHICAGO said says told Mr. Dr. Gen. Ministry of Defence "
    "Inner Mongolia Jan. March 5 1,000 3.5 million % km² $ € half dozen Kavan the a of and "
    "— – - , . ; : ! ? … \" “ ” « » „ ' ‘ ’ ( ) [ ] \n \n\n "
    "сказал заявил Георгий Иванов Кустурицы Укргазбанк ОДА «Івано-Франківське» минулого понеділка "
    "у четвер 25% менше тис. млн грн на все сто".split(" ")
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, published=st.sampled_from(PUBLISHED))
def test_random_news_like_text(text: str, published: str | None) -> None:
    _check(text, published)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_random_unicode(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, data=st.data())
def test_random_capitalisation_and_punctuation(text: str, data: st.DataObject) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    _check("".join(c.swapcase() if f else c for c, f in zip(text, flips, strict=True)))


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Greece Thursday ended.",
        "Greece Thursday",
        "US I'",
        "MONTREAL A CHICAGO",
        "Thursday",
        "A",
        "I'",
    ],
)
def test_inputs_that_crashed(text: str) -> None:
    _check(text, "2019-11-20")


def _shared_bodies() -> list[str]:
    truth = json.loads((SHARED / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    russian = [
        json.loads(line)["text"]
        for line in (SHARED / "ru-ner-dev" / "ru-ner-dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [entry["articleBody"] for entry in truth.values()] + russian


@pytest.mark.slow
def test_every_body_and_sentence_of_the_shared_corpora() -> None:
    bodies = _shared_bodies()
    assert len(bodies) > 300
    for body in bodies:
        _check(body, "2019-11-20")
        for p_start, p_end in paragraphs(body):
            for start, end in split_sentences(body, p_start, p_end):
                _check(body[start:end])
