"""The client's address and scheme behind a reverse proxy (nginx in `make serve`).

Behind nginx every request reaches gunicorn from nginx's own address: the login limit
(``REMOTE_ADDR`` in its key) and the audit log would see one client. nginx appends the
address it saw to ``X-Forwarded-For``; this middleware replaces ``REMOTE_ADDR`` with the
rightmost address of that chain that is not a trusted proxy (settings.TRUSTED_PROXIES), so
every view, the limiter and the audit log see the real client without knowing about proxies.

Only the immediate peer is believed: a client that talks to gunicorn directly, or through an
untrusted hop, cannot choose its address by sending the header itself (whatever it writes
stays to the left of the hop that nginx appends), and its ``X-Forwarded-Proto`` is dropped so
``SECURE_PROXY_SSL_HEADER`` never trusts it.
"""
from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _address(value: str):
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:52311"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(addr, networks) -> bool:
    if addr is None:
        return False
    if getattr(addr, "ipv4_mapped", None):  # "::ffff:127.0.0.1" from a dual-stack socket
        addr = addr.ipv4_mapped
    return any(addr in net for net in networks)


def client_address(remote_addr: str, forwarded_for: str, proxies) -> str:
    """The address of the client: walk X-Forwarded-For from the right while the hop we are at
    is a trusted proxy. A malformed entry ends the walk (it came from the untrusted side), as
    does the left end (then every hop was a trusted proxy and the leftmost one is the client)."""
    networks = _networks(tuple(proxies))
    current = remote_addr
    if not _trusted(_address(remote_addr), networks):
        return remote_addr
    for hop in reversed([h for h in forwarded_for.split(",") if h.strip()]):
        addr = _address(hop)
        if addr is None:
            break
        current = str(addr)
        if not _trusted(addr, networks):
            break
    return current


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = settings.TRUSTED_PROXIES
        meta = request.META
        peer = meta.get("REMOTE_ADDR", "")
        if proxies and _trusted(_address(peer), _networks(tuple(proxies))):
            meta["XIEZHI_PROXY_ADDR"] = peer  # the proxy's own address, for debugging
            meta["REMOTE_ADDR"] = client_address(peer, meta.get("HTTP_X_FORWARDED_FOR", ""), proxies)
        else:
            for name in FORWARDED_HEADERS:
                meta.pop(name, None)
        return self.get_response(request)
