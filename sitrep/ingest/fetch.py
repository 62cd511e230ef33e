"""Fetching one URL safely: the address policy, size and time limits, conditional requests.

Server-side request forgery is the risk: a URL given to the API (or a feed entry) must not
make sitrep talk to the machine itself, the local network or a cloud metadata service. So:

- the host is resolved here, every address it resolves to is checked, and the connection is
  made to an address that passed the check (no second lookup an attacker could answer
  differently);
- loopback, private, link-local (169.254.169.254, the metadata service), carrier-grade NAT,
  multicast, reserved and unspecified addresses are refused, also when written as an
  IPv4-mapped, NAT64 or 6to4 IPv6 address; Teredo tunnels and deprecated site-local IPv6
  (fec0::/10) are refused outright; all unless `allow_private` is set or the URL's
  "host:port" (or host) is one of `allowed_hosts`;
- redirects are followed by hand and every hop is checked the same way;
- one deadline covers the whole fetch (lookups, connects, TLS, headers, redirects, body),
  held by a watchdog that shuts the socket at the deadline (a socket timeout only bounds
  each read, not a server that trickles a byte at a time), and the body is cut off at
  `max_bytes` (also after gzip decompression).

Only http and https; proxies from the environment are not used (the check would then be
about the proxy, not the target).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from sitrep import __version__

USER_AGENT = f"sitrep/{__version__}"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL could not be fetched; the message says which URL and what went wrong."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status  # the HTTP status, when the server answered with an error


class UnsafeURL(FetchError):
    """Refused by the address policy, before any connection was opened."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes  # empty when not_modified
    etag: str | None
    last_modified: str | None
    not_modified: bool  # 304: the etag / last_modified given still hold


