"""Which kind of network a URL's host is on, so redirects cannot reach inside one.

An analyst may type any address, a private or loopback one included: it is
theirs to ask for. A redirect chosen by a server is another matter: it may only
lead to a public address, or to the same kind of address the analyst typed
(from a page on ``127.0.0.1`` to another page on loopback). So a public page
can never send Briefer to ``10.x``, ``192.168.x``, ``169.254.169.254`` or the
analyst's own machine, and a page typed on loopback cannot send it to the LAN.
"""

from __future__ import annotations

import ipaddress
import socket

PUBLIC = "public"
LOOPBACK = "loopback"
PRIVATE = "private"
LINK_LOCAL = "link-local"
RESERVED = "reserved"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_class(address: IPAddress) -> str:
    """The kind of network ``address`` belongs to (one of the constants above)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return LOOPBACK
    if address.is_link_local:
        return LINK_LOCAL
    if address.is_private:
        return PRIVATE
    if address.is_multicast or address.is_reserved or address.is_unspecified or not address.is_global:
        return RESERVED
    return PUBLIC


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses ``host`` stands for (itself when it is an address literal).

    Raises OSError when the name does not resolve.
    """
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def host_class(host: str, port: int) -> str:
    """The least public kind among the addresses ``host`` resolves to."""
    order = (RESERVED, LINK_LOCAL, PRIVATE, LOOPBACK, PUBLIC)
    classes = {address_class(a) for a in resolve(host, port)}
    return next(kind for kind in order if kind in classes or kind == PUBLIC)


def redirect_allowed(typed: str, target: str) -> bool:
    """Whether a redirect may lead to a host of kind ``target`` after the analyst typed ``typed``."""
    return target in (PUBLIC, typed)
