"""Security of the server and of URL fetching: the write token, request-size limits, SQL
metacharacters in every filter, escaping headers, and server-side request forgery.

Every SSRF test runs with a guard on socket.connect that fails if anything but a loopback
address is dialled, and checks that refused URLs dialled nothing at all: the policy decides
before any connection. The only servers contacted are the test's own, on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import http.server
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from live_server import BACKENDS, LOOPBACK, LoopbackOnly, database_url
from test_store import BATCH

from sitrep.ingest.fetch import FetchError, UnsafeURL, fetch, refusal
from sitrep.serve.app import create_app
from sitrep.serve.settings import Settings, SettingsError, read_token
from sitrep.store import Store

TOKEN = "test-token-0123456789abcdef"
ARTICLE = ("Pyongyang accused Washington on Friday of staging provocative drills near the "
           "border, and South Korea said it would hold talks with Japan next week.")


# -- a small HTTP server of the test's own, on loopback ---------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - the stdlib's name
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        if callable(body):
            body = body(self)
            if body is None:
                return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@contextmanager
def serving(routes: dict) -> Iterator[str]:
    handler = type("RouteHandler", (Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def guard(monkeypatch) -> LoopbackOnly:
    return LoopbackOnly().install(monkeypatch)


PAGE = (b"<html><head><title>Drills</title></head><body><article><p>" + ARTICLE.encode() +
        b"</p></article></body></html>")


# -- the address policy -----------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.0.0.1:8080/admin", "http://127.1.2.3/",
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/",
    "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]:8000/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/",
    "http://[fe80::1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://localhost:9/",
    "http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::]/", "http://[2002:a00:1::1]/",
    "http://[fec0::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://224.0.0.1/", "file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.org/",
])
def test_unsafe_urls_are_refused_before_any_connection(guard, url):
    with pytest.raises(UnsafeURL) as refused:
        fetch(url, timeout=2)
    message = str(refused.value)
    assert url.split("/")[2] in message or "only http" in message
    assert guard.dialled == []


def test_refusal_reasons():
    import ipaddress

    assert "loopback" in refusal(ipaddress.ip_address("127.0.0.1"))
    assert "link-local" in refusal(ipaddress.ip_address("169.254.169.254"))
    assert "private" in refusal(ipaddress.ip_address("10.0.0.1"))
    # 6to4 carries an IPv4 address: judged as that address
    assert "loopback" in refusal(ipaddress.ip_address("2002:7f00:1::"))
    assert "link-local" in refusal(ipaddress.ip_address("2002:a9fe:a9fe::"))
    assert "private" in refusal(ipaddress.ip_address("2002:a00:1::1"))
    assert "Teredo" in refusal(ipaddress.ip_address("2001:0:4136:e378:8000:63bf:3fff:fdd2"))
    assert "site-local" in refusal(ipaddress.ip_address("fec0::1"))
    assert refusal(ipaddress.ip_address("93.184.216.34")) is None  # a public address: allowed


def test_an_allowed_loopback_host_is_fetched(guard):
    routes = {"/page": (200, {"Content-Type": "text/html", "ETag": '"v1"'}, PAGE)}
    with serving(routes) as host:
        got = fetch(f"http://{host}/page", allowed_hosts=frozenset({host}))
        assert got.status == 200 and got.body == PAGE and got.etag == '"v1"'
        assert not got.not_modified and got.final_url == f"http://{host}/page"
        with pytest.raises(UnsafeURL):  # only that exact host:port is an exception
            fetch(f"http://{host.replace('127.0.0.1', 'localhost')}/page",
                  allowed_hosts=frozenset({host}))
    assert set(guard.dialled) == {"127.0.0.1"} and guard.refused == []


@pytest.mark.parametrize("target", ["http://127.0.0.1:{other}/secret",
                                    "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]:{other}/", "http://10.0.0.1/"])
def test_a_redirect_to_an_unsafe_address_is_refused(guard, target):
    routes = {"/secret": (200, {}, b"internal")}
    with serving(routes) as internal:
        other = internal.split(":")[1]
        location = target.format(other=other)
        with serving({"/go": (302, {"Location": location}, b"")}) as public:
            with pytest.raises(UnsafeURL, match="refused"):
                fetch(f"http://{public}/go", allowed_hosts=frozenset({public}))
    assert guard.refused == []
    assert guard.dialled == ["127.0.0.1"]  # the allowed server, once; never the target


def test_redirects_are_followed_within_limits(guard):
    routes = {"/a": (301, {"Location": "/b"}, b""), "/b": (200, {}, b"final"),
              "/loop": (302, {"Location": "/loop"}, b"")}
    with serving(routes) as host:
        allowed = frozenset({host})
        got = fetch(f"http://{host}/a", allowed_hosts=allowed)
        assert got.body == b"final" and got.final_url == f"http://{host}/b"
        with pytest.raises(FetchError, match="more than 3 redirects"):
            fetch(f"http://{host}/loop", allowed_hosts=allowed, max_redirects=3)


def test_size_and_time_limits(guard):
    def slow(handler):
        time.sleep(3)
        return b"late"

    big = b"x" * 50_000
    routes = {
        "/big": (200, {}, big),
        "/big-undeclared": (200, {"Content-Length": "10"}, big[:10]),
        "/bomb": (200, {"Content-Encoding": "gzip"}, gzip.compress(b"\0" * 5_000_000)),
        "/slow": (200, {}, slow),
        "/missing": (404, {}, b"no"),
    }
    with serving(routes) as host:
        allowed = frozenset({host})
        with pytest.raises(FetchError, match="50,000 bytes, over the limit of 1,000"):
            fetch(f"http://{host}/big", allowed_hosts=allowed, max_bytes=1_000)
        assert fetch(f"http://{host}/big-undeclared", allowed_hosts=allowed).body == big[:10]
        with pytest.raises(FetchError, match="over the limit of 100,000 bytes"):
            fetch(f"http://{host}/bomb", allowed_hosts=allowed, max_bytes=100_000)
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"http://{host}/slow", allowed_hosts=allowed, timeout=0.5)
        assert time.monotonic() - started < 2.5  # the 0.5 s deadline, not the 3 s reply
        with pytest.raises(FetchError, match="HTTP 404") as missing:
            fetch(f"http://{host}/missing", allowed_hosts=allowed)
        assert missing.value.status == 404


def trickle(parts: list[bytes], pause: float = 0.1):
    """A handler writing the raw response `parts` one byte at a time, `pause` apart."""
    def write(handler):
        try:
            for byte in b"".join(parts):
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass  # the client gave up: what the test wants
        return None
    return write


@pytest.mark.parametrize("raw", [
    [b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n", b"x" * 40],  # a trickled body
    [b"HTTP/1.1 200 OK\r\n", b"X-Padding: " + b"y" * 40 + b"\r\n\r\n"],  # trickled headers
    [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
     b"1\r\nz\r\n" * 40 + b"0\r\n\r\n"],  # a chunk at a time
], ids=["body", "headers", "chunks"])
def test_the_deadline_holds_against_a_server_that_trickles(guard, raw):
    # each byte comes well within any read timeout; only a deadline on the whole fetch stops it
    with serving({"/drip": (200, {}, trickle(raw))}) as host:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"http://{host}/drip", allowed_hosts=frozenset({host}), timeout=1.0)
        assert time.monotonic() - started < 2.0  # the deadline, not the ~5 s of dripping


def test_conditional_requests(guard):
    def maybe_modified(handler):
        if handler.headers.get("If-None-Match") == '"v2"':
            handler.send_response(304)
            handler.end_headers()
            return None
        return b"body"

    with serving({"/feed": (200, {"ETag": '"v2"'}, maybe_modified)}) as host:
        allowed = frozenset({host})
        first = fetch(f"http://{host}/feed", allowed_hosts=allowed)
        again = fetch(f"http://{host}/feed", allowed_hosts=allowed, etag=first.etag)
    assert first.body == b"body" and again.not_modified and again.body == b""


# -- the server: tokens, sizes, URL ingest ------------------------------------------------------


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    """A server with a token, small upload limits and a loopback exception for URL ingest."""
    db = str(tmp_path_factory.mktemp("sec") / "sec.db")
    settings = Settings(db=db, token=TOKEN, max_upload_bytes=2_000)
    return TestClient(create_app(settings), base_url=LOOPBACK)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_writes_are_off_without_a_token(tmp_path):
    client = TestClient(create_app(Settings(db=str(tmp_path / "ro.db"))), base_url=LOOPBACK)
    response = client.post("/api/ingest/text", json={"text": ARTICLE}, headers=auth())
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, auth("wrong-token-0123456789"), {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, auth(TOKEN + "x"),
                                     auth(TOKEN[:-1])])
def test_missing_or_wrong_token_is_401(writable, headers):
    for path, kwargs in (("/api/ingest/text", {"json": {"text": ARTICLE}}),
                         ("/api/ingest/url", {"json": {"url": "http://127.0.0.1/"}}),
                         ("/api/ingest/file", {"files": {"file": ("a.txt", ARTICLE.encode())}})):
        response = writable.post(path, headers=headers, **kwargs)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/stats").json()["articles"] == 0


@pytest.mark.parametrize("body, status", [
    ('{"text": "\\ud800 Pyongyang fired a missile on Monday, officials said."}', 422),
    ('{"text": ' + "[" * 100_000 + "}", 400),  # nesting past the parser's limit
    ('{"text": "Talks resumed.", "published": ' + "9" * 5_000 + "}", 400),
    ('{"text": "' + "42 " * 4_000 + '"}', 422),  # no prose: read, reported, nothing stored
])
def test_bad_input_to_the_api_is_a_4xx_never_a_500(tmp_path, body, status):
    client = TestClient(create_app(Settings(db=str(tmp_path / "bad.db"), token=TOKEN)),
                        base_url=LOOPBACK, raise_server_exceptions=False)
    response = client.post("/api/ingest/text", content=body,
                           headers={**auth(), "Content-Type": "application/json"})
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_api_ingest_reports_a_publication_date_it_cannot_use(tmp_path):
    client = TestClient(create_app(Settings(db=str(tmp_path / "d.db"), token=TOKEN)),
                        base_url=LOOPBACK)
    response = client.post("/api/ingest/text", headers=auth(),
                           json={"text": ARTICLE, "published": "0001-01-02"})
    assert response.status_code == 200
    assert any("outside the supported range" in p["message"]
               for p in response.json()["problems"])
    [article] = client.get("/api/articles").json()["items"]
    assert article["published"] is None


def test_the_right_token_ingests(writable):
    response = writable.post("/api/ingest/text", headers=auth(),
                             json={"text": ARTICLE, "outlet": "Test Desk",
                                   "published": "2017-06-02"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["articles_new"] == 1 and body["events_new"] >= 1
    again = writable.post("/api/ingest/text", headers=auth(), json={"text": ARTICLE}).json()
    assert again["articles_new"] == 0 and again["articles_known"] == 1


def test_uploads_over_the_limit_are_413(writable):
    big = ("word " * 1_000).encode()  # 5,000 bytes > 2,000
    response = writable.post("/api/ingest/file", headers=auth(), files={"file": ("big.txt", big)})
    assert response.status_code == 413
    # a chunked body (no Content-Length) is counted while it is read
    head = (b'--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n")
    chunks = iter([head] + [b"x" * 10_000] * 20)
    response = writable.post("/api/ingest/file", headers={**auth(), "Content-Type":
                             "multipart/form-data; boundary=zzz"}, content=chunks)
    assert response.status_code == 413
    response = writable.post("/api/ingest/text", headers=auth(), json={"text": "word " * 1_000})
    assert response.status_code == 413


def test_upload_of_an_unsupported_type_is_415(writable):
    response = writable.post("/api/ingest/file", headers=auth(),
                             files={"file": ("notes.exe", b"MZ\x90\x00")})
    assert response.status_code == 415


def test_url_ingest_refuses_unsafe_addresses(writable, guard):
    for url in ("http://127.0.0.1:9/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/", "http://[::1]/", "http://localhost/"):
        response = writable.post("/api/ingest/url", headers=auth(), json={"url": url})
        assert response.status_code == 422
        assert "refused to fetch" in response.json()["detail"]["problems"][0]["message"]
    assert guard.dialled == []


def test_url_ingest_from_an_allowed_host_and_its_redirects(tmp_path, guard):
    with serving({"/story": (200, {"Content-Type": "text/html"}, PAGE),
                  "/jump": (302, {"Location": "http://169.254.169.254/"}, b"")}) as host:
        settings = Settings(db=str(tmp_path / "url.db"), token=TOKEN,
                            allowed_hosts=frozenset({host}))
        client = TestClient(create_app(settings), base_url=LOOPBACK)
        ok = client.post("/api/ingest/url", headers=auth(), json={"url": f"http://{host}/story"})
        assert ok.status_code == 200, ok.text
        stored = client.get(f"/api/articles/{ok.json()['article_ids'][0]}").json()
        assert stored["url"] == f"http://{host}/story" and stored["title"] == "Drills"
        jump = client.post("/api/ingest/url", headers=auth(), json={"url": f"http://{host}/jump"})
        assert jump.status_code == 422
    assert set(guard.dialled) == {"127.0.0.1"}


def test_token_file_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    assert read_token(None) is None
    monkeypatch.setenv("SITREP_API_TOKEN", TOKEN)
    assert read_token(None) == TOKEN
    path = tmp_path / "token"
    path.write_text("from-file-0123456789abcdef\n")
    assert read_token(path) == "from-file-0123456789abcdef"
    path.write_text("short\n")
    with pytest.raises(SettingsError, match="shorter than 16"):
        read_token(path)


# -- SQL metacharacters in every filter --------------------------------------------------------

NASTY = ["' OR '1'='1", "'; DROP TABLE events; --", '" OR ""="', "%", "_", "\\", "%' --",
         "1; SELECT pg_sleep(5)", "*", "NEAR(a b)", "\x00"]


@pytest.fixture(scope="module", params=BACKENDS)
def filled_client(request, tmp_path_factory):
    url = database_url(request.param, tmp_path_factory.mktemp("sql"))
    with Store(url) as store:
        store.migrate()
        store.add_batch(BATCH)
        yield TestClient(create_app(Settings(db=url), store=store), base_url=LOOPBACK), store


def matching(records: list[dict], param: str, value: str) -> list[str]:
    """What a filter must return, computed in Python: `value` only ever matched as text."""
    def party(part):
        return bool(part) and (part.get("code") == value.upper()
                               or value.lower() in part["text"].lower())

    keep = {
        "actor": lambda r: party(r["actor"]),
        "recipient": lambda r: party(r["recipient"]),
        "outlet": lambda r: value.lower() in (r["outlet"] or "").lower(),
    }[param]
    return [r["id"] for r in records if keep(r)]


@pytest.mark.parametrize("value", NASTY)
def test_sql_metacharacters_in_every_filter_are_just_text(filled_client, value):
    client, store = filled_client
    before = store.counts()
    everything = list(store.events())
    control = "\x00" in value
    for param in ("actor", "recipient", "outlet", "article", "type", "modality"):
        response = client.get("/api/events", params={param: value, "limit": 1000})
        if control or param in ("type", "modality") or (
                param == "article" and not re.fullmatch(r"[\w-]+", value)):
            assert response.status_code == 422, param  # not a type, modality or id: refused
            continue
        if param == "article":
            assert response.json()["items"] == []
            continue
        assert response.status_code == 200, (param, response.text)
        got = [e["id"] for e in response.json()["items"]]
        assert got == matching(everything, param, value), param
    for path, params in (("/api/search", {"q": value}), ("/api/actors", {"q": value}),
                         ("/api/places", {"country": value[:8]}),
                         ("/api/export/events", {"actor": value, "format": "csv"}),
                         ("/api/map", {"outlet": value})):
        response = client.get(path, params=params)
        assert response.status_code == (422 if control else 200), (path, response.text)
    if not control:
        assert client.get("/api/search", params={"q": value}).json()["total"] == 0
    assert client.get(f"/api/articles/{quote(value, safe='')}").status_code in (404, 422)
    assert client.get(f"/api/stories/{quote(value, safe='')}").status_code in (404, 422)
    assert store.counts() == before


# -- headers that keep markup inert -----------------------------------------------------------


def test_ui_pages_carry_a_strict_content_security_policy(writable):
    page = writable.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert writable.get("/api/stats").headers["x-frame-options"] == "DENY"


def test_docs_pages_carry_a_policy_that_allows_only_their_own_inline_script(writable):
    import base64
    import hashlib

    page = writable.get("/docs")
    policy = page.headers["content-security-policy"]
    inline = re.search(r"<script>(.*?)</script>", page.text, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy and "script-src 'self' 'sha256-" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert "content-security-policy" in writable.get("/docs/oauth2-redirect").headers


@pytest.mark.parametrize("host, answered", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True),
    ("LOCALHOST", True), ("news.internal:8000", True),
    ("attacker.example", False), ("attacker.example:8000", False), ("127.0.0.1.nip.io", False),
    ("", False),
])
def test_only_requests_naming_this_server_are_answered(tmp_path, host, answered):
    # DNS rebinding: a page of attacker.example re-pointed at 127.0.0.1 sends its own name
    app = create_app(Settings(db=str(tmp_path / "h.db"),
                              server_names=frozenset({"news.internal"})))
    response = TestClient(app, base_url=LOOPBACK).get("/api/stats", headers={"Host": host})
    assert (response.status_code == 200) is answered, response.text
    if not answered:
        assert response.status_code == 400 and "--allowed-host" in response.text


def test_serve_names_what_is_loopback():
    from sitrep.cli.serve import _is_loopback

    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("::")
    assert not _is_loopback("192.168.1.20") and not _is_loopback("myhost.lan")


def test_sitrep_ingest_of_a_url_refuses_loopback_unless_allowed(tmp_path, guard):
    from click.testing import CliRunner

    from sitrep.cli import main

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    with serving({"/story": (200, {"Content-Type": "text/html"}, PAGE)}) as host:
        refused = runner.invoke(main, ["ingest", f"http://{host}/story", "--db", db])
        assert refused.exit_code == 1 and "loopback" in refused.output
        assert guard.dialled == []
        allowed = runner.invoke(main, ["ingest", f"http://{host}/story", "--db", db,
                                       "--allow-private-urls"])
        assert allowed.exit_code == 0, allowed.output
        assert "1 new" in allowed.output
    assert guard.dialled == ["127.0.0.1"]
