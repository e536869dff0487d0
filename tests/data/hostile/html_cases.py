"""Web pages: nesting past lxml's depth limit, a 100 MB page, no body, only scripts, wrong
charsets, entity bombs, external entities, malformed markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.data.hostile.corpus import Case, write

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

G = "html"
ARTICLE = ("<p>Zelensky said the war is becoming internationalized, extending beyond two countries.</p>"
           "<p>Ukraine plans to recruit 160,000 personnel, the defence ministry said on Tuesday.</p>"
           "<p>Russia took 478 square kilometers in October, according to analysts in Kyiv.</p>")
KEPT = ("becoming internationalized", "160,000 personnel")
PAGE = f"<html><head><title>Ukraine mobilizes</title></head><body><article>{ARTICLE}</article></body></html>"
PASSWD = "root:x:0:0"


def _nested(depth: int, closed: bool = True, tag: str = "div") -> str:
    inner = f"<article><h1>Ukraine mobilizes</h1>{ARTICLE}</article>"
    close = f"</{tag}>" * depth if closed else ""
    return f"<html><head><title>Deep</title></head><body>{f'<{tag}>' * depth}{inner}{close}</body></html>"


def _entity_bomb() -> str:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return (f"<!DOCTYPE html [{''.join(entities)}]><html><body><article><p>&lol9;</p>{ARTICLE}"
            "</article></body></html>")


def _write_big(folder: Path, name: str, size: int) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    chunk = ("<div class='ad'><span>filler text in a sidebar</span></div>\n" * 1000).encode()
    with path.open("wb") as fh:
        fh.write(b"<html><body><article>" + ARTICLE.encode())
        while fh.tell() < size:
            fh.write(chunk)
        fh.write(b"</article></body></html>")


def cases(folder: Path) -> Iterator[Case]:
    """Write the web page inputs and yield their cases."""
    for depth in (255, 300, 1000, 10_000, 100_000):
        name = f"{G}/nested-{depth}.html"
        write(folder, name, _nested(depth))
        yield Case(name, G, "import", "ok", contains=KEPT, note=f"the article inside {depth} nested divs")
    write(folder, f"{G}/nested-unclosed-5000.html", _nested(5000, closed=False))
    yield Case(f"{G}/nested-unclosed-5000.html", G, "import", "ok", contains=KEPT,
               note="5,000 divs opened and never closed around the article")
    write(folder, f"{G}/nested-tables-3000.html", _nested(3000, tag="table><tr><td").replace(
        "</table><tr><td>", "</td></tr></table>"))
    yield Case(f"{G}/nested-tables-3000.html", G, "import", "either", note="3,000 nested tables")
    write(folder, f"{G}/nested-spans-in-paragraph.html",
          f"<html><body><p>{'<b><i>' * 2000}Zelensky said the war is becoming internationalized."
          f"{'</i></b>' * 2000}</p>{ARTICLE}</body></html>")
    yield Case(f"{G}/nested-spans-in-paragraph.html", G, "import", "ok", contains=KEPT,
               note="4,000 nested inline tags in one paragraph")
    _write_big(folder, f"{G}/page-100mb.html", 100 * 1024 * 1024)
    yield Case(f"{G}/page-100mb.html", G, "import", "error", reason="over the 50.0 MB limit",
               note="a 100 MB page (over the size cap)")
    _write_big(folder, f"{G}/page-20mb.html", 20 * 1024 * 1024)
    yield Case(f"{G}/page-20mb.html", G, "import", "either", note="a 20 MB page of sidebar boxes")
    samples: list[tuple[str, bytes | str, str, tuple[str, ...], tuple[str, ...], str]] = [
        ("no-body.html",
         "<html><head><title>Only a head</title><meta name='author' content='X'></head></html>", "either",
         (), (), "a page without a body"),
        ("only-scripts.html", "<html><head><script>var a = 1;</script></head><body>"
         + "<script>document.write('Zelensky said it');</script>" * 50 + "</body></html>",
         "error", (), ("document.write",), "a body of scripts only"),
        ("only-styles-comments.html", "<html><body><style>p{color:red}</style>" + "<!-- a comment -->" * 500
         + "</body></html>", "error", (), (), "styles and comments only"),
        ("unclosed-comment.html", f"<html><body>{ARTICLE}<!-- never closed {ARTICLE * 20}", "either", (), (),
         "a comment never closed"),
        ("unclosed-script.html", f"<html><body>{ARTICLE}<script>var x = '{ARTICLE * 20}", "either", (), (),
         "a script never closed"),
        ("charset-utf8-but-cp1251.html", ("<html><head><meta charset='utf-8'><title>Украина</title>"
         "</head><body><article>" + "<p>Зеленский заявил, что война становится международной.</p>" * 5
         + "</article></body></html>").encode("cp1251"), "either", (), (), "declares UTF-8, is cp1251"),
        ("charset-cp1251-but-utf8.html", ("<html><head><meta charset='windows-1251'><title>Украина</title>"
         "</head><body><article>" + "<p>Зеленский заявил, что война становится международной.</p>" * 5
         + "</article></body></html>").encode(), "ok", ("Зеленский заявил",), (),
         "declares windows-1251, is UTF-8"),
        ("charset-unknown.html", f"<html><head><meta charset='x-no-such-charset'></head><body>{ARTICLE}"
         "</body></html>", "ok", KEPT, (), "declares a charset that does not exist"),
        ("charset-utf16-but-ascii.html", f"<html><head><meta charset='utf-16'></head><body>{ARTICLE}"
         "</body></html>", "ok", KEPT, (), "declares UTF-16, is ASCII"),
        ("charset-conflicting.html", ("<html><head><meta charset='koi8-r'><meta http-equiv='Content-Type' "
         "content='text/html; charset=shift_jis'></head><body><article>"
         + "<p>Зеленский заявил, что война становится международной.</p>" * 5
         + "</article></body></html>").encode("koi8_r"), "either", (), (), "two different charsets declared"),
        ("utf16-no-bom.html", PAGE.encode("utf-16-le"), "ok", KEPT, (), "a page in UTF-16 without BOM"),
        ("entity-bomb.html", _entity_bomb(), "either", (), ("lollollollollollollollollollol",),
         "billion laughs in an internal DTD"),
        ("xxe.xhtml", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
         f'<html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>&xxe;</p>{ARTICLE}</article>'
         "</body></html>", "either", (), (PASSWD,), "an external entity pointing at /etc/passwd"),
        ("xxe-parameter.html", '<!DOCTYPE html [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
         f"<html><body>{ARTICLE}</body></html>", "either", (), (PASSWD,), "an external parameter entity"),
        ("million-entities.html", f"<html><body><article>{ARTICLE}<p>{'&amp;&lt;&#8212;' * 300_000}</p>"
         "</article></body></html>", "either", (), (), "900,000 character references"),
        ("many-attributes.html", "<html><body><article " + " ".join(f"a{i}='{i}'" for i in range(100_000))
         + f">{ARTICLE}</article></body></html>", "ok", KEPT, (), "100,000 attributes on one element"),
        ("huge-attribute.html", f"<html><body><article title='{'x' * 5_000_000}'>{ARTICLE}</article>"
         "</body></html>", "ok", KEPT, (), "a 5 MB attribute value"),
        ("hundred-thousand-paragraphs.html", "<html><body><article>" + ARTICLE
         + "<p>Another short paragraph of the report.</p>" * 100_000 + "</article></body></html>",
         "either", (), (), "100,000 paragraphs"),
        ("binary.html", bytes(range(256)) * 64, "error", (), (), "binary bytes named .html"),
        ("frameset.html", "<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>",
         "error", (), (), "a frameset page with no text"),
        ("nul-bytes.html", PAGE.replace("<p>", "<p>\x00", 2), "either", (), (),
         "NUL bytes inside the markup"),
        ("broken-tags.html", f"<html><body><<<>>><p <p <p>{ARTICLE}</b></i></p></p></div>", "either", (), (),
         "stray angle brackets and unmatched tags"),
        ("svg-math-deep.html", "<html><body><svg>" + "<g>" * 3000 + "</g>" * 3000 + "</svg><math>"
         + "<mrow>" * 3000 + f"</mrow>{ARTICLE}" + "</math></body></html>", "either", (), (),
         "SVG and MathML nested 3,000 deep"),
        ("data-uri.html", f"<html><body><img src='data:image/png;base64,{'A' * 8_000_000}'>{ARTICLE}"
         "</body></html>", "either", (), (), "an 8 MB data URI"),
        ("xml-bomb-declared.html", '<?xml version="1.0" encoding="utf-8"?>' + _entity_bomb(), "either", (),
         ("lollollollollollollollollollol",), "an XML declaration before an entity bomb"),
    ]
    for name, data, expect, contains, absent, note in samples:
        write(folder, f"{G}/{name}", data)
        yield Case(f"{G}/{name}", G, "import", expect, contains=contains, absent=absent, note=note)
