"""The command line given what a workspace cannot hold or where nothing can be written:
ids past 64 bits, non-finite figure values, outputs that are folders, paths under files,
/proc, empty names, devices and symlinks; suggestions on floods of quote marks and
400-digit numbers; a named pipe as the taxonomy file.

Each input is a JSON file: the arguments (``WS`` is a fresh workspace holding the
demo article with a brief, ``DIR`` the input's own folder) and what the answer must
name. :func:`run_case` runs the command in the corpus's sandboxed child.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator

G = "cli"
HUGE = str(2**63)


def run_case(path: str) -> dict[str, Any]:
    """Run one command line; its output as the result, or its one-line error raised as a BrieferError."""
    from briefer.cli import main
    from briefer.demo import sample_article_path
    from briefer.errors import BrieferError

    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        ws = str(Path(tmp) / "w.briefer")

        def place(arguments: list[str]) -> list[str]:
            return [a.replace("WS", ws).replace("DIR", str(Path(path).parent)) for a in arguments]

        for setup in (
            ["init", ws],
            ["import", ws, str(sample_article_path()), *place(spec.get("import", []))],
            ["brief", "new", ws, "--title", "Brief"],
            ["tag", "add", ws, "1", "--kind", "fact", "--start", "0", "--end", "20"],
        ):
            said = io.StringIO()
            with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
                if main(setup) != 0:
                    raise RuntimeError(f"setting up failed: {said.getvalue()}")
        argv = place(spec["argv"])
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as stopped:
                status = int(stopped.code or 0)
        if status:
            raise BrieferError("briefer", err.getvalue().strip().removeprefix("briefer: error: "))
        return {"title": " ".join(spec["argv"][:2]), "text": out.getvalue() + err.getvalue()}


def _spec(folder: Path, name: str, argv: list[str], **extra: Any) -> str:
    path = f"{G}/{name}.json"
    write(folder, path, json.dumps({"argv": argv, **extra}))
    return path


def _ids(folder: Path) -> Iterator[Case]:
    commands = {
        "show": (["show", "WS", HUGE], "argument article"),
        "suggest": (["suggest", "WS", HUGE], "argument ARTICLE"),
        "tag-add": (
            ["tag", "add", "WS", HUGE, "--kind", "fact", "--start", "0", "--end", "3"],
            "argument article",
        ),
        "tag-start": (
            ["tag", "add", "WS", "1", "--kind", "fact", "--start", HUGE, "--end", "3"],
            "argument --start",
        ),
        "tag-remove": (["tag", "remove", "WS", HUGE], "argument tag"),
        "brief-add": (["brief", "add", "WS", "1", HUGE], "argument TAG"),
        "brief-position": (
            ["brief", "add", "WS", "1", "1", "--section", "key", "--position", HUGE],
            "argument --position",
        ),
        "brief-item": (["brief", "item", "WS", HUGE, "--comment", "x"], "argument item"),
        "render": (["render", "WS", HUGE, "--format", "md", "-o", "DIR/out.md"], "argument brief"),
    }
    for name, (argv, names) in commands.items():
        yield Case(
            _spec(folder, f"id-2-63-{name}", argv),
            G,
            "cli",
            "error",
            reason="is too large",
            names=names,
            note=f"an id or offset of 2^63 in {' '.join(argv[:2])}",
        )
    for value in ("nan", "inf", "1e400", "9" * 5000):
        yield Case(
            _spec(
                folder,
                f"figure-value-{value[:8]}",
                [
                    "tag",
                    "add",
                    "WS",
                    "1",
                    "--kind",
                    "figure",
                    "--start",
                    "0",
                    "--end",
                    "5",
                    "--attr",
                    f"value={value}",
                ],
            ),
            G,
            "cli",
            "error",
            reason="is not a finite number",
            names=f"value={value[:40]}",
            note=f"a figure value of {value[:8]}",
        )


def _outputs(folder: Path) -> Iterator[Case]:
    (folder / G / "a-folder").mkdir(parents=True, exist_ok=True)
    write(folder, f"{G}/a-file", "x")
    outputs = {
        "folder": ("DIR/a-folder", "is a folder"),
        "under-a-file": ("DIR/a-file/brief.md", "is a file, not"),
        "proc": ("/proc/brief.md", "cannot create a file in /proc"),
        "empty": ("", "an empty file name"),
    }
    for name, (output, reason) in outputs.items():
        path = _spec(folder, f"output-{name}", ["render", "WS", "1", "--format", "docx", "-o", output])
        yield Case(
            path,
            G,
            "cli",
            "error",
            reason=reason,
            names=output.replace("DIR", str(folder / G)) or "-o",
            note=f"render -o onto {name.replace('-', ' ')}",
        )
    device = folder / G / "null-device"
    if os.geteuid() == 0:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        device.symlink_to("/dev/null")
    for fmt in ("md", "docx"):
        yield Case(
            _spec(folder, f"output-device-{fmt}", ["render", "WS", "1", "--format", fmt, "-o", str(device)]),
            G,
            "cli",
            "ok",
            contains=("Wrote",),
            note=f"render -o onto a device ({fmt}): written through",
        )
    real = folder / G / "real-brief.md"
    real.write_text("old")
    (folder / G / "link-brief.md").symlink_to(real)
    yield Case(
        _spec(folder, "output-symlink", ["render", "WS", "1", "--format", "md", "-o", "DIR/link-brief.md"]),
        G,
        "cli",
        "ok",
        contains=("Wrote",),
        note="render -o onto a symlink: its file replaced, the link kept",
    )


def _suggest(folder: Path) -> Iterator[Case]:
    floods = {
        "quote-marks": '"' * 150_000,
        "apostrophe-s": "'s " * 60_000,
        "curly-quotes": "“" * 150_000,
        "number-400-digits": "The army has " + "9" * 400 + " soldiers and 120 tanks, officials said.",
    }
    for name, text in floods.items():
        write(folder, f"{G}/{name}.txt", f"Flood\n{text}\n")
        yield Case(
            _spec(folder, f"suggest-{name}", ["suggest", "WS", "2"], **{"import": [f"DIR/{name}.txt"]}),
            G,
            "cli",
            "ok",
            note=f"suggest on {name.replace('-', ' ')} (once a hang or an OverflowError)",
        )
    os.mkfifo(folder / G / "taxonomy.fifo")
    yield Case(
        _spec(
            folder,
            "taxonomy-fifo",
            [
                "--taxonomy",
                "DIR/taxonomy.fifo",
                "tag",
                "add",
                "WS",
                "1",
                "--kind",
                "fact",
                "--start",
                "0",
                "--end",
                "5",
            ],
        ),
        G,
        "cli",
        "error",
        reason="is a named pipe (FIFO), not a file",
        names="taxonomy.fifo",
        note="a named pipe as the taxonomy file (once a hang)",
    )


def cases(folder: Path) -> Iterator[Case]:
    """Write the command-line inputs and yield their cases."""
    yield from _ids(folder)
    yield from _outputs(folder)
    yield from _suggest(folder)
