"""A brief as plain data for templates: the template contract (docs/templates.md).

:func:`build_context` reads the workspace (never writes it) and returns dicts,
lists, strings, numbers and None only. Strings the analyst wrote in Markdown
(``bluf``, ``assessment``) are :class:`~briefer.render.escape.Markdown`; every
other string is text, escaped for Markdown when a template outputs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.analysis.bluf import single_source
from briefer.analysis.corroboration import Analysis, analyse
from briefer.analysis.timeline import timeline
from briefer.dtg import format_dtg, is_tlp
from briefer.render.escape import analyst_markdown
from briefer.text.units import split_sentences
from briefer.workspace import Workspace, section_for

if TYPE_CHECKING:
    from briefer.model import Article, Brief, BriefItem, Tag
    from briefer.render.templates import Template

_MAX_CONTEXT = 300
#: The language briefs are written in (BCP 47), for the documents' language properties.
LANGUAGE = "en-GB"
_INDEX_KINDS = {"person": "people", "organisation": "organisations", "location": "places", "date": "dates"}


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after ``text[start:end]`` within its sentence (bounded).

    Sentences are Briefer's one splitter's (:func:`briefer.text.units.split_sentences`),
    so "Maj. Gen. Pat Ryder said" is one sentence; they never cross a paragraph.
    """
    lower = max(text.rfind("\n", 0, start) + 1, start - _MAX_CONTEXT)
    newline = text.find("\n", end)
    upper = min(len(text) if newline < 0 else newline, end + _MAX_CONTEXT)
    spans = split_sentences(text, lower, upper)
    begin = next((a for a, b in reversed(spans) if a <= start), lower)
    finish = next((b for a, b in spans if b >= end), upper)
    return text[begin:start].lstrip(), text[end:finish].rstrip()


def _closing_mark(passage: str) -> str:
    """The mark closing a quote left open in ``passage``: one that runs on into the next paragraph.

    Newspapers leave such a quote open at the paragraph's end; an excerpt shown on
    its own closes it.
    """
    if passage.count("\u201c") > passage.count("\u201d"):
        return "\u201d"
    if passage.count("\u00ab") > passage.count("\u00bb"):
        return "\u00bb"
    return '"' if passage.count('"') % 2 else ""


def _foreign(language: str | None) -> str | None:
    """A source's language when it is not the brief's (``uk``, ``de-AT``), else None."""
    code = (language or "").strip().replace("_", "-")
    if not code or code.split("-")[0].casefold() == LANGUAGE.split("-")[0].casefold():
        return None
    return code


def _source(number: int, article: Article) -> dict[str, Any]:
    return {
        "number": number, "id": article.id, "title": article.title, "outlet": article.outlet,
        "author": article.author, "date": (article.published or "")[:10] or None,
        "published": article.published, "url": article.url, "grade": article.grade,
    }


class _Builder:
    """Numbers sources in order of first citation and turns items into dicts."""

    def __init__(self, ws: Workspace, brief: Brief) -> None:
        self.ws = ws
        # Only the cited articles' tags: the work grows with the brief, not the workspace.
        self.all_tags = [t for a in ws.briefs.cited_articles(brief.id) for t in ws.tags.all(a)]  # type: ignore[arg-type]
        self.tags: dict[int, Tag] = {t.id: t for t in self.all_tags}  # type: ignore[misc]
        self.articles: dict[int, Article] = {}
        self.sources: dict[int, dict[str, Any]] = {}

    def article(self, article_id: int) -> Article:
        if article_id not in self.articles:
            self.articles[article_id] = self.ws.articles.get(article_id)
        return self.articles[article_id]

    def source(self, article_id: int) -> dict[str, Any]:
        if article_id not in self.sources:
            source = _source(len(self.sources) + 1, self.article(article_id))
            evidence = self.ws.evidence.latest(article_id)
            source["captured"] = evidence.captured_at if evidence else None
            self.sources[article_id] = source
        return self.sources[article_id]

    def item(self, item: BriefItem) -> dict[str, Any]:
        credibility = item.credibility
        base: dict[str, Any] = {
            "id": item.id, "section": item.section, "tag_id": item.tag_id, "credibility": credibility,
            "comment": item.comment, "note": "", "attributes": {}, "speaker": None, "role": None,
            "before": "", "after": "", "article_id": None, "citation": None, "source": None,
            "reliability": None, "analyst": False, "language": None, "tlp": None,
        }
        tag = self.tags.get(item.tag_id) if item.tag_id is not None else None
        if tag is None:
            grade = str(credibility or "")
            return {**base, "kind": "note", "text": item.text, "grade": grade, "analyst": True}
        source = self.source(tag.article_id)
        before, after = _sentence(self.article(tag.article_id).text, tag.start, tag.end)
        after += _closing_mark(before + tag.exact + after)
        reliability = source["grade"]
        attributes = dict(tag.attributes)
        return {
            **base, "kind": tag.kind, "text": tag.exact, "note": tag.note, "attributes": attributes,
            "speaker": attributes.get("speaker"), "role": attributes.get("role"),
            "before": before, "after": after, "article_id": tag.article_id,
            "citation": source["number"], "source": source, "reliability": reliability,
            "language": _foreign(self.article(tag.article_id).language),
            "grade": f"{reliability or ''}{credibility or ''}",
            "tlp": tag.tlp or self.article(tag.article_id).tlp,  # inherited from its source
        }


def _placed(builder: _Builder, brief: Brief, template: Template) -> dict[str, list[BriefItem]]:
    """Items by the template section they go in.

    An item in a section this template lacks (the brief was filled for another
    template) goes to the first section taking its kind, else keeps its own.
    """
    layout = template.layout()
    placed: dict[str, list[BriefItem]] = {sid: [] for sid in layout}
    for item in brief.items:
        section = item.section
        if section not in layout:
            tag = builder.tags.get(item.tag_id) if item.tag_id is not None else None
            section = section_for(tag.kind if tag else "note", layout) or section
        placed.setdefault(section, []).append(item)
    return placed


