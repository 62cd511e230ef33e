"""Engines: where `sitrep.pipeline.pipeline` runs, for `ingest_into(..., engine=...)`.

- `InProcess`: here, one core (what `ingest_into` does without an engine).
- `LocalProcesses`: a pool of worker processes on this machine, one per core by default.
- `DaskCluster`: the workers of a Dask distributed cluster (a `LocalCluster` on 127.0.0.1
  unless a scheduler address is given).

Engines are context managers: `with open_engine("local") as engine:` ends its worker
processes (or cluster) when the block does, also on an error.

Every engine maps the same task, `code_batch` (the pipeline over one batch of articles),
over the batches it is given and yields their results in input order, so every engine
stores the same events in the same order. Each worker process loads its components once
(`ComponentSpec.load`, cached per process). At most `in_flight` batches are submitted and
not yet handed back, so memory stays flat however long the input; the caller stores each
batch as it comes back (one transaction per batch), which is what makes a killed run
resumable without losing or repeating an article.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from sitrep.parse import DEFAULT_BATCH_SIZE
from sitrep.pipeline import Components, ProcessedArticle, pipeline
from sitrep.records import Article

ENGINES = ("local", "dask")
# Settings for the LocalCluster `DaskCluster` starts (measured with bench/scaling.py). A
# cluster of your own: put them in the Dask configuration its nannies and workers start
# with (a YAML file in ~/.config/dask/ or DASK_CONFIG).
LOCAL_CLUSTER_CONFIG = {
    # Workers sample their threads' stacks every 10 ms for the dashboard's profile, which
    # nobody sees here: on our pure-Python tasks that cost 10-20 % of each worker's CPU.
    "distributed.worker.profile.enabled": False,
    # distributed starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also fixes glibc's
    # mmap threshold: every large parser array is mapped and faulted in afresh (7x the page
    # faults and ~10 % more time per batch). Keep glibc's defaults, as local workers have.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Monitors for a dashboard: a 20 ms event-loop tick and a 0.5 s system monitor in every
    # server cost an idle 2-worker cluster 0.1 CPU-second per second, taken from the tasks.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.deploy.cluster-repr-interval": "10s",
}
# Batches submitted ahead per worker: one running, one queued so a worker never waits for
# the next; more would only hold memory.
BATCHES_AHEAD_PER_WORKER = 2


@dataclass(frozen=True)
class ComponentSpec:
    """What a worker needs to load the same Components as the caller would (names, not
    objects: a worker loads them itself, once per process)."""

    model: str | None = None
    lexicon_files: tuple[str, ...] = ()
    actor_files: tuple[str, ...] = ()

    @classmethod
    def of(cls, model: str | None = None, lexicon_files: Iterable[str | Path] = (),
           actor_files: Iterable[str | Path] = ()) -> ComponentSpec:
        # absolute paths: a worker may run in another directory
        return cls(model, tuple(str(Path(f).resolve()) for f in lexicon_files),
                   tuple(str(Path(f).resolve()) for f in actor_files))

    def load(self) -> Components:
        return _load_components(self)


@functools.cache
def _load_components(spec: ComponentSpec) -> Components:
    return Components.load(model=spec.model, lexicon_files=spec.lexicon_files,
                           actor_files=spec.actor_files)


def load_components(spec: ComponentSpec) -> None:
    """Task that makes a worker load its components (once; later calls cost nothing)."""
    spec.load()


def code_batch(articles: list[Article], spec: ComponentSpec,
               batch_size: int = DEFAULT_BATCH_SIZE) -> list[ProcessedArticle]:
    """The task every engine runs: the pipeline over one batch, with this process's
    components."""
    return list(pipeline(articles, spec.load(), batch_size=batch_size))


class _Future(Protocol):
    def result(self) -> Any: ...


def _in_order(submit: Callable[[list[Article]], _Future], batches: Iterable[list[Article]],
              in_flight: int) -> Iterator[list[ProcessedArticle]]:
    """Submit batches, keeping at most `in_flight` outstanding; yield results in order."""
    pending: deque[_Future] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _split(batch: list[Article], parts: int) -> list[list[Article]]:
    """`batch` in at most `parts` runs of consecutive articles, of near-equal counts."""
    size = -(-len(batch) // parts)
    return [batch[i : i + size] for i in range(0, len(batch), size)]


class _Joined:
    """The results of the parts of one batch, as the batch's."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    def result(self) -> list[ProcessedArticle]:
        return [processed for part in self.parts for processed in part.result()]


