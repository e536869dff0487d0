"""The demo article gives what the issue promises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ingest import extract_file
from briefer.suggest import suggest

if TYPE_CHECKING:
    from pathlib import Path


def _suggestions(sample_path: Path) -> tuple[str, list]:
    article = extract_file(sample_path)
    return article.text, suggest(article.text, published=article.published)


def test_zelensky_quote_with_speaker_and_role(sample_path: Path) -> None:
    text, found = _suggestions(sample_path)
    quotes = [s for s in found if s.kind == "quote"]
    wanted = (
        "The conclusion is clear: this war is becoming internationalized, extending beyond two countries."
    )
    assert [q.text for q in quotes] == [wanted]
    assert text[quotes[0].start : quotes[0].end] == wanted
    assert quotes[0].attributes["speaker"] == "Volodymyr Zelensky"
    assert quotes[0].attributes["role"] == "Ukrainian President"


def test_figures_and_dates(sample_path: Path) -> None:
    _, found = _suggestions(sample_path)
    figures = {s.text: dict(s.attributes) for s in found if s.kind == "figure"}
    assert figures["160,000 personnel"]["value"] == 160000
    assert figures["478 square kilometers"] == {"value": 478, "unit": "km²"}
    assert "October" in {s.text for s in found if s.kind == "date"}


def test_people_organisations_and_places(sample_path: Path) -> None:
    _, found = _suggestions(sample_path)

    def names(kind: str) -> set[str]:
        return {str(s.attributes.get("canonical") or s.text) for s in found if s.kind == kind} | {
            s.text for s in found if s.kind == kind
        }

    assert names("person") >= {
        "Volodymyr Zelensky",
        "Zelensky",
        "Pat Ryder",
        "Yoon Suk Yeol",
        "Oleksandr Lytvynenko",
        "Choe Son Hui",
    }
    assert names("organisation") >= {
        "Pentagon",
        "National Security Council",
        "Institute for the Study of War",
        "NATO",
        "Parliament",
    }
    assert names("location") >= {
        "Ukraine",
        "Russia",
        "Kursk",
        "Kyiv",
        "Selydove",
        "Donetsk",
        "Vladivostok",
        "Kharkiv",
        "Iceland",
        "North Korea",
        "South Korea",
    }
    assert not names("person") & {"Tuesday", "North Korean", "Ukraine"}
