"""Metadata of a web page: headline, author, date, outlet, canonical url, language.

Sources, most trusted first: schema.org JSON-LD, Open Graph / Dublin Core / other
``<meta>`` tags, ``<link rel=canonical>``, ``<html lang>``, visible ``<h1>`` and
byline markup, and as a last resort htmldate's scan of the page for a date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml
from courlan import extract_domain
from htmldate import find_date

from briefer.ingest.people import byline_names, key, person_names
from briefer.paths import resources_dir
from briefer.text.datelines import find_date as written_date

if TYPE_CHECKING:
    from collections.abc import Iterator

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
                "byl", "author.name", "citation_author")
_LATE_OUTLET_KEYS = ("application-name", "dc.publisher", "dc.source", "publisher")
#: Elements that hold a byline, most specific first.
_BYLINE_XPATHS = (
    "//*[@itemprop='author' or contains(concat(' ', @itemprop, ' '), ' author ')]",
    "//a[@rel='author']",
    "//*[contains(@class, 'byline')]",
    "//*[contains(@class, 'author')]",
    "//*[self::p or self::div or self::span][contains(@class, 'meta') or contains(@class, 'about')"
    " or contains(@class, 'credit') or contains(@class, 'info')]",
)
_SPECIFIC_BYLINES = 3  # the first three of _BYLINE_XPATHS mark an author or a byline as such
_BYLINE_MAX = 250
_IN_COMMENTS = "ancestor-or-self::*[contains(@class, 'comment') or contains(@id, 'comment')]"
#: Share of a prefix-less byline text its names must cover (not one name in a list of tags).
_NAMES_SHARE = 0.5
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


def _overlaps(headline: str, titles: list[str]) -> bool:
    """True when a headline of 3+ words shares at least 40 % of its words with a page title."""
    words = set(_words(headline))
    if len(words) < 3:
        return False
    return any(len(words & set(_words(title))) >= 0.4 * len(words) for title in titles)


def choose_title(page_titles: list[str], h1s: list[str], sites: list[str]) -> str | None:
    """The headline the page shows.

    An ``<h1>`` that is one of the page's titles (Open Graph, ``<title>``, JSON-LD
    headline; site name aside) is the headline. When a page title carries more
    than the headline (" | Site", " - Site", "Section | "), the ``<h1>`` it
    contains is the headline; an ``<h1>`` sharing 40 % of its words with a page
    title is the visible form of it; else the title without the site name;
    otherwise the page title as given.
    """
    headlines = [h for h in h1s if not _same_site(h, sites)]
    keys = {" ".join(_words(strip_site(t, sites)[0])) for t in page_titles} | {
        " ".join(_words(t)) for t in page_titles}
    for headline in headlines:
        if " ".join(_words(headline)) in keys:
            return headline
    for title in page_titles:
        inside = next((h for h in headlines if _contains(title, h)), None)
        if inside:
            return inside
    if headlines and _overlaps(headlines[0], page_titles):
        return headlines[0]
    for title in page_titles:
        main, had_site = strip_site(title, sites)
        if had_site:
            return main
    if page_titles:
        return page_titles[0]
    return headlines[0] if headlines else None


def _language(tree: HtmlElement, tags: dict[str, str], ld: dict[str, Any]) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), ld.get("inLanguage"),
                  *(tags.get(name) for name in _LANGUAGE_KEYS)):
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


_HOSTS: dict[str, str] | None = None


def outlet_for_host(url: str | None) -> str | None:
    """The name of a well-known outlet for a URL's host (``resources/outlets.yaml``), else None."""
    global _HOSTS
    host = (urlsplit(url).hostname or "") if url else ""
    if not host:
        return None
    if _HOSTS is None:
        loaded = yaml.safe_load((resources_dir() / "outlets.yaml").read_text(encoding="utf-8"))
        _HOSTS = {str(k).lower(): str(v) for k, v in (loaded or {}).items()}
    parts = host.lower().removeprefix("www.").split(".")
    for start in range(len(parts) - 1):
        name = _HOSTS.get(".".join(parts[start:]))
        if name:
            return name
    return None


def _site_name(value: str | None) -> str | None:
    """A site name without the taglines some sites add ("Autoracing | F1 | Indy")."""
    value = clean(value)
    if not value or _is_url(value):
        return None
    return clean(_SEPARATOR.split(value)[0]) or None


def _title_site(page_title: str, headlines: list[str]) -> str | None:
    """The site part of a ``<title>`` that is "headline | Site" (or "Site | headline")."""
    parts = _SEPARATOR.split(page_title)
    if len(parts) < 2:
        return None
    for headline in headlines:
        words = " ".join(_words(headline))
        if words and words == " ".join(_words(" ".join(parts[:-1]))):
            return _site_name(parts[-1].removeprefix("www."))
        if words and words == " ".join(_words(" ".join(parts[1:]))):
            return _site_name(parts[0])
    return None


def _registered_domain(url: str | None) -> str | None:
    """The domain a URL's host is registered under ("ap.org" of hosted.ap.org)."""
    return (extract_domain(url) or None) if url and urlsplit(url).hostname else None


def _tokens(text: str) -> list[str]:
    return [word.casefold() for word in re.findall(r"[^\W_]+", text)]