class _Closing:
    """`with engine:` closes it at the end of the block."""

    def __enter__(self: Any) -> Any:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()  # type: ignore[attr-defined]


class InProcess(_Closing):
    """The pipeline in this process."""

    workers = 1

    def __init__(self, spec: ComponentSpec = ComponentSpec(), *,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.spec, self.batch_size = spec, batch_size

    def warm_up(self) -> None:
        load_components(self.spec)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[ProcessedArticle]]:
        for batch in batches:
            yield code_batch(batch, self.spec, self.batch_size)

    def close(self) -> None:
        pass


class LocalProcesses(_Closing):
    """A pool of `workers` processes (default: one per usable core). The workers start and
    load their components as soon as the engine is made, while the caller reads its input;
    `warm_up()` waits until they have."""

    def __init__(self, spec: ComponentSpec = ComponentSpec(), *, workers: int | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.spec, self.batch_size = spec, batch_size
        self.workers = workers or usable_cores()
        # spawn, not fork: the caller holds database connections and maybe threads
        self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                         initializer=_worker_setup, initargs=(os.getpid(),))
        # one task per worker: the pool starts a process for each task while none is idle,
        # and a process busy loading leaves the next task to the next process
        self._loading = [self._pool.submit(load_components, spec) for _ in range(self.workers)]

    def warm_up(self) -> None:
        """Wait until the workers have loaded their components (raises what loading did)."""
        for future in self._loading:
            future.result()

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[ProcessedArticle]]:
        def submit(batch: list[Article]) -> _Future:
            # One task per worker for each batch rather than one per batch: the workers share
            # every batch, so at the end of the input neither sits idle while the other codes
            # a whole last batch (an odd number of batches left one worker idle for a batch).
            return _Joined([self._pool.submit(code_batch, part, self.spec, self.batch_size)
                            for part in _split(batch, self.workers)])

        try:
            yield from _in_order(submit, batches, BATCHES_AHEAD_PER_WORKER * self.workers)
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _worker_setup(parent_pid: int) -> None:
    # Ctrl-C is the parent's to handle (it stops submitting and shuts the pool down).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (kill -9) cannot shut the pool down: leave on our own rather
    # than linger holding a model in memory.
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()


def _exit_when_orphaned(parent_pid: int, every: float = 1.0) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(every)
    os._exit(1)


class DaskCluster(_Closing):
    """The workers of a Dask distributed cluster: the one at `scheduler`
    ("tcp://host:port"), else a LocalCluster of `workers` single-threaded processes on
    127.0.0.1, closed with the engine."""

    def __init__(self, spec: ComponentSpec = ComponentSpec(), *, workers: int | None = None,
                 scheduler: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.spec, self.batch_size = spec, batch_size
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self._cluster = LocalCluster(
                    n_workers=workers or usable_cores(), threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                )
            # results come straight from the workers, not relayed through the scheduler
            self.client = Client(self._cluster, direct_to_workers=True)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def warm_up(self) -> None:
        """Have every worker load its components now rather than at its first batch."""
        self.client.run(load_components, self.spec)

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[ProcessedArticle]]:
        def submit(batch: list[Article]) -> _Future:
            return self.client.submit(code_batch, batch, self.spec, self.batch_size, pure=False)

        yield from _in_order(submit, batches, BATCHES_AHEAD_PER_WORKER * self.workers)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def open_engine(kind: str = "local", spec: ComponentSpec = ComponentSpec(), *,
                workers: int | None = None, scheduler: str | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE,
                articles: int | None = None) -> InProcess | LocalProcesses | DaskCluster:
    """The engine `sitrep ingest --engine KIND` uses. `articles`, when known, caps the local
    pool: an input of one batch is coded here rather than paying for worker start-up."""
    if kind == "dask":
        return DaskCluster(spec, workers=workers, scheduler=scheduler, batch_size=batch_size)
    if kind != "local":
        raise ValueError(f"unknown engine {kind!r}; one of {', '.join(ENGINES)}")
    if scheduler:
        raise ValueError("--scheduler needs --engine dask")
    workers = workers or usable_cores()
    if articles is not None:
        workers = min(workers, -(-articles // batch_size))
    if workers <= 1:
        return InProcess(spec, batch_size=batch_size)
    return LocalProcesses(spec, workers=workers, batch_size=batch_size)
