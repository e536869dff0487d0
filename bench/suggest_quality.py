"""Score the suggesters against the annotated development set.

    python -m bench.suggest_quality [--data tests/data/suggest] [--splits SPLIT,…] [--json]
                                    [--errors SPLIT,…] [--real]

``--real`` scores the labelled real news pages (``tests/data/suggest/real``, texts
from ``../shared/bench/article-extraction``) instead of the project's own articles;
there, people, organisations and places are scored mention by mention (``span``).
Their ``heldout`` split is scored only when named in ``--splits``.

Prints precision/recall/F1 per kind for each split (dev, heldout, heldout2) and
all together: quotes with the right speaker (exact span, ≥ 50 % overlap) and by
span alone; figures and dates by span, with the share of matched ones whose value
or ISO date is right; people, organisations and places as distinct names.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bench import real_labels
from bench.suggest_evaluate import Counts, load_dir, match, score_article, speaker_matches
from briefer.suggest import suggest

if TYPE_CHECKING:
    from collections.abc import Collection

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "suggest"
KINDS = ("quote", "figure", "date", "person", "organisation", "location")


def evaluate(
    folder: Path, splits: Collection[str] | None = None, show_errors: Collection[str] = (), real: bool = False
) -> dict[str, object]:
    """Scores per split (as the articles name them, then ``all``) and kind.

    ``splits`` limits the articles scored (None: every one); misses and false
    suggestions of the articles in ``show_errors`` splits go to stderr.
    """
    totals: dict[str, dict[str, dict[str, Counts]]] = {}
    counts: dict[str, int] = {}
    articles = real_labels.load(set(splits or ["dev"])) if real else load_dir(folder, splits)
    for split in [*sorted({a.split for a in articles}), "all"]:
        counts[split] = 0
        totals[split] = {}
    for article in articles:
        predicted = suggest(article.text, published=article.published)
        scores = score_article(article, predicted)
        for split in (article.split, "all"):
            counts[split] += 1
            for kind, modes in scores.items():
                for mode, c in modes.items():
                    totals[split].setdefault(kind, {}).setdefault(mode, Counts()).add(c)
        if article.split in show_errors:
            _print_errors(article, predicted)
    result: dict[str, object] = {}
    for split, kinds in totals.items():
        result[split] = {
            "articles": counts[split],
            **{k: {m: c.scores() for m, c in kinds[k].items()} for k in KINDS if k in kinds},
        }
    return result


def _print_errors(article, predicted) -> None:  # noqa: ANN001
    print(f"== {article.name} ({article.split})", file=sys.stderr)
    for kind in ("quote", "figure", "date"):
        gold = [g for g in article.spans if g.kind == kind]
        pred = [p for p in predicted if p.kind == kind]
        agree = (lambda g, p: speaker_matches(g, p.attributes.get("speaker"))) if kind == "quote" else None
        pairs = match(gold, pred, exact=False, agree=agree)
        hit_gold = {id(g) for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}
        for g in gold:
            if id(g) not in hit_gold:
                print(f"  MISS {kind}: {g.text[:70]!r} {g.attributes}", file=sys.stderr)
        for p in pred:
            if id(p) not in hit_pred:
                print(f"  FALSE {kind}: {p.text[:70]!r} {dict(p.attributes)} [{p.rule}]", file=sys.stderr)


def _table(result: dict[str, object]) -> str:
    lines = []
    for split, data in result.items():
        assert isinstance(data, dict)
        lines.append(f"\n{split} ({data['articles']} articles)")
        lines.append(f"{'kind':13} {'match':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for kind in KINDS:
            for mode, s in data.get(kind, {}).items():
                if mode in ("attribute", "named_speaker"):
                    label = "value/iso" if mode == "attribute" else "speaker"
                    matched = s["tp"] + s["fp"]
                    lines.append(f"{kind:13} {label:10} {s['precision']:6.3f}   (of {matched} matched)")
                    continue
                lines.append(
                    f"{kind:13} {mode:10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                    f"{s['tp']:5} {s['fp']:5} {s['fn']:5}"
                )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors",
        nargs="?",
        const="dev",
        default="",
        metavar="SPLIT,…",
        help="list misses and false suggestions of these splits on stderr (default: dev)",
    )
    parser.add_argument("--splits", default="", metavar="SPLIT,…", help="score only these splits")
    parser.add_argument("--real", action="store_true", help="score the labelled real news pages")
    args = parser.parse_args()
    splits = [s for s in args.splits.split(",") if s] or None
    result = evaluate(args.data, splits, {s for s in args.errors.split(",") if s}, real=args.real)
    print(json.dumps(result, indent=2) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
