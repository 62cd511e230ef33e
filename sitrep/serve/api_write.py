"""Write endpoints: ingest a text, an uploaded file or a URL (token required, see app.py).

Each request is coded by the same pipeline as `sitrep ingest`; one request at a time (the
spaCy model is loaded on the first request and shared, and it is not thread-safe).
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, UploadFile
from pydantic import BaseModel, Field

from sitrep.ingest import ArticleOverrides, read_inputs
from sitrep.ingest.document import build_article
from sitrep.ingest.paths import SUPPORTED, file_format
from sitrep.ingest.readers import read_url
from sitrep.records import Article, IngestProblem
from sitrep.serve.deps import SettingsDep, StoreDep
from sitrep.store import Store

router = APIRouter(tags=["ingest"])

_lock = threading.Lock()
_components: Any = None


def _ingest(store: Store, items: Iterable[Article | IngestProblem]) -> dict[str, Any]:
    """Code and store `items`; the summary of what happened. 422 when nothing was read."""
    global _components
    from sitrep.pipeline import Components, ingest_articles

    with _lock:
        if _components is None:
            _components = Components.load()
        report = ingest_articles(store, items, components=_components)
    summary = {
        "articles_read": report.articles_read,
        "articles_new": report.articles_new,
        "articles_known": report.articles_known,
        "events_new": report.events_new,
        "article_ids": list(dict.fromkeys(report.article_ids)),
        "problems": [{"source": p.source, "line": p.line, "severity": p.severity,
                      "message": p.message} for p in report.problems],
    }
    if report.articles_read == 0:
        raise HTTPException(422, summary)
    return summary


class TextIn(BaseModel):
    text: str = Field(min_length=1, description="The report's text (plain text or Markdown).")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = None


class UrlIn(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="An http(s) URL of a web page "
                     "or a plain-text document.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = None


def _overrides(given: TextIn | UrlIn) -> ArticleOverrides:
    return ArticleOverrides(outlet=given.outlet, published=given.published, title=given.title)




@router.post("/ingest/text")
def ingest_text(given: TextIn, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Code and store one report given as text."""
    if len(given.text.encode("utf-8")) > settings.max_upload_bytes:
        raise HTTPException(413, f"text too large: the limit is {settings.max_upload_bytes} "
                                 "bytes")
    # the warnings too (a publication date out of range, dropped), not only the article
    article, problems = build_article(given.text, source="api:text",
                                      overrides=_overrides(given))
    return _ingest(store, [*problems, *([article] if article is not None else [])])


@router.post("/ingest/url")
def ingest_url(given: UrlIn, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Fetch a page and code it. Loopback, private, link-local and metadata addresses are
    refused (after DNS resolution and on every redirect) unless the server allows them."""
    items = read_url(given.url, _overrides(given), max_bytes=settings.max_upload_bytes,
                     allow_private=settings.allow_private_urls,
                     allowed_hosts=settings.allowed_hosts, timeout=settings.fetch_timeout)
    return _ingest(store, items)


_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


@router.post("/ingest/file")
def ingest_file(store: StoreDep, settings: SettingsDep,
                file: Annotated[UploadFile, File(description=f"A file sitrep reads: {SUPPORTED}")],
                outlet: Annotated[str | None, Form(max_length=200)] = None,
                published: Annotated[date | None, Form()] = None,
                title: Annotated[str | None, Form(max_length=1000)] = None) -> dict[str, Any]:
    """Code and store an uploaded file (.txt, .md, .html, or .jsonl with many articles)."""
    name = _UNSAFE_NAME.sub("_", Path(file.filename or "upload.txt").name).strip("._") or "upload"
    if file_format(Path(name)) is None:
        raise HTTPException(415, f"unsupported file type {Path(name).suffix or '(none)'}; "
                                 f"sitrep reads {SUPPORTED}")
    overrides = ArticleOverrides(outlet=outlet, published=published, title=title)
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as folder:
        path = Path(folder) / name
        size = 0
        with path.open("wb") as out:
            while chunk := file.file.read(1 << 20):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise HTTPException(413, f"file too large: the limit is "
                                             f"{settings.max_upload_bytes} bytes")
                out.write(chunk)
        items = list(read_inputs([path], overrides, max_bytes=settings.max_upload_bytes))
    for item in items:  # say where it came from, not where it was kept meanwhile
        item.source = f"upload:{name}" + (item.source[len(str(path)):]
                                          if item.source and item.source.startswith(str(path))
                                          else "")
    return _ingest(store, items)
