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
