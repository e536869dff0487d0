"""Markdown articles: front matter metadata, first heading as title, markup removed."""

from __future__ import annotations

import pytest

from briefer.errors import ImportFailed
from briefer.ingest import markdown
from briefer.ingest.limits import Limits

LIMITS = Limits()

WITH_FRONT_MATTER = """\
---
title: Kyiv says the war “is becoming internationalized”
author: [Olena Petrenko, John Doe]
source: The Kyiv Ledger
date: 2024-11-05
url: https://ledger.example.org/a
language: uk
---

Zelensky said the war “is becoming internationalized”, extending **beyond** two
countries, in a [statement](https://example.org/s) on ‘Tuesday’.

## What was agreed

- more *cooperation* with Seoul
- a new mobilization drive
  - 160,000 recruits

1. first step
2. second step

> “The conclusion is clear,” he said.

| Measure | Value |
|---|---|
| Recruits | 160,000 |

```
raw code stays
```
"""


def test_front_matter_gives_the_metadata() -> None:
    article = markdown.extract(WITH_FRONT_MATTER.encode(), "a.md", LIMITS)
    assert article.metadata() == {
        "title": "Kyiv says the war “is becoming internationalized”",
        "author": "Olena Petrenko, John Doe",
        "outlet": "The Kyiv Ledger",
        "url": "https://ledger.example.org/a",
        "published": "2024-11-05",
        "language": "uk",
    }
    assert article.format == "markdown"


def test_text_is_what_a_reader_sees_with_curly_quotes_intact() -> None:
    text = markdown.extract(WITH_FRONT_MATTER.encode(), "a.md", LIMITS).text
    assert text.split("\n\n") == [
        "Zelensky said the war “is becoming internationalized”, extending beyond two countries, "
        "in a statement on ‘Tuesday’.",
        "What was agreed",
        "- more cooperation with Seoul\n- a new mobilization drive\n  - 160,000 recruits",
        "1. first step\n2. second step",
        "“The conclusion is clear,” he said.",
        "Measure | Value\nRecruits | 160,000",
        "raw code stays",
    ]
    for markup in ("**", "](", "---", "title:", "> ", "```"):
        assert markup not in text


def test_without_front_matter_the_first_heading_is_the_title() -> None:
    source = "# Russia takes Selydove\n\nThe town fell on *Tuesday*.\n\n# Later heading\n\nMore.\n"
    article = markdown.extract(source.encode("utf-16"), "b.md", LIMITS)
    assert article.title == "Russia takes Selydove"
    assert article.text == "The town fell on Tuesday.\n\nLater heading\n\nMore."
    assert article.author is None


def test_a_heading_repeating_the_front_matter_title_is_not_repeated() -> None:
    source = "---\ntitle: Same\n---\n# Same\n\nBody text.\n"
    assert markdown.extract(source.encode(), "c.md", LIMITS).text == "Body text."


def test_broken_front_matter_names_the_line() -> None:
    source = "---\ntitle: ok\nauthor: [unclosed\n---\n\nBody.\n"
    with pytest.raises(ImportFailed, match=r"^d\.md: front matter at line \d+"):
        markdown.extract(source.encode(), "d.md", LIMITS)


def test_front_matter_cannot_run_code_or_be_huge() -> None:
    unsafe = "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody.\n"
    with pytest.raises(ImportFailed, match="front matter"):
        markdown.extract(unsafe.encode(), "e.md", LIMITS)
    huge = "---\nnote: " + "x" * (markdown.MAX_FRONT_MATTER + 10) + "\n---\nBody.\n"
    with pytest.raises(ImportFailed, match="front matter is over 64 KB"):
        markdown.extract(huge.encode(), "f.md", LIMITS)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"---\ntitle: x\n---\n", True),
        (b"# Heading\n\ntext", True),
        (b"Some [link](http://x.org) here", True),
        (b"Just a plain sentence.\nAnother one.", False),
        (b"\x00\x01\x02binary", False),
    ],
)
def test_sniff_recognises_markdown_syntax(head: bytes, expected: bool) -> None:
    assert markdown.sniff(head) is expected
