"""GUI latency on a large workspace, offscreen.

Builds a workspace of 1,000 generated articles (~600 words each) plus one of
50,000 words carrying 2,000 tags, then measures (medians):

- ``startup_ms``: launching ``briefer gui WS`` in a fresh process until its window
  has been shown and painted with the first article loaded (target < 1 s);
- ``keystroke_ms``: a tag key pressed in the 50,000-word article until the new
  highlight is repainted: the undo command, the committed transaction, the change
  signal, the reader and tag panel updates and a synchronous repaint (< 16 ms);
- ``switch_ms``: opening the big article (from an ordinary one) in the reader and
  the tag panel, both repainted: the worst case (< 100 ms);
- ``preview_ms``: a change to a 500-item brief until the preview shows it, its
  short wait for more changes included (< 300 ms). The rendering runs on the
  preview's own thread; also printed (not in ``--json``): the longest the window's
  thread was busy in one go while the preview caught up, its repaint included
  (``preview_blocks_ms``: what a key pressed during a refresh could wait), and the
  change itself (``brief_change_ms``: commit and composer update).

    python bench/gui_latency.py [--json] [--articles N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefer import render
from briefer.model import Article
from briefer.workspace import Workspace, section_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "ukraine-mobilizes.txt"
KINDS = ("fact", "quote", "figure", "person", "location", "date", "organisation")

_CHILD = """
import sys
from briefer import cli                      # what the briefer console script runs
import briefer.gui.app as app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
create = app.create_window
def create_and_report(*args, **kwargs):
    window = create(*args, **kwargs)
    def ready():
        window.repaint()
        print("ready", flush=True)
        QApplication.quit()
    QTimer.singleShot(0, ready)              # runs once the event loop shows the window
    return window
app.create_window = create_and_report
sys.exit(cli.main(["gui", sys.argv[1]]))
"""

def _text(rng: random.Random, words: list[str], n_words: int, per_paragraph: int = 5) -> str:
    sentences, count = [], 0
    while count < n_words:
        length = rng.randint(8, 24)
        sentence = " ".join(rng.choice(words) for _ in range(length))
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        count += length
    paragraphs = (sentences[i:i + per_paragraph] for i in range(0, len(sentences), per_paragraph))
    return "\n".join(" ".join(p) for p in paragraphs)


def build(path: Path, n_articles: int, seed: int = 7) -> tuple[int, int]:
    """Fill a workspace; return the ids of the 50,000-word article and of a 500-item brief."""
    rng = random.Random(seed)
    words = SAMPLE.read_text(encoding="utf-8").lower().replace(",", "").replace(".", "").split()
    with Workspace.create(path) as ws, ws.store.transaction():
        text = _text(rng, words, 50_000)  # stored first, so the window opens on an ordinary one
        big = ws.articles.add(Article(title="The long read: 50,000 words", text=text, outlet="Weekly")).id
        for i in range(n_articles):
            ws.articles.add(Article(title=f"Report {i}: {' '.join(rng.sample(words, 5))}",
                                    text=_text(rng, words, 600), outlet="Wire",
                                    published=f"2024-{1 + i % 12:02}-{1 + i % 28:02}"))
        starts = sorted(rng.sample(range(0, len(text) - 60, 30), 2000))
        for start in starts:
            end = start + rng.randint(5, 25)
            while text[start].isspace():
                start += 1
            ws.tags.add(big, rng.choice(KINDS), start, end)
        layout = render.load_template("sitrep").layout()
        brief = ws.briefs.new("Bench brief", template="sitrep").id
        tagged = [t.id for t in ws.tags.all(big) if section_for(t.kind, layout) is not None]
        ws.briefs.add_by_kind(brief, tagged[:500], layout)
    return big, brief


def _ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def measure_startup(path: Path, runs: int = 5) -> float:
    """Median wall time from process launch to a painted window."""
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                             check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        samples.append(time.perf_counter() - t0)
        assert "ready" in out.stdout, out.stderr
    return _ms(samples)


def measure_preview(window: object, app: object, brief: int) -> tuple[float, float, float]:
    """Medians: a change to the 500-item brief until the preview shows it, the longest
    single stretch the window's thread was busy while the preview caught up, and the
    change itself."""
    from briefer.gui.undo.briefs import SetBriefFields

    window.briefing.choose(brief)
    window.preview.show()
    samples, blocks, changes = [], [], []
    for i in range(8):
        refreshed: list[float] = []
        window.preview.refreshed.connect(lambda seen=refreshed: seen.append(time.perf_counter()))
        t0 = time.perf_counter()
        window.session.push(SetBriefFields(window.session, brief, bluf=f"Revision {i}: the front holds."))
        change = time.perf_counter() - t0
        longest = 0.0
        while not refreshed:
            t1 = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - t1)
            time.sleep(0.001)
        window.preview.refreshed.disconnect()
        assert f"Revision {i}" in window.preview.text()
        t1 = time.perf_counter()
        window.preview.browser.viewport().repaint()  # the new page laid out and painted
        longest = max(longest, time.perf_counter() - t1)
        if i > 1:  # the first renders start the renderer's process and warm its caches
            samples.append(refreshed[0] - t0)
            blocks.append(longest)
            changes.append(change)
    return _ms(samples), _ms(blocks), _ms(changes)


def measure_in_process(path: Path, big: int, brief: int) -> dict[str, float | None]:
    """Keystroke, switch and preview latencies in one window."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefer.gui.app import create_window

    window = create_window(path)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    others = [r.id for r in window.articles.model.rows if r.id != big][:10]

    to_big, to_other = [], []
    for other in others:
        for target, samples in ((big, to_big), (other, to_other)):
            t0 = time.perf_counter()
            window.open_article(target)
            app.processEvents()  # the tag panel catches up
            window.view.viewport().repaint()
            window.tags.tree.viewport().repaint()
            samples.append(time.perf_counter() - t0)

    window.open_article(big)
    window.focus_reader()
    deadline = time.perf_counter() + 60
    while not window.view.suggestions and time.perf_counter() < deadline:  # the analyst reads first
        app.processEvents()
        time.sleep(0.01)
    view = window.view
    keystrokes, panel = [], []
    for i in range(30):
        paragraph = view.units.paragraphs[40 + i * 7]
        view.move_to(paragraph[0])
        view.ensureCursorVisible()
        view.viewport().repaint()
        app.processEvents()
        t0 = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_F)
        view.viewport().repaint()
        keystrokes.append(time.perf_counter() - t0)
        app.processEvents()  # then the tag panel follows
        window.tags.tree.viewport().repaint()
        panel.append(time.perf_counter() - t0)
    preview, preview_blocks, brief_change = measure_preview(window, app, brief)
    window.session.undo_stack.clear()
    window.close()
    return {"keystroke_ms": _ms(keystrokes), "switch_ms": _ms(to_big), "preview_ms": preview,
            "keystroke_with_tag_panel_ms": _ms(panel), "switch_to_ordinary_ms": _ms(to_other),
            "preview_blocks_ms": preview_blocks, "brief_change_ms": brief_change}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # fresh settings, no user state
        path = Path(tmp) / "bench.briefer"
        big, brief = build(path, args.articles)
        result = {"startup_ms": measure_startup(path), **measure_in_process(path, big, brief)}
    if args.json:
        print(json.dumps({k: result[k] for k in ("startup_ms", "keystroke_ms", "switch_ms", "preview_ms")}))
    else:
        for key, value in result.items():
            print(f"{key:13} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
