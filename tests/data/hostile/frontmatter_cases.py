"""YAML values a colleague or a page can write, in article and template front matter:
30 February, 5,000-digit integers, .inf, nesting thousands deep, control characters;
template bodies computing 5,000-digit constants or writing stray comment markers; a
template of 44,000 sections; a brief too large to lay out; the BLUF holding the
renderer's private-use comment markers."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write
from tests.data.hostile.template_cases import FRONT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

BIG = "1" * 5000
BODY = "# Ukraine mobilizes\n\nZelensky said the war is becoming internationalized.\n"
VALUES = {
    "feb-30": "date: 2026-02-30\npublished: 2026-02-30",
    "5000-digits": f"title: {BIG}\ncount: {BIG}",
    "inf": "title: .inf\npublished: .inf\nauthor: .nan",
    "1e400": "published: 1e400",
    "controls-escaped": 'title: "a\\x01b\\uffff"',
    "timestamp-tag": "date: !!timestamp nonsense",
}


def _articles(folder: Path) -> Iterator[Case]:
    for name, front in VALUES.items():
        write(folder, f"markdown/front-{name}.md", f"---\n{front}\n---\n{BODY}")
        yield Case(
            f"markdown/front-{name}.md",
            "markdown",
            "import",
            "ok",
            contains=("internationalized",),
            note=f"article front matter with {name.replace('-', ' ')}",
        )
    for name, front in {
        "nested-maps": "title: " + "{a: " * 3000 + "1" + "}" * 3000,
        "control-raw": "title: a\x01b\nauthor: x",
    }.items():
        write(folder, f"markdown/front-{name}.md", f"---\n{front}\n---\n{BODY}")
        yield Case(
            f"markdown/front-{name}.md",
            "markdown",
            "import",
            "either",
            note=f"article front matter: {name.replace('-', ' ')}",
        )


def _templates(folder: Path) -> Iterator[Case]:
    fronts = {
        "feb-30": ("name: 2026-02-30\ndescription: 2026-02-30", "ok"),
        "5000-digits": (f"name: x\ndescription: {BIG}\nsections:\n  - id: {BIG}\n    kinds: [fact]", "ok"),
        "inf": ("name: .inf\ndescription: .nan", "ok"),
        "nested": ("name: x\ndescription: " + "[" * 5000 + "]" * 5000, "error"),
        "control": ("name: a\x01b", "error"),
        "44000-sections": (
            "name: x\nsections:\n" + "".join(f"- id: {i:x}\n" for i in range(44_000)),
            "error",
        ),
    }
    for name, (front, expect) in fronts.items():
        write(
            folder, f"templates/front-{name}.md.j2", f"---\n{front}\n---\n# Brief\n\n{{{{ brief.bluf }}}}\n"
        )
        yield Case(
            f"templates/front-{name}.md.j2",
            "templates",
            "template",
            expect,
            note=f"template front matter: {name.replace('-', ' ')}",
        )
    bodies = {
        "constant-5000-digits": ("{{ 10**5000 }}", "error", "cannot compile a constant"),
        "product-5000-digits": ("{{ (10**2000) * (10**3000) }}", "error", "cannot compile a constant"),
        "stray-comment-markers": ("# T\n\nOdd \ue000abc\ue001 and \ue000zz\ue001 marks.", "ok", ""),
        "table-20000-rows": (
            "| a | b |\n|---|---|\n{% for i in range(20000) %}| r{{ i }} | {{ i }} |\n{% endfor %}",
            "error",
            "too large to lay out",
        ),
    }
    for name, (body, expect, reason) in bodies.items():
        write(folder, f"templates/{name}.md.j2", FRONT + body + "\n")
        yield Case(
            f"templates/{name}.md.j2",
            "templates",
            "template",
            expect,
            reason=reason,
            note=name.replace("-", " "),
        )
    name = "templates/private-use-in-bluf.json"
    write(folder, name, json.dumps({"bluf": "Bottom \ue000abc\ue001 line \ue000616263\ue001 end."}))
    yield Case(
        name,
        "templates",
        "template",
        "ok",
        contains=("Bottom abc line 616263 end.",),
        note="the renderer's private-use comment markers typed in the BLUF, exported to DOCX",
    )


def cases(folder: Path) -> Iterator[Case]:
    """Write the front matter and template value inputs and yield their cases."""
    yield from _articles(folder)
    yield from _templates(folder)
