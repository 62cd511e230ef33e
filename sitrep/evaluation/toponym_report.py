"""Showing a toponym evaluation (`sitrep eval lgl.xml`): the figures of both modes with
their counts, and reports listing, per article, every gold toponym beside the place
resolved on its span and the place the pipeline found there, misses first."""

from __future__ import annotations

from html import escape
from typing import Any

from rich.console import Console
from rich.table import Table

from sitrep.evaluation.harness import ToponymEvaluation
from sitrep.evaluation.toponyms import RADIUS_KM, ArticleToponyms, GoldPoint, ToponymResult
from sitrep.records import ArticlePlace

ON_SPANS, END_TO_END = "on gold spans", "end to end"
COLUMNS = ("mode", "measure", "value", "counts")


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def overview(evaluation: ToponymEvaluation) -> list[str]:
    e2e = evaluation.scores.end_to_end
    lines = [f"{_plural(len(evaluation.scores.articles), 'article')}, "
             f"{_plural(e2e.gold, 'gold toponym')} ({e2e.with_coordinates} with coordinates)"]
    if evaluation.selection:
        lines.append(f"selected: {evaluation.selection}")
    if unknown := evaluation.scores.unknown_countries:
        lines.append(f"gold countries the country table lacks (scored strictly): "
                     f"{', '.join(unknown)}")
    return lines


def summary_rows(evaluation: ToponymEvaluation) -> list[tuple[str, str, str, str]]:
    """(mode, measure, value, counts) rows: every figure with what it counts over."""
    spans, e2e = evaluation.scores.on_gold_spans, evaluation.scores.end_to_end
    matched = e2e.resolution
    with_coordinates = f"{spans.toponyms} gold toponyms with coordinates"
    return [
        (ON_SPANS, f"accuracy@{RADIUS_KM:.0f} km", f"{spans.accuracy:.3f}",
         f"{spans.right} / {with_coordinates} (unresolved: wrong)"),
        (ON_SPANS, "lenient (right country for a country)", f"{spans.lenient_accuracy:.3f}",
         f"{spans.leniently_right} / {with_coordinates}"),
        (ON_SPANS, "median error km", _km(spans.median_error_km),
         f"over {spans.resolved} resolved; {spans.toponyms - spans.resolved} unresolved"),
        (END_TO_END, "detection precision", f"{e2e.precision:.3f}",
         f"{e2e.found} / {e2e.predicted} predicted places"),
        (END_TO_END, "detection recall", f"{e2e.recall:.3f}",
         f"{e2e.found} / {e2e.gold} gold toponyms (with coordinates or not)"),
        (END_TO_END, f"accuracy@{RADIUS_KM:.0f} km of matched", f"{matched.accuracy:.3f}",
         f"{matched.right} / {matched.toponyms} matched toponyms with coordinates"),
        (END_TO_END, "lenient of matched", f"{matched.lenient_accuracy:.3f}",
         f"{matched.leniently_right} / {matched.toponyms}"),
        (END_TO_END, "median error km of matched", _km(matched.median_error_km),
         f"over {matched.toponyms} matched toponyms with coordinates"),
        (END_TO_END, "end-to-end accuracy", f"{e2e.accuracy:.3f}",
         f"{matched.right} found and right / {e2e.with_coordinates} gold toponyms with "
         f"coordinates"),
        *_demonym_rows(evaluation),
    ]


def _demonym_rows(evaluation: ToponymEvaluation) -> list[tuple[str, str, str, str]]:
    """Countries named by adjective ("Russian") are country mentions, not toponyms: how
    the figures read if they were counted as toponyms too."""
    demonyms = sum(len(a.demonyms) for a in evaluation.scores.articles)
    both = evaluation.scores.with_demonyms
    mode = f"{END_TO_END}, demonyms as toponyms"
    return [
        (mode, "detection precision", f"{both.precision:.3f}",
         f"{both.found} / {both.predicted} places and demonyms ({demonyms} demonyms)"),
        (mode, "detection recall", f"{both.recall:.3f}", f"{both.found} / {both.gold}"),
        (mode, "end-to-end accuracy", f"{both.accuracy:.3f}",
         f"{both.resolution.right} / {both.with_coordinates}"),
    ]


def print_toponym_summary(evaluation: ToponymEvaluation, console: Console) -> None:
    table = Table(title=f"sitrep eval: {evaluation.gold_path}", title_justify="left")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column == "value" else "left")
    for row in summary_rows(evaluation):
        table.add_row(*row)
    console.print(table)
    for line in overview(evaluation):
        console.print(line, soft_wrap=True, markup=False)


def toponym_json(evaluation: ToponymEvaluation) -> dict[str, Any]:
    return {"gold": evaluation.gold_path, "selection": evaluation.selection,
            **evaluation.scores.to_record()}


# --- the per-article view ----------------------------------------------------------------

def _point_text(point: GoldPoint | None) -> str:
    if point is None:
        return "no coordinates in the gold"
    kind = ", ".join(x for x in (point.fcode, point.country) if x)
    return f"{point.name} ({kind}) {point.lat:.3f}, {point.lon:.3f}" if kind else \
        f"{point.name} {point.lat:.3f}, {point.lon:.3f}"


