"""The hostile corpus: inputs every importer, the template engine and the workspace must survive.

Each input is written by a builder (one module per class) into a folder at test
time, so nothing large is committed, and comes with what Briefer must do with
it: import it correctly (``ok``), refuse it with a clear one-line error naming
the file (``error``), or either (``either``). Never a crash, a hang, a
traceback or unbounded memory: :mod:`bench.hostile_corpus` runs each input in
a sandboxed child with time and memory limits and counts the outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Characters that must never reach stored article text: what XML 1.0 cannot hold,
#: and the C1 controls and DEL, which normalisation removes too.
STORED_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
#: Characters a DOCX cannot hold (XML 1.0); DEL and C1 controls are legal there.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile input and what Briefer must do with it.

    ``target``: ``import`` (extract_file), ``workspace`` (open and check),
    ``template`` (render a brief) or ``cli`` (a command line).
    ``contains``/``absent``: text an ``ok`` result must hold / must not hold (a
    leaked file, an expanded bomb). ``reason``: a part of the expected error
    reason. ``names``: what the error must name, when not the file (an argument).
    """

    name: str
    group: str
    target: str
    expect: str = "either"
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    reason: str = ""
    note: str = ""
    names: str = ""


Builder = Callable[[Path], Iterator[Case]]


def write(folder: Path, name: str, data: bytes | str) -> Path:
    """Write one input (text as UTF-8) under ``folder`` and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return path


def builders() -> list[Builder]:
    """Every class's builder, in the order the report lists them."""
    from tests.data.hostile import (
        archive_cases,
        cli_cases,
        containment_cases,
        decoding_cases,
        docx_cases,
        docx_wrapped,
        encodings,
        frontmatter_cases,
        html_cases,
        markdown_cases,
        pdf_cases,
        template_cases,
        workspace_cases,
    )

    return [encodings.cases, html_cases.cases, docx_cases.cases, pdf_cases.cases, markdown_cases.cases,
            workspace_cases.cases, template_cases.cases, containment_cases.cases, archive_cases.cases,
            decoding_cases.cases, docx_wrapped.cases, frontmatter_cases.cases, cli_cases.cases]


def build(folder: Path) -> list[Case]:
    """Write the whole corpus into ``folder``; return its cases."""
    return [case for builder in builders() for case in builder(folder)]


def run_input(target: str, path: str) -> dict[str, Any]:
    """Handle one input as Briefer would (runs in the sandboxed child)."""
    if target == "import":
        from briefer.ingest import extract_file

        article = extract_file(path)
        return {"title": article.title, "text": article.text}
    if target == "workspace":
        from briefer.workspace import Workspace

        with Workspace.open(path, check=True) as ws:
            return {"title": ws.name, "text": f"{ws.articles.count()} articles"}
    if target == "template":
        from tests.data.hostile.template_cases import render_case

        return render_case(path)
    if target == "cli":
        from tests.data.hostile.cli_cases import run_case

        return run_case(path)
    raise ValueError(f"unknown target {target!r}")


def judge_ok(case: Case, result: dict[str, Any]) -> str | None:
    """Why a successful result is wrong for this case, or None when it is right."""
    if case.expect == "error":
        return "imported, but should have been refused"
    text = f"{result.get('title', '')}\n{result.get('text', '')}"
    illegal = (XML_ILLEGAL if case.target == "template" else STORED_ILLEGAL).search(text)
    if illegal:
        return f"the text holds a character it must not: {illegal.group()!r}"
    missing = [word for word in case.contains if word not in text]
    if missing:
        return f"the text lost {missing[0]!r}"
    leaked = [word for word in case.absent if word in text]
    if leaked:
        return f"the text holds {leaked[0]!r}"
    return None


def judge_error(case: Case, path: Path, message: str) -> str | None:
    """Why an error message is not acceptable for this case, or None when it is."""
    if case.expect == "ok":
        return f"refused, but should have been imported: {message}"
    if "\n" in message.strip():
        return "the error spans several lines"
    if (case.names or path.name) not in message:
        return f"the error does not name {case.names or 'the file'}"
    if case.reason and case.reason not in message:
        return f"the reason is not {case.reason!r}"
    return None
