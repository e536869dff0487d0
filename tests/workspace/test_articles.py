"""Articles: duplicates, listing, full-text search, grades, removal."""

from __future__ import annotations

import pytest

from briefer.errors import InvalidInput, NotFound
from briefer.model import Article
from briefer.workspace import Workspace, fts_query


def test_reimporting_same_text_reports_the_existing_article(ws: Workspace) -> None:
    first = ws.articles.add(Article(title="Kyiv report", text="Same words here."))
    again = ws.articles.add(Article(title="Other title", text="Same words here.", source_file="b.txt"))
    assert not first.duplicate
    assert again.duplicate
    assert (again.id, again.title) == (first.id, "Kyiv report")
    assert not again.changes
    assert ws.articles.count() == 1


def test_article_keeps_metadata_and_import_time(ws: Workspace) -> None:
    stored = ws.articles.add(
        Article(title="T", text="Body.", author="A. Writer", outlet="Wire", url="https://x.test/a",
                published="2024-11-05", language="en", format="html", source_file="a.html")
    )
    article = ws.articles.get(stored.id)
    assert article.metadata() == {
        "title": "T", "author": "A. Writer", "outlet": "Wire", "url": "https://x.test/a",
        "published": "2024-11-05", "language": "en",
    }
    assert (article.format, article.source_file) == ("html", "a.html")
    assert article.imported_at == "2026-11-25T14:30:00Z"


def test_empty_text_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="no text"):
        ws.articles.add(Article(title="Empty", text="  \n"))


def test_list_counts_tags_newest_first(ws: Workspace) -> None:
    a = ws.articles.add(Article(title="First", text="One two three.")).id
    b = ws.articles.add(Article(title="Second", text="Four five six.")).id
    ws.tags.add(a, "fact", 0, 3)
    ws.tags.add(a, "fact", 4, 7)
    rows = ws.articles.all()
    assert [(r.id, r.tag_count) for r in rows] == [(b, 0), (a, 2)]


def test_search_matches_title_and_text_with_prefix_and_snippet(ws: Workspace) -> None:
    a = ws.articles.add(Article(title="Mobilization drive", text="Kyiv plans to recruit 160,000.")).id
    b = ws.articles.add(Article(title="Harvest", text="Grain exports rose from Odesa.")).id
    assert [h.id for h in ws.articles.search("mobiliz")] == [a]
    hits = ws.articles.search("odesa")
    assert [h.id for h in hits] == [b]
    assert "[Odesa]" in hits[0].snippet
    assert ws.articles.search("recruit kyiv")[0].id == a
    assert ws.articles.search("recruit harvest") == []


def test_search_with_cyrillic_and_diacritics(ws: Workspace) -> None:
    a = ws.articles.add(Article(title="Зеленський", text="Президент України заявив про мобілізацію.")).id
    ws.articles.add(Article(title="Café", text="Résumé of the talks in Genève."))
    assert [h.id for h in ws.articles.search("мобілізац")] == [a]
    assert len(ws.articles.search("geneve")) == 1


@pytest.mark.parametrize("typed", ['"unbalanced', "a AND (", "NEAR(", "-x", "*", "title:foo"])
def test_search_treats_fts_syntax_as_plain_text(ws: Workspace, typed: str) -> None:
    ws.articles.add(Article(title="Foo", text="x a near title"))
    ws.articles.search(typed)  # never an FTS5 syntax error


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('north "korean') == '"north" "korean"*'
    assert fts_query("troops ") == '"troops"'
    assert fts_query("  ,, ") is None


def test_search_index_follows_removal(ws: Workspace) -> None:
    a = ws.articles.add(Article(title="Gone soon", text="Vanishing text.")).id
    ws.articles.remove(a)
    assert ws.articles.search("vanishing") == []
    with pytest.raises(NotFound):
        ws.articles.get(a)


def test_grade_is_checked(ws: Workspace) -> None:
    a = ws.articles.add(Article(title="T", text="Body.")).id
    ws.articles.set_grade(a, "c")
    assert ws.articles.get(a).grade == "C"
    with pytest.raises(InvalidInput, match="A, B, C, D, E, F"):
        ws.articles.set_grade(a, "G")
    ws.articles.set_grade(a, None)
    assert ws.articles.get(a).grade is None
