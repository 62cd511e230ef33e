"""Resumable, exactly once: an ingest killed with SIGKILL in mid-run and run again with the
same command ends with every article stored once and the same events as a run never
interrupted, whichever engine codes the batches."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_engine import stored, write_corpus

from sitrep.pipeline import ingest_into
from sitrep.store import Store

# under xdist the three runs go to one worker: they share the uninterrupted run's database
pytestmark = pytest.mark.xdist_group("test_resume")
N_ARTICLES = 30
SITREP = Path(sys.executable).with_name("sitrep")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("resume") / "corpus.jsonl", N_ARTICLES, 12)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("whole") / "whole.db")
    with Store(db) as store:
        store.migrate()
        assert ingest_into(store, [corpus], batch_size=2).articles_new == N_ARTICLES
    return stored(db)


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill_after_first_commit(command: list[str], db: Path, timeout: float = 120) -> int:
    """Start `command` in a process group of its own, SIGKILL the whole group (workers
    included) as soon as some articles are stored; how many were."""
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while (count := stored_articles(db)) == 0:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "nothing stored in time"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return count


@pytest.mark.slow
@pytest.mark.parametrize("engine", [
    ["--workers", "1"],
    ["--engine", "local", "--workers", "2"],
    ["--engine", "dask", "--workers", "2"],
], ids=["in-process", "local-2", "dask-2"])
def test_a_killed_ingest_resumes_with_nothing_lost_or_repeated(engine, corpus, uninterrupted,
                                                                tmp_path):
    db = tmp_path / "killed.db"
    command = [str(SITREP), "ingest", str(corpus), "--db", str(db), "--batch-size", "2",
               *engine]
    at_kill = kill_after_first_commit(command, db)
    assert 0 < at_kill < N_ARTICLES, "the kill came too late to interrupt anything"
    kept = stored_articles(db)  # the kill may have come after some more commits

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = re.search(r"(\d+) article\(s\) read: (\d+) new, (\d+) already stored",
                        rerun.stderr)
    assert summary, rerun.stderr
    assert [int(n) for n in summary.groups()] == [N_ARTICLES, N_ARTICLES - kept, kept]
    assert stored(str(db)) == uninterrupted
