"""Fetching from a local site on 127.0.0.1: politeness, limits, redirects, the HTTP cache."""

from __future__ import annotations

import ipaddress
import threading
from typing import TYPE_CHECKING

import pytest

from briefer.errors import Cancelled, ImportFailed
from briefer.ingest.addresses import LINK_LOCAL, LOOPBACK, PRIVATE, PUBLIC, address_class, redirect_allowed
from briefer.ingest.limits import Limits
from briefer.ingest.web import Fetcher
from tests.web_site import Site, article_html, site  # noqa: F401

if TYPE_CHECKING:
    from pathlib import Path

PAGE = article_html("Port reopens", ["The port reopened on Monday after a week of strikes."] * 3)


def test_addresses_are_classed_and_redirects_stay_public_or_where_the_analyst_was() -> None:
    classes = {text: address_class(ipaddress.ip_address(text)) for text in (
        "127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "172.20.0.1", "169.254.169.254", "93.184.216.34",
        "::ffff:10.0.0.1")}
    assert classes == {"127.0.0.1": LOOPBACK, "::1": LOOPBACK, "10.1.2.3": PRIVATE, "192.168.0.10": PRIVATE,
                       "172.20.0.1": PRIVATE, "169.254.169.254": LINK_LOCAL, "93.184.216.34": PUBLIC,
                       "::ffff:10.0.0.1": PRIVATE}
    assert redirect_allowed(PUBLIC, PUBLIC)
    assert not redirect_allowed(PUBLIC, LOOPBACK)
    assert not redirect_allowed(PUBLIC, PRIVATE)
    assert redirect_allowed(LOOPBACK, LOOPBACK)
    assert not redirect_allowed(LOOPBACK, LINK_LOCAL)


def test_redirects_are_followed_hop_by_hop_up_to_five(site: Site, tmp_path: Path) -> None:  # noqa: F811
    site.add("/end", PAGE)
    for n in range(1, 7):
        site.add(f"/hop{n}", status=302, headers={"Location": f"/hop{n + 1}" if n < 6 else "/end"},
                 validators=False)
    with Fetcher(delay=0, cache_dir=tmp_path) as fetcher:
        page = fetcher.page(site.url("/hop2"))
        assert page.final_url == site.url("/end")
        with pytest.raises(ImportFailed, match=r"too many redirects \(over 5\)"):
            fetcher.page(site.url("/hop1"))


def test_a_redirect_into_another_private_range_is_refused_before_connecting(
        site: Site, tmp_path: Path) -> None:  # noqa: F811
    site.add("/meta", status=302, headers={"Location": "http://169.254.169.254/latest/"}, validators=False)
    site.add("/lan", status=307, headers={"Location": "http://192.168.1.1/"}, validators=False)
    site.add("/local", status=302, headers={"Location": site.url("/page")}, validators=False)
    site.add("/page", PAGE)
    with Fetcher(delay=0, cache_dir=tmp_path) as fetcher:
        for path in ("/meta", "/lan"):
            with pytest.raises(ImportFailed, match=r"redirected to a private address \(refused\)$"):
                fetcher.page(site.url(path))
        assert fetcher.page(site.url("/local")).final_url == site.url("/page")


def test_crawl_delay_spaces_requests_to_one_host(site: Site, tmp_path: Path) -> None:  # noqa: F811
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain", validators=False)
    site.add("/a", PAGE)
    site.add("/b", PAGE.replace("Monday", "Tuesday"))
    with Fetcher(delay=0.2, cache_dir=tmp_path) as fetcher:
        fetcher.page(site.url("/a"))
        fetcher.page(site.url("/b"))
    times = {seen.path: seen.at for seen in site.requests}
    assert times["/b"] - times["/a"] >= 0.95


def test_the_time_limit_and_cancel_stop_a_slow_page(site: Site, tmp_path: Path) -> None:  # noqa: F811
    site.add("/slow", PAGE, delay=3)
    with Fetcher(Limits(seconds=1), delay=0, cache_dir=tmp_path) as fetcher, \
            pytest.raises(ImportFailed, match=r"timed out after 1 s$"):
        fetcher.page(site.url("/slow"))
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 30\n", "text/plain", validators=False)
    site.add("/a", PAGE)
    cancelled = threading.Event()
    with Fetcher(delay=0, cache_dir=tmp_path, cancelled=cancelled) as fetcher:
        fetcher.page(site.url("/a"))
        threading.Timer(0.3, cancelled.set).start()
        with pytest.raises(Cancelled):
            fetcher.page(site.url("/a"))


def test_gzip_and_the_cache_answer_an_unchanged_page_with_a_conditional_get(
        site: Site, tmp_path: Path) -> None:  # noqa: F811
    site.add("/a", PAGE, gzip=True)
    with Fetcher(delay=0, cache_dir=tmp_path) as fetcher:
        first = fetcher.page(site.url("/a"))
    with Fetcher(delay=0, cache_dir=tmp_path) as fetcher:
        second = fetcher.page(site.url("/a"))
    assert first.body == second.body == PAGE.encode()
    assert not first.unchanged
    assert second.unchanged
    assert site.not_modified == 1
    assert dict(first.exchange.headers)["content-encoding"] == "gzip"
    assert first.exchange.body != first.body  # what crossed the wire, still compressed
