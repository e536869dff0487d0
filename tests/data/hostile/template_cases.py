"""Templates from colleagues and text from sources: loops, ranges, recursion, memory bombs,
sandbox escapes, includes outside the template folders, hostile front matter, and control
characters in tags and briefs that must still export to DOCX."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.data.hostile.corpus import Case, write
from tests.data.hostile.encodings import CONTROLS

if TYPE_CHECKING:
    from collections.abc import Iterator

G = "templates"
FRONT = "---\nname: hostile\nsections:\n  - id: key\n    kinds: [fact, quote, figure]\n---\n"
#: Every control character but NUL, which no text field can hold.
ALL_CONTROLS = "".join(chr(c) for c in CONTROLS if c)


def render_case(path: str) -> dict[str, Any]:
    """Render a brief through a hostile template, or with hostile data through sitrep, to DOCX.

    Runs in the sandboxed child of the corpus walker; the renderer starts its own
    sandbox for the template, as the app does. Returns the DOCX's text.
    """
    import docx

    from briefer.demo import sample_article_path
    from briefer.ingest import extract_file
    from briefer.render import Renderer
    from briefer.workspace import Workspace

    source = Path(path)
    data = json.loads(source.read_text(encoding="utf-8")) if source.suffix == ".json" else {}
    with tempfile.TemporaryDirectory() as tmp, Workspace.create(Path(tmp) / "t.briefer") as ws:
        article = ws.articles.add(extract_file(sample_article_path())).id
        text = ws.articles.text(article)
        start = text.index("this war is becoming")
        quote = ws.tags.add(article, "quote", start, start + 40,
                            attributes={"speaker": data.get("speaker", "Zelensky"),
                                        "role": data.get("role", "")}, note=data.get("note", "")).id
        figure = ws.tags.add(article, "figure", text.index("160,000"), text.index("160,000") + 7,
                             attributes={"value": 160000, "unit": data.get("unit", "personnel")}).id
        brief = ws.briefs.new(data.get("title", "Hostile brief"), bluf=data.get("bluf", "Bottom line."),
                              assessment=data.get("assessment", ""), author=data.get("author", "")).id
        items = ws.briefs.add_tags(brief, "key", [quote, figure]).ids
        if "comment" in data:
            ws.briefs.set_item(items[0], comment=data["comment"])
        if "note_item" in data:
            ws.briefs.add_note(brief, "key", data["note_item"])
        template = str(source) if source.suffix == ".j2" else "sitrep"
        renderer = Renderer()
        try:
            out = renderer.export(ws, brief, "docx", Path(tmp) / "brief.docx", template=template)
            markdown = renderer.markdown(ws, brief, template=template)
        finally:
            renderer.close()
        document = docx.Document(str(out))
        cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
        comments = (comment.text for comment in document.comments)
        body = "\n".join([*(p.text for p in document.paragraphs), *cells, *comments])
        return {"title": document.core_properties.title, "text": body, "markdown_chars": len(markdown)}


def _data_cases(folder: Path) -> Iterator[Case]:
    fields = {
        "title": "Brief title", "bluf": "Bottom line", "assessment": "Assessment", "speaker": "Speaker",
        "role": "Role", "note": "Tag note", "unit": "Unit", "comment": "Item comment",
        "note_item": "Analyst note", "author": "Author",
    }
    for field, label in fields.items():
        name = f"{G}/controls-in-{field.replace('_', '-')}.json"
        write(folder, name, json.dumps({field: f"{label} before{ALL_CONTROLS}after"}))
        shown = () if field == "note" else ("before",)  # sitrep does not print tag notes
        yield Case(name, G, "template", "ok", contains=shown,
                   note=f"all 64 non-NUL control characters in the {label.lower()}, exported to DOCX")
    for code in (0x01, 0x0B, 0x1B, 0x7F, 0x85, 0x9F):
        name = f"{G}/control-U+{code:04X}-in-speaker.json"
        write(folder, name, json.dumps({"speaker": f"Zelensky{chr(code)} Volodymyr"}))
        yield Case(name, G, "template", "ok", contains=("Zelensky",),
                   note=f"U+{code:04X} in a quote's speaker, exported to DOCX")
    name = f"{G}/surrogates-and-noncharacters.json"
    write(folder, name, json.dumps({"bluf": "Bottom \ud800 line \ufffe\uffff here", "note": "\udfff"}))
    yield Case(name, G, "template", "either", note="lone surrogates and noncharacters in a BLUF and a note")


def cases(folder: Path) -> Iterator[Case]:
    """Write the template inputs and yield their cases."""
    yield from _data_cases(folder)
    pwned = folder / G / "PWNED"
    bodies: list[tuple[str, str, str, str]] = [
        ("range-1e9.md.j2", "{% for i in range(10**9) %}x{% endfor %}", "error", "range(10**9)"),
        ("nested-ranges.md.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
         "{% endfor %}", "error", "10^10 loop iterations (an infinite loop in practice)"),
        ("recursive-macro.md.j2", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "error",
         "a macro calling itself forever"),
        ("recursive-loop.md.j2", "{% for x in [[1]] recursive %}{{ loop([x]) }}{% endfor %}", "error",
         "a recursive for loop that never ends"),
        ("string-bomb.md.j2", '{{ "x" * 10**10 }}', "error", "a 10 GB string"),
        ("list-bomb.md.j2", "{{ ([0] * 10**9)|length }}", "error", "a list of a billion items"),
        ("output-flood.md.j2", '{% for i in range(99999) %}{{ "y" * 100000 }}{% endfor %}', "error",
         "10 GB of output"),
        ("join-bomb.md.j2", '{{ ("ab" * 10**4)|join("x" * 10**4) }}', "either", "a 400 MB join"),
        ("mro-subclasses.md.j2", '{{ "".__class__.__mro__[1].__subclasses__() }}', "error",
         "reaching object.__subclasses__()"),
        ("cycler-globals.md.j2", "{{ cycler.__init__.__globals__.os }}", "error",
         "a function's __globals__"),
        ("lipsum-popen.md.j2", f'{{{{ lipsum.__globals__["os"].popen("touch {pwned}-lipsum").read() }}}}',
         "error", "os.popen through lipsum.__globals__"),
        ("self-context.md.j2", "{{ self._TemplateReference__context }}", "error",
         "the template's own context"),
        ("format-escape.md.j2", '{{ "{0.__class__.__init__.__globals__}".format(brief) }}', "error",
         "str.format reaching __globals__"),
        ("format-map-escape.md.j2", '{{ "{a.__class__}".format_map({"a": brief}) }}', "error",
         "str.format_map reaching __class__"),
        ("attr-filter.md.j2", '{{ brief|attr("__class__") }}', "either", "the attr filter on __class__"),
        ("item-dunder.md.j2", '{{ brief["__class__"].__base__ }}', "error", "a dunder as an item"),
        ("append.md.j2", "{% set x = [] %}{{ x.append(1) }}", "error", "mutating a list (immutable sandbox)"),
        ("include-passwd.md.j2", '{% include "/etc/passwd" %}', "error", "including /etc/passwd"),
        ("include-traversal.md.j2", '{% include "../../../../../../etc/passwd" %}', "error",
         "including a path outside the template folders"),
        ("extends-outside.md.j2", '{% extends "../sitrep.md.j2" %}', "error",
         "extending a parent folder's file"),
        ("import-outside.md.j2", '{% import "/etc/hostname" as h %}{{ h }}', "error",
         "importing /etc/hostname"),
        ("undefined.md.j2", "{{ nothing.at.all }}", "error", "an undefined name"),
        ("syntax-error.md.j2", "{% for x in %}{% endfor %}", "error", "a syntax error"),
        ("unclosed-block.md.j2", "{% if true %}never closed", "error", "a block never closed"),
        ("deep-ifs.md.j2", "{% if true %}" * 3000 + "deep" + "{% endif %}" * 3000, "either",
         "3,000 nested if blocks"),
        ("long-expression.md.j2", "{{ " + " + ".join(["1"] * 50_000) + " }}", "either",
         "an expression of 50,000 terms"),
        ("control-literals.md.j2", "# Title\n\nBefore \x01\x02\x0b\x1b after {{ brief.title }}\n", "either",
         "control characters written in the template itself"),
        ("pathological-markdown.md.j2", '# Brief\n\n{{ "*a **a " * 1500000 }}', "either",
         "10 MB of unclosed emphasis for the Markdown parser"),
        ("deep-quotes.md.j2", '# Brief\n\n{% for i in range(20000) %}>{% endfor %} deep\n', "either",
         "block quotes nested 20,000 deep in the output"),
    ]
    for name, body, expect, note in bodies:
        write(folder, f"{G}/{name}", FRONT + body + "\n")
        yield Case(f"{G}/{name}", G, "template", expect, note=note)
    extra: list[tuple[str, bytes | str, str, str, str]] = [
        ("huge.md.j2", FRONT + "x" * 600_000, "error", "larger than", "a 600 KB template"),
        ("not-utf8.md.j2", FRONT.encode() + b"\xff\xfe\x00bad", "error", "UTF-8",
         "a template that is not UTF-8"),
        ("front-matter-python.md.j2", f'---\nname: !!python/object/apply:os.system ["touch {pwned}-yaml"]\n'
         "---\nbody\n", "error", "", "a YAML tag that would run a command"),
        ("front-matter-laughs.md.j2", "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
         + "name: *j\n---\nbody\n", "error", "", "billion laughs in the front matter"),
        ("front-matter-unclosed.md.j2", "---\nname: x\nbody without a closing line\n", "error", "closing",
         "front matter never closed"),
    ]
    for name, data, expect, reason, note in extra:
        write(folder, f"{G}/{name}", data)
        yield Case(f"{G}/{name}", G, "template", expect, reason=reason, note=note)
