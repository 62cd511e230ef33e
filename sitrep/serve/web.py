"""The web UI: one page (`static/index.html`) with its script and styles, and the country
outlines its map draws (`sitrep/data/places/countries_110m.geojson`). Nothing is fetched
from elsewhere: the UI works offline."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from sitrep.package_data import data_path

STATIC = Path(str(files("sitrep.serve") / "static"))
OUTLINES = data_path("places/countries_110m.geojson")

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


@router.get("/api/outlines")
def outlines() -> FileResponse:
    """Natural Earth 1:110m country outlines (public domain), as GeoJSON."""
    return FileResponse(OUTLINES, media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})


def mount_web(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
