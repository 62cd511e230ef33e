"""Acceptance on the two seed reports (read from ../shared/seeds, never copied here).

What a reader must get out of them (shared/seeds/README.md): the two B-1B flights with
their dates, North Korea's condemnation, the planned Trump visit, the July missile launch
and September nuclear test, China's call to halt THAAD, Pompeo's visit to Seoul, and the
KCNA claims attributed to KCNA.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
YONHAP = SEEDS / "000_1aa21a7c71c41021.txt"
WSWS = SEEDS / "004_6aaa86ab8a370ea6.txt"

pytestmark = pytest.mark.skipif(
    not YONHAP.exists() or not WSWS.exists(),
    reason=f"seed reports not found in {SEEDS} (they live in the shared folder beside the repo)",
)


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory) -> dict[str, list[dict]]:
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(YONHAP), "--outlet", "Yonhap",
                                 "--published", "2017-11-02", "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(main, ["ingest", str(WSWS), "--db", db, "-q"])
    assert second.exit_code == 0, second.output
    listing = runner.invoke(main, ["events", "--format", "jsonl", "--db", db])
    assert listing.exit_code == 0, listing.output
    events = [json.loads(line) for line in listing.stdout.splitlines()]
    by_outlet: dict[str, list[dict]] = {}
    for event in events:
        by_outlet.setdefault(event["outlet"], []).append(event)
    return by_outlet


def _find(events, event_type, **where):
    def ok(e):
        if e["event_type"] != event_type:
            return False
        for key, value in where.items():
            if key in ("actor", "recipient", "attributed_to"):
                if (e[key] or {}).get("code") != value:
                    return False
            elif key == "trigger":
                if value not in e["trigger"]["text"].lower():
                    return False
            elif e[key] != value:
                return False
        return True

    return [e for e in events if ok(e)]


def test_wsws_metadata_comes_from_its_text(seed_events):
    assert set(seed_events) == {"Yonhap", "World Socialist Web Site"}
    assert all(e["published"] == "2017-05-03" for e in seed_events["World Socialist Web Site"])


def test_both_bomber_flights_with_their_dates(seed_events):
    yonhap = _find(seed_events["Yonhap"], "MOBILIZE", actor="USA", event_date="2017-11-02")
    wsws = _find(seed_events["World Socialist Web Site"], "MOBILIZE", actor="USA",
                 event_date="2017-05-01")
    assert yonhap, "the 2 November flight (Yonhap)"
    assert wsws, "the 1 May flight (WSWS)"
    assert yonhap[0]["date_precision"] == wsws[0]["date_precision"] == "day"


def test_north_korea_condemns_the_flights(seed_events):
    assert _find(seed_events["Yonhap"], "ACCUSE", actor="PRK", recipient="USA")


def test_planned_trump_visit(seed_events):
    visits = _find(seed_events["Yonhap"], "CONSULT", actor="USA", modality="planned")
    assert visits
    assert any(v["event_date"] == "2017-11-03" for v in visits), "embarks on Friday"


def test_missile_launch_and_nuclear_test_month_precision(seed_events):
    prk = [e for e in seed_events["Yonhap"] if (e["actor"] or {}).get("code") == "PRK"]
    dated = {(e["event_date"], e["date_precision"]) for e in prk}
    assert ("2017-07-01", "month") in dated
    assert ("2017-09-01", "month") in dated


def test_china_calls_for_halt_to_thaad(seed_events):
    calls = _find(seed_events["World Socialist Web Site"], "REQUEST", actor="CHN")
    assert calls
    assert any(c["event_date"] == "2017-05-02" for c in calls), "in a press briefing yesterday"


def test_pompeo_visits_seoul(seed_events):
    assert _find(seed_events["World Socialist Web Site"], "CONSULT", actor="USA",
                 recipient="KOR", event_date="2017-05-01")


def test_kcna_claims_are_attributed_to_kcna(seed_events):
    kcna = [e for e in seed_events["Yonhap"] if (e["attributed_to"] or {}).get("code") == "PRK"]
    assert kcna, "events reported by KCNA"
    flights = [e for e in kcna if e["event_type"] == "MOBILIZE"]
    assert flights, "KCNA's account of the bombers' route"
    assert all(e["modality"] in ("asserted", "claimed") for e in flights)


def test_reingest_changes_nothing(tmp_path):
    db = str(tmp_path / "again.db")
    runner = CliRunner()
    args = ["ingest", str(YONHAP), "--outlet", "Yonhap", "--published", "2017-11-02",
            "--db", db]
    runner.invoke(main, args)
    before = runner.invoke(main, ["events", "--format", "jsonl", "--db", db]).output
    again = runner.invoke(main, args)
    assert again.exit_code == 0
    assert "0 new, 1 already stored" in again.output
    assert runner.invoke(main, ["events", "--format", "jsonl", "--db", db]).output == before


@pytest.fixture(scope="module")
def seed_places(tmp_path_factory) -> list[dict]:
    db = str(tmp_path_factory.mktemp("places") / "seeds.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(YONHAP), "--outlet", "Yonhap", "--published",
                         "2017-11-02", "--db", db, "-q"])
    runner.invoke(main, ["ingest", str(WSWS), "--db", db, "-q"])
    listing = runner.invoke(main, ["places", "--mentions", "--format", "jsonl", "--db", db])
    assert listing.exit_code == 0, listing.output
    return [json.loads(line) for line in listing.stdout.splitlines()]


@pytest.mark.parametrize(
    ("name", "lat", "lon", "tolerance"),
    [
        # the places of shared/seeds/README.md that the two texts name; coordinates are
        # public facts, tolerance in degrees (wider for seas and regions)
        ("Guam", 13.4, 144.8, 0.5),
        ("Andersen Air Force Base", 13.58, 144.93, 0.2),
        ("Okinawa", 26.5, 127.9, 1.0),
        ("Jeju", 33.4, 126.5, 0.5),
        ("Yellow Sea", 35.0, 123.0, 4.0),
        ("East Sea", 40.0, 135.0, 5.0),
        ("Pilseung Range", 37.5, 128.5, 1.0),
        ("Gangwon", 37.8, 128.2, 1.0),
        ("Seoul", 37.57, 126.98, 0.2),
        ("Pyongyang", 39.03, 125.75, 0.2),
        ("California", 37.0, -119.5, 3.0),
    ],
)
def test_seed_places_are_on_the_map(seed_places, name, lat, lon, tolerance):
    found = [p for p in seed_places if p["name"] == name]
    assert found, f"{name} not among {sorted({p['name'] for p in seed_places})}"
    assert abs(found[0]["lat"] - lat) <= tolerance and abs(found[0]["lon"] - lon) <= tolerance


def test_no_people_or_nationalities_on_the_seed_map(seed_places):
    names = {p["text"] for p in seed_places}
    assert not names & {"Obama", "Kim", "Pompeo", "South", "North"}


def test_seed_event_locations(seed_events):
    flights = _find(seed_events["Yonhap"], "MOBILIZE", actor="USA", event_date="2017-11-02")
    assert flights[0]["location"]["name"] == "Korean Peninsula"
    visit = _find(seed_events["World Socialist Web Site"], "CONSULT", actor="USA",
                  recipient="KOR")
    assert visit[0]["location"]["name"] == "Seoul"
    drills = [e for e in seed_events["Yonhap"] if e["trigger"]["text"] == "drills"]
    assert drills[0]["location"]["name"] == "Pilseung Range"


def test_seed_flights_are_not_put_where_the_bombers_come_from(seed_events):
    # a report about the United States' bombers does not place their flights, deployments
    # and returns home in the United States, whatever country the story is told from
    for outlet, events in seed_events.items():
        for e in events:
            if e["event_type"] in ("MOBILIZE", "RETREAT", "COOPERATE") and e["location"]:
                assert e["location"]["country"] != "USA" or e["location"]["name"] == (
                    "California"), (outlet, e["trigger"]["text"], e["location"])


@pytest.mark.parametrize(
    ("outlet", "date_text", "expected"),
    [
        ("Yonhap", "on Thursday", ("2017-11-02", "day")),
        ("Yonhap", "on Friday", ("2017-11-03", "day")),
        ("Yonhap", "last Saturday", ("2017-10-28", "day")),
        ("Yonhap", "In July", ("2017-07-01", "month")),
        ("Yonhap", "In September", ("2017-09-01", "month")),
        ("World Socialist Web Site", "on Monday", ("2017-05-01", "day")),
        ("World Socialist Web Site", "yesterday", ("2017-05-02", "day")),
        ("World Socialist Web Site", "on Saturday", ("2017-04-29", "day")),
    ],
)
def test_seed_dates(seed_events, outlet, date_text, expected):
    dated = [e for e in seed_events[outlet] if e["date_text"] == date_text]
    assert dated, f"no event dated {date_text!r}"
    assert {(e["event_date"], e["date_precision"]) for e in dated} == {expected}


def test_seed_last_week_is_a_range(seed_events):
    [launch] = [e for e in seed_events["World Socialist Web Site"]
                if e["date_text"] == "Last week"]
    assert launch["event_date"] is None
    assert launch["date_range"] == {"start": "2017-04-24", "end": "2017-04-30"}
