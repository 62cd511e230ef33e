"""Acceptance of `sitrep compare` on the two seed reports (read from ../shared/seeds at run
time, never copied here): the nuclear-capability contradiction and the routine-versus-
provocative framing, each with its evidence sentences and attributions."""

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
def seeds(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    for args in ([str(YONHAP), "--outlet", "Yonhap", "--published", "2017-11-02"], [str(WSWS)]):
        result = runner.invoke(main, ["ingest", *args, "--db", db, "-q"])
        assert result.exit_code == 0, result.output
    listing = runner.invoke(main, ["articles", "--format", "jsonl", "--db", db])
    records = [json.loads(line) for line in listing.stdout.splitlines()]
    articles = {r["outlet"]: r for r in records}
    yonhap, wsws = articles["Yonhap"]["id"], articles["World Socialist Web Site"]["id"]
    result = runner.invoke(main, ["compare", "--articles", yonhap, wsws, "--format", "json",
                                  "--db", db])
    assert result.exit_code == 0, result.output
    texts = {yonhap: YONHAP.read_text(), wsws: WSWS.read_text()}
    return json.loads(result.stdout), yonhap, wsws, texts, db


def _in_text(sentence: str, text: str) -> bool:
    # ingest drops markdown emphasis ("*New York Times*"), so compare without it
    def plain(s: str) -> str:
        return " ".join(s.replace("*", "").split())
    return plain(sentence) in plain(text)


def test_nuclear_capability_contradiction(seeds):
    data, yonhap, wsws, texts, _ = seeds
    found = [c for c in data["contradictions"] if c["rule"] == "capability"]
    assert len(found) == 1
    x = found[0]
    assert x["left"]["article_id"] == yonhap and x["right"]["article_id"] == wsws
    assert "nuclear" in x["summary"] and x["summary"].startswith("B-1B")
    # both evidence sentences, each in its own report
    assert _in_text(x["left"]["sentence"], texts[yonhap])
    assert _in_text(x["right"]["sentence"], texts[wsws])
    assert "nuclear" in x["left"]["detail"] and "nuclear" in x["right"]["detail"]
    # KCNA's claim, quoted by Yonhap; the other report's own statement
    assert "Korean Central News Agency" in x["left"]["source"]
    assert x["left"]["voice"] == "attributed"
    assert x["right"]["source"] is None and x["right"]["voice"] == "own"


def test_series_six_months_apart_is_no_date_contradiction(seeds):
    data, yonhap, wsws, _, _ = seeds
    assert not [c for c in data["contradictions"] if c["rule"] == "date"]
    assert any("183 days apart" in note for note in data["notes"])
    flights = [r for r in data["rows"] if len(r["reported_by"]) == 2
               and r["event_type"] == "MOBILIZE"]
    assert flights
    differing = [d for r in flights for c in r["cells"] for d in c["differences"]]
    assert any(d["field"] == "date" and "another occurrence" in d["value"] for d in differing)


def test_routine_versus_provocative_framing(seeds):
    data, yonhap, wsws, texts, _ = seeds
    contrast = next(c for c in data["framing_contrasts"]
                    if {c["category"], c["opposite"]} == {"alarm", "routine"})
    assert contrast["counts"][wsws]["alarm_own"] >= 3
    assert contrast["counts"][yonhap]["alarm_own"] == 0
    assert contrast["counts"][yonhap]["routine"] >= 1
    profiles = {p["article_id"]: p for p in data["framing"]}
    wsws_alarm = {h["term"].lower() for h in profiles[wsws]["hits"]
                  if h["category"] == "alarm" and h["voice"] == "own"}
    assert {"provocative", "menacing"} <= wsws_alarm
    routine = [h for h in profiles[yonhap]["hits"] if h["entry"] == "planned in advance"]
    assert routine and routine[0]["voice"] == "attributed"
    assert routine[0]["source"]  # whom Yonhap credits with "planned in advance"
    for article_id, profile in profiles.items():
        for hit in profile["hits"]:
            assert _in_text(hit["sentence"], texts[article_id])
    # the wire story's one loaded verb of its own: how it reports North Korea's reaction
    yonhap_own = {h["term"] for h in profiles[yonhap]["hits"]
                  if h["stance"] == "loaded" and h["voice"] == "own"
                  and h["category"] != "delegitimizing"}
    assert yonhap_own == {"slammed"}
    assert profiles[wsws]["loaded_own_per_1000"] > 2 * profiles[yonhap]["loaded_own_per_1000"]


def test_attribution_profile_of_the_seeds(seeds):
    data, yonhap, wsws, _, _ = seeds
    profiles = {p["article_id"]: p for p in data["attribution"]}
    # the wire story mostly reports what others say; the editorial mostly speaks itself
    assert profiles[yonhap]["own_share"] < 0.5 < profiles[wsws]["own_share"]
    yonhap_sources = " ".join(s["name"] for s in profiles[yonhap]["sources"])
    assert "Korean Central News Agency" in yonhap_sources
    assert "Pacific Air Forces" in yonhap_sources
    assert any(s["anonymous"] for s in profiles[yonhap]["sources"])
    assert any("KCNA" in s["name"] for s in profiles[wsws]["sources"])


def test_markdown_report_shows_the_evidence(seeds):
    data, yonhap, wsws, _, db = seeds
    result = CliRunner().invoke(main, ["compare", "--articles", yonhap, wsws, "--db", db])
    assert result.exit_code == 0, result.output
    x = next(c for c in data["contradictions"] if c["rule"] == "capability")
    text = " ".join(result.stdout.split())
    assert " ".join(x["left"]["sentence"].split()) in text
    assert " ".join(x["right"]["sentence"].split()) in text
    assert "### alarm vs routine" in result.stdout


def test_the_earlier_report_omits_nothing_of_the_later_one(seeds):
    data, yonhap, wsws, _, _ = seeds
    assert data["publication_gap_days"] == 183
    # the May editorial cannot leave out November's flights
    assert not [o for o in data["omissions"] if wsws in o["missing_from"]]
    sentences = [o["sentence"] for o in data["omissions"]]
    assert len(sentences) == len(set(sentences))  # one omission per sentence
