"""`sitrep compare`: how several stored articles cover a story, side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitrep.cli._util import db_option, err, friendly_errors, main, open_store


def _story_articles(store, story_id: str) -> list[str]:
    from sitrep.store.links import story

    found = story(store, story_id)
    if not found:
        raise click.ClickException(f"no story with id {story_id!r} (see `sitrep stories`); "
                                   "or compare articles: sitrep compare --articles ID ID ...")
    if len(found["article_ids"]) < 2:
        raise click.ClickException(f"story {story_id} has only one article: nothing to compare")
    return list(found["article_ids"])


@main.command()
@click.argument("ids", nargs=-1, required=True, metavar="STORY_ID | --articles ID ID ...")
@click.option("--articles", "as_articles", is_flag=True,
              help="The IDs are article ids (two or more), not a story id.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]),
              help="Report format (default: from --output's extension, else md).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of printing it.")
@click.option("--framing", "framing_files", multiple=True, type=click.Path(exists=True),
              help="Extra framing lexicon (TOML, shape of sitrep/data/framing/lexicon.toml). "
                   "Repeatable.")
@click.option("--capabilities", "capability_files", multiple=True,
              type=click.Path(exists=True),
              help="Extra capability vocabulary (TOML, shape of "
                   "sitrep/data/compare/capabilities.toml). Repeatable.")
@db_option
@friendly_errors
def compare(ids, as_articles, fmt, output, framing_files, capability_files, db) -> None:
    """Compare how articles report a story: coverage matrix, omissions, contradictions,
    attribution and framing.

    \b
      sitrep compare STORY_ID                  # the articles of a story (sitrep link)
      sitrep compare --articles ID ID ...      # any two or more stored articles
      sitrep compare --articles A B -o cmp.html
    """
    from sitrep.compare import Knowledge, KnowledgeError, compare_stored
    from sitrep.serve.comparison_report import SUFFIXES, format_for, render

    if output and not fmt and Path(output).suffix.lower() not in SUFFIXES:
        raise click.BadParameter(
            f"cannot write a {Path(output).suffix or 'suffix-less'} file; end it in one of "
            f"{', '.join(SUFFIXES)}, or name the format with --format",
            param_hint="--output")
    store = open_store(db)
    if as_articles:
        article_ids = list(dict.fromkeys(ids))
    elif len(ids) == 1:
        article_ids = _story_articles(store, ids[0])
    else:
        raise click.UsageError("give one story id, or --articles with two or more article ids")
    if len(article_ids) < 2:
        raise click.UsageError("a comparison needs at least two different articles")
    try:
        knowledge = (Knowledge.load(framing_files, capability_files)
                     if framing_files or capability_files else None)
        comparison = compare_stored(store, article_ids, knowledge)
    except (KnowledgeError, LookupError) as error:
        raise click.ClickException(str(error)) from None
    report = render(comparison, format_for(output, fmt))
    if output:
        Path(output).write_text(report, encoding="utf-8")
        err.print(f"comparison of {len(article_ids)} articles written to {output}: "
                  f"{len(comparison.contradictions)} contradiction(s), "
                  f"{len(comparison.omissions)} omission(s), "
                  f"{len(comparison.unclear_omissions)} maybe told in other words",
                  soft_wrap=True, markup=False)
    else:
        sys.stdout.write(report)
