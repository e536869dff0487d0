"""How often text in a legacy 8-bit encoding decodes back exactly, on real text nobody here wrote.

Russian news (``../shared/bench/ru-ner-dev``) in cp1251 and KOI8-R, and the article
bodies of ``../shared/bench/article-extraction`` that hold letters beyond ASCII, in
cp1252, Latin-1 and Latin-9 (each where the text fits the encoding). Counts texts
decoded exactly by :func:`briefer.ingest.normalize.decode` (the first 2,000 characters
of each, as a short article would be), per encoding.

    python bench/legacy_decoding.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.ingest.normalize import decode  # noqa: E402

SHARED = ROOT.parent / "shared" / "bench"
SAMPLE = 2000


def texts() -> list[tuple[str, str, tuple[str, ...]]]:
    """``(source, text, encodings)`` for every text measured."""
    out = []
    for line in (SHARED / "ru-ner-dev" / "ru-ner-dev.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(("ru-ner-dev", json.loads(line)["text"][:SAMPLE], ("cp1251", "koi8_r")))
    truth = json.loads((SHARED / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for entry in truth.values():
        body = (entry.get("articleBody") or "")[:SAMPLE]
        if any(ch.isalpha() and ord(ch) > 127 for ch in body):
            out.append(("article-extraction", body, ("cp1252", "latin-1", "iso8859_15")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    started = time.perf_counter()
    for source, text, encodings in texts():
        for encoding in encodings:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue  # the text holds a character this encoding lacks
            if data.isascii():
                continue
            total[encoding] += 1
            got = decode(data)
            if got[0] == text:
                right[encoding] += 1
            else:
                wrong.append(f"{source} {encoding} -> {got[1]}: {text[:60]!r}")
    report = {enc: {"texts": total[enc], "right": right[enc]} for enc in total}
    report["seconds"] = round(time.perf_counter() - started, 1)  # type: ignore[assignment]
    if args.json:
        print(json.dumps({"per_encoding": report, "wrong": wrong}, ensure_ascii=False))
    else:
        for enc in total:
            print(f"{enc:12} {right[enc]:4} of {total[enc]:4} decoded exactly")
        for line in wrong[:20]:
            print("  wrong:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
