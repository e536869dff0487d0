"""Walk the hostile corpus: each input in a sandboxed child under Briefer's time and memory limits.

Outcomes: ``ok`` (a correct import or render), ``clear_error`` (one line naming
the file, with the expected reason), and the failures: ``wrong`` (imported but
incorrect, or refused when it should import), ``unclear_error`` (several lines,
no file name, wrong reason), ``traceback`` (an exception that is not one of
Briefer's own), ``hang`` (over the time limit), ``memory`` (over the memory
cap) and ``crash`` (the child died). Any file a payload managed to create is a
``side_effect``.

    python -m bench.hostile_corpus [--json] [--group NAME] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import BrieferError
from briefer.ingest.limits import Limits
from briefer.sandbox import LimitedWorker, LimitExceeded
from tests.data.hostile.corpus import Case, build, judge_error, judge_ok, run_input

FAILURES = ("wrong", "unclear_error", "traceback", "hang", "memory", "crash")
#: Files the corpus's payloads try to create (YAML object tags, template escapes).
SIDE_EFFECT = "PWNED"


@dataclass(frozen=True, slots=True)
class Result:
    """What happened to one input."""

    case: Case
    outcome: str
    detail: str
    seconds: float


def _ready() -> bool:
    """Loaded in a fresh child: importing this module has imported every importer."""
    import briefer.ingest.registry  # noqa: F401

    return True


def _classify(case: Case, path: Path, worker: LimitedWorker, limits: Limits) -> tuple[str, str]:
    try:
        result = worker.call(run_input, case.target, str(path), timeout=limits.seconds)
    except BrieferError as exc:
        problem = judge_error(case, path, str(exc))
        return ("unclear_error", f"{problem}: {exc}") if problem else ("clear_error", str(exc))
    except LimitExceeded as exc:
        text = str(exc)
        return ("hang" if "longer" in text else "memory" if "memory" in text else "crash"), text
    except Exception as exc:  # noqa: BLE001 - anything else is a bug the user would see as a traceback
        return "traceback", f"{type(exc).__name__}: {exc}"
    problem = judge_ok(case, result)
    return ("wrong", problem) if problem else ("ok", str(result.get("title", ""))[:80])


def walk(folder: Path, cases: list[Case], limits: Limits | None = None) -> list[Result]:
    """Run every case in a sandboxed child (restarted after a hang or crash)."""
    limits = limits or Limits()
    results = []
    # Not a daemon: rendering starts the renderer's own sandbox inside it, as the app does.
    with LimitedWorker(memory_mb=limits.memory_mb, daemon=False) as worker:
        for case in cases:
            worker.call(_ready, timeout=60)  # starting Python does not count against an input
            started = time.perf_counter()
            outcome, detail = _classify(case, folder / case.name, worker, limits)
            results.append(Result(case, outcome, detail, round(time.perf_counter() - started, 3)))
    return results


def side_effects(folder: Path) -> list[str]:
    """Files the payloads managed to create."""
    return sorted(str(p) for p in folder.rglob(f"{SIDE_EFFECT}*"))


def summary(results: list[Result], effects: list[str]) -> dict[str, object]:
    """Counts overall and per class, the failures in detail, the slowest inputs."""
    groups: dict[str, Counter[str]] = {}
    for r in results:
        groups.setdefault(r.case.group, Counter())[r.outcome] += 1
    totals = Counter(r.outcome for r in results)
    slowest = sorted(results, key=lambda r: r.seconds, reverse=True)[:5]
    return {
        "inputs": len(results),
        **{key: totals.get(key, 0) for key in ("ok", "clear_error", *FAILURES)},
        "side_effects": len(effects),
        "groups": {g: dict(c) for g, c in groups.items()},
        "failures": [{"input": r.case.name, "outcome": r.outcome, "detail": r.detail}
                     for r in results if r.outcome in FAILURES],
        "slowest": [{"input": r.case.name, "seconds": r.seconds} for r in slowest],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--group", help="only this class (encodings, html, docx, pdf, markdown, …)")
    parser.add_argument("--verbose", action="store_true", help="one line per input")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefer-hostile-") as tmp:
        folder = Path(tmp)
        cases = [c for c in build(folder) if args.group in (None, c.group)]
        results = walk(folder, cases)
        report = summary(results, side_effects(folder))
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        if args.verbose:
            for r in results:
                print(f"{r.outcome:13} {r.seconds:7.2f}s  {r.case.name}  {r.detail[:100]}")
        print(f"{report['inputs']} inputs: " + ", ".join(
            f"{report[k]} {k}" for k in ("ok", "clear_error", *FAILURES, "side_effects")))
        for failure in report["failures"]:  # type: ignore[attr-defined]
            print(f"  {failure['outcome']}: {failure['input']}: {failure['detail'][:200]}")
    failed = sum(report[k] for k in (*FAILURES, "side_effects"))  # type: ignore[misc]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
