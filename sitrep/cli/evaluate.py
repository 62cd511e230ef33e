"""`sitrep eval`: score the coder on PLOVER gold, or its places on toponym gold."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep.cli._util import err, friendly_errors, main, stdout_console

if TYPE_CHECKING:
    from sitrep.evaluation import ToponymEvaluation
    from sitrep.evaluation.select import Selection
    from sitrep.pipeline import Components


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
@friendly_errors
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
    print_summary(evaluation, stdout_console())
    if evaluation.failed:
        err.print(f"warning: {len(evaluation.failed)} article(s) could not be coded and count "
                  "as finding nothing:", soft_wrap=True, markup=False)
        for line in evaluation.failed:
            err.print(f"  {line}", soft_wrap=True, markup=False)
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
