"""Showing an evaluation: a console table, and report files in Markdown, HTML (with an
inline SVG chart of per-type F1) or JSON, chosen by the file's extension.

Document gold (`DocumentEvaluation`) has its own summary (levels by scope, per type) and its
reports add every article's gold events beside the predictions that matched them; toponym
gold (`ToponymEvaluation`) is shown by `sitrep.evaluation.toponym_report`."""

from __future__ import annotations

import json
import re
from datetime import date
from html import escape
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sitrep.evaluation.documents import (
    LEVEL_NAMES,
    LEVELS,
    SCOPES,
    ArticleResult,
    Counts,
    DocumentScores,
    GoldEvent,
    PredictedEvent,
)
from sitrep.evaluation.documents import TypeCounts as DocumentTypeCounts
from sitrep.evaluation.harness import DocumentEvaluation, Evaluation, ToponymEvaluation
from sitrep.evaluation.score import NONE_COLUMN, Miss, Scores
from sitrep.evaluation.toponym_report import (
    html_toponym_report,
    markdown_toponym_report,
    print_toponym_summary,
    toponym_json,
)
from sitrep.records import event_types

REPORT_SUFFIXES = (".html", ".htm", ".md", ".json")


def ordered_types(types) -> list[str]:
    known = [t for t in event_types() if t in types]
    return known + sorted(set(types) - set(known))


def summary_lines(evaluation: Evaluation) -> list[str]:
    s = evaluation.scores
    micro = s.micro
    lines = [
        (f"micro  P {micro.precision:.3f}  R {micro.recall:.3f}  F1 {micro.f1:.3f}  "
         f"(TP {micro.tp}, FP {micro.fp}, FN {micro.fn}; {s.records} records)"),
        f"macro-F1 {s.macro_f1:.3f}",
        f"actor accuracy {s.actor.value:.3f} ({s.actor.correct}/{s.actor.total} found events)",
        (f"recipient accuracy {s.recipient.value:.3f} "
         f"({s.recipient.correct}/{s.recipient.total}); "
         f"with a gold target {s.recipient_with_target.value:.3f} "
         f"({s.recipient_with_target.correct}/{s.recipient_with_target.total})"),
    ]
    for name, b in evaluation.baselines.items():
        lines.append(f"baseline {name}: micro-F1 {b.micro.f1:.3f}, macro-F1 {b.macro_f1:.3f}")
    return lines


AnyEvaluation = Evaluation | DocumentEvaluation | ToponymEvaluation


def print_summary(evaluation: AnyEvaluation, console: Console) -> None:
    if isinstance(evaluation, DocumentEvaluation):
        print_document_summary(evaluation, console)
        return
    if isinstance(evaluation, ToponymEvaluation):
        print_toponym_summary(evaluation, console)
        return
    table = Table(title=f"sitrep eval: {evaluation.gold_path}", title_justify="left")
    for column in ("type", "P", "R", "F1", "support", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "type" else "right")
    s = evaluation.scores
    for t in ordered_types(s.per_type):
        c = s.per_type[t]
        table.add_row(t, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.support),
                      str(c.tp), str(c.fp), str(c.fn))
    console.print(table)
    for line in summary_lines(evaluation):
        console.print(line, soft_wrap=True, markup=False)


def write_report(evaluation: AnyEvaluation, path: str | Path) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    json_record, markdown, html = {
        Evaluation: (_json_record, markdown_report, html_report),
        DocumentEvaluation: (_document_json, markdown_document_report, html_document_report),
        ToponymEvaluation: (toponym_json, markdown_toponym_report, html_toponym_report),
    }[type(evaluation)]
    if suffix == ".json":
        record = {**json_record(evaluation), "failed": evaluation.failed}
        text = json.dumps(record, ensure_ascii=False, indent=1)
    elif suffix == ".md":
        text = markdown(evaluation)
    elif suffix in (".html", ".htm"):
        text = html(evaluation)
    else:
        raise ValueError(f"report must end in one of {', '.join(REPORT_SUFFIXES)}: {path}")
    # gold may carry what UTF-8 cannot (a lone surrogate in a title): written escaped
    path.write_text(text, encoding="utf-8", errors="backslashreplace")


