"""Received workspaces with SQL of their own or odd files beside them, and templates reaching out.

(A brief naming a file as its template, zip-bomb and FIFO reference documents and
a FIFO as workspace are in tests/render/test_containment.py and
tests/cli/test_foreign_workspace_cli.py: their errors name the thing, not a file here.)
"""

from __future__ import annotations

import shutil
import sqlite3
from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write
from tests.data.hostile.workspace_cases import _workspace

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "workspace"
T = "templates"
_SQL = {
    "foreign-trigger-wipes-tags": "CREATE TRIGGER wipe AFTER INSERT ON tags BEGIN DELETE FROM tags; END",
    "foreign-slow-trigger": "DROP TRIGGER articles_fts_insert; CREATE TRIGGER articles_fts_insert AFTER"
                            " INSERT ON articles BEGIN SELECT count(*) FROM (WITH RECURSIVE n(i) AS"
                            " (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
                            " SELECT i FROM n); END",
    "foreign-view": "CREATE VIEW spy AS SELECT text FROM articles",
    "foreign-index": "CREATE INDEX extra ON tags(note)",
    "foreign-table": "CREATE TABLE loot (data BLOB)",
    "missing-fts-trigger": "DROP TRIGGER articles_fts_delete",
}


def cases(folder: Path) -> Iterator[Case]:
    """Write the inputs and yield their cases."""
    good = _workspace(folder / G / "containment-source.briefer", articles=5)
    for name, script in _SQL.items():
        target = folder / G / f"{name}.briefer"
        shutil.copyfile(good, target)
        conn = sqlite3.connect(target)
        conn.executescript(script)
        conn.close()
        reason = "missing trigger" if name.startswith("missing") else "foreign "
        yield Case(f"{G}/{name}.briefer", G, "workspace", "error", reason=reason,
                   note="schema objects this Briefer does not make, refused on open")
    for companion in ("wal", "shm"):
        target = folder / G / f"{companion}-is-a-folder.briefer"
        shutil.copyfile(good, target)
        target.with_name(f"{target.name}-{companion}").mkdir()
        yield Case(f"{G}/{target.name}", G, "workspace", "error", reason="where the workspace's log belongs",
                   note=f"a folder where the -{companion} file belongs")
    damaged_index = folder / G / "damaged-fts-index.briefer"
    shutil.copyfile(good, damaged_index)
    conn = sqlite3.connect(damaged_index)
    conn.execute("DELETE FROM articles_fts_config")
    conn.commit()
    conn.close()
    yield Case(f"{G}/{damaged_index.name}", G, "workspace", "either",
               note="a damaged full-text index (opens; check names it, recover rebuilds it)")
    for name, reference in (("absolute", "/etc/passwd"), ("parent", "../../etc/passwd"),
                            ("proc", "/proc/self/environ"), ("home", "~/.ssh/id_rsa")):
        write(folder, f"{T}/reference-{name}.md.j2",
              f"---\ndocx:\n  reference: {reference}\n---\n# {{{{ brief.title }}}}\n")
        yield Case(f"{T}/reference-{name}.md.j2", T, "template", "error", reason="not a path",
                   absent=("root:x:0",), note=f"a reference document named by path ({reference})")
