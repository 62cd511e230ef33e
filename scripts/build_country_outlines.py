"""Regenerate sitrep/data/places/countries_110m.geojson, the web map's offline base layer.

Build-time only. The source is Natural Earth's 1:110m Admin 0 countries (public domain) as
shipped inside the geopandas 0.14.4 wheel on PyPI (`geopandas/datasets/naturalearth_lowres`;
later geopandas versions dropped it). The shapefile is read with `pyshp`; rings are
simplified (Douglas-Peucker) and coordinates rounded so the file stays small.

    .venv/bin/pip install pyshp
    .venv/bin/pip download geopandas==0.14.4 --no-deps -d /tmp/wheels
    .venv/bin/python scripts/build_country_outlines.py /tmp/wheels/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import io
import json
import zipfile
from pathlib import Path

import shapefile  # pyshp

OUT = (Path(__file__).resolve().parent.parent / "sitrep" / "data" / "places"
       / "countries_110m.geojson")
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.08  # degrees; invisible at the zoom levels of a news map
DIGITS = 2
# Natural Earth marks a few countries -99 in ISO_A3 (France, Norway, Kosovo, ...): by name.
CODES_BY_NAME = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYP",
                 "Somaliland": "SOM"}
Point = tuple[float, float]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings of a few thousand points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > worst:
                worst, index = d, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def rings(shape: shapefile.Shape) -> list[list[Point]]:
    parts = list(shape.parts) + [len(shape.points)]
    found = []
    for start, end in zip(parts, parts[1:], strict=False):
        ring = [(round(x, DIGITS), round(y, DIGITS))
                for x, y in simplify([tuple(p) for p in shape.points[start:end]], TOLERANCE)]
        ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        if len(ring) >= 4:
            found.append(ring)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the geopandas-0.14.4 wheel")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        reader = shapefile.Reader(shp=io.BytesIO(wheel.read(MEMBER + ".shp")),
                                  dbf=io.BytesIO(wheel.read(MEMBER + ".dbf")),
                                  encoding=wheel.read(MEMBER + ".cpg").decode().strip())
        features = []
        for record, shape in zip(reader.records(), reader.shapes(), strict=True):
            row = record.as_dict()
            polygons = [[ring] for ring in rings(shape)]  # exterior rings; 110m has no holes
            if not polygons:
                continue
            code = row["iso_a3"] if row["iso_a3"] != "-99" else CODES_BY_NAME.get(row["name"])
            features.append({
                "type": "Feature",
                "properties": {"name": row["name"], "code": code},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            })
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), simplified",
        "features": sorted(features, key=lambda f: f["properties"]["name"]),
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
