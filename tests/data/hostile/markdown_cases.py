"""Markdown and YAML front matter: alias bombs, tags that construct Python objects, huge
and deeply nested front matter, pathological Markdown nesting and delimiters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "markdown"
BODY = "# Ukraine mobilizes\n\nZelensky said the war is becoming internationalized.\n\n160,000 personnel.\n"
KEPT = ("becoming internationalized",)


def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        previous = chr(96 + i)
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + previous] * 9)}]")
    lines.append("title: *j")
    return "\n".join(lines)


def _nested_maps(depth: int) -> str:
    keys = "".join("  " * i + f"k{i}:\n" for i in range(depth))
    return f"---\n{keys}{'  ' * depth}v: 1\n---\n{BODY}"


def cases(folder: Path) -> Iterator[Case]:
    """Write the Markdown inputs and yield their cases; object tags aim at PWNED files."""
    pwned = folder / G / "PWNED"
    samples: list[tuple[str, str, str, tuple[str, ...], str, str]] = [
        ("billion-laughs.md", f"---\n{_laughs()}\n---\n{BODY}", "either", (), "",
         "YAML aliases that expand to a billion items"),
        ("python-apply.md",
         f'---\ntitle: !!python/object/apply:os.system ["touch {pwned}-apply"]\n---\n{BODY}', "either",
         (), "", "a YAML tag that would run os.system"),
        ("python-new.md", f"---\ntitle: !!python/object/new:subprocess.check_output [[touch, {pwned}-new]]\n"
         f"---\n{BODY}", "either", (), "", "a YAML tag that would start a process"),
        ("python-name.md", f"---\ntitle: !!python/name:os.system\n---\n{BODY}", "either", (), "",
         "a YAML tag naming a Python function"),
        ("python-module.md", f"---\nx: !!python/module:os\n---\n{BODY}", "either", (), "",
         "a YAML tag importing a module"),
        ("huge-front-matter.md", "---\n" + "".join(f"key{i}: {'value ' * 20}\n" for i in range(10_000))
         + f"---\n{BODY}", "error", (), "front matter is over", "1.4 MB of front matter"),
        ("nested-lists.md", "---\ntitle: " + "[" * 10_000 + "]" * 10_000 + f"\n---\n{BODY}", "either", (),
         "", "a flow list nested 10,000 deep in front matter"),
        ("nested-maps.md", _nested_maps(240), "either", (), "", "mappings nested 240 deep in front matter"),
        ("nested-maps-deeper.md", _nested_maps(2_000), "error", (), "over 64 KB",
         "mappings nested 2,000 deep (4 MB of indentation)"),
        ("many-anchors.md", "---\n" + "".join(f"a{i}: &x{i} v{i}\n" for i in range(2_000))
         + f"---\n{BODY}", "ok", KEPT, "", "2,000 anchors in front matter"),
        ("unterminated-front-matter.md", f"---\ntitle: Never closed\nauthor: X\n{BODY}", "either", (), "",
         "front matter that never closes"),
        ("front-matter-not-a-map.md", f"---\n- a\n- b\n---\n{BODY}", "ok", KEPT, "",
         "front matter that is a list"),
        ("front-matter-tabs.md", f"---\ntitle:\t\tTabs\n\tbad: indent\n---\n{BODY}", "either", (), "",
         "tabs where YAML forbids them"),
        ("front-matter-binary-scalar.md", f"---\ntitle: !!binary aGVsbG8=\n---\n{BODY}", "ok", KEPT, "",
         "a !!binary scalar as the title"),
        ("front-matter-only.md", "---\ntitle: Only metadata\n---\n", "error", (), "", "no body at all"),
        ("blockquotes-100000.md", ">" * 100_000 + " deep\n\n" + BODY, "either", (), "",
         "100,000 nested block quotes"),
        ("lists-5000.md", "".join("  " * i + "- item\n" for i in range(5_000)) + "\n" + BODY, "either", (),
         "", "lists nested 5,000 deep"),
        ("brackets.md", BODY + "[" * 100_000 + "\n", "either", KEPT, "", "100,000 opening brackets"),
        ("emphasis-run.md", BODY + "*a **a " * 50_000 + "\n", "either", (), "",
         "50,000 unclosed emphasis runs"),
        ("backticks.md", BODY + "`" * 100_000 + "\n", "either", (), "", "100,000 backticks"),
        ("angle-brackets.md", BODY + "<" * 100_000 + "\n", "either", (), "", "100,000 '<'"),
        ("link-references.md", BODY + "".join(f"[r{i}]: http://example.com/{i}\n" for i in range(50_000)),
         "ok", KEPT, "", "50,000 link reference definitions"),
        ("wide-table.md", "# Table\n\n" + "|" + "c|" * 20_000 + "\n|" + "-|" * 20_000 + "\n|" + "x|" * 20_000
         + "\n\n" + BODY, "either", (), "", "a table 20,000 columns wide"),
        ("html-script.md",
         BODY + "\n<script>alert('x')</script>\n<iframe src='file:///etc/passwd'></iframe>\n", "ok", KEPT, "",
         "raw HTML with a script and an iframe"),
        ("nul-bytes.md", BODY.replace(" ", "\x00 ", 2), "either", (), "", "NUL bytes in Markdown"),
    ]
    for name, text, expect, contains, reason, note in samples:
        write(folder, f"{G}/{name}", text)
        yield Case(f"{G}/{name}", G, "import", expect, contains=contains, reason=reason, note=note)