def _place_text(result: ToponymResult, place: ArticlePlace | None, if_none: str) -> str:
    if place is None:
        return if_none
    where = f"{place.name}, {place.country or 'no country'} {place.lat:.3f}, {place.lon:.3f}"
    if place.text != result.toponym.phrase:
        where = f"'{place.text}': {where}"
    if result.toponym.point is None:
        return where
    verdict = "right" if result.right(place) else \
        "right country" if result.leniently_right(place) else "wrong"
    return f"{where}; {_km(result.error_km(place))} km, {verdict}"


def _cells(result: ToponymResult) -> tuple[str, str, str, str]:
    """(phrase, gold, on gold span, end to end) of one gold toponym."""
    return (result.toponym.phrase, _point_text(result.toponym.point),
            _place_text(result, result.resolved, "unresolved"),
            _place_text(result, result.found, "not found" if result.found_by_demonym is None
                        else f"not found (demonym '{result.found_by_demonym.text}')"))


def _misses_first(article: ArticleToponyms) -> list[ToponymResult]:
    return sorted(article.toponyms, key=lambda t: not t.missed)


def _articles_misses_first(evaluation: ToponymEvaluation) -> list[ArticleToponyms]:
    return sorted(evaluation.scores.articles, key=lambda a: -a.misses)


def _heading(article: ArticleToponyms) -> str:
    docid = f" (docid {article.gold.docid})" if article.gold.docid else ""
    return f"{article.gold.id}{docid}: {article.gold.title or '(untitled)'}"


def _article_line(article: ArticleToponyms) -> str:
    found = sum(t.found is not None for t in article.toponyms)
    return (f"{_plural(len(article.toponyms), 'gold toponym')}, "
            f"{_plural(len(article.predicted), 'predicted place')}, {found} found, "
            f"{article.misses} missed or wrong, {len(article.spurious)} spurious")


def _spurious_text(place: ArticlePlace) -> str:
    return (f"'{place.text}' ({place.start}-{place.end}): {place.name}, "
            f"{place.country or 'no country'} {place.lat:.3f}, {place.lon:.3f}")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_toponym_report(evaluation: ToponymEvaluation) -> str:
    out = [f"# sitrep eval: {evaluation.gold_path}", ""]
    out += [f"- {line}" for line in overview(evaluation)]
    out += ["", "## Scores", "", "| " + " | ".join(COLUMNS) + " |", "|---|---|---:|---|"]
    out += ["| " + " | ".join(_md_cell(c) for c in row) + " |"
            for row in summary_rows(evaluation)]
    out += ["", "## Articles (most misses first)"]
    for article in _articles_misses_first(evaluation):
        out += ["", f"### {_md_cell(_heading(article))}", ""]
        if article.gold.url:
            out.append(f"{_md_cell(article.gold.url)}  ")
        out += [_article_line(article), "",
                "| toponym | gold | on gold span | end to end |", "|---|---|---|---|"]
        out += ["| " + " | ".join(_md_cell(c) for c in _cells(t)) + " |"
                for t in _misses_first(article)]
        if article.spurious:
            out += ["", "Spurious: " + "; ".join(
                _md_cell(_spurious_text(article.predicted[j])) for j in article.spurious)]
    return "\n".join(out) + "\n"


_CSS = ("body{font-family:sans-serif;margin:2em;max-width:90em;line-height:1.35}"
        "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;"
        "padding:3px 6px;vertical-align:top;text-align:left}td.n{text-align:right}"
        "section{border-top:2px solid #888;margin-top:2em}"
        "tr.missed td:first-child{background:#ffe3e3}tr.right td:first-child"
        "{background:#d3f9d8}.note{color:#666;font-size:90%}")


def html_toponym_report(evaluation: ToponymEvaluation) -> str:
    title = escape(f"sitrep eval: {evaluation.gold_path}")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{title}</title>", f"<style>{_CSS}</style>",
           f"</head><body><h1>{title}</h1><ul>"]
    out += [f"<li>{escape(line)}</li>" for line in overview(evaluation)]
    out.append("</ul><h2>Scores</h2><table><tr>"
               + "".join(f"<th>{c}</th>" for c in COLUMNS) + "</tr>")
    for mode, measure, value, counts in summary_rows(evaluation):
        out.append(f"<tr><td>{escape(mode)}</td><td>{escape(measure)}</td>"
                   f'<td class="n">{escape(value)}</td><td>{escape(counts)}</td></tr>')
    out.append("</table><h2>Articles (most misses first)</h2>"
               '<p class="note">Toponyms missed or wrong in either mode are marked red and '
               "listed first.</p>")
    for article in _articles_misses_first(evaluation):
        out.append(f"<section><h3>{escape(_heading(article))}</h3>")
        if article.gold.url:
            out.append(f'<p class="note">{escape(article.gold.url)}</p>')
        out.append(f"<p>{escape(_article_line(article))}</p><table><tr><th>toponym</th>"
                   "<th>gold</th><th>on gold span</th><th>end to end</th></tr>")
        for result in _misses_first(article):
            css = "missed" if result.missed else "right"
            out.append(f'<tr class="{css}">'
                       + "".join(f"<td>{escape(c)}</td>" for c in _cells(result)) + "</tr>")
        out.append("</table>")
        if article.spurious:
            out.append("<p>Spurious: " + "; ".join(
                escape(_spurious_text(article.predicted[j])) for j in article.spurious)
                + "</p>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
