"""Received workspaces and templates reach no file outside them; reference documents are checked.

A template or reference document named inside a workspace (a brief's template)
or inside a template's front matter is looked up by name in the built-in and
user templates folders; only a path the analyst gives is opened as a path.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest

from briefer.errors import InvalidInput, NotFound, TemplateFailed
from briefer.render import FORMATS, Renderer, load_template, user_templates_dir
from tests.render.conftest import fill_demo_brief

if TYPE_CHECKING:
    from briefer.workspace import Workspace

SECRET = "secret-token-4711"


def _home_secret() -> Path:
    """A private file in the (temporary) home folder, as ~/.ssh/id_rsa would be."""
    secret = Path.home() / ".ssh" / "id_rsa"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(f"-----BEGIN KEY-----\n{SECRET}\n")
    return secret


def _outside_files() -> list[str]:
    return ["/etc/passwd", str(_home_secret()), "~/.ssh/id_rsa", "/proc/self/environ", "../../etc/passwd"]


def _exports(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.iterdir() if p.is_file()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_brief_naming_a_file_as_its_template_exports_nothing_of_it(
    demo_ws: Workspace, renderer: Renderer, tmp_path: Path, fmt: str,
) -> None:
    brief = fill_demo_brief(demo_ws)
    out = tmp_path / "out"
    out.mkdir()
    for name in _outside_files():
        with demo_ws.store.transaction() as conn:  # as a received workspace would carry it
            conn.execute("UPDATE briefs SET template = ? WHERE id = ?", (name, brief))
        with pytest.raises(NotFound, match="no such template"):
            renderer.export(demo_ws, brief, fmt, out / f"brief.{fmt}")
    assert _exports(out) == []


def test_the_command_line_refuses_a_received_brief_template_path_in_one_line(
    demo_ws: Workspace, tmp_path: Path,
) -> None:
    brief = fill_demo_brief(demo_ws)
    secret = _home_secret()
    with demo_ws.store.transaction() as conn:
        conn.execute("UPDATE briefs SET template = ? WHERE id = ?", (str(secret), brief))
    out = tmp_path / "brief.md"
    done = subprocess.run([sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())",
                           "render", str(demo_ws.path), str(brief), "--format", "md", "-o", str(out)],
                          capture_output=True, text=True, timeout=120, env=os.environ)
    assert done.returncode != 0
    assert done.stderr == f"briefer: error: template {str(secret)!r}: no such template" \
                          " (known: bluf-memo, quote-digest, sitrep)\n"
    assert not out.exists()


def test_new_and_set_store_only_template_names(demo_ws: Workspace) -> None:
    from briefer.cli import main

    assert main(["brief", "new", str(demo_ws.path), "--title", "X", "--template", "/etc/passwd"]) != 0
    assert demo_ws.briefs.all() == []


@pytest.mark.parametrize("reference", ["/etc/passwd", "~/.ssh/id_rsa", "../house.docx", "/proc/self/environ"])
def test_a_template_naming_a_reference_document_by_path_is_refused(reference: str, tmp_path: Path) -> None:
    template = tmp_path / "house.md.j2"
    template.write_text(f"---\ndocx:\n  reference: {reference}\n---\n# {{{{ brief.title }}}}\n")
    with pytest.raises(TemplateFailed, match="must be the file name of a document in the templates folder"):
        load_template(template)


def test_a_template_reference_is_found_only_in_the_templates_folders(
    demo_ws: Workspace, renderer: Renderer, tmp_path: Path,
) -> None:
    brief = fill_demo_brief(demo_ws)
    house = docx.Document()
    house.core_properties.subject = "house style"
    house.save(str(tmp_path / "house.docx"))  # beside the template, not in a templates folder
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    template = folder / "house.md.j2"
    template.write_text("---\ndocx:\n  reference: house.docx\n---\n# {{ brief.title }}\n")
    with demo_ws.store.transaction() as conn:
        conn.execute("UPDATE briefs SET template = 'house' WHERE id = ?", (brief,))
    with pytest.raises(NotFound, match=r"reference document 'house\.docx': not in the user or built-in"):
        renderer.export(demo_ws, brief, "docx", tmp_path / "brief.docx")
    (tmp_path / "house.docx").rename(folder / "house.docx")
    renderer.export(demo_ws, brief, "docx", tmp_path / "brief.docx")
    assert docx.Document(str(tmp_path / "brief.docx")).paragraphs[0].text == demo_ws.briefs.get(brief).title


def _zip_bomb(path: Path, megabytes: int) -> None:
    """A Word document carrying one image of ``megabytes`` zeros (a few hundred KB compressed)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/media/image1.png", "w", force_zip64=True) as member:
        block = bytes(1 << 20)
        for _ in range(megabytes):
            member.write(block)
    path.write_bytes(buffer.getvalue())