def fetch(url: str, *, allow_private: bool = False, allowed_hosts: frozenset[str] = frozenset(),
          max_bytes: int = 5_000_000, timeout: float = 20.0, etag: str | None = None,
          last_modified: str | None = None, max_redirects: int = 5) -> Fetched:
    """GET `url` under the address policy (module docstring). Raises UnsafeURL when a hop is
    refused, FetchError for anything else that goes wrong (no such host, refused connection,
    HTTP 4xx/5xx, too large, too slow, too many redirects)."""
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(max_redirects + 1):
        target = _Target.parse(current)
        addresses = _checked_addresses(target, allow_private, allowed_hosts, deadline)
        watchdog = _Watchdog(deadline)
        try:
            sock, response = _request(target, addresses, watchdog, etag=etag,
                                      last_modified=last_modified)
        except BaseException:
            watchdog.cancel()
            raise
        try:
            status = response.status
            headers = {k.lower(): v for k, v in response.getheaders()}
            if status in REDIRECTS and "location" in headers:
                current = urljoin(current, headers["location"].strip())
                continue
            if status == 304:
                return Fetched(url, current, status, headers, b"",
                               headers.get("etag", etag), headers.get("last-modified",
                                                                      last_modified), True)
            if status >= 400:
                raise FetchError(f"{current}: the server answered HTTP {status} "
                                 f"{response.reason}".rstrip(), url=current, status=status)
            body = _read_body(sock, response, headers, target, max_bytes, deadline)
            return Fetched(url, current, status, headers, body, headers.get("etag"),
                           headers.get("last-modified"), False)
        finally:
            watchdog.cancel()
            response.close()
    raise FetchError(f"{url}: more than {max_redirects} redirects", url=url)


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # without brackets, lower case
    port: int
    path: str  # path and query, what goes on the request line

    @classmethod
    def parse(cls, url: str) -> _Target:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as err:
            raise FetchError(f"{url}: not a valid URL ({err})", url=url) from None
        if parts.scheme not in ("http", "https"):
            raise UnsafeURL(f"{url}: only http and https URLs can be fetched", url=url)
        if not parts.hostname:
            raise FetchError(f"{url}: the URL has no host", url=url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(url, parts.scheme, parts.hostname.lower(),
                   port or (443 if parts.scheme == "https" else 80), path)

    @property
    def host_port(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def refusal(address: IPAddress) -> str | None:
    """Why the policy refuses to connect to `address`, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (
            ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else None)
        if embedded is not None:
            return refusal(embedded)
        if address.teredo:  # the client address inside is the tunnel's, not the target's
            return "a Teredo tunnel address"
        if address.is_site_local:
            return "a site-local address (deprecated private IPv6)"
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address (this machine)"),
        ("is_link_local", "a link-local address (e.g. a cloud metadata service)"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private network address"),
        ("is_reserved", "a reserved address"),
    )
    for attribute, why in checks:
        if getattr(address, attribute):
            return why
    if not address.is_global:  # e.g. carrier-grade NAT 100.64.0.0/10, 192.0.0.0/24
        return "not a public internet address"
    return None


def _allowed(target: _Target, allowed_hosts: frozenset[str]) -> bool:
    return target.host_port in allowed_hosts or target.host in allowed_hosts


def _checked_addresses(target: _Target, allow_private: bool, allowed_hosts: frozenset[str],
                       deadline: float) -> list[IPAddress]:
    """The addresses `target` resolves to, each checked; refused if any fails the check (a
    name that resolves to one public and one private address is not trusted either)."""
    addresses = _resolve(target, deadline)
    if allow_private or _allowed(target, allowed_hosts):
        bad = [a for a in addresses if a.is_unspecified or a.is_multicast]
    else:
        bad = [a for a in addresses if refusal(a)]
    if bad:
        why = refusal(bad[0]) or "an address no connection can be made to"
        shown = target.host if _is_literal(target.host) else f"{target.host} ({bad[0]})"
        # names the switch of `sitrep ingest`, `watch` and `serve` that lets it through
        raise UnsafeURL(f"{target.url}: refused to fetch: {shown} is {why} (allowed with "
                        "--allow-private-urls)", url=target.url)
    return addresses


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _resolve(target: _Target, deadline: float) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(target.host)]
    except ValueError:
        pass
    _remaining(target, deadline)
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"{target.url}: cannot resolve the host {target.host} ({err})",
                         url=target.url) from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0])
                                   for info in infos))
    if not addresses:
        raise FetchError(f"{target.url}: the host {target.host} has no address", url=target.url)
    return addresses


def _remaining(target: _Target, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"{target.url}: timed out", url=target.url)
    return left


class _Watchdog:
    """Shuts a connection's socket down at the deadline, whatever the fetch is waiting for:
    reads then end at once, and the fetch reports that it timed out."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self._timer: threading.Timer | None = None

    def watch(self, sock: socket.socket) -> None:
        self.cancel()
        self._timer = threading.Timer(max(0.0, self.deadline - time.monotonic()),
                                      self._shut, args=(sock,))
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline


def _connect(target: _Target, addresses: list[IPAddress], watchdog: _Watchdog
             ) -> socket.socket:
    """A socket connected to one of the checked `addresses` (tried in order), watched."""
    failures = []
    deadline = watchdog.deadline
    for address in addresses:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(_remaining(target, deadline))
            sock.connect((str(address), target.port))
        except OSError as err:
            sock.close()
            failures.append(f"{address}: {err.strerror or err}")
            continue
        watchdog.watch(sock)
        if target.scheme == "https":
            context = ssl.create_default_context()
            try:
                return context.wrap_socket(sock, server_hostname=target.host)
            except (OSError, ssl.SSLError) as err:
                sock.close()
                if watchdog.expired():
                    raise FetchError(f"{target.url}: timed out", url=target.url) from None
                raise FetchError(f"{target.url}: TLS failed ({err})", url=target.url) from None
        return sock
    raise FetchError(f"{target.url}: cannot connect ({'; '.join(failures)})", url=target.url)


def _request(target: _Target, addresses: list[IPAddress], watchdog: _Watchdog, *,
             etag: str | None, last_modified: str | None,
             ) -> tuple[socket.socket, http.client.HTTPResponse]:
    deadline = watchdog.deadline
    sock = _connect(target, addresses, watchdog)
    # The connection object is only used to speak HTTP over the socket connected above:
    # with `sock` set it never connects (or resolves) by itself.
    kind = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    connection = kind(target.host, target.port, timeout=_remaining(target, deadline))
    connection.sock = sock
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip", "Connection": "close",
               "Accept": "text/html, text/plain, application/xhtml+xml, application/xml, "
                         "application/rss+xml, application/atom+xml, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        connection.request("GET", target.path, headers=headers)
        return sock, connection.getresponse()
    except TimeoutError:
        connection.close()
        raise FetchError(f"{target.url}: timed out", url=target.url) from None
    except (OSError, http.client.HTTPException) as err:
        connection.close()
        if watchdog.expired():
            raise FetchError(f"{target.url}: timed out", url=target.url) from None
        raise FetchError(f"{target.url}: the request failed ({err.__class__.__name__}: {err})",
                         url=target.url) from None


def _read_body(sock: socket.socket, response: http.client.HTTPResponse,
               headers: dict[str, str], target: _Target, max_bytes: int,
               deadline: float) -> bytes:
    url = target.url

    def too_large(size: str) -> FetchError:
        return FetchError(f"{url}: the response is {size}, over the limit "
                          f"of {max_bytes:,} bytes", url=url)

    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(f"{int(declared):,} bytes")
    gzipped = headers.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    body = bytearray()
    try:
        while True:
            if response.isclosed():  # all read (http.client closes the socket then)
                break
            sock.settimeout(_remaining(target, deadline))  # the response reads from `sock`
            chunk = response.read1(_CHUNK)  # what has arrived, not a full chunk's wait
            if not chunk:
                break
            if inflate is not None:
                # bounded: a small gzip bomb must not inflate past the limit in memory
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(body))
            body += chunk
            if len(body) > max_bytes:
                raise too_large(f"more than {max_bytes:,} bytes")
            _remaining(target, deadline)
    except TimeoutError:
        raise FetchError(f"{url}: timed out while reading the response", url=url) from None
    except (OSError, http.client.HTTPException, zlib.error) as err:
        if time.monotonic() >= deadline:  # the watchdog shut the socket
            raise FetchError(f"{url}: timed out while reading the response", url=url) from None
        raise FetchError(f"{url}: reading the response failed ({err})", url=url) from None
    if time.monotonic() >= deadline:  # the watchdog's shutdown reads as the end of the body
        raise FetchError(f"{url}: timed out while reading the response", url=url)
    return bytes(body)