def _names_the_site(name: str, known: str, domain: str) -> bool:
    """Whether a site name fits a host: shares a word with its known outlet, or spells its domain."""
    words = _tokens(name)
    joined, site = "".join(words), domain.split(".")[0].casefold()
    if not joined:
        return False
    return bool(set(words) & {*_tokens(known), site}) or (len(site) >= 4 and site in joined) or (
        joined in site)


def choose_outlet(tags: dict[str, str], ld: dict[str, Any], page_title: str,
                  titles: list[str], headlines: list[str], url: str | None) -> str | None:
    """The outlet: og:site_name, JSON-LD publisher, application-name…, the title's site part, the host.

    A name that repeats the headline names no outlet, nor does one unrelated to
    the outlet known for the page's host (canonical or og:url; a section "U.S." on
    reuters.com, "Hosted" on hosted.ap.org). With no name at all, the known
    outlet or the registered domain stands for it.
    """
    candidates = [tags.get("og:site_name"), *_names(ld.get("publisher")),
                  *(tags.get(k) for k in _LATE_OUTLET_KEYS)]
    hosts = [(outlet_for_host(u) or "", domain) for u in (url, tags.get("og:url"))
             if (domain := _registered_domain(u))]
    checked = any(known for known, _ in hosts)  # only a known host can tell a section from a name
    names = [*(_site_name(value) for value in candidates), _title_site(page_title, headlines)]
    for name in names:
        if not name or any(key(name) == key(t) for t in titles):
            continue
        if checked and not any(_names_the_site(name, known, domain) for known, domain in hosts):
            continue
        return name
    return outlet_for_host(url) or _registered_domain(url)


def _byline_texts(tree: HtmlElement, specific: bool = False) -> Iterator[tuple[str, HtmlElement]]:
    """Short texts of the page's byline elements (with the element), in order of trust.

    ``specific``: only elements marked as the author or the byline (the cheap searches).
    """
    for xpath in _BYLINE_XPATHS[:_SPECIFIC_BYLINES] if specific else _BYLINE_XPATHS:
        for element in tree.xpath(xpath)[:12]:
            if element.xpath(_IN_COMMENTS):
                continue  # a commenter or the comment form's "Name" field
            text = clean(" ".join(element.itertext()))
            if 2 <= len(text) <= _BYLINE_MAX:
                yield text, element


def _byline_date(element: HtmlElement) -> str | None:
    """A date written in a byline or the short block around it ("publiziert am 25. September 2018")."""
    for _ in range(3):
        if element is None:
            break
        text = clean(" ".join(element.itertext()))
        if len(text) > _BYLINE_MAX * 2:
            break
        found = written_date(text)
        if found:
            return found.isoformat()
        element = element.getparent()
    return None


def choose_authors(tags: dict[str, str], ld: dict[str, Any], tree: HtmlElement,
                   outlet: str | None) -> tuple[str | None, HtmlElement | None]:
    """``(the people who wrote the article, the byline element they came from)``.

    JSON-LD author, then the author meta tags, then a byline on the page ("By
    NAME and NAME"); the first that names a person wins. Agencies, the outlet,
    staff labels and handles are no author.
    """
    meta_names: list[str] = []
    for raw in (", ".join(a for a in _names(ld.get("author")) if not _is_url(a)),
                *_tag_values(tags, _AUTHOR_KEYS)):
        meta_names = person_names(raw, outlet)
        if meta_names:
            break
    for text, element in _byline_texts(tree, specific=bool(meta_names)):
        names = byline_names(text, outlet) or (_loose_byline(text, outlet) if not meta_names else [])
        if not names:
            continue
        if not meta_names:
            return ", ".join(names), element
        if {key(n) for n in meta_names} < {key(n) for n in names}:
            return ", ".join(names), element  # the metadata names only the first of several
        break
    return (", ".join(meta_names), None) if meta_names else (None, None)


def _loose_byline(text: str, outlet: str | None) -> list[str]:
    """The names of a short byline element without "By" that holds little else."""
    if len(text) > 60 or len(text.split()) < 2:
        return []
    names = [name for name in person_names(text, outlet) if len(name.split()) >= 2]
    letters = sum(ch.isalpha() for ch in text)
    return names if sum(ch.isalpha() for n in names for ch in n) >= _NAMES_SHARE * letters else []


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
    html_title = clean(tree.findtext(".//title"))
    page_titles = [t for t in (tags.get("og:title"), html_title,
                               tags.get("twitter:title"), _first(ld.get("headline"))) if t]
    h1s = _h1s(tree)
    outlet = choose_outlet(tags, ld, html_title, page_titles, [*h1s, *page_titles], url)
    sites = [s for s in (outlet, *publisher, _site_from_url(url)) if s]
    author, byline = choose_authors(tags, ld, tree, outlet)
    published = iso_date(_first(ld.get("datePublished"), ld.get("dateCreated")))
    published = published or next(filter(None, (iso_date(tags.get(k)) for k in _DATE_KEYS)), None)
    published = published or iso_date(next((t.get("datetime") for t in tree.iter("time")
                                             if t.get("datetime")), None))
    if published is None and byline is not None:
        published = _byline_date(byline)
    if published is None:
        published = find_date(tree, extensive_search=False, original_date=True, url=url)
    title = choose_title(page_titles, h1s, sites)
    return PageMeta(
        title=title, author=author, outlet=outlet, url=url, published=published,
        language=_language(tree, tags, ld),
        headlines=tuple(dict.fromkeys(t for t in (title, *h1s[:2], *page_titles) if t)),
    )
