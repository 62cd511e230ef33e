"""The error boundary around one input: whatever goes wrong while one document is read,
coded or stored becomes an `IngestProblem` for that input (the batch goes on), and its
traceback goes to the `sitrep.internal` log, which the CLI writes to a file, not the terminal.

Also the time budget of one input (`time_budget`): where code cannot be made linear, a
document that takes too long is given up with a clear message instead of stalling the run."""

from __future__ import annotations

import logging
import signal
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from ..records import IngestProblem

INTERNAL_LOG = logging.getLogger("sitrep.internal")
_REASON_CHARS = 200  # an exception's message can quote a whole document


class TimeBudgetExceeded(Exception):
    """One input took longer than its time budget."""


def failure_problem(source: str, error: BaseException, *, line: int | None = None,
                    stage: str = "reading", outcome: str = "input skipped") -> IngestProblem:
    """The problem that reports `error` on one input, its traceback logged."""
    problem = describe_failure(source, error, stage, line=line, outcome=outcome)
    log_failure(problem, "".join(traceback.format_exception(error)))
    return problem


def describe_failure(source: str, error: BaseException, stage: str, *,
                     line: int | None = None, outcome: str = "input skipped") -> IngestProblem:
    """The problem that reports `error` on one input: the stage, the reason, what became of
    the input."""
    if isinstance(error, TimeBudgetExceeded):
        return IngestProblem(source, f"{stage} stopped: {error}; {outcome}", line=line)
    reason = str(error)
    if len(reason) > _REASON_CHARS:
        reason = reason[:_REASON_CHARS] + "…"
    return IngestProblem(source, f"internal error while {stage}: {type(error).__name__}: "
                                 f"{reason}; {outcome} (traceback in the error log)", line=line)


def log_failure(problem: IngestProblem, trace: str) -> None:
    INTERNAL_LOG.error("%s\n%s", problem, trace)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the block once it has run `seconds`. Only in a process's
    main thread (where signals are delivered); elsewhere the block runs unbounded."""
    if (seconds <= 0 or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded(f"took longer than the time budget of {seconds:g} s for one "
                                 "input")

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer set around ours (a test runner's) runs on
            signal.setitimer(signal.ITIMER_REAL,
                             max(outer - (time.monotonic() - started), 0.001))