def test_a_zip_bomb_reference_document_is_refused_before_it_is_unpacked(
    demo_ws: Workspace, tmp_path: Path,
) -> None:
    brief = fill_demo_brief(demo_ws)
    bomb = tmp_path / "bomb.docx"
    _zip_bomb(bomb, 600)
    assert bomb.stat().st_size < 1_000_000
    # VmHWM is this process's own peak: getrusage's ru_maxrss survives execve, so under a
    # large pytest process it would report the parent's peak instead.
    script = ("import re, sys; from pathlib import Path; from briefer.cli import main;"
              " code = main(sys.argv[1:]);"
              " print(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1));"
              " sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script, "render", str(demo_ws.path), str(brief),
                           "--format", "docx", "-o", str(tmp_path / "b.docx"), "--reference-doc", str(bomb)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert done.stderr.startswith(f"briefer: error: reference document {bomb}: zip bomb: ")
    assert done.stderr.count("\n") == 1
    assert int(done.stdout.split()[-1]) < 400_000  # KB: far below the 600 MB the image unpacks to
    assert not (tmp_path / "b.docx").exists()


def test_a_fifo_as_reference_document_is_refused_without_waiting(demo_ws: Workspace, tmp_path: Path) -> None:
    brief = fill_demo_brief(demo_ws)
    fifo = tmp_path / "ref.docx"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-c", "import sys; from briefer.cli import main; sys.exit(main())",
                           "render", str(demo_ws.path), str(brief), "--format", "docx",
                           "-o", str(tmp_path / "b.docx"), "--reference-doc", str(fifo)],
                          capture_output=True, text=True, timeout=60)
    assert done.stderr == f"briefer: error: reference document {fifo}: not a regular file\n"


def _without(source: Path, target: Path, drop: str | None = None,
             edit: tuple[str, str] | None = None) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == drop:
                continue
            if edit and item.filename == edit[0]:
                data = re.sub(edit[1].encode(), b"", data)
            dst.writestr(item, data)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ({"drop": "word/styles.xml"}, "not a readable Word document"),
        ({"edit": ("word/_rels/document.xml.rels", r'<Relationship [^>]*Target="styles.xml"/>')},
         "no styles part"),
        ({"edit": ("word/document.xml", "<w:body>")}, "not a readable Word document"),
        ("no body", "no body"),
        ("no section", "no section properties"),
    ],
)
def test_a_malformed_reference_document_is_a_one_line_error(
    demo_ws: Workspace, renderer: Renderer, tmp_path: Path, damage: object, reason: str,
) -> None:
    brief = fill_demo_brief(demo_ws)
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    bad = tmp_path / "bad.docx"
    if damage == "no body":
        document = docx.Document(str(good))
        document.element.remove(document.element.body)
        document.save(str(bad))
    elif damage == "no section":
        document = docx.Document(str(good))
        body = document.element.body
        for section in body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"):
            body.remove(section)
        document.save(str(bad))
    else:
        assert isinstance(damage, dict)
        _without(good, bad, **damage)
    with pytest.raises(InvalidInput, match=reason) as info:
        renderer.export(demo_ws, brief, "docx", tmp_path / "b.docx", reference_doc=bad)
    assert str(info.value).startswith(f"reference document {bad}: ")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "b.docx").exists()
