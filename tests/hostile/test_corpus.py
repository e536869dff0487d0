"""The hostile corpus, end to end: every input in a sandboxed child under Briefer's limits.

No crash, hang, traceback, unbounded memory or side effect; every refusal one
line naming the file. ``python -m bench.hostile_corpus --verbose`` prints each input.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest

from bench.hostile_corpus import FAILURES, side_effects, summary, walk
from tests.data.hostile.corpus import build

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.slow
def test_hostile_corpus(tmp_path: Path) -> None:
    cases = build(tmp_path)
    assert len(cases) >= 150
    assert len({c.name for c in cases}) == len(cases)

    results = walk(tmp_path, cases)
    report = summary(results, side_effects(tmp_path))
    print(f"\nhostile corpus: { {k: v for k, v in report.items() if k not in ('failures', 'slowest')} }")

    assert report["failures"] == []
    assert report["side_effects"] == 0
    assert all(report[key] == 0 for key in FAILURES)
    assert report["ok"] + report["clear_error"] == len(cases)
    groups = Counter(c.group for c in cases)
    assert set(groups) == {"encodings", "html", "docx", "pdf", "markdown", "workspace", "templates",
                           "archive", "cli"}
