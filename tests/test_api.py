"""The REST API over a real database (SQLite and the session's PostgreSQL): events with the
filters, paging and sorting, articles with highlights, search, map, exports, docs."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date
from typing import get_args

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from live_server import BACKENDS, LOOPBACK, database_url
from test_store import ACCUSE, ASSAULT, BATCH, CONSULT, MOBILIZE, PLACES, VOA, YONHAP

from sitrep.records import Location, Modality, event_types
from sitrep.serve.app import create_app
from sitrep.serve.settings import Settings
from sitrep.store import Store

# One event with a place, for the map (the test_store events have none).
SENT_WITH_PLACE = replace(MOBILIZE, location=Location("the peninsula", "Korean Peninsula", None,
                                                      37.5, 127.5, precision="region"))


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    url = database_url(request.param, tmp_path_factory.mktemp("api"))
    with Store(url) as s:
        s.migrate()
        batch = [(a, [SENT_WITH_PLACE if e is MOBILIZE else e for e in evs], PLACES.get(a.id, []))
                 for a, evs in BATCH]
        assert s.add_batch(batch) == 4
        yield s


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(db=store.url), store=store), base_url=LOOPBACK)


def ids(items):
    return [e["id"] for e in items]


FILTER_CASES = [
    ({}, {}),
    ({"type": ["accuse", "ASSAULT"]}, {"types": ["accuse", "ASSAULT"]}),
    ({"actor": "prk"}, {"actor": "prk"}),
    ({"actor": "air force"}, {"actor": "air force"}),
    ({"recipient": "USA"}, {"recipient": "USA"}),
    ({"since": "2017-06-01"}, {"since": date(2017, 6, 1)}),
    ({"until": "2017-06-10"}, {"until": date(2017, 6, 10)}),
    ({"outlet": "voice"}, {"outlet": "voice"}),
    ({"article": VOA.id}, {"article_id": VOA.id}),
    ({"type": "CONSULT", "since": "2017-06-01", "outlet": "America"},
     {"types": ["CONSULT"], "since": date(2017, 6, 1), "outlet": "America"}),
    ({"background": "true"}, {"background": True}),
    ({"background": "false", "outlet": "America"}, {"background": False, "outlet": "America"}),
]


@pytest.mark.parametrize(("params", "store_filters"), FILTER_CASES)
def test_event_filters_mean_what_sitrep_events_means(client, store, params, store_filters):
    got = client.get("/api/events", params={**params, "limit": 1000}).json()["items"]
    assert got == list(store.events(**store_filters))


def test_events_page_through_everything_once(client, store):
    first = client.get("/api/events", params={"limit": 3, "total": "true"}).json()
    assert first["total"] == 7 and len(first["items"]) == 3 and first["next_offset"] == 3
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    third = client.get("/api/events", params={"limit": 3, "offset": 6}).json()
    assert third["next_offset"] is None and len(third["items"]) == 1
    assert ids(first["items"] + second["items"] + third["items"]) == ids(store.events())


@pytest.mark.parametrize("sort", ["date", "-date", "published", "type", "actor"])
@pytest.mark.parametrize("filters", [{}, {"type": ["ACCUSE", "ASSAULT", "CONSULT"]}])
def test_keyset_pages_equal_offset_pages(client, sort, filters):
    """Paging with `after` walks the same events in the same order as offsets do, through
    the undated events at the end and for descending orders too."""
    everything = client.get("/api/events", params={**filters, "sort": sort, "limit": 100})
    expected = ids(everything.json()["items"])
    walked, after = [], None
    for _ in range(len(expected) + 1):
        params = {**filters, "sort": sort, "limit": 2} | ({"after": after} if after else {})
        page = client.get("/api/events", params=params).json()
        walked += ids(page["items"])
        after = page["next_after"]
        if after is None:
            break
        assert page["offset"] is None if "after" in params else page["offset"] == 0
    assert walked == expected and len(expected) >= 3


def test_keyset_paging_edges(client):
    assert client.get("/api/events", params={"after": "x", "offset": 2}).status_code == 422
    last = client.get("/api/events", params={"limit": 100}).json()["items"][-1]["id"]
    assert client.get("/api/events", params={"after": last}).json() | {"items": None} == {
        "items": None, "limit": 50, "offset": None, "total": None, "next_offset": None,
        "next_after": None}


@pytest.mark.parametrize("cursor", ["0123456789abcdef", "zzzz", "not an id!"])
def test_a_cursor_that_names_no_event_is_422_not_an_empty_page(client, cursor):
    response = client.get("/api/events", params={"after": cursor})
    assert response.status_code == 422
    assert "after" in response.text


@pytest.mark.parametrize("path", ["/api/events", "/api/export/events", "/api/stats",
                                  "/api/map", f"/api/articles/{YONHAP.id}", "/api/stories",
                                  "/api/event-types", "/api/vocabulary"])
def test_unknown_query_parameters_are_422_naming_them(client, path):
    response = client.get(path, params={"id": "x", "limt": 3, "type": "ACCUSE"}
                          if "events" in path else {"id": "x", "limt": 3})
    assert response.status_code == 422
    assert "'id'" in response.text and "'limt'" in response.text
    assert "'type'" not in response.text


def test_vocabulary_lists_the_types_with_their_colours_and_the_modalities(client):
    vocabulary = client.get("/api/vocabulary").json()
    assert vocabulary["types"] == list(event_types()) and len(vocabulary["types"]) == 16
    assert list(vocabulary["colors"]) == vocabulary["types"]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in vocabulary["colors"].values())
    assert len(set(vocabulary["colors"].values())) == 16  # no two types alike
    assert vocabulary["modalities"] == list(get_args(Modality))
    assert "asserted" in vocabulary["modalities"] and "negated" in vocabulary["modalities"]


def test_export_honours_limit(client):
    response = client.get("/api/export/events", params={"format": "jsonl", "limit": 2})
    assert len(response.text.splitlines()) == 2
    everything = client.get("/api/export/events", params={"format": "csv"}).text
    assert len(everything.splitlines()) == 1 + 7


def test_events_sort_orders(client):
    def dates(sort):
        items = client.get("/api/events", params={"sort": sort, "limit": 100}).json()["items"]
        return [e["event_date"] or e["published"] for e in items]

    newest_first = dates("-date")
    dated = [d for d in newest_first if d]
    assert dated == sorted(dated, reverse=True) and newest_first[-1] is None  # undated last
    by_type = client.get("/api/events", params={"sort": "type"}).json()["items"]
    assert [e["event_type"] for e in by_type] == sorted(e["event_type"] for e in by_type)


def test_modality_filter(client):
    items = client.get("/api/events", params={"modality": "planned"}).json()["items"]
    assert ids(items) == [CONSULT.id]


@pytest.mark.parametrize("params", [{"type": "BOMBING"}, {"since": "last week"},
                                    {"sort": "random"}, {"limit": 0}, {"limit": 100_000},
                                    {"modality": "rumoured"}, {"offset": -1},
                                    {"background": "sometimes"}])
def test_bad_parameters_are_422_with_a_reason(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_article_with_text_events_and_highlight_segments(client):
    body = client.get(f"/api/articles/{YONHAP.id}").json()
    assert body["text"] == YONHAP.text and body["title"] == "North fires missile"
    assert ids(body["events"]) == [ASSAULT.id, MOBILIZE.id]
    segments = body["segments"]
    assert segments[0]["start"] == 0 and segments[-1]["end"] == len(YONHAP.text)
    assert all(a["end"] == b["start"] for a, b in zip(segments, segments[1:], strict=False))
    triggers = [YONHAP.text[s["start"]:s["end"]] for s in segments if "trigger" in s["roles"]]
    assert triggers == ["fired", "sent"]
    evidence = "".join(YONHAP.text[s["start"]:s["end"]] for s in segments
                       if ASSAULT.id in s["events"])
    assert evidence == "North Korea fired"
    assert [p["name"] for p in body["places"]] == ["Seoul", "North Korea", "Korean Peninsula"]


def test_unknown_article_is_404(client):
    assert client.get("/api/articles/0123456789abcdef").status_code == 404


def test_one_event_by_id(client, store):
    body = client.get(f"/api/events/{ACCUSE.id}").json()
    assert body == next(store.events(article_id=VOA.id))  # the record itself
    assert body["event_type"] == "ACCUSE" and body["background"] is True


def test_unknown_event_is_404_with_a_reason(client):
    response = client.get("/api/events/0123456789abcdef")
    assert response.status_code == 404
    assert response.json()["detail"] == "no event with id '0123456789abcdef'"
    assert client.get("/api/events/not an id").status_code == 422


def test_histogram_counts_every_filtered_event_by_type_and_day(client):
    body = client.get("/api/events/histogram").json()
    assert body["total"] == 7 and body["undated"] == 1  # all events, not one page
    assert body["bucket"] == "day"  # seven weeks of events: one bar a day fits
    buckets = {b["start"]: b for b in body["buckets"]}
    assert [body["buckets"][i]["start"] for i in (0, -1)] == ["2017-05-01", "2017-06-20"]
    assert len(buckets) == 51  # empty days included, so bars stand at their dates
    assert buckets["2017-05-01"]["counts"] == {"ASSAULT": 1}
    assert buckets["2017-06-20"] == {"start": "2017-06-20", "end": "2017-06-20", "n": 2,
                                     "counts": {"PROTEST": 1, "THREATEN": 1}}
    assert buckets["2017-05-02"]["n"] == 0
    only = client.get("/api/events/histogram", params={"type": "accuse"}).json()
    assert only["total"] == 1 and [b["counts"] for b in only["buckets"]] == [{"ACCUSE": 1}]
    assert client.get("/api/events/histogram", params={"type": "BOMBING"}).status_code == 422


def test_histogram_buckets_start_on_their_first_day():
    from sitrep.store.timeline_counts import bucket_start, next_bucket

    thursday = date(2017, 5, 4)
    assert bucket_start(thursday, "week") == date(2017, 5, 1)  # weeks start on Monday
    assert bucket_start(thursday, "month") == date(2017, 5, 1)
    assert bucket_start(thursday, "year") == date(2017, 1, 1)
    assert next_bucket(date(2017, 12, 1), "month") == date(2018, 1, 1)
    assert next_bucket(date(2017, 5, 1), "week") == date(2017, 5, 8)


def test_article_listing_pages(client):
    page = client.get("/api/articles", params={"limit": 3}).json()
    assert page["total"] == 4 and len(page["items"]) == 3 and page["next_offset"] == 3
    assert "text" not in page["items"][0]


@pytest.mark.parametrize(("query", "expected"), [
    ("missiles", [YONHAP.id]),  # stemmed
    ('"short-range missile"', [YONHAP.id]),  # phrase
    ("pyongyang OR bombers", [VOA.id, YONHAP.id]),
    ("korea -missile", [VOA.id]),  # exclusion
    ("tokyo", None),  # matches the undated article: checked by membership below
])
def test_full_text_search(client, query, expected):
    body = client.get("/api/search", params={"q": query}).json()
    found = sorted(item["id"] for item in body["items"])
    if expected is not None:
        assert found == sorted(expected)
    else:
        assert len(found) == 1
    assert body["total"] == len(found)
    for item in body["items"]:
        assert "\x02" in item["snippet"] or query.startswith("pyongyang")


def test_search_snippet_marks_the_match(client):
    item = client.get("/api/search", params={"q": "missile"}).json()["items"][0]
    assert re.search("\x02missile\x03", item["snippet"])
    assert item["title"] == "North fires missile" and item["n_events"] == 2


def test_actors_with_counts_and_names(client):
    actors = {a["code"]: a for a in client.get("/api/actors").json()}
    assert actors["PRK"]["actor"] == 2 and actors["USA"]["recipient"] == 1
    assert set(actors["USA"]["names"]) == {"The U.S. Air Force", "Washington"}
    assert [a["code"] for a in client.get("/api/actors", params={"q": "jp"}).json()] == ["JPN"]


def test_map_points_are_event_locations(client):
    body = client.get("/api/map").json()
    assert body["points"] == [{
        "name": "Korean Peninsula", "country": None, "lat": 37.5, "lon": 127.5,
        "precision": "region", "n": 1, "types": {"MOBILIZE": 1},
        "events": [{"id": MOBILIZE.id, "article_id": YONHAP.id, "event_type": "MOBILIZE",
                    "outlet": "Yonhap", "trigger": "sent", "date": "2017-05-03"}],
    }]
    assert client.get("/api/map", params={"type": "ASSAULT"}).json()["points"] == []


def test_map_keeps_the_places_located_as_precisely_as_asked(client):
    def names(*precision):
        points = client.get("/api/map", params={"precision": list(precision)}).json()["points"]
        return [p["name"] for p in points]

    assert names("region") == names("Region", "city") == ["Korean Peninsula"]
    assert names("point", "city", "division", "country") == []
    response = client.get("/api/map", params={"precision": "street"})
    assert response.status_code == 422 and "street" in response.text


def test_event_and_place_records_say_how_precisely_they_are_located(client):
    (sent,) = client.get("/api/events", params={"type": "MOBILIZE"}).json()["items"]
    assert sent["location"] == SENT_WITH_PLACE.to_record()["location"]
    assert sent["location"]["precision"] == "region"
    body = client.get(f"/api/articles/{YONHAP.id}").json()
    assert [e["location"]["precision"] for e in body["events"] if e["location"]] == ["region"]
    assert [(p["kind"], p["precision"]) for p in body["places"]] == [
        ("capital", "city"), ("country", "country"), ("peninsula", "region")]
    places = client.get("/api/places", params={"article": YONHAP.id}).json()["items"]
    assert [p["precision"] for p in places] == ["city", "country", "region"]


def test_places_and_stats(client):
    places = client.get("/api/places", params={"country": "jpn"}).json()["items"]
    assert {p["name"] for p in places} == {"Japan", "Tokyo"}
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["events"] == 7


def test_export_jsonl_is_the_event_records(client, store):
    response = client.get("/api/export/events", params={"format": "jsonl", "type": "ACCUSE"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert "events.jsonl" in response.headers["content-disposition"]
    records = [json.loads(line) for line in response.text.splitlines()]
    assert records == list(store.events(types=["ACCUSE"]))


def test_export_csv(client):
    response = client.get("/api/export/events", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 7
    accuse = next(r for r in rows if r["id"] == ACCUSE.id)
    assert accuse["actor_code"] == "PRK" and accuse["recipient_text"] == "Washington"
    assert (accuse["background"], accuse["date_inferred"]) == ("True", "False")
    sent = next(r for r in rows if r["id"] == MOBILIZE.id)
    assert (sent["location_name"], sent["location_precision"]) == ("Korean Peninsula", "region")
    assert accuse["location_precision"] == ""  # no place
    news = client.get("/api/export/events", params={"format": "csv", "background": "false"})
    assert len(list(csv.DictReader(io.StringIO(news.text)))) == 6


def test_export_parquet_has_typed_columns(client):
    response = client.get("/api/export/events", params={"format": "parquet"})
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == 7
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("location_lat").type) == "double"
    rows = {r["id"]: r for r in table.to_pylist()}
    assert rows[ASSAULT.id]["event_date"] == date(2017, 5, 1)
    assert rows[ACCUSE.id]["background"] is True and rows[ASSAULT.id]["background"] is False
    assert json.loads(rows[ASSAULT.id]["record"])["trigger"]["text"] == "fired"
    empty = client.get("/api/export/events", params={"format": "parquet", "actor": "nobody"})
    assert pq.read_table(io.BytesIO(empty.content)).num_rows == 0


def test_export_plover_json(client):
    response = client.get("/api/export/events", params={"format": "plover", "article": VOA.id})
    records = {r["id"]: r for r in map(json.loads, response.text.splitlines())}
    accuse = records[ACCUSE.id]
    assert accuse["event"] == ["ACCUSE"] and accuse["date"] == "2017-06-10"
    assert accuse["actor"] == [{"code": "PRK", "sector": None, "entity_text": "Pyongyang"}]
    assert accuse["recipient"][0]["code"] == "USA"
    assert accuse["cite_info"]["publication"] == "Voice of America"
    assert accuse["cite_info"]["url"] == "https://example.org/voa/1"
    assert "publication date" in accuse["comment"]  # the event itself has no date
    # told as background: PLOVER's auxiliary mode "historical", in context
    assert "historical" in accuse["context"] and accuse["sitrep"]["background"] is True
    assert accuse["event_loc"] is None and accuse["sitrep"]["location_precision"] is None
    consult = records[CONSULT.id]
    assert consult["event"] == ["CONSULT"] and consult["date"] == "2017-06-12"


def test_openapi_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # nothing from a CDN
    for asset in assets:
        if asset.endswith((".js", ".css")):
            assert client.get(asset).status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/articles/{article_id}", "/api/search", "/api/stories",
                 "/api/series", "/api/comparisons", "/api/export/events", "/api/ingest/url"):
        assert path in paths


def test_stories_endpoints_on_an_unlinked_store(client):
    assert client.get("/api/stories").json()["items"] == []
    assert client.get("/api/stories/0123456789abcdef").status_code == 404
    comparison = client.get("/api/comparisons", params={"article": [YONHAP.id, VOA.id]}).json()
    assert [a["id"] for a in comparison["articles"]] == [YONHAP.id, VOA.id]
    # the two tiers of omissions, each row saying which it is
    assert {o["certainty"] for o in comparison["omissions"]} <= {"omitted"}
    assert {o["certainty"] for o in comparison["unclear_omissions"]} <= {"unclear"}
    assert comparison["omissions"] or comparison["unclear_omissions"]
    assert client.get("/api/comparisons",
                      params={"article": [YONHAP.id, "0123456789abcdef"]}).status_code == 404


def test_web_ui_and_outlines_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
    outlines = client.get("/api/outlines").json()
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"North Korea", "South Korea", "Japan", "France"} <= names
    assert client.get("/static/app.js").status_code == 200


def test_sitrep_export_writes_every_format(store, tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import main

    runner = CliRunner()
    for fmt in ("jsonl", "csv", "parquet", "plover"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(main, ["export", "--db", store.url, "--format", fmt,
                                      "--type", "ACCUSE", "--output", str(out)])
        assert result.exit_code == 0, result.output
        if fmt == "parquet":
            assert pq.read_table(out).column("id").to_pylist() == [ACCUSE.id]
        elif fmt == "csv":
            assert [r["id"] for r in csv.DictReader(out.open())] == [ACCUSE.id]
        else:
            assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [ACCUSE.id]


def test_sitrep_serve_listens_on_loopback(store):
    import subprocess
    import sys
    import time

    import httpx
    from live_server import free_port

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from sitrep.cli import main; main()",
                               "serve", "--db", store.url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90  # a loaded 2-core machine starts it slowly
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, \
                    server.stderr.read().decode()
                time.sleep(0.2)
        assert stats["events"] == 7
    finally:
        server.terminate()
        server.wait(timeout=20)
