"""Linking end to end: our own article pairs (tests/fixtures/link_pairs.jsonl) coded by the
real pipeline, the `stories`, `series` and `link` commands, and the two seed reports.

Each fixture pair is two short reports written for this test: the same event told by two
outlets, two different events of one type, or unrelated news. Its expected decisions: same
story? same event (do the two articles' events of the pair's types share an event cluster)?
and for recurring activities, same series?
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.pipeline import ingest_into
from sitrep.records import content_hash
from sitrep.store import Store, links

PAIRS_FILE = Path(__file__).parent / "fixtures" / "link_pairs.jsonl"
PAIRS = [json.loads(line) for line in PAIRS_FILE.read_text().splitlines() if line.strip()]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
YONHAP = SEEDS / "000_1aa21a7c71c41021.txt"
WSWS = SEEDS / "004_6aaa86ab8a370ea6.txt"


def article_id(side: dict) -> str:
    return content_hash(side["text"])[:16]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """Every fixture article, ingested (and so linked) by the real pipeline."""
    folder = tmp_path_factory.mktemp("pairs")
    corpus = folder / "pairs.jsonl"
    with corpus.open("w") as out:
        for pair in PAIRS:
            for side in "ab":
                out.write(json.dumps({**pair[side], "id": pair["id"] + side}) + "\n")
    path = str(folder / "pairs.db")
    with Store(path) as store:
        store.migrate()
        report = ingest_into(store, [str(corpus)])
        assert report.articles_new == 2 * len(PAIRS)
    return path


def decisions(store: Store, pair: dict) -> dict:
    a, b = article_id(pair["a"]), article_id(pair["b"])
    result: dict = {"same_story": links.story_of_article(store, a)
                    == links.story_of_article(store, b)}
    if pair["event"] is None:
        result["same_event"] = False
        return result
    cluster_of = {m["event_id"]: (c["id"], c["series_id"])
                  for c in links.event_clusters(store) for m in c["mentions"]}
    types = set(pair["event"]["types"])

    def of(article: str) -> tuple[set, set]:
        found = [cluster_of[r["id"]] for r in store.events(article_id=article)
                 if r["event_type"] in types]
        return {c for c, _ in found}, {s for _, s in found if s}

    (clusters_a, series_a), (clusters_b, series_b) = of(a), of(b)
    result["same_event"] = bool(clusters_a & clusters_b)
    result["same_series"] = bool(series_a & series_b)
    return result


def wrong(pair: dict, got: dict) -> list[str]:
    keys = ["same_story", "same_event"] + (["same_series"] if pair["same_series"] is not None
                                           else [])
    return [k for k in keys if got[k] != pair[k]]


def test_the_fixture_set_is_ours_and_balanced():
    kinds = [p["kind"] for p in PAIRS]
    assert len(PAIRS) >= 30
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "same_event": 14, "different_event": 12, "unrelated": 10}
    assert all(p["same_story"] == p["same_event"] == (p["kind"] == "same_event") for p in PAIRS)


def test_link_decisions_on_the_fixture_pairs_are_at_least_90_percent_right(db: str):
    with Store(db) as store:
        errors = {p["id"]: wrong(p, decisions(store, p)) for p in PAIRS}
    failed = {k: v for k, v in errors.items() if v}
    accuracy = 1 - len(failed) / len(PAIRS)
    assert accuracy >= 0.9, f"{accuracy:.0%} right; wrong: {failed}"


def test_no_two_different_events_are_merged(db: str):
    """Keeping distinct events apart matters more than merging every report: a wrong merge
    hides an event, a missed one only repeats it."""
    with Store(db) as store:
        merged = [p["id"] for p in PAIRS
                  if p["kind"] != "same_event" and decisions(store, p)["same_event"]]
    assert merged == []


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stories_command_lists_and_shows_stories(db: str):
    table = run("stories", "--db", db, "--min-articles", "2")
    assert "Pyongyang test-fires ICBM" in table or "North Korea fires long-range" in table
    listed = [json.loads(line) for line in run("stories", "--db", db, "--format", "jsonl")
              .splitlines()]
    assert listed[0]["n_articles"] >= 2
    assert {"id", "title", "start", "end", "n_articles", "outlets", "article_ids"} <= set(
        listed[0])
    ids = {article_id(PAIRS[0]["a"]), article_id(PAIRS[0]["b"])}
    [story] = [s for s in listed if ids <= set(s["article_ids"])]
    shown = json.loads(run("stories", story["id"], "--db", db, "--format", "json"))
    assert {a["id"] for a in shown["articles"]} == set(story["article_ids"])
    assert any(e["n_articles"] == 2 and e["event_type"] == "MOBILIZE" for e in shown["events"])
    view = run("stories", story["id"], "--db", db)
    assert "Harbor Wire" in view and "events reported by several articles" in view
    assert len(run("stories", "--db", db, "--format", "jsonl", "--limit", "3")
               .splitlines()) == 3


def test_unknown_story_is_a_clear_error(db: str):
    result = CliRunner().invoke(main, ["stories", "0000000000000000", "--db", db])
    assert result.exit_code == 1 and "no story with id" in result.output


def test_series_command_orders_events_in_time(db: str):
    listed = json.loads(run("series", "--db", db, "--format", "json"))
    nurses = [s for s in listed if s["activity"] == "protests" and s["actor_code"] == "GBR"]
    assert nurses and [e["timeline_date"] for e in nurses[0]["events"]] == sorted(
        e["timeline_date"] for e in nurses[0]["events"])
    assert "PRK missile launches" in run("series", "--db", db)


def test_link_rebuild_twice_gives_the_same_stories(db: str):
    run("link", "--rebuild", "--db", db, "-q")
    first = run("stories", "--db", db, "--format", "jsonl")
    run("link", "--rebuild", "--db", db, "-q")
    assert run("stories", "--db", db, "--format", "jsonl") == first
    assert "0 article(s) linked now" in CliRunner().invoke(main, ["link", "--db", db]).output


@pytest.mark.skipif(not YONHAP.exists() or not WSWS.exists(),
                    reason=f"seed reports not found in {SEEDS} (the shared folder beside the "
                           "repo)")
def test_the_seed_flights_are_two_events_of_one_series(tmp_path: Path):
    db = str(tmp_path / "seeds.db")
    run("ingest", str(YONHAP), "--outlet", "Yonhap", "--published", "2017-11-02", "--db", db,
        "-q")
    run("ingest", str(WSWS), "--db", db, "-q")
    with Store(db) as store:
        flights = {r["id"]: r["event_date"] for r in store.events(types=["MOBILIZE"],
                                                                   actor="USA")
                   if r["event_date"] in ("2017-05-01", "2017-11-02")}
        clusters = {c["id"]: c for c in links.event_clusters(store)}
        cluster_of = {m["event_id"]: cid for cid, c in clusters.items() for m in c["mentions"]}
        may = {cluster_of[e] for e, d in flights.items() if d == "2017-05-01"}
        november = {cluster_of[e] for e, d in flights.items() if d == "2017-11-02"}
        assert may and november and not may & november, "the two flights are not one event"
        series = {clusters[c]["series_id"] for c in may | november}
        assert len(series) == 1 and None not in series, "one series of bomber flights"
        [flights_series] = [s for s in links.series_list(store) if s["id"] in series]
        assert flights_series["title"].startswith("USA bomber flights")
        assert [e["timeline_date"] for e in flights_series["events"]] == [
            "2017-05-01", "2017-11-02"]
        assert len(links.stories(store)) == 2  # six months apart: two stories