def _json_record(evaluation: Evaluation) -> dict:
    record = {"gold": evaluation.gold_path, **evaluation.scores.to_record()}
    record["baselines"] = {
        name: {"micro_f1": b.micro.f1, "macro_f1": b.macro_f1}
        for name, b in evaluation.baselines.items()
    }
    return record


def f1_chart_svg(scores: Scores) -> str:
    """Horizontal bars of F1 per type (0 to 1), with support in the label."""
    types = ordered_types(scores.per_type)
    row, label_w, bar_w, top = 22, 150, 400, 24
    height = top + row * len(types) + 10
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" '
              f'height="{height}" role="img" aria-label="F1 per event type" '
              f'font-family="sans-serif" font-size="12">'),
             f'<text x="{label_w}" y="14">F1 per type (0 to 1)</text>']
    for tick in (0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * bar_w
        parts.append(f'<line x1="{x:.0f}" y1="{top - 4}" x2="{x:.0f}" y2="{height - 8}" '
                     f'stroke="#ddd"/>')
    for i, t in enumerate(types):
        c = scores.per_type[t]
        y = top + i * row
        width = c.f1 * bar_w
        color = "#2b8a3e" if c.f1 >= 0.8 else "#e67700" if c.f1 >= 0.6 else "#c92a2a"
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">'
                     f'{escape(t)} ({c.support})</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" '
                     f'fill="{color}"><title>{escape(t)}: F1 {c.f1:.2f}</title></rect>')
        parts.append(f'<text x="{label_w + width + 4:.1f}" y="{y + 14}">{c.f1:.2f}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _prediction_text(miss: Miss) -> list[str]:
    return [f"{p.event_type} '{p.trigger}' actor={'/'.join(p.actor_codes) or '-'} "
            f"recipient={'/'.join(p.recipient_codes) or '-'}" for p in miss.predictions]


def _gold_text(miss: Miss) -> tuple[str, str]:
    r = miss.record
    actors = ", ".join(f"{a.text} [{a.code}]" for a in r.sources) or "-"
    targets = ", ".join(f"{a.text} [{a.code}]" for a in r.targets) or "-"
    return actors, targets


def _confusion_columns(scores: Scores) -> list[str]:
    seen = {t for row in scores.confusion.values() for t in row}
    return ordered_types(seen - {NONE_COLUMN}) + ([NONE_COLUMN] if NONE_COLUMN in seen else [])


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_report(evaluation: Evaluation) -> str:
    s = evaluation.scores
    out = [f"# sitrep eval: {evaluation.gold_path}", ""]
    out += [f"- {line}" for line in summary_lines(evaluation)]
    out += ["", "## Per type", "", "| type | P | R | F1 | support | TP | FP | FN |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for t in ordered_types(s.per_type):
        c = s.per_type[t]
        out.append(f"| {t} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} | {c.support} | "
                   f"{c.tp} | {c.fp} | {c.fn} |")
    columns = _confusion_columns(s)
    out += ["", "## Confusion (rows gold, columns predicted types in the sentence)", "",
            "| gold | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for gold in ordered_types(s.confusion):
        row = s.confusion[gold]
        out.append(f"| {gold} | " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    out += ["", "## Misses", "", "| kind | type | sentence | gold (actor / target) | predictions |",
            "|---|---|---|---|---|"]
    for miss in s.misses:
        actors, targets = _gold_text(miss)
        out.append(f"| {miss.kind} | {miss.event_type} | {_md_cell(miss.record.sentence)} | "
                   f"{_md_cell(miss.record.event)}: {_md_cell(actors)} / {_md_cell(targets)} | "
                   f"{_md_cell('; '.join(_prediction_text(miss)) or 'none')} |")
    return "\n".join(out) + "\n"


def html_report(evaluation: Evaluation) -> str:
    s = evaluation.scores
    title = escape(f"sitrep eval: {evaluation.gold_path}")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{title}</title>",
           ("<style>body{font-family:sans-serif;margin:2em;max-width:75em}"
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
            "padding:3px 6px;vertical-align:top}td.n{text-align:right}</style>"),
           f"</head><body><h1>{title}</h1><ul>"]
    out += [f"<li>{escape(line)}</li>" for line in summary_lines(evaluation)]
    out += ["</ul>", f1_chart_svg(s)]
    out.append("<h2>Per type</h2><table><tr><th>type</th><th>P</th><th>R</th><th>F1</th>"
               "<th>support</th><th>TP</th><th>FP</th><th>FN</th></tr>")
    for t in ordered_types(s.per_type):
        c = s.per_type[t]
        cells = "".join(f'<td class="n">{v}</td>' for v in (
            f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", c.support, c.tp, c.fp, c.fn))
        out.append(f"<tr><td>{escape(t)}</td>{cells}</tr>")
    out.append("</table>")
    columns = _confusion_columns(s)
    out.append("<h2>Confusion</h2><p>Rows: gold type; columns: the types predicted in the "
               "sentence.</p><table><tr><th>gold</th>"
               + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
    for gold in ordered_types(s.confusion):
        row = s.confusion[gold]
        out.append(f"<tr><th>{escape(gold)}</th>"
                   + "".join(f'<td class="n">{row.get(c, "")}</td>' for c in columns) + "</tr>")
    out.append("</table>")
    out.append(f"<h2>Misses ({len(s.misses)})</h2><table><tr><th>kind</th><th>type</th>"
               "<th>sentence</th><th>gold</th><th>predictions</th></tr>")
    for miss in s.misses:
        actors, targets = _gold_text(miss)
        predictions = "<br>".join(escape(p) for p in _prediction_text(miss)) or "none"
        out.append(f"<tr><td>{miss.kind}</td><td>{escape(miss.event_type)}</td>"
                   f"<td>{escape(miss.record.sentence)}</td>"
                   f"<td>{escape(miss.record.event)}<br>actor: {escape(actors)}<br>"
                   f"target: {escape(targets)}</td><td>{predictions}</td></tr>")
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


# --- document gold -----------------------------------------------------------------------

ROWS = (*LEVELS, "same_sentence")
# what a gold event's deepest level says about its partner, in the per-article view
MATCHED_AT = {"type": "type only", "actor": "type + actor",
              "recipient": "type + actor + recipient", "date": "all fields", None: "missed"}
SCOPES_NOTE = ("all: every gold event; high: high-confidence gold events only (predictions "
               "matched to a low-confidence one count neither way)")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def document_lines(evaluation: DocumentEvaluation) -> list[str]:
    s = evaluation.scores
    gold = s.counts("type", "all").gold
    high = s.counts("type", "high").gold
    lines = [f"{_plural(len(s.articles), 'article')}, {_plural(gold, 'gold event')} "
             f"({high} high confidence)"]
    if evaluation.selection:
        lines.append(f"selected: {evaluation.selection}")
    lines.append(f"{_plural(s.predicted, 'predicted event')}, {s.without_actor} "
                 f"({_share(s.without_actor, s.predicted):.0%}) without an actor code")
    return lines


def document_summary(evaluation: DocumentEvaluation) -> dict:
    s = evaluation.scores
    return {
        "levels": [{"level": row, "name": LEVEL_NAMES[row],
                    **{scope: s.counts(row, scope).to_record() for scope in SCOPES}}
                   for row in ROWS],
        "predicted_events": s.predicted,
        "without_actor_code_share": _share(s.without_actor, s.predicted),
    }


def print_document_summary(evaluation: DocumentEvaluation, console: Console) -> None:
    s = evaluation.scores
    levels = Table(title=f"sitrep eval: {evaluation.gold_path}", title_justify="left")
    levels.add_column("level")
    for scope in SCOPES:
        for measure in ("P", "R", "F1"):
            levels.add_column(f"{measure} {scope}", justify="right")
    for row in ROWS:
        cells = [f"{value:.2f}" for scope in SCOPES
                 for value in _prf(s.counts(row, scope))]
        levels.add_row(LEVEL_NAMES[row], *cells)
    console.print(levels)
    console.print(SCOPES_NOTE, soft_wrap=True, markup=False)
    for line in document_lines(evaluation):
        console.print(line, soft_wrap=True, markup=False)
    per_type = Table(title="per type (type level, all)", title_justify="left")
    for column in ("type", "P", "R", "F1", "gold", "predicted"):
        per_type.add_column(column, justify="left" if column == "type" else "right")
    table = s.per_type()
    for t in ordered_types(table):
        c = table[t]
        per_type.add_row(t, *(f"{v:.2f}" for v in _prf(c)), str(c.gold), str(c.predicted))
    console.print(per_type)


def _prf(counts: Counts | DocumentTypeCounts) -> tuple[float, float, float]:
    return counts.precision, counts.recall, counts.f1


def _score_cells(s: DocumentScores, row: str) -> list[str]:
    """P, R, F1 and matched / predicted / gold of one level, for each scope."""
    cells = []
    for scope in SCOPES:
        c = s.counts(row, scope)
        cells += [f"{v:.2f}" for v in _prf(c)] + [f"{c.matched} / {c.predicted} / {c.gold}"]
    return cells


def _document_json(evaluation: DocumentEvaluation) -> dict:
    return {"gold": evaluation.gold_path, "selection": evaluation.selection,
            "summary": document_summary(evaluation), **evaluation.scores.to_record()}


# The per-article view: each gold event beside the prediction that matched it.

def _codes_text(codes: tuple[str, ...] | None, if_none: str) -> str:
    return "/".join(codes) if codes else if_none


def _gold_event_text(event: GoldEvent) -> str:
    others = sorted(event.accepted_types - {event.event_type})
    types = event.event_type + (f" (or {', '.join(others)})" if others else "")
    return (f"{types}; actor {_codes_text(event.actor, 'unknown')}; "
            f"recipient {_codes_text(event.recipient, 'any')}; date {event.date or 'any'}; "
            f"{event.confidence}")


def _party_text(text: str | None, codes: tuple[str, ...]) -> str:
    if not text and not codes:
        return "-"
    return f"{text or ''} [{'/'.join(codes) or 'no code'}]".strip()


def _predicted_event_text(predicted: PredictedEvent, published: date | None) -> str:
    # the rule dates an undated prediction to publication: say so where it decides a match
    when = predicted.date_span or (f"none (taken as {published})" if published else "none")
    return (f"{predicted.event_type} '{predicted.trigger}'; "
            f"actor {_party_text(predicted.actor_text, predicted.actor_codes)}; "
            f"recipient {_party_text(predicted.recipient_text, predicted.recipient_codes)}; "
            f"date {when}; {predicted.modality}")


def _outcome(result: ArticleResult, gold_index: int) -> tuple[str, str]:
    """(CSS class, words) for how a gold event fared."""
    level = result.deepest_level(gold_index)
    css = "missed" if level is None else "full" if level == "date" else "partial"
    words = MATCHED_AT[level]
    wrong = result.wrong_fields(gold_index)
    if wrong:
        words += f"; wrong: {', '.join(wrong)}"
    return css, words


def _article_line(result: ArticleResult) -> str:
    matched = ", ".join(f"{LEVEL_NAMES[level]} {len(result.matchings[level])}"
                        for level in LEVELS)
    return (f"{len(result.gold.events)} gold, {len(result.predicted)} predicted; matched: "
            f"{matched}; {len(result.unmatched_predictions())} spurious")


def _article_heading(result: ArticleResult) -> str:
    article = result.gold.article
    return f"{result.gold.id}: {article.title or '(untitled)'}"


def _article_source(result: ArticleResult) -> str:
    article = result.gold.article
    parts = [str(article.published) if article.published else "", article.url or ""]
    return ", ".join(p for p in parts if p)


def markdown_document_report(evaluation: DocumentEvaluation) -> str:
    s = evaluation.scores
    out = [f"# sitrep eval: {evaluation.gold_path}", ""]
    out += [f"- {line}" for line in document_lines(evaluation)]
    out += ["", "## Scores", "", SCOPES_NOTE, "",
            "| level | P all | R all | F1 all | matched / predicted / gold (all) "
            "| P high | R high | F1 high | matched / predicted / gold (high) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in ROWS:
        out.append(f"| {LEVEL_NAMES[row]} | " + " | ".join(_score_cells(s, row)) + " |")
    out += ["", "## Per type (type level, all)", "", "| type | P | R | F1 | gold | predicted |",
            "|---|---:|---:|---:|---:|---:|"]
    table = s.per_type()
    for t in ordered_types(table):
        c = table[t]
        out.append(f"| {t} | " + " | ".join(f"{v:.2f}" for v in _prf(c))
                   + f" | {c.gold} | {c.predicted} |")
    out += ["", "## Articles"]
    for result in s.articles:
        out += _markdown_article(result)
    return "\n".join(out) + "\n"


def _markdown_article(result: ArticleResult) -> list[str]:
    published = result.gold.article.published
    out = ["", f"### {_md_cell(_article_heading(result))}", ""]
    if source := _article_source(result):
        out.append(f"{_md_cell(source)}  ")
    out += [_article_line(result), "", "| gold event | sentence | result | prediction |",
            "|---|---|---|---|"]
    for i, event in enumerate(result.gold.events):
        _, words = _outcome(result, i)
        j = result.partner(i)
        prediction = _predicted_event_text(result.predicted[j], published) if j is not None \
            else "-"
        out.append(f"| {event.id}: {_md_cell(_gold_event_text(event))} | "
                   f"{_md_cell(event.sentence.strip())} | {words} | {_md_cell(prediction)} |")
    spurious = result.unmatched_predictions()
    if spurious:
        out += ["", "Spurious predictions:", "", "| prediction | sentence |", "|---|---|"]
        out += [f"| {_md_cell(_predicted_event_text(result.predicted[j], published))} | "
                f"{_md_cell(result.predicted[j].sentence.strip())} |" for j in spurious]
    return out


_DOCUMENT_CSS = (
    "body{font-family:sans-serif;margin:2em;max-width:90em;line-height:1.35}"
    "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;"
    "padding:3px 6px;vertical-align:top;text-align:left}td.n,th.n{text-align:right}"
    "section{border-top:2px solid #888;margin-top:2em}"
    "tr.full td.result{background:#d3f9d8}tr.partial td.result{background:#fff3bf}"
    "tr.missed td.result{background:#ffe3e3}tr.spurious td{background:#f1f3f5;color:#495057}"
    ".note{color:#666;font-size:90%}.legend span{padding:2px 6px;margin-right:.5em}"
    ".legend .full{background:#d3f9d8}.legend .partial{background:#fff3bf}"
    ".legend .missed{background:#ffe3e3}.legend .spurious{background:#f1f3f5}"
)


def html_document_report(evaluation: DocumentEvaluation) -> str:
    s = evaluation.scores
    title = escape(f"sitrep eval: {evaluation.gold_path}")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{title}</title>", f"<style>{_DOCUMENT_CSS}</style>",
           f"</head><body><h1>{title}</h1><ul>"]
    out += [f"<li>{escape(line)}</li>" for line in document_lines(evaluation)]
    out.append("</ul>")
    out += _html_scores(s)
    out += _html_per_type(s)
    out += _html_index(s)
    out.append('<p class="legend">Gold events: <span class="full">matched in all fields</span>'
               '<span class="partial">matched by type, some fields wrong</span>'
               '<span class="missed">missed</span> Predictions: '
               '<span class="spurious">spurious (not even the type of a gold event)</span></p>')
    for result in s.articles:
        out += _html_article(result)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_scores(s: DocumentScores) -> list[str]:
    header = "".join(f'<th class="n">{m} {scope}</th>' for scope in SCOPES
                     for m in ("P", "R", "F1", "matched / predicted / gold"))
    out = [f"<h2>Scores</h2><p>{escape(SCOPES_NOTE)}</p>",
           f"<table><tr><th>level</th>{header}</tr>"]
    for row in ROWS:
        out.append(f"<tr><td>{escape(LEVEL_NAMES[row])}</td>"
                   + "".join(f'<td class="n">{cell}</td>' for cell in _score_cells(s, row))
                   + "</tr>")
    out.append("</table>")
    return out


def _html_per_type(s: DocumentScores) -> list[str]:
    out = ["<h2>Per type (type level, all)</h2><table><tr><th>type</th><th>P</th><th>R</th>"
           "<th>F1</th><th>gold</th><th>predicted</th></tr>"]
    table = s.per_type()
    for t in ordered_types(table):
        c = table[t]
        cells = [f"{v:.2f}" for v in _prf(c)] + [str(c.gold), str(c.predicted)]
        out.append(f"<tr><td>{escape(t)}</td>"
                   + "".join(f'<td class="n">{cell}</td>' for cell in cells) + "</tr>")
    out.append("</table>")
    return out


def _anchor(result: ArticleResult) -> str:
    return "article-" + re.sub(r"[^A-Za-z0-9_-]", "_", result.gold.id)


def _html_index(s: DocumentScores) -> list[str]:
    columns = ["gold", "predicted", *(LEVEL_NAMES[level] for level in LEVELS), "spurious"]
    out = ["<h2>Articles</h2><table><tr><th>article</th>"
           + "".join(f'<th class="n">{escape(c)}</th>' for c in columns) + "</tr>"]
    for result in s.articles:
        counts = [len(result.gold.events), len(result.predicted),
                  *(len(result.matchings[level]) for level in LEVELS),
                  len(result.unmatched_predictions())]
        out.append(f'<tr><td><a href="#{_anchor(result)}">'
                   f"{escape(_article_heading(result))}</a></td>"
                   + "".join(f'<td class="n">{n}</td>' for n in counts) + "</tr>")
    out.append("</table>")
    return out


def _html_article(result: ArticleResult) -> list[str]:
    published = result.gold.article.published
    out = [f'<section id="{_anchor(result)}"><h2>{escape(_article_heading(result))}</h2>']
    if source := _article_source(result):
        out.append(f"<p>{escape(source)}</p>")
    out.append(f"<p>{escape(_article_line(result))}</p>")
    out.append("<table><tr><th>gold event</th><th>result</th><th>prediction</th></tr>")
    for i, event in enumerate(result.gold.events):
        css, words = _outcome(result, i)
        j = result.partner(i)
        prediction = _html_prediction(result.predicted[j], published) if j is not None \
            else "-"
        note = f'<div class="note">{escape(event.note)}</div>' if event.note else ""
        out.append(f'<tr class="{css}"><td><b>{escape(event.id)}</b> '
                   f"{escape(_gold_event_text(event))}<br><q>{escape(event.sentence)}</q>"
                   f'{note}</td><td class="result">{escape(words)}</td>'
                   f"<td>{prediction}</td></tr>")
    for j in result.unmatched_predictions():
        out.append(f'<tr class="spurious"><td>-</td><td class="result">spurious</td>'
                   f"<td>{_html_prediction(result.predicted[j], published)}</td></tr>")
    out.append("</table></section>")
    return out


def _html_prediction(predicted: PredictedEvent, published: date | None) -> str:
    return (f"{escape(_predicted_event_text(predicted, published))}<br>"
            f'<q class="note">{escape(predicted.sentence.strip())}</q>')
