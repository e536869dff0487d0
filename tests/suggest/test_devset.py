"""The annotated development set is well-formed: every mark resolves in its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.suggest_evaluate import load_dir, parse, score_article
from briefer.errors import InvalidInput
from briefer.text.quotes import find_quotes

DATA = Path(__file__).resolve().parent.parent / "data" / "suggest"
ARTICLES = load_dir(DATA)


def test_the_set_has_enough_articles_in_each_language_and_split() -> None:
    assert len(ARTICLES) >= 15
    assert {a.header["language"] for a in ARTICLES} == {"en", "uk", "ru"}
    assert {a.split for a in ARTICLES} == {"dev", "heldout", "heldout2"}


@pytest.mark.parametrize("article", ARTICLES, ids=[a.name for a in ARTICLES])
def test_every_annotation_resolves_in_its_text(article) -> None:  # noqa: ANN001
    assert "⟦" not in article.text
    assert "⟧" not in article.text
    assert article.published
    assert len(article.published) == 10
    for gold in article.spans:
        assert article.text[gold.start : gold.end] == gold.text
        if gold.kind == "quote":
            assert gold.attributes["speaker"], gold.text
        if gold.kind == "date" and gold.attributes.get("iso"):
            assert str(gold.attributes["iso"])[:2] in ("19", "20"), gold.text
    spans = [(g.kind, g.start, g.end) for g in article.spans]
    assert len(spans) == len(set(spans)), "an annotation is doubled"
    for kind in ("person", "organisation", "location"):
        assert article.actors[kind], f"{kind} list is empty"


@pytest.mark.parametrize("article", ARTICLES, ids=[a.name for a in ARTICLES])
def test_quote_annotations_sit_inside_quotation_marks(article) -> None:  # noqa: ANN001
    marks = {(q.start, q.end) for q in find_quotes(article.text)}
    for gold in article.spans:
        if gold.kind == "quote":
            assert (gold.start, gold.end) in marks, gold.text


def test_malformed_marks_are_refused_with_a_reason() -> None:
    with pytest.raises(InvalidInput, match="never closed"):
        parse("split: dev\n---\nA ⟦n=3 people|three people.", "broken.ann")
    with pytest.raises(InvalidInput, match="needs a speaker"):
        parse("split: dev\n---\nA ⟦q|quote⟧.", "broken.ann")


def test_scoring_counts_speaker_and_span() -> None:
    from briefer.suggest import Suggestion

    article = parse('split: dev\nperson: Ann Lee\n---\n"⟦q=Ann Lee|Go home⟧," Ann Lee said.', "t.ann")
    right = Suggestion("quote", 1, 8, "Go home", {"speaker": "Ann Lee"})
    wrong = Suggestion("quote", 1, 8, "Go home", {"speaker": "Bob"})
    person = Suggestion("person", 11, 18, "Ann Lee", {"canonical": "Ann Lee"})
    assert score_article(article, [right, person])["quote"]["exact"].tp == 1
    scores = score_article(article, [wrong])
    assert (scores["quote"]["exact"].tp, scores["quote"]["span_only"].tp) == (0, 1)
    assert score_article(article, [person])["person"]["entity"].tp == 1
