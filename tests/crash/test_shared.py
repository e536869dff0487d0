"""Two programs on one workspace: a long-lived writer and ``briefer`` commands, SIGKILLed at random.

The full run and its figures: ``python -m bench.crash_shared --kills 200`` (docs/reliability.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bench.crash_shared import run_shared_kills

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.slow
def test_two_hundred_kills_of_a_writer_and_commands_lose_no_acknowledged_change(tmp_path: Path) -> None:
    report = run_shared_kills(tmp_path, kills=200, seed=3)
    assert report.errors == []
    assert (report.kills, report.lost, report.corrupt) == (200, 0, 0)
    assert report.writer_kills >= 60
    assert report.command_kills >= 40
    assert report.acknowledged_changes > 1000
