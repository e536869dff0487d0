"""Metadata of a web page: headline, author, date, outlet, canonical url, language.

Sources, most trusted first: schema.org JSON-LD, Open Graph / Dublin Core / other
``<meta>`` tags, ``<link rel=canonical>``, ``<html lang>``, visible ``<h1>`` and
byline markup, and as a last resort htmldate's scan of the page for a date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_SEPARATOR = re.compile(r"\s+[|\-–—:·»«/•]\s+|\s*::\s*")
_WORD = re.compile(r"\w+")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", re.I)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|di|door|av|af|автор:?|от)\s+", re.I)
_MAX_JSON = 200_000
#: Levels of JSON-LD lists and objects searched for the article (real pages use three or four).
_MAX_JSON_DEPTH = 20
_MIN_YEAR = 1990

_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date", "og:published_time",
    "article.published", "originalpublicationdate", "datecreated", "article:modified_time",
    "datemodified",
)
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "byl", "twitter:creator")
_OUTLET_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher",
                "twitter:site")
_LANGUAGE_KEYS = ("content-language", "og:locale", "dc.language", "language", "inlanguage")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page says about itself; missing values are None.

    ``headlines`` are the texts the page shows as its headline (title, h1…), so
    the body can drop a repeat of them.
    """

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    headlines: tuple[str, ...] = ()


def clean(text: str | None) -> str:
    """Whitespace collapsed and trimmed; '' for None."""
    return _SPACE.sub(" ", text or "").strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        value = clean(meta.get("content"))
        if key and value:
            tags.setdefault(key.strip().lower(), value)
    return tags


def _json_objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_JSON_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        yield from _json_objects(value.get("@graph"), depth + 1)


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The page's schema.org Article object (or the first object with a headline)."""
    best: dict[str, Any] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSON:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # not JSON, or nested deeper than any real page: no metadata from it
        for obj in _json_objects(data):
            kind = obj.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            if _ARTICLE_TYPES.search(kind) and (obj.get("headline") or obj.get("datePublished")):
                if "WebPage" not in kind:
                    return obj
                best = best or obj
    return best


def _names(value: Any, depth: int = 0) -> list[str]:
    """Names from a JSON-LD person/organisation value (string, object or list)."""
    if isinstance(value, str):
        return [clean(value)] if value.strip() else []
    if depth > _MAX_JSON_DEPTH:
        return []
    if isinstance(value, dict):
        return _names(value.get("name"), depth + 1)
    if isinstance(value, list):
        return [name for item in value for name in _names(item, depth + 1)]
    return []


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "//", "/", "@", "www."))


def _tag_values(tags: dict[str, str], keys: tuple[str, ...]) -> list[str]:
    """The values of the first-listed meta tags present, URLs and handles left out."""
    return [value for key in keys if (value := tags.get(key)) and not _is_url(value)]


def iso_date(text: str | None) -> str | None:
    """An ISO 8601 date or date-time for a machine-readable date string, else None.

    Accepts ISO forms and RFC 2822 (``Tue, 19 Nov 2019 10:00:00 GMT``); dates
    before 1990 or in the far future are placeholders and give None.
    """
    text = clean(text)
    if not text:
        return None
    parsed: datetime | None = None
    candidate = text.replace("Z", "+00:00")
    for attempt in (candidate, candidate[:19], candidate[:10]):
        try:
            parsed = datetime.fromisoformat(attempt)
            break
        except ValueError:
            continue
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if not _MIN_YEAR <= parsed.year <= datetime.now().year + 1:
        return None
    if parsed.time() == time() and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _site_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _h1s(tree: HtmlElement) -> list[str]:
    found = []
    for h1 in tree.iter("h1"):
        text = clean(h1.text_content())
        if 3 <= len(text) <= 300 and text not in found:
            found.append(text)
    return found


def _same_site(part: str, sites: list[str]) -> bool:
    """True when ``part`` of a title names the site (its name, or a short form of it)."""
    key = "".join(_words(part))
    if not key:
        return False
    for site in sites:
        site_key = "".join(_words(site))
        if site_key and (key in site_key or (site_key in key and len(_words(part)) <= 4)):
            return True
    return False