def _title(section_id: str) -> str:
    return section_id.replace("-", " ").replace("_", " ").capitalize()


def _index_entries(builder: _Builder, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items plus the person/organisation/place/date tags of every cited article."""
    in_brief = {i["tag_id"] for i in items}
    extra = [
        {"kind": t.kind, "text": t.exact, "speaker": t.attributes.get("speaker"),
         "citation": builder.sources[t.article_id]["number"], "attributes": dict(t.attributes)}
        for t in builder.all_tags
        if t.article_id in builder.sources and t.id not in in_brief
        and (t.kind in _INDEX_KINDS or t.attributes.get("speaker"))
    ]
    return items + extra


def _index(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in _INDEX_KINDS.values()}
    for item in items:
        names: list[tuple[str, str]] = []
        if item["kind"] in _INDEX_KINDS:
            names.append((_INDEX_KINDS[item["kind"]], item["text"]))
        if item["speaker"]:
            names.append(("people", str(item["speaker"])))
        for index, name in names:
            key = " ".join(name.split()).casefold()
            entry = found[index].setdefault(
                key, {"name": " ".join(name.split()), "count": 0, "citations": [], "iso": None}
            )
            entry["count"] += 1
            if item["citation"] and item["citation"] not in entry["citations"]:
                entry["citations"].append(item["citation"])
            if index == "dates":
                entry["iso"] = entry["iso"] or item["attributes"].get("iso")
    result = {name: sorted(entries.values(), key=lambda e: e["name"].casefold())
              for name, entries in found.items()}
    result["dates"].sort(key=lambda e: (e["iso"] or "9999", e["name"].casefold()))
    return result


def _conflicts(builder: _Builder, analysis: Analysis, cited: set[int]) -> list[dict[str, Any]]:
    """The brief's conflicting figures, each side with its value, unit and the sources citing it.

    One side per rival claim (values agreeing within the claims' tolerance), in
    the order their first tag was made; ``citations`` are source numbers. Only
    the brief's items (``cited`` tags) are sides: a report the brief does not cite
    is neither quoted nor cited (its marking was never checked), and a conflict
    left with one side is not shown.
    """
    found: list[dict[str, Any]] = []
    for conflict in analysis.conflicts:
        sides: dict[int, dict[str, Any]] = {}
        for value in conflict.values:
            if value.tag not in cited:
                continue
            side = sides.setdefault(value.claim, {"value": value.value, "unit": value.unit, "tags": [],
                                                  "citations": [], "texts": []})
            side["tags"].append(value.tag)
            tag = builder.tags.get(value.tag)
            if tag is not None:
                side["texts"].append(tag.exact)
            number = builder.source(value.article)["number"]
            if number not in side["citations"]:
                side["citations"].append(number)
        if len(sides) < 2:
            continue
        for side in sides.values():
            side["citations"].sort()
        found.append({"number": len(found) + 1, "kind": conflict.kind, "about": conflict.about,
                      "sides": list(sides.values())})
    return found


def _timeline(ws: Workspace, brief_id: int, builder: _Builder) -> list[dict[str, Any]]:
    """The brief's dated items in date order, with their three clocks and citation number."""
    return [{**entry.context(), "citation": builder.sources[entry.article]["number"]}
            for entry in timeline(ws, brief_id) if entry.article in builder.sources]


def build_context(ws: Workspace, brief_id: int, template: Template) -> dict[str, Any]:
    """The plain-data context a template renders ``brief_id`` from."""
    brief = ws.briefs.get(brief_id)
    builder = _Builder(ws, brief)
    titles = {s.id: (s.title, list(s.kinds)) for s in template.sections}
    sections: list[dict[str, Any]] = []
    all_items: list[dict[str, Any]] = []
    for sid, members in _placed(builder, brief, template).items():
        items = [builder.item(i) for i in members]
        all_items.extend(items)
        title, kinds = titles.get(sid, (_title(sid), []))
        sections.append({"id": sid, "title": title, "kinds": kinds, "items": items})
    issued = brief.issued or brief.created or ""
    analysis = analyse(ws, brief_id)
    by_tag = {t: c for c in analysis.claims for t in c.tags}
    for item in all_items:
        claim = by_tag.get(item["tag_id"])
        item["independent_sources"] = claim.independent_sources if claim else None
        item["suggested_credibility"] = claim.suggested_credibility if claim else None
    return {
        "brief": {
            "id": brief.id, "title": brief.title, "marking": brief.marking, "tlp": is_tlp(brief.marking),
            "dtg": brief.dtg or (format_dtg(issued) if issued else ""), "issued": issued,
            "period": brief.period, "author": brief.author, "template": brief.template,
            "bluf": analyst_markdown(brief.bluf), "assessment": analyst_markdown(brief.assessment),
            "created": brief.created, "updated": brief.updated, "language": LANGUAGE,
        },
        "template": {"name": template.name, "description": template.description},
        "sections": sections,
        "section": {s["id"]: s for s in sections},
        "items": all_items,
        "conflicts": _conflicts(builder, analysis, {i.tag_id for i in brief.items if i.tag_id is not None}),
        "bluf_single_source": [
            {"claim": f.claim, "start": f.start, "end": f.end, "text": f.text}
            for f in single_source(brief.bluf, analysis.claims, builder.tags)],
        "sources": sorted(builder.sources.values(), key=lambda s: s["number"]),
        "timeline": _timeline(ws, brief_id, builder),
        **_index(_index_entries(builder, all_items)),
    }
