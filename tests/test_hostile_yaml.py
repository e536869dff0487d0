"""YAML someone else wrote: article front matter, taxonomy files, files that are not files."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import pytest

from briefer import taxonomy
from briefer.cli import main
from briefer.errors import ImportFailed, TaxonomyError
from briefer.ingest import extract_file
from briefer.render import load_template
from briefer.yamlsafe import YamlProblem, load

if TYPE_CHECKING:
    from pathlib import Path

BIG = "1" * 5000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 2026-02-30", "2026-02-30"),
        (f"a: {BIG}", BIG),
        ("a: .inf", ".inf"),
        ("a: -.inf", "-.inf"),
        ("a: .nan", ".nan"),
        ("a: 1e400", "1e400"),
        ("a: !!timestamp nonsense", "nonsense"),
    ],
)
def test_values_yaml_cannot_type_stay_the_text_as_written(text: str, value: str) -> None:
    assert load(text) == {"a": value}


def test_values_yaml_can_type_keep_their_type() -> None:
    import datetime as dt

    assert load("a: 2026-02-28\nb: 42\nc: 1.5\nd: true") == {
        "a": dt.date(2026, 2, 28),
        "b": 42,
        "c": 1.5,
        "d": True,
    }


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("a: " + "[" * 5000 + "]" * 5000, None, "nested too deeply"),
        ("a: x\x01", None, "a character YAML does not allow (U+0001)"),
        ("a: x\ufffe", None, "a character YAML does not allow (U+FFFE)"),
        ("a: [1\nb: 2", 2, "expected ',' or ']', but got ':'"),
        (
            "a: !!python/object/apply:os.system [ls]",
            1,
            "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
    ],
)
def test_yaml_that_cannot_be_read_is_one_problem_with_its_line(
    text: str, line: int | None, reason: str
) -> None:
    with pytest.raises(YamlProblem) as info:
        load(text)
    assert (info.value.line, info.value.reason) == (line, reason)


BODY = "# Headline\n\nZelensky said the war is becoming internationalized.\n"


@pytest.mark.parametrize(
    ("front", "title", "published"),
    [
        ("title: Talks\ndate: 2026-02-30", "Talks", None),
        ("title: Talks\ndate: 2026-02-28", "Talks", "2026-02-28"),
        ("title: Talks\npublished: 2026-11-28 10:30:00", "Talks", "2026-11-28T10:30:00"),
        (f"title: {BIG}", BIG, None),
        ("title: .inf\npublished: .inf", ".inf", None),
        ("title: Talks\npublished: 1e400", "Talks", None),
        ('title: "Before\\x01after \\uffff"', "Beforeafter ", None),
    ],
    ids=["feb-30", "date", "date-time", "5000-digits", "inf", "1e400", "controls-escaped"],
)
def test_article_front_matter_with_odd_values_imports(
    tmp_path: Path, front: str, title: str, published: str | None
) -> None:
    path = tmp_path / "article.md"
    path.write_text(f"---\n{front}\n---\n{BODY}")
    article = extract_file(path)
    assert (article.title.strip(), article.published) == (title.strip(), published)
    assert "becoming internationalized" in article.text


def test_article_front_matter_nested_deep_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "{a: " * 3000 + "1" + "}" * 3000 + f"\n---\n{BODY}")
    with pytest.raises(ImportFailed) as info:
        extract_file(path)
    assert str(info.value) == f"{path}: front matter is nested too deeply"


KIND = "kinds:\n  - key: {key}\n    label: {label}\n    shortcut: z\n    colour: '#123456'\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (KIND.format(key="2026-02-30", label="Date"), ":2: kind key '2026-02-30' must be lower-case letters"),
        (KIND.format(key=BIG, label="x"), f":2: kind key '{BIG[:40]}' must be lower-case letters"),
        (KIND.format(key=".inf", label=".nan"), ":2: kind key '.inf' must be lower-case letters"),
        ("kinds: " + "[" * 5000 + "]" * 5000, ": invalid YAML: nested too deeply"),
        (KIND.format(key="a\x01b", label="x"), ": invalid YAML: a character YAML does not allow (U+0001)"),
    ],
    ids=["feb-30", "5000-digits", "inf", "nested", "control"],
)
def test_hostile_taxonomy_files_are_one_line_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text)
    with pytest.raises(TaxonomyError) as info:
        taxonomy.load(path)
    assert str(info.value).startswith(f"{path}{message}")
    assert "\n" not in str(info.value)


def test_a_taxonomy_with_big_numbers_as_labels_loads(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(KIND.format(key="claim", label=BIG))
    assert taxonomy.load(path)["claim"].label == BIG


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


def test_a_fifo_as_taxonomy_file_is_refused_at_once(fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    assert (
        main(
            [
                "--taxonomy",
                str(fifo),
                "tag",
                "add",
                str(fifo.parent / "w.briefer"),
                "1",
                "--kind",
                "fact",
                "--start",
                "0",
                "--end",
                "1",
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == f"briefer: error: {fifo}: is a named pipe (FIFO), not a file\n"
    assert time.perf_counter() - started < 5


def test_a_fifo_as_template_or_article_is_refused_at_once(fifo: Path) -> None:
    template = fifo.rename(fifo.parent / "pipe.md.j2")
    with pytest.raises(Exception, match="is a named pipe \\(FIFO\\), not a file"):
        load_template(template)
    article = template.rename(fifo.parent / "pipe.txt")
    with pytest.raises(ImportFailed) as info:
        extract_file(article)
    assert str(info.value) == f"{article}: is a named pipe (FIFO), not a file"


def test_templates_lists_the_good_ones_and_names_each_broken_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from briefer.render import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "good.md.j2").write_text("---\nname: good\ndescription: 2026-02-30\n---\n# Body\n")
    (folder / "unclosed.md.j2").write_text("---\nname: [x\n---\n")
    (folder / "control.md.j2").write_text("---\nname: a\x01\n---\n")
    (folder / "dangling.md.j2").symlink_to(folder / "nowhere")
    os.mkfifo(folder / "pipe.md.j2")
    assert main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert "good             user      2026-02-30" in out.splitlines()
    assert "sitrep" in out
    assert sorted(err.splitlines()) == [
        f"briefer: error: {folder / 'control.md.j2'}: invalid front matter: a character YAML does not allow"
        " (U+0001)",
        f"briefer: error: {folder / 'dangling.md.j2'}: No such file or directory",
        f"briefer: error: {folder / 'pipe.md.j2'}: is a named pipe (FIFO), not a file",
        f"briefer: error: {folder / 'unclosed.md.j2'}:2: invalid front matter: expected ',' or ']', but got"
        " '<stream end>'",
    ]
