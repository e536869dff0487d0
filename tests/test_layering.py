"""The layering of DESIGN.md holds, every module imports alone, and the core never imports Qt."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import briefer

PACKAGE = Path(briefer.__file__).parent

#: Lowest first. A module may import from its own row and the rows below it, never
#: from a row above. Rows hold the packages planned in DESIGN.md too (``team``,
#: ``evidence``, ``analysis``), so they fit when they land. The shared helpers
#: (errors, paths, dtg, atomic, sandbox, text units, quote anchoring) sit below all.
LAYERS: tuple[frozenset[str], ...] = tuple(frozenset(row) for row in (
    {"errors", "paths", "dtg", "atomic", "sandbox", "text", "anchor", "files", "yamlsafe"},
    {"model"},
    {"taxonomy"},
    {"workspace"},
    {"ingest", "team", "evidence"},
    {"suggest"},
    {"analysis"},
    {"render"},
    {"demo"},  # the demo workspace: imports an article (ingest) into a workspace
    {"gui"},
    {"commands", "cli", "__main__", "desktop"},  # the command line; `briefer gui` starts the gui
))


def layer_of(top: str) -> int:
    """The row of a top-level part of the package (``workspace``, ``gui``…)."""
    for index, row in enumerate(LAYERS):
        if top in row:
            return index
    raise LookupError(f"briefer.{top} is in no layer: add it to LAYERS in {__file__}")


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``briefer/render/docx/footnotes.py`` -> ``briefer.render.docx.footnotes``."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every ``briefer.…`` module a file imports (type-only imports included), with its line."""
    found = []
    parts = module_name(path, package).split(".")
    here = parts if path.name == "__init__.py" else parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, name))
    return [(line, name) for line, name in found if name.startswith("briefer.")]


def violations() -> list[str]:
    """One line per import that reaches up the layers."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name == "briefer":
            continue
        here = layer_of(name.split(".")[1])
        for line, target in imported(path):
            there = layer_of(target.split(".")[1])
            if there > here:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} imports {target} "
                             "from a layer above it")
    return found


def test_layers_hold() -> None:
    assert violations() == []


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "briefer" / "model.py"
    bad.parent.mkdir()
    bad.write_text("from briefer.gui.session import Session\n", encoding="utf-8")
    assert imported(bad, bad.parent) == [(1, "briefer.gui.session")]
    assert layer_of("gui") > layer_of("model")
    with pytest.raises(LookupError, match=r"briefer\.nowhere is in no layer"):
        layer_of("nowhere")


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    module = tmp_path / "briefer" / "render" / "docx" / "writer.py"
    module.parent.mkdir(parents=True)
    module.write_text("from . import styles\nfrom ..context import build\n", encoding="utf-8")
    found = [name for _, name in imported(module, tmp_path / "briefer")]
    assert found == ["briefer.render.docx", "briefer.render.context"]


def all_modules() -> list[str]:
    """Every module of the package, by its dotted name."""
    return sorted(m.name for m in pkgutil.walk_packages(briefer.__path__, "briefer."))


@pytest.mark.slow
def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def import_alone(name: str) -> str | None:
        result = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True,
                                env=env, timeout=120)
        lines = result.stderr.strip().splitlines()
        return f"{name}: {lines[-1] if lines else result.returncode}" if result.returncode else None

    modules = all_modules()
    assert len(modules) > 100
    assert "briefer.gui.window.main_window" in modules
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        failures = [f for f in pool.map(import_alone, modules) if f]
    assert failures == []


def test_core_modules_do_not_load_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, briefer\n"
        "for m in pkgutil.walk_packages(briefer.__path__, 'briefer.'):\n"
        "    if not m.name.startswith('briefer.gui') and m.name != 'briefer.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "from briefer.cli import build_parser; build_parser()\n"
        "loaded = sorted(n for n in sys.modules if n.startswith('PySide6'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
