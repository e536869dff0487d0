"""``briefer feed add | list | poll | remove`` end to end against RSS and Atom feeds on 127.0.0.1."""

from __future__ import annotations

import json

from tests.cli.test_fetch_cli import PARAGRAPHS, briefer, workspace  # noqa: F401
from tests.web_site import Site, article_html, site  # noqa: F401


def rss(site: Site, paths: list[str]) -> str:  # noqa: F811
    items = "".join(f"<item><title>Story {p}</title><link>{site.url(p)}</link></item>" for p in paths)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Valley News</title>"
            f"<link>{site.url('/')}</link>{items}</channel></rss>")


def atom(site: Site, paths: list[str]) -> str:  # noqa: F811
    entries = "".join(f"<entry><title>Story {p}</title><id>{p}</id><link href='{p}'/></entry>"
                      for p in paths)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Valley Wire</title><id>urn:wire</id>{entries}</feed>")


def _pages(site: Site) -> None:  # noqa: F811
    for n, paragraph in enumerate(PARAGRAPHS, start=1):
        site.add(f"/story/{n}", article_html(f"Valley story {n}", [paragraph, f"Story number {n} ends."]))
    # The same article under a second address: skipped by its text.
    site.add("/copy/1", article_html("Valley story 1", [PARAGRAPHS[0], "Story number 1 ends."]))


def test_feeds_are_added_polled_conditionally_and_skip_what_is_already_there(
        site: Site, workspace: str) -> None:  # noqa: F811
    _pages(site)
    site.add("/rss.xml", rss(site, ["/story/1", "/story/2"]), "application/rss+xml")
    site.add("/atom.xml", atom(site, ["/story/3", "/copy/1"]), "application/atom+xml")
    site.add("/front", "<html><head><link rel='alternate' type='application/atom+xml' href='/atom.xml'>"
             "</head><body><p>Front page</p></body></html>")

    added = briefer("feed", "add", workspace, site.url("/rss.xml"), "--name", "Valley RSS")
    assert added.returncode == 0, added.stderr
    assert "Valley RSS" in added.stdout
    found = briefer("feed", "add", workspace, site.url("/front"))
    assert found.returncode == 0, found.stderr
    assert "Valley Wire" in found.stdout
    assert site.url("/atom.xml") in found.stdout

    listed = json.loads(briefer("feed", "list", workspace, "--json").stdout)
    assert [(f["name"], f["url"]) for f in listed] == [("Valley RSS", site.url("/rss.xml")),
                                                       ("Valley Wire", site.url("/atom.xml"))]

    first = briefer("feed", "poll", workspace, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert list(report) == ["feeds"]
    rss_result, atom_result = report["feeds"]
    assert list(rss_result) == ["feed", "new", "skipped", "error"]
    assert rss_result["feed"] == site.url("/rss.xml")
    assert len(rss_result["new"]) == 2
    assert rss_result["skipped"] == 0
    assert len(atom_result["new"]) == 1
    assert atom_result["skipped"] == 1  # /copy/1 has story 1's text
    assert atom_result["error"] is None
    listed = json.loads(briefer("feed", "list", workspace, "--json").stdout)
    assert [f["unread"] for f in listed] == [2, 1]

    fetched = len(site.requests)
    second = json.loads(briefer("feed", "poll", workspace, "--json").stdout)
    assert second == {"feeds": [{"feed": site.url("/rss.xml"), "new": [], "skipped": 0, "error": None},
                                {"feed": site.url("/atom.xml"), "new": [], "skipped": 0, "error": None}]}
    assert site.not_modified >= 2
    later = [seen for seen in site.requests[fetched:] if seen.path in ("/rss.xml", "/atom.xml")]
    assert all("If-None-Match" in seen.headers for seen in later)
    assert {seen.path for seen in site.requests[fetched:]} <= {"/rss.xml", "/atom.xml", "/robots.txt"}

    site.add("/rss.xml", rss(site, ["/story/4", "/story/2", "/story/1"]), "application/rss+xml")
    third = json.loads(briefer("feed", "poll", workspace, "--json").stdout)
    assert len(third["feeds"][0]["new"]) == 1
    assert third["feeds"][0]["skipped"] == 2
    assert all(seen.headers["User-Agent"].startswith("Briefer/") for seen in site.requests)

    removed = briefer("feed", "remove", workspace, site.url("/atom.xml"))
    assert removed.returncode == 0, removed.stderr
    assert [f["name"] for f in json.loads(briefer("feed", "list", workspace, "--json").stdout)] == [
        "Valley RSS"]


def test_a_feed_that_fails_reports_its_error_and_the_others_still_poll(site: Site, workspace: str) -> None:  # noqa: F811
    _pages(site)
    site.add("/rss.xml", rss(site, ["/story/1"]), "application/rss+xml")
    assert briefer("feed", "add", workspace, site.url("/rss.xml")).returncode == 0
    site.add("/gone.xml", rss(site, ["/story/2"]), "application/rss+xml")
    assert briefer("feed", "add", workspace, site.url("/gone.xml")).returncode == 0
    del site.resources["/gone.xml"]
    done = briefer("feed", "poll", workspace, "--json")
    assert done.returncode == 1
    results = json.loads(done.stdout)["feeds"]
    assert results[1] == {"feed": site.url("/gone.xml"), "new": [], "skipped": 0, "error": "HTTP 404"}
    assert len(results[0]["new"]) == 1
    missing = briefer("feed", "add", workspace, site.url("/nothing.xml"))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"briefer: error: {site.url('/nothing.xml')}: HTTP 404"
