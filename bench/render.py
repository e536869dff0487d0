"""Benchmark: a brief of 50 / 500 / 5000 items to Markdown, DOCX and PDF, beside pandoc.

For each size a synthetic brief (the sample article's sentences as quotes,
figures, facts and dates over ten graded sources) is rendered through the
``sitrep`` template. ``markdown_ms``: brief → Markdown (context, sandboxed
template, round trip to the sandbox process). ``docx_ms``: that Markdown →
DOCX file (parse, write, save). ``pandoc_ms``: ``pandoc -f markdown -t docx``
on the same Markdown, in the same run. ``pdf_ms``: that DOCX → PDF/A by
LibreOffice headless in the sandbox (what ``--format pdf`` adds to the DOCX;
None without LibreOffice; best of 2 runs, 1 at 5000). The table also shows ``preview ms``:
``render_brief`` (Markdown and the sanitised HTML preview, as the GUI asks for
it). Each figure is the best of several runs. With ``--comments`` every item
carries an analyst comment, so the DOCX has a Word comment per item.

    python -m bench.render            # a table
    python -m bench.render --json     # one JSON line per size
    python -m bench.render --comments # the same with a comment on every item
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.synthetic import synthetic_brief
from briefer.render import Renderer, load_template
from briefer.render.docx import build_document
from briefer.render.office import convert_docx, soffice
from briefer.render.properties import doc_meta
from briefer.render.tree import parse
from briefer.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable

SIZES = (50, 500, 5000)


def best_ms(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(min(times), 1)


def measure(items: int, folder: Path, renderer: Renderer, comments: bool = False) -> dict[str, object]:
    """Time one brief size; returns the JSON line's fields."""
    repeat = 3 if items >= 5000 else 7
    with Workspace.create(folder / f"bench-{items}-{comments}.briefer") as ws:
        brief_id = synthetic_brief(ws, items, load_template("sitrep").layout())
        if comments:
            for item in ws.briefs.get(brief_id).items:
                ws.briefs.set_item(item.id, comment="Check against a second source.")
        rendered = renderer.render(ws, brief_id)  # warms the sandbox process
        markdown_ms = best_ms(lambda: renderer.markdown(ws, brief_id), repeat)
        preview_ms = best_ms(lambda: renderer.render(ws, brief_id), repeat)
        meta = doc_meta(rendered)
        source = folder / f"bench-{items}.md"
        source.write_text(rendered.markdown, encoding="utf-8")
        out = folder / f"bench-{items}.docx"
        # what export parses: the Markdown with the comment markers
        docx_ms = best_ms(lambda: build_document(parse(rendered.marked), meta).save(str(out)), repeat)
    pdf_ms = None
    if soffice():
        data = out.read_bytes()
        pdf_ms = best_ms(lambda: convert_docx(data, "pdf"), 1 if items >= 5000 else 2)
    pandoc = shutil.which("pandoc")
    pandoc_ms = None
    if pandoc:
        command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(folder / "pandoc.docx"), str(source)]
        pandoc_ms = best_ms(lambda: subprocess.run(command, check=True), repeat)
    return {"items": items, "markdown_ms": markdown_ms, "docx_ms": docx_ms, "pandoc_ms": pandoc_ms,
            "pdf_ms": pdf_ms, "preview_ms": preview_ms}


def main() -> None:
    """Run the benchmark and print a table or JSON lines."""
    parser = argparse.ArgumentParser(description="Brief rendering speed, beside pandoc.")
    parser.add_argument("--json", action="store_true", help="one JSON line per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--comments", action="store_true", help="an analyst comment on every item")
    args = parser.parse_args()
    renderer = Renderer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if not args.json:
                print(f"{'items':>6} {'markdown ms':>12} {'docx ms':>9} {'pandoc ms':>10} {'pdf ms':>9}"
                      f" {'preview ms':>11}")
            for items in args.sizes:
                row = measure(items, Path(tmp), renderer, args.comments)
                preview_ms = row.pop("preview_ms")
                if args.json:
                    print(json.dumps(row))
                else:
                    print(f"{row['items']:>6} {row['markdown_ms']:>12} {row['docx_ms']:>9} "
                          f"{row['pandoc_ms']!s:>10} {row['pdf_ms']!s:>9} {preview_ms:>11}")
    finally:
        renderer.close()


if __name__ == "__main__":
    main()
