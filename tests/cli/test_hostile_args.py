"""Numbers on the command line a workspace cannot hold: one line naming the argument, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.cli import main
from briefer.workspace import Workspace

HUGE = str(2**63)
#: Every command taking an id, an offset or a position, with the huge number in each place.
COMMANDS = [
    (["show", "WS", HUGE], "argument article"),
    (["suggest", "WS", HUGE], "argument ARTICLE"),
    (["tag", "add", "WS", HUGE, "--kind", "fact", "--start", "0", "--end", "3"], "argument article"),
    (["tag", "add", "WS", "1", "--kind", "fact", "--start", HUGE, "--end", "3"], "argument --start"),
    (["tag", "add", "WS", "1", "--kind", "fact", "--start", "0", "--end", HUGE], "argument --end"),
    (["tag", "add", "WS", "1", "--kind", "fact", "--text", "The", "--nth", HUGE], "argument --nth"),
    (["tag", "list", "WS", HUGE], "argument article"),
    (["tag", "remove", "WS", HUGE], "argument tag"),
    (["brief", "add", "WS", HUGE, "1"], "argument brief"),
    (["brief", "add", "WS", "1", HUGE], "argument TAG"),
    (["brief", "add", "WS", "1", "1", "--section", "facts", "--position", HUGE], "argument --position"),
    (["brief", "add", "WS", "1", "1", "--section", "facts", "--position", "-" + HUGE], "argument --position"),
    (["brief", "show", "WS", HUGE], "argument brief"),
    (["brief", "set", "WS", HUGE, "title=x"], "argument brief"),
    (["brief", "item", "WS", HUGE, "--comment", "x"], "argument item"),
    (["brief", "auto", "WS", HUGE], "argument brief"),
    (["render", "WS", HUGE, "--format", "md", "-o", "OUT"], "argument brief"),
]


@pytest.fixture
def ws(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "w.briefer")
    assert main(["init", path]) == 0
    assert main(["import", path, str(sample_path)]) == 0
    assert main(["brief", "new", path, "--title", "T"]) == 0
    assert main(["tag", "add", path, "1", "--kind", "fact", "--start", "0", "--end", "7"]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize(("argv", "names"), COMMANDS, ids=[" ".join(a[:2]) + f" {n}" for a, n in COMMANDS])
def test_an_id_or_offset_past_64_bits_is_one_line_naming_the_argument(
    ws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    argv = [ws if a == "WS" else str(tmp_path / "out.md") if a == "OUT" else a for a in argv]
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err.count("\n") == 1
    assert err.startswith(
        f"briefer: error: {names}: '{'-' if '-' + HUGE in argv else ''}{HUGE}' is too large"
    )
    assert not (tmp_path / "out.md").exists()


def test_the_largest_id_a_workspace_holds_is_simply_not_found(
    ws: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", ws, str(2**63 - 1)]) == 1
    assert (
        capsys.readouterr().err == f"briefer: error: article {2**63 - 1}: no such article in this workspace\n"
    )


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e400", "9" * 5000])
def test_a_figure_value_that_is_not_a_finite_number_is_refused_naming_it(
    ws: str, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code = main(
        ["tag", "add", ws, "1", "--kind", "figure", "--start", "0", "--end", "7", "--attr", f"value={value}"]
    )
    assert code == 1
    assert capsys.readouterr().err == f"briefer: error: value={value[:40]}: is not a finite number\n"
    with Workspace.open(Path(ws)) as opened:
        assert [t.kind for t in opened.tags.all()] == ["fact"]


def test_suggest_on_a_400_digit_number_suggests_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "big.txt"
    text.write_text("Big numbers\nThe army has " + "9" * 400 + " soldiers and 120 tanks, officials said.\n")
    ws = str(tmp_path / "w.briefer")
    assert main(["init", ws]) == 0
    assert main(["import", ws, str(text)]) == 0
    capsys.readouterr()
    assert main(["suggest", ws, "1", "--kind", "figure"]) == 0
    out = capsys.readouterr().out
    assert "120 tanks" in out
    assert "999" not in out
