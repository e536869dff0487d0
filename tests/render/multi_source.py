"""A five-source brief with every kind of item, on real reporting nobody here wrote.

The demo article plus four news articles of the shared article-extraction set
(``../shared/bench/article-extraction``, MIT, Zyte): facts, quotes with speakers
and roles (one running on into the next paragraph), figures, dates reported as
weekdays, people, organisations, places, an analyst's note, BLUF and assessment.

``python -m tests.render.multi_source OUTDIR`` writes it (and the demo brief) in
every built-in template and format, to look at page by page.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from briefer.model import Article
from briefer.render import load_template
from briefer.workspace import Workspace

SHARED = Path(__file__).resolve().parents[3] / "shared"
GROUND_TRUTH = SHARED / "bench" / "article-extraction" / "ground-truth.json"

# id prefix → (outlet, title, published, grade)
ARTICLES = {
    "7916ecca969f": ("Al Jazeera", "US service members killed in Afghanistan helicopter crash",
                     "2019-11-20", "B"),
    "a1fca19b884e": ("New York Post", "Three Taliban prisoners flown to Qatar for hostage swap",
                     "2019-11-19", "C"),
    "624fcd903d56": ("Daily Express", "Hong Kong latest: China warns it will not sit on its hands",
                     "2019-11-18", "D"),
    "833caf3bdba5": ("Al Bawaba", "World community lashes out at US over Israeli settlements",
                     "2019-11-19", "C"),
}
# (article number, kind, text, attributes): article 1 is the demo article.
TAGS: tuple[tuple[int, str, str, dict[str, object]], ...] = (
    (1, "quote", "The conclusion is clear: this war is becoming internationalized, extending beyond two"
     " countries.",
     {"speaker": "Volodymyr Zelensky", "role": "President of Ukraine"}),
    (1, "figure", "160,000 personnel", {"value": 160000, "unit": "personnel"}),
    (1, "fact", "Russia seized the crucial mining hub of Selydove", {}),
    (2, "fact", "Two United States service members have been killed in a helicopter crash in"
     " Afghanistan", {}),
    (2, "date", "Wednesday", {"iso": "2019-11-20"}),
    (2, "quote", "The Americans wanted to raid a mujahideen base, but their helicopter was shot down"
     " and caught fire. All on board were killed",
     {"speaker": "Zabihullah Mujahid", "role": "Taliban spokesman"}),
    (2, "organisation", "Taliban", {}),
    (2, "location", "Logar province", {}),
    (2, "figure", "13,000 US troops", {"value": 13000, "unit": "troops"}),
    (2, "figure", "2,500 Afghan civilians", {"value": 2500, "unit": "civilians killed"}),
    (2, "person", "Mark Milley", {}),
    (3, "date", "Tuesday", {"iso": "2019-11-19"}),
    (3, "fact", "Their release came hours after the Afghan government freed three Taliban prisoners"
     " and sent them to Qatar", {}),
    (3, "quote", "We pray for the full recovery of both men",
     {"speaker": "Stephanie Grisham", "role": "White House Press Secretary"}),
    (3, "person", "Kevin King", {}),
    (3, "location", "Zabul province", {}),
    (3, "organisation", "Haqqani network", {}),
    (4, "quote", "These rioters, they are also criminals. They have to face the consequences of their acts.",
     {"speaker": "Cheuk Hau-yip", "role": "commander of Kowloon West district"}),
    (4, "figure", "800 students", {"value": 800, "unit": "students"}),
    (4, "organisation", "People\u2019s Liberation Army", {}),
    (4, "location", "Polytechnic University", {}),
    (4, "fact", "China has denounced a Hong Kong court ruling declaring the government\u2019s mask ban"
     " unconstitutional", {}),
    (5, "quote", "Here we are on a historic day with another tremendous achievement for the State of Israel",
     {"speaker": "Benjamin Netanyahu", "role": "Prime Minister of Israel"}),
    (5, "figure", "600,000 Israelis", {"value": 600000, "unit": "settlers"}),
    (5, "date", "Monday", {"iso": "2019-11-18"}),
    (5, "person", "Mike Pompeo", {}),
    (5, "location", "West Bank", {}),
    (5, "organisation", "Arab League", {}),
)
BLUF = ("US forces in Afghanistan lost a helicopter as a **prisoner swap** opened a path to talks; Beijing"
        " signals it may use the *garrison* in Hong Kong.")
ASSESSMENT = ("Talks with the Taliban will **likely** resume within weeks.\n\n"
              "- The swap gives both sides a reason to talk.\n- The crash claim is unverified.")
NOTE = "Neither side's account of the crash has been confirmed."


@cache
def _bodies() -> dict[str, tuple[str, str]]:
    data = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    return {key[:12]: (value["articleBody"], value["url"])
            for key, value in data.items() if key[:12] in ARTICLES}


def add_articles(ws: Workspace) -> list[int]:
    """Add the four shared articles after the demo article; their ids."""
    ids = []
    for key, (outlet, title, published, grade) in ARTICLES.items():
        text, url = _bodies()[key]
        ids.append(ws.articles.add(Article(title=title, text=text, outlet=outlet, url=url,
                                           published=published, language="en", grade=grade)).id)
    return ids


def fill_multi_source_brief(ws: Workspace, template: str = "sitrep") -> int:
    """Tag the five articles and fill a brief for ``template`` from them; its id.

    ``ws`` holds the demo article as article 1.
    """
    ids = [1, *add_articles(ws)]
    ws.articles.set_grade(1, "B")
    tag_ids: dict[str, int] = {}
    for number, kind, text, attributes in TAGS:
        body = ws.articles.text(ids[number - 1])
        start = body.index(text)
        tag_ids[text] = ws.tags.add(ids[number - 1], kind, start, start + len(text), attributes=attributes).id
    brief_id = ws.briefs.new("Week in review: Afghanistan, Hong Kong, Israel, Ukraine", template=template,
                             marking="TLP:AMBER", author="J. Analyst", period="18-20 November 2019").id
    ws.briefs.set(brief_id, bluf=BLUF, assessment=ASSESSMENT)
    layout = load_template(template).layout()
    ws.briefs.auto_fill(brief_id, layout)
    ws.briefs.add_note(brief_id, next(iter(layout)), NOTE)
    for item in ws.briefs.get(brief_id).items:
        if item.tag_id == tag_ids[TAGS[5][2]]:
            ws.briefs.set_item(item.id, credibility=4, comment="Taliban claim; not independently verified.")
        elif item.tag_id == tag_ids[TAGS[0][2]]:
            ws.briefs.set_item(item.id, credibility=2)
    return brief_id


def _write_all(out: Path) -> None:
    """Every built-in template × format, for the demo brief and the five-source brief."""
    from briefer.ingest import extract_file
    from briefer.render import Renderer
    from tests.conftest import SAMPLE, fixed_clock
    from tests.render.conftest import fill_demo_brief

    out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer()
    try:
        for template in ("sitrep", "bluf-memo", "quote-digest"):
            for name, fill in (("demo", fill_demo_brief), ("multi", fill_multi_source_brief)):
                path = out / f"{name}-{template}.briefer"
                path.unlink(missing_ok=True)
                with Workspace.create(path, clock=fixed_clock) as ws:
                    ws.articles.add(extract_file(SAMPLE))
                    brief_id = fill(ws, template)
                    for fmt in ("md", "html", "docx", "pdf", "odt"):
                        target = renderer.export(ws, brief_id, fmt, out / f"{name}-{template}.{fmt}")
                        print(target)
    finally:
        renderer.close()


if __name__ == "__main__":
    _write_all(Path(sys.argv[1]))
