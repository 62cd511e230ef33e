"""The sitrep web application: REST API under /api, web UI at /, OpenAPI docs at /docs.

`create_app(Settings(...))` builds it; `sitrep serve` runs it with uvicorn. Everything it
serves is in the package (the Swagger UI's assets come from `fastapi-offline`), so it works
without a network.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep import __version__
from sitrep.serve import api_export, api_links, api_read, api_vocabulary, api_write, web
from sitrep.serve.deps import get_settings
from sitrep.serve.settings import Settings
from sitrep.store import Store

WRITE_PREFIX = "/api/ingest"
# Room for the multipart envelope and form fields around one upload of the allowed size.
_ENVELOPE_BYTES = 64 * 1024

DESCRIPTION = """\
News reports in, a cross-checked PLOVER event record out.

Read endpoints are open. Write endpoints (`/api/ingest/...`) exist only when the server was
started with a token (`$SITREP_API_TOKEN` or `--token-file`), and need the header
`Authorization: Bearer <token>`.
"""


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The application over `settings.db` (migrated on creation), or over `store`."""
    owned = store is None
    store = store or Store(settings.db)
    store.migrate()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPIOffline(title="sitrep", version=__version__, description=DESCRIPTION,
                         redoc_url=None, static_url="/docs-assets", lifespan=lifespan)
    app.state.store = store
    app.state.settings = settings
    for reader in (api_read.router, api_export.router, api_links.router, api_vocabulary.router):
        app.include_router(reader, prefix="/api",
                           dependencies=[Depends(refuse_unknown_query_parameters)])
    app.include_router(api_write.router, prefix="/api", dependencies=[Depends(require_token)])
    app.add_exception_handler(RequestValidationError, invalid_request)
    web.mount_web(app)
    # innermost first: SecurityHeaders reads the docs pages before they are compressed
    app.add_middleware(SecurityHeaders)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes + _ENVELOPE_BYTES,
                       prefix=WRITE_PREFIX)
    app.add_middleware(AllowedHosts, hosts=settings.allowed_hosts_header)
    return app


async def invalid_request(_request: Request, error: Exception) -> Response:
    """422 with what was wrong, as FastAPI says it, but in ASCII-escaped JSON: the errors
    echo the input, which may hold half a character (a lone surrogate from a JSON escape)
    that UTF-8 cannot encode, and FastAPI's own answer would then fail with a 500."""
    errors = error.errors() if isinstance(error, RequestValidationError) else []
    body = json.dumps({"detail": jsonable_encoder(errors)}, ensure_ascii=True)
    return Response(body, status_code=422, media_type="application/json")


def refuse_unknown_query_parameters(request: Request) -> None:
    """422 for a query parameter the endpoint does not declare: silently ignored, a typo
    (`limt=5`) or a guess (`id=...`) would answer as if no filter had been asked for."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    declared = _query_parameters(route.dependant)
    if unknown := sorted(set(request.query_params) - declared):
        raise HTTPException(422, f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
                                 f"{', '.join(map(repr, unknown))}; this endpoint takes "
                                 f"{', '.join(sorted(declared)) or 'none'}")


def _query_parameters(dependant: Any) -> set[str]:
    """The query parameters an endpoint declares, also through its dependencies."""
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_parameters(dependency)
    return names


_bearer = HTTPBearer(auto_error=False, description="The server's API token.")


def require_token(request: Request,
                  credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    """Writes need the configured token as a bearer token; without one, writes are off."""
    token = get_settings(request).token
    if token is None:
        raise HTTPException(403, "writing is disabled on this server: start it with "
                                 "$SITREP_API_TOKEN set or with --token-file")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong API token (send 'Authorization: Bearer "
                                 "<token>')", headers={"WWW-Authenticate": "Bearer"})


class BodyLimit:
    """Refuses request bodies over `max_bytes` under `prefix` with 413: by Content-Length
    before reading anything, and by counting while reading (chunked uploads). When the count
    runs over, the 413 goes out at once and the application is told the client left (it
    would turn an exception raised while parsing a form into its own 400)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, prefix: str) -> None:
        self.app, self.max_bytes, self.prefix = app, max_bytes, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                refused = True
                if not started:
                    await self._refuse(send)
                return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; what the app says after it is dropped
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send: Send) -> None:
        body = (b'{"detail":"request body too large: the limit is %d bytes"}'
                % self.max_bytes)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


# The web UI runs only its own scripts and styles; article text can never become markup
# (the UI sets textContent), and this policy would block an injected script anyway.
UI_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
             "form-action 'self'")


# The Swagger pages at /docs start with an inline script: allowed by its hash, computed
# from the page as served (nothing else inline runs); Swagger UI sets inline styles.
DOCS_POLICY = ("default-src 'self'; script-src 'self' {hashes}; "
               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_policy(page: bytes) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(page))
    return DOCS_POLICY.format(hashes=hashes).replace("  ", " ")


class SecurityHeaders:
    """nosniff, no referrer and no framing everywhere; a content security policy on every
    page: the strict one on the UI and API, the docs' own on /docs (its inline start-up
    script allowed by hash)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        common = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                  (b"x-frame-options", b"DENY")]
        if not scope["path"].startswith("/docs"):
            async def strict(message: Message) -> None:
                if message["type"] == "http.response.start":
                    message = {**message, "headers": [
                        *message.get("headers", []), *common,
                        (b"content-security-policy", UI_POLICY.encode())]}
                await send(message)

            await self.app(scope, receive, strict)
            return
        # a docs page: small, so held until complete, to hash its inline scripts
        start: Message | None = None
        body = bytearray()

        async def hashed(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            policy = docs_policy(bytes(body))
            await send({**start, "headers": [*start.get("headers", []), *common,
                                             (b"content-security-policy", policy.encode())]})
            await send({"type": "http.response.body", "body": bytes(body)})

        await self.app(scope, receive, hashed)


class AllowedHosts:
    """Answers only requests whose Host header names this server (400 otherwise): a page on
    another site whose name an attacker re-points at 127.0.0.1 (DNS rebinding) gets nothing
    from the API."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.strip("[]") in self.hosts:
            await self.app(scope, receive, send)
            return
        body = b'{"detail":"unknown Host header: start the server with --allowed-host NAME"}'
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