def strip_site(title: str, sites: list[str]) -> tuple[str, bool]:
    """``(title without a " | Site" / "Site - " part, whether there was one)``."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title, False
    if _same_site(parts[-1], sites):
        return _SEPARATOR.split(title, maxsplit=len(parts) - 2)[0].strip(), True
    if _same_site(parts[0], sites):
        return _SEPARATOR.split(title, maxsplit=1)[1].strip(), True
    return title, False


def _contains(longer: str, shorter: str) -> bool:
    key, part = " ".join(_words(longer)), " ".join(_words(shorter))
    return len(part.split()) >= 2 and part in key and part != key


def choose_title(page_titles: list[str], h1s: list[str], sites: list[str]) -> str | None:
    """The headline the page shows.

    When a page title carries more than the headline (" | Site", " - Site",
    "Section | "), the ``<h1>`` it contains is the headline, or else the title
    without the site name; otherwise the page title as given.
    """
    headlines = [h for h in h1s if not _same_site(h, sites)]
    for title in page_titles:
        inside = next((h for h in headlines if _contains(title, h)), None)
        if inside:
            return inside
    for title in page_titles:
        main, had_site = strip_site(title, sites)
        if had_site:
            return main
    if page_titles:
        return page_titles[0]
    return headlines[0] if headlines else None


def _byline(tree: HtmlElement) -> str | None:
    for xpath in (
        "//a[@rel='author']",
        "//*[@itemprop='author']//*[@itemprop='name']",
        "//*[@itemprop='author']",
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]",
        "//*[contains(@class, 'author-name') or contains(@class, 'byline__name')]",
    ):
        for element in tree.xpath(xpath)[:3]:
            text = _BYLINE_PREFIX.sub("", clean(element.text_content()))
            if 2 <= len(text) <= 80 and not _is_url(text):
                return text
    return None


def _language(tree: HtmlElement, tags: dict[str, str], ld: dict[str, Any]) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), ld.get("inLanguage"),
                  *(tags.get(key) for key in _LANGUAGE_KEYS)):
        if isinstance(value, str):
            code = value.strip().replace("_", "-").split(",")[0].strip()
            if _LANGUAGE.match(code.lower()):
                primary, _, region = code.partition("-")
                return primary.lower() + (f"-{region.upper()}" if region else "")
    return None


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and clean(value):
            return clean(value)
    return None


def page_metadata(tree: HtmlElement) -> PageMeta:
    """Everything the page says about its article (all fields optional)."""
    tags = _meta_tags(tree)
    ld = _json_ld(tree)
    canonical = next((clean(link.get("href")) for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split()), None)
    entity = ld.get("mainEntityOfPage")
    url = next((u for u in (canonical, tags.get("og:url"), ld.get("url"),
                            entity.get("@id") if isinstance(entity, dict) else entity)
                if isinstance(u, str) and u.startswith(("http://", "https://"))), None)
    publisher = _names(ld.get("publisher"))
    outlet = _first(*_tag_values(tags, _OUTLET_KEYS), *publisher)
    sites = [s for s in (outlet, *publisher, _site_from_url(url)) if s]
    page_titles = [t for t in (tags.get("og:title"), clean(tree.findtext(".//title")),
                               tags.get("twitter:title"), _first(ld.get("headline"))) if t]
    h1s = _h1s(tree)
    authors = [a for a in _names(ld.get("author")) if not _is_url(a)]
    author = ", ".join(dict.fromkeys(authors)) if authors else (
        _first(*_tag_values(tags, _AUTHOR_KEYS)) or _byline(tree))
    author = _BYLINE_PREFIX.sub("", author) if author else None
    published = iso_date(_first(ld.get("datePublished"), ld.get("dateCreated")))
    published = published or next(filter(None, (iso_date(tags.get(k)) for k in _DATE_KEYS)), None)
    published = published or iso_date(next((t.get("datetime") for t in tree.iter("time")
                                             if t.get("datetime")), None))
    if published is None:
        published = find_date(tree, extensive_search=False, original_date=True, url=url)
    title = choose_title(page_titles, h1s, sites)
    return PageMeta(
        title=title, author=author, outlet=outlet, url=url, published=published,
        language=_language(tree, tags, ld),
        headlines=tuple(dict.fromkeys(t for t in (title, *h1s[:2], *page_titles) if t)),
    )
