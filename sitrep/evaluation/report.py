"""Showing an evaluation: a console table, and report files in Markdown, HTML (with an
inline SVG chart of per-type F1) or JSON, chosen by the file's extension."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sitrep.evaluation.harness import Evaluation
from sitrep.evaluation.score import NONE_COLUMN, Miss, Scores

PLOVER_ORDER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
REPORT_SUFFIXES = (".html", ".htm", ".md", ".json")


def ordered_types(types) -> list[str]:
    known = [t for t in PLOVER_ORDER if t in types]
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


def print_summary(evaluation: Evaluation, console: Console) -> None:
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


def write_report(evaluation: Evaluation, path: str | Path) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        text = json.dumps(_json_record(evaluation), ensure_ascii=False, indent=1)
    elif suffix == ".md":
        text = markdown_report(evaluation)
    elif suffix in (".html", ".htm"):
        text = html_report(evaluation)
    else:
        raise ValueError(f"report must end in one of {', '.join(REPORT_SUFFIXES)}: {path}")
    path.write_text(text, encoding="utf-8")


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
