"""What the `sitrep` commands share: the command group `main`, exit codes, the consoles,
option types and decorators, and opening the store. Each command group lives in its own
module of this package and registers itself on `main` (spaCy's cli/_util.py layout): they
import this module, never each other's, and this module imports none of them."""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from sitrep import __version__
from sitrep.store.filters import FILTERS

EXIT_OK, EXIT_INPUT_FAILED = 0, 1  # click itself exits 2 on usage errors
EXIT_INTERNAL_ERROR = 3  # a bug in sitrep, not in its input: the traceback is in the error log

err = Console(stderr=True, highlight=False)


def stdout_console() -> Console:
    """Tables fill the terminal; piped into a file or pager they get a readable width."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 180)


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):  # the form is right
                self.fail(f"{value!r} is no such date ({error})", param, ctx)
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


def check_date_range(since: date | None, until: date | None) -> None:
    """A usage error for --since after --until: no event could match, and an empty result
    would not say why."""
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: the range is empty")


def db_option(command: Callable) -> Callable:
    return click.option(
        "--db", default="sitrep.db", show_default=True, envvar="SITREP_DB",
        help="SQLite file (or database URL) to use. Env: SITREP_DB.",
    )(command)


def error_log_path() -> Path:
    """Where tracebacks go: $SITREP_ERROR_LOG, else sitrep/errors.log under $XDG_STATE_HOME
    (~/.local/state)."""
    if configured := os.environ.get("SITREP_ERROR_LOG"):
        return Path(configured)
    state = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(state) / "sitrep" / "errors.log"


def _log_internal_errors_to_file() -> Path | None:
    """Send the `sitrep.internal` log (tracebacks of inputs that failed) to the error log
    file, opened only when something is written; None if it cannot be made."""
    from sitrep.ingest.failures import INTERNAL_LOG

    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    for handler in INTERNAL_LOG.handlers[:]:  # one file per run, also when run in-process
        INTERNAL_LOG.removeHandler(handler)
        handler.close()
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    INTERNAL_LOG.addHandler(handler)
    INTERNAL_LOG.propagate = False  # not to the terminal
    return path


class _Commands(click.Group):
    """The command group, which turns a crash (a bug, not bad input) into one line on the
    terminal, the traceback in the error log and exit code EXIT_INTERNAL_ERROR."""

    def invoke(self, ctx: click.Context) -> Any:
        log = _log_internal_errors_to_file()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the last boundary
            where = _write_crash(log, error)
            err.print(Text(f"internal error: {type(error).__name__}: {str(error)[:300]}\n"
                           f"This is a bug in sitrep; {where}.", style="red"), soft_wrap=True)
            sys.exit(EXIT_INTERNAL_ERROR)


def _write_crash(log: Path | None, error: Exception) -> str:
    trace = "".join(traceback.format_exception(error))
    if log is not None:
        try:
            with log.open("a", encoding="utf-8") as stream:
                stream.write(f"{datetime.now().isoformat(timespec='seconds')} "
                             f"sitrep {' '.join(sys.argv[1:])}\n{trace}\n")
            return f"the traceback is in {log}"
        except OSError:
            pass
    return "no error log could be written (set SITREP_ERROR_LOG to a writable file)"


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep: news reports in, a cross-checked PLOVER event record out.

    \b
    Typical use:
      sitrep ingest reports/            # read, code and store articles in sitrep.db
      sitrep events --type ACCUSE       # list coded events
      sitrep run story.txt --format jsonl   # one-shot: ingest into a temp db, print events

    \b
    Exit codes: 0 done; 1 an input failed (the others were still stored); 2 wrong
    usage; 3 internal error (a bug in sitrep: its traceback is appended to the error
    log, $SITREP_ERROR_LOG or ~/.local/state/sitrep/errors.log, not printed).
    """


def open_store(db: str):
    from sitrep.store import Store

    store = Store(db)
    store.migrate()
    return store


def friendly_errors(command: Callable) -> Callable:
    """Known failures (bad lexicon, missing model, unreadable db) as one line, not a trace."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from sqlalchemy.exc import SQLAlchemyError

        from sitrep.extract import LexiconError
        from sitrep.parse import ModelNotFound
        from sitrep.resolve.actors import ActorTableError
        from sitrep.store import SchemaError

        try:
            return command(*args, **kwargs)
        except (LexiconError, ModelNotFound, ActorTableError, SchemaError) as error:
            raise click.ClickException(str(error)) from None
        except SQLAlchemyError as error:
            raise click.ClickException(f"database error: {error.__class__.__name__}: "
                                       f"{str(error).splitlines()[0]}") from None

    return wrapper


def filter_options(command: Callable) -> Callable:
    """The event filters (FILTERS, in store/filters.py) as options, each given to the
    command under its EventFilters field name."""
    for one in reversed(FILTERS):
        if one.kind == "choice":
            option = click.option(f"--{one.name}", one.field, multiple=True, help=one.help,
                                  type=click.Choice(one.choices(), case_sensitive=False))
        elif one.kind == "flag":
            option = click.option(f"--{one.name}/--no-{one.name}", one.field, default=None,
                                  help=f"{one.help}, or with --no-{one.name} "
                                       f"{one.negated_help}. Both when left out.")
        else:
            option = click.option(f"--{one.name}", one.field, help=one.help,
                                  type=IsoDate() if one.kind == "date" else None)
        command = option(command)
    return command


def limit_option(command: Callable) -> Callable:
    return click.option("--limit", type=click.IntRange(1),
                        help="At most this many events.")(command)
