"""``briefer lint WS BRIEF --json``, end to end: the contract shape over BLUF and assessment."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from briefer.demo import ensure_demo
from tests.cli.test_briefs_cli import run

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_lint_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(ensure_demo(tmp_path / "demo.briefer"))
    run(capsys, "brief", "new", ws, "--title", "SITREP")
    assessment = "North Korean troops are perhaps already in Kursk; a second wave is probable."
    run(capsys, "brief", "set", ws, "1", "bluf=Ukraine will likely extend mobilisation.",
        f"assessment={assessment}")
    assert (assessment.index("perhaps"), assessment.index("probable")) == (24, 67)
    findings = json.loads(run(capsys, "lint", ws, "1", "--json"))
    assert findings == [
        {"rule": "nonstandard-likelihood", "field": "assessment", "start": 24, "end": 31, "text": "perhaps",
         "message": "'perhaps' is not on the ICD 203 likelihood scale", "suggestion": "roughly even chance"},
        {"rule": "mixed-vocabulary", "field": "assessment", "start": 67, "end": 75, "text": "probable",
         "message": "'probable' is from the other ICD 203 vocabulary than the brief's; keep to one",
         "suggestion": "likely"},
    ]
    assert "(use: likely)" in run(capsys, "lint", ws, "1")
    run(capsys, "brief", "set", ws, "1", "assessment=A second wave is likely.")
    assert json.loads(run(capsys, "lint", ws, "1", "--json")) == []
