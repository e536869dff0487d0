"""One event reported by five outlets, tagged as an analyst would through the workspace API.

A drone strike on Kharkiv on 20 November 2026:

1. Reuters: the wire story (12 killed, the mayor's quote).
2. Kyiv Post: the same Reuters copy, reprinted with a new first line: one story with 1.
3. BBC: its own report (12 killed, the quote worded a little differently).
4. Daily Courier: its own report with a conflicting figure (40 killed) and the quote.
5. Kharkiv Today: an older article (10 November) on an earlier strike (8 killed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.model import Article

if TYPE_CHECKING:
    from briefer.workspace import Workspace

QUOTE = "The city will not be broken, we will rebuild every home they destroy"
WIRE = (
    "Russian drones hit a residential district of Kharkiv overnight, killing 12 people and wounding"
    " dozens more, regional officials said on Friday.\n"
    "Emergency crews worked through the night to pull survivors from a nine-storey building in the"
    " Saltivka district, where the upper floors collapsed after a direct hit. Firefighters put out"
    " blazes in three neighbouring blocks as air raid sirens sounded again before dawn.\n"
    f"\u201c{QUOTE},\u201d Mayor Ihor Terekhov told reporters at the scene, standing beside a row of"
    " burnt-out cars.\n"
    "Ukraine's air force said it shot down 31 of the 40 drones launched overnight, most of them over"
    " the Kharkiv and Sumy regions. Power was cut to several thousand homes in the north of the city."
)
ARTICLES = (
    ("Reuters", "Russian drone strike kills 12 in Kharkiv", "2026-11-20", WIRE),
    ("Kyiv Post", "Drone strike on Kharkiv kills 12", "2026-11-20",
     "KYIV POST, citing Reuters.\n" + WIRE.replace("regional officials said on Friday",
                                                   "officials said on Friday")),
    ("BBC", "Kharkiv: deadly night as drones hit apartment blocks", "2026-11-21",
     "At least 12 people have died after Russian drones struck a residential district in Kharkiv,"
     " Ukraine's second city, according to the regional governor Oleh Syniehubov.\n"
     "The mayor, Ihor Terekhov, vowed that \u201cthe city will not be broken; we will rebuild every"
     " home they destroyed\u201d as rescuers searched the rubble with sniffer dogs.\n"
     "Residents described hearing the buzz of engines moments before the explosions. Many spent the"
     " rest of the night in metro stations, which double as shelters."),
    ("Daily Courier", "Carnage in Kharkiv as 40 die", "2026-11-20",
     "As many as 40 people were killed when Russian drones struck Kharkiv on Thursday night, a local"
     " volunteer group claimed.\n"
     "\u201cThe city will never be broken, we will rebuild every home they destroy,\u201d Ihor"
     " Terekhov said on Telegram.\n"
     "Hospitals in the city appealed for blood donors as ambulances queued outside emergency wards."),
    ("Kharkiv Today", "Earlier strike: eight dead in Kharkiv", "2026-11-10",
     "Eight people were killed in Kharkiv when a glide bomb hit a warehouse in the industrial zone,"
     " the prosecutor's office said.\n"
     "It was the third attack on the city that week; schools moved lessons online."),
)
# (article number, kind, text, attributes)
TAGS: tuple[tuple[int, str, str, dict[str, object]], ...] = (
    (1, "figure", "killing 12 people", {"value": 12, "unit": "killed"}),
    (1, "location", "Kharkiv", {}),
    (1, "quote", QUOTE, {"speaker": "Ihor Terekhov", "role": "Mayor of Kharkiv"}),
    (1, "fact", "Russian drones hit a residential district of Kharkiv overnight", {}),
    (2, "figure", "killing 12 people", {"value": 12, "unit": "killed"}),
    (2, "location", "Kharkiv", {}),
    (2, "quote", QUOTE, {"speaker": "Ihor Terekhov"}),
    (3, "figure", "At least 12 people have died", {"value": 12, "unit": "deaths"}),
    (3, "location", "Kharkiv", {}),
    (3, "quote", "the city will not be broken; we will rebuild every home they destroyed",
     {"speaker": "Terekhov"}),
    (3, "fact", "Russian drones struck a residential district in Kharkiv", {}),
    (4, "figure", "As many as 40 people were killed", {"value": 40, "unit": "people killed"}),
    (4, "location", "Kharkiv", {}),
    (4, "quote", "The city will never be broken, we will rebuild every home they destroy",
     {"speaker": "Ihor Terekhov"}),
    (5, "figure", "Eight people were killed", {"value": 8, "unit": "killed"}),
    (5, "location", "Kharkiv", {}),
)


@dataclass(frozen=True, slots=True)
class Filled:
    """Ids of what :func:`fill` stored: articles and tags in the order of the tables above."""

    articles: tuple[int, ...]
    tags: tuple[int, ...]

    def tag(self, article: int, kind: str, nth: int = 0) -> int:
        """The id of the ``nth`` tag of ``kind`` on article number ``article`` (1-based)."""
        found = [tid for (number, k, _, _), tid in zip(TAGS, self.tags, strict=True)
                 if number == article and k == kind]
        return found[nth]


def fill(ws: Workspace) -> Filled:
    """Import the five articles and tag them; the ids."""
    ids = tuple(ws.articles.add(Article(title=title, text=text, outlet=outlet, published=published,
                                        language="en")).id
                for outlet, title, published, text in ARTICLES)
    tag_ids = []
    for number, kind, text, attributes in TAGS:
        body = ws.articles.text(ids[number - 1])
        start = body.index(text)
        tag_ids.append(ws.tags.add(ids[number - 1], kind, start, start + len(text),
                                   attributes=attributes).id)  # type: ignore[arg-type]
    return Filled(ids, tuple(tag_ids))
