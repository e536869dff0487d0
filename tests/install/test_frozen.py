"""The one-folder PyInstaller build runs every step of a brief with no Python around it.

One build (packaging/briefer.spec, as ``make bundle`` runs it) serves every test here;
each runs ``dist/briefer/briefer`` with the test venv off PATH and PYTHONPATH unset.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import docx as python_docx
import pytest

import briefer
from tests.ingest.samples import make_docx
from tests.install.flow import QUOTE, ROOT, SAMPLE, SPEAKER, bare_env, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen ``briefer`` executable, built once for this module."""
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
         str(ROOT / "packaging" / "briefer.spec")],
        check=True, capture_output=True, timeout=1200,
    )
    executable = out / "dist" / "briefer" / "briefer"
    assert executable.is_file()
    return executable


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return bare_env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                    QT_QPA_PLATFORM="offscreen")


def test_import_suggest_tag_and_render_every_format(frozen: Path, tmp_path: Path,
                                                    env: dict[str, str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "report.docx").write_bytes(make_docx())
    sources = [SAMPLE, ROOT / "tests" / "data" / "ingest" / "news-page.html", work / "report.docx",
               ROOT / "tests" / "data" / "ingest" / "article.pdf"]
    ws = work / "work.briefer"
    run([frozen, "init", ws], work, env)
    run([frozen, "import", ws, *sources], work, env)
    articles = json.loads(run([frozen, "list", ws, "--json"], work, env))
    assert len(articles) == 4
    assert "Ukraine mobilizes amid Russian gains" in {a["title"] for a in articles}

    suggested = json.loads(run([frozen, "suggest", ws, "1", "--kind", "quote", "--json"], work, env))
    assert {"text": QUOTE.rstrip("."), "speaker": SPEAKER} in [
        {"text": s["text"].rstrip("."), "speaker": s.get("speaker")} for s in suggested]
    # pymorphy3's dictionaries: a Ukrainian speaker named in the genitive comes out nominative.
    uk = "За словами економістки Наталії Бойко, «бізнес і так працює в умовах відключень світла»."
    proc = subprocess.run([str(frozen), "suggest", "--stdin", "--kind", "quote", "--json"], input=uk,
                          cwd=work, env=env, capture_output=True, text=True, check=True)
    assert [s["speaker"] for s in json.loads(proc.stdout)] == ["Наталія Бойко"]

    run([frozen, "tag", "add", ws, "1", "--kind", "quote", "--text", QUOTE, "--speaker", SPEAKER], work, env)
    run([frozen, "brief", "new", ws, "--title", "Ukraine: mobilization", "--marking", "TLP:AMBER"], work, env)
    run([frozen, "brief", "auto", ws, "1"], work, env)
    for fmt in ("md", "docx", "html"):
        run([frozen, "render", ws, "1", "--format", fmt, "-o", work / f"brief.{fmt}"], work, env)
    assert QUOTE in (work / "brief.md").read_text(encoding="utf-8")
    assert QUOTE in (work / "brief.html").read_text(encoding="utf-8")
    document = python_docx.Document(str(work / "brief.docx"))
    assert any(QUOTE in p.text for p in document.paragraphs)
    assert "TLP:AMBER" in document.sections[0].header.paragraphs[0].text


def test_the_gui_starts_offscreen_on_the_given_workspace(frozen: Path, tmp_path: Path,
                                                        env: dict[str, str]) -> None:
    ws = tmp_path / "opened-from-a-file-manager"  # no extension, as a file manager may pass it
    run([frozen, "init", ws], tmp_path, env)
    gui = subprocess.Popen([str(frozen), "gui", str(ws)], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    settings = Path(env["XDG_CONFIG_HOME"]) / "Briefer" / "Briefer.ini"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and gui.poll() is None and str(ws) not in _text(settings):
        time.sleep(0.2)
    time.sleep(3)  # still running a few seconds later
    alive = gui.poll() is None
    gui.terminate()
    _, stderr = gui.communicate(timeout=30)
    assert alive, stderr
    assert f"last={ws}" in _text(settings), stderr
    assert "Traceback" not in stderr


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def test_desktop_install_points_the_menu_entry_at_the_frozen_binary(frozen: Path, tmp_path: Path,
                                                                     env: dict[str, str]) -> None:
    run([frozen, "desktop", "install", "--user"], tmp_path, env)
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "briefer.desktop"
    assert f"Exec={frozen} gui %f\n" in entry.read_text(encoding="utf-8")
    assert (Path(env["XDG_DATA_HOME"]) / "icons/hicolor/512x512/apps/briefer.png").is_file()


def test_the_deb_is_lintian_clean_and_runs_from_usr_bin(frozen: Path, tmp_path: Path,
                                                        env: dict[str, str]) -> None:
    out = run([sys.executable, ROOT / "packaging" / "build_deb.py", frozen.parent, "--out", tmp_path],
              tmp_path, env).strip()
    deb = Path(out)
    assert deb.name == f"briefer_{briefer.__version__}_{deb.name.split('_')[-1]}"
    lintian = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)], capture_output=True,
                             text=True)
    assert lintian.returncode == 0, lintian.stdout + lintian.stderr  # it fails on errors, not warnings
    assert [line for line in lintian.stdout.splitlines() if line.startswith("E:")] == []
    root = tmp_path / "root"
    run(["dpkg-deb", "-x", deb, root], tmp_path, env)
    briefer_cmd = root / "usr" / "bin" / "briefer"
    assert (root / "usr/share/applications/briefer.desktop").read_text(encoding="utf-8").count(
        "Exec=briefer gui %f\n") == 1
    assert (root / "usr/share/mime/packages/briefer-workspace.xml").is_file()
    work = tmp_path / "work"
    work.mkdir()
    (work / "report.docx").write_bytes(make_docx())
    ws = work / "work.briefer"
    run([briefer_cmd, "init", ws], work, env)
    run([briefer_cmd, "import", ws, work / "report.docx", ROOT / "tests" / "data" / "ingest" / "article.pdf"],
        work, env)
    run([briefer_cmd, "brief", "new", ws, "--title", "From the package"], work, env)
    run([briefer_cmd, "render", ws, "1", "--format", "docx", "-o", work / "brief.docx"], work, env)
    assert python_docx.Document(str(work / "brief.docx")).paragraphs
