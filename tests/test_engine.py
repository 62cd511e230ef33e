"""Engines: local worker processes and a Dask LocalCluster store exactly the events that the
single-process pipeline stores, and never hold more than a few batches at once."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.engine import ComponentSpec, DaskCluster, InProcess, LocalProcesses, open_engine
from sitrep.parse.model import ModelNotFound
from sitrep.pipeline import ingest_into
from sitrep.store import Store, links

# under xdist one worker runs them all: they share the reference ingest (module fixture)
pytestmark = pytest.mark.xdist_group("test_engine")

# Invented reports, written for these tests: two parties per story, sentences that carry
# events of several types, places and relative dates.
PARTIES = [
    # name, adjective, capital, another city
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Mekele"),
    ("Eritrea", "Eritrean", "Asmara", "Massawa"),
    ("India", "Indian", "New Delhi", "Srinagar"),
    ("Pakistan", "Pakistani", "Islamabad", "Lahore"),
    ("Armenia", "Armenian", "Yerevan", "Gyumri"),
    ("Azerbaijan", "Azerbaijani", "Baku", "Ganja"),
    ("Thailand", "Thai", "Bangkok", "Chiang Mai"),
    ("Cambodia", "Cambodian", "Phnom Penh", "Siem Reap"),
    ("Peru", "Peruvian", "Lima", "Arequipa"),
    ("Chile", "Chilean", "Santiago", "Valparaiso"),
]
SENTENCES = [
    "{A_adj} troops fired artillery shells at {B_adj} positions near {B_city} on {weekday}, "
    "military officials said.",
    "The foreign minister of {A} accused {B} of breaking the ceasefire it signed last year.",
    "{A} and {B} agreed to hold talks in {A_capital} next month.",
    "Officials in {A_capital} said the government would impose new sanctions on {B} if the "
    "shelling continued.",
    "Thousands of people protested outside the {B_adj} embassy in {A_capital} on {weekday}.",
    "{B} denied sending warships into the disputed waters.",
    "The United Nations called on both sides to withdraw their forces from the border.",
    "The {A_adj} president met a {B_adj} envoy in {A_city} to discuss the release of prisoners.",
    "{B_adj} police arrested dozens of opposition activists after the rally in {B_capital}.",
    "{A} sent food and medicine to the villages hit by floods.",
    "Analysts in {B_capital} said the dispute could grow into a wider war.",
    "{B} threatened to expel {A_adj} diplomats, a spokesman told reporters.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def corpus_records(n: int, sentences_per_article: int = 8) -> list[dict]:
    """`n` distinct invented articles as JSON Lines records."""
    records = []
    for i in range(n):
        a = PARTIES[(2 * i) % len(PARTIES)]
        b = PARTIES[(2 * i + 1 + 2 * (i // 5)) % len(PARTIES)]
        if a == b:
            b = PARTIES[(PARTIES.index(a) + 1) % len(PARTIES)]
        slots = dict(A=a[0], A_adj=a[1], A_capital=a[2], A_city=a[3],
                     B=b[0], B_adj=b[1], B_capital=b[2], B_city=b[3],
                     weekday=WEEKDAYS[i % len(WEEKDAYS)])
        chosen = [SENTENCES[(i + 5 * k) % len(SENTENCES)] for k in range(sentences_per_article)]
        text = " ".join(s.format(**slots) for s in dict.fromkeys(chosen))
        records.append({
            "id": f"story-{i}", "title": f"Tension between {a[0]} and {b[0]} ({i})",
            "outlet": ("Wire One", "Daily Two", "Radio Three")[i % 3],
            "published": (date(2024, 3, 1) + timedelta(days=i)).isoformat(),
            "text": f"{text} Report number {i}.",
        })
    return records


def write_corpus(path: Path, n: int, sentences_per_article: int = 8) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus_records(n, sentences_per_article)))
    return path


def stored(db: str) -> dict[str, list]:
    """Everything an ingest leaves behind: articles with their stories, events, places,
    event clusters."""
    with Store(db) as store:
        ids = [a["id"] for a in store.articles()]
        return {"articles": [(i, links.story_of_article(store, i)) for i in ids],
                "events": list(store.events()), "places": list(store.places()),
                "clusters": links.event_clusters(store)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("engine") / "corpus.jsonl", 24)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """What the single-process pipeline stores for the corpus."""
    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    with Store(db) as store:
        store.migrate()
        report = ingest_into(store, [corpus], batch_size=3)
    assert report.articles_new == 24 and not report.problems
    result = stored(db)
    assert len(result["events"]) > 24 * 4  # the invented sentences do get coded
    assert {e["event_type"] for e in result["events"]} >= {"ASSAULT", "ACCUSE", "PROTEST",
                                                           "SANCTION"}
    assert all(story for _, story in result["articles"]) and result["clusters"]
    return result


def ingest_with(engine, corpus: Path, db: str, batch_size: int = 3):
    """Ingest with `engine` and close it, as `sitrep ingest` does."""
    with Store(db) as store:
        store.migrate()
        try:
            report = ingest_into(store, [corpus], engine=engine, batch_size=batch_size)
        finally:
            engine.close()
    return report


def child_processes() -> set[int]:
    import psutil

    # multiprocessing's resource tracker is no worker: it serves this process until it exits
    return {p.pid for p in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(p.cmdline())}


@pytest.mark.slow
def test_local_processes_store_the_same_events(corpus, reference, tmp_path):
    before = child_processes()
    engine = LocalProcesses(workers=2, batch_size=3)
    assert engine.workers == 2
    engine.warm_up()  # the workers have loaded their components: nothing else changes
    report = ingest_with(engine, corpus, str(tmp_path / "local.db"))
    assert child_processes() <= before, "worker processes outlived the ingest"
    assert report.articles_new == 24
    assert stored(str(tmp_path / "local.db")) == reference


class CountingBatches:
    """An engine that counts the batches it has been given and handed back."""

    def __init__(self, engine):
        self.engine, self.pulled, self.handed_back, self.most_ahead = engine, 0, 0, 0

    def run(self, batches):
        def counted():
            for batch in batches:
                self.pulled += 1
                yield batch

        for result in self.engine.run(counted()):
            self.handed_back += 1
            self.most_ahead = max(self.most_ahead, self.pulled - self.handed_back)
            yield result

    def close(self):
        self.engine.close()


@pytest.mark.slow
def test_dask_local_cluster_stores_the_same_events_with_few_batches_in_flight(
        corpus, reference, tmp_path):
    before = child_processes()
    engine = CountingBatches(DaskCluster(workers=2, batch_size=3))
    assert engine.engine.workers == 2
    # the workers run with our settings: no stack-sampling profiler, slow monitors, and
    # glibc's own allocator thresholds (each cost them CPU: see LOCAL_CLUSTER_CONFIG)
    settings = engine.engine.client.run(_worker_settings)
    assert list(settings.values()) == [(False, "1s", "5s", None)] * 2
    report = ingest_with(engine, corpus, str(tmp_path / "dask.db"))
    assert child_processes() <= before, "worker processes outlived the ingest"
    assert report.articles_new == 24
    assert engine.handed_back == engine.pulled == 8
    # bounded: 2 batches per worker submitted ahead, never the whole input
    assert 0 < engine.most_ahead < 2 * 2
    assert stored(str(tmp_path / "dask.db")) == reference


def _worker_settings() -> tuple:
    import os

    import dask

    return (dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.admin.system-monitor.interval"),
            os.environ.get("MALLOC_TRIM_THRESHOLD_"))


@pytest.mark.slow
def test_cli_dask_engine_on_a_running_scheduler(corpus, reference, tmp_path):
    from distributed import LocalCluster

    db = str(tmp_path / "scheduler.db")
    with LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, [
            "ingest", str(corpus), "--db", db, "--engine", "dask",
            "--scheduler", cluster.scheduler_address, "--batch-size", "3",
        ])
    assert result.exit_code == 0, result.output
    assert "24 new" in result.output
    assert stored(db) == reference


def test_engine_choice():
    assert isinstance(open_engine("local", workers=1), InProcess)
    # an input of one batch is coded in this process: no pool start-up for one article
    assert isinstance(open_engine("local", workers=4, articles=10, batch_size=16), InProcess)
    with pytest.raises(ValueError, match="--scheduler needs --engine dask"):
        open_engine("local", scheduler="tcp://127.0.0.1:1")
    result = CliRunner().invoke(main, ["ingest", "x.txt", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "needs --engine dask" in result.output


def test_worker_errors_reach_the_caller_as_themselves(corpus, tmp_path):
    # the model is loaded (and missing) in the worker processes; the error crosses back as
    # itself, so the CLI reports it in one line, and nothing is stored
    db = str(tmp_path / "none.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--workers", "2",
                                       "--batch-size", "3", "--model", "no_such_spacy_model"])
    assert result.exit_code == 1
    assert "no spaCy model found (tried no_such_spacy_model)" in result.output
    with Store(db) as store:
        assert store.counts()["articles"] == 0


def test_warm_up_raises_what_loading_raised():
    with LocalProcesses(ComponentSpec.of("no_such_spacy_model"), workers=2) as engine:
        with pytest.raises(ModelNotFound, match="no_such_spacy_model"):
            engine.warm_up()
        workers = list(engine._pool._processes.values())
        assert len(workers) == 2
    # the block has ended: so have the worker processes, not left behind the caller's work
    assert not any(worker.is_alive() for worker in workers)
