"""Showing a `Comparison` (sitrep.compare) as Markdown, self-contained HTML or JSON.

The HTML page has its CSS inline and loads nothing; every piece of article text is escaped,
so a report never runs what an article contains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from pathlib import Path

from sitrep.compare.records import (
    Comparison,
    Contradiction,
    CoverageCell,
    CoverageRow,
    FramingHit,
    Mention,
    StatementRef,
)

FORMATS = ("md", "html", "json")
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
TOP_OMISSIONS = 12  # listed in full; the rest are folded (HTML) or counted (Markdown)
STATUS_TEXT = {"reported": "reported", "differs": "reported differently",
               "absent": "not reported"}
VOICE_TEXT = {"own": "own voice", "attributed": "attributed", "quoted": "quoted"}
RULE_TEXT = {
    "capability": "capability statements exclude each other",
    "number": "different numbers",
    "date": "different dates for one event",
    "place": "different places for one event",
    "actor": "different actors for one event",
    "assertion": "asserted vs denied",
}


def format_for(path: str | None, fmt: str | None) -> str:
    """The format asked for, else the one the output file's extension names, else md."""
    if fmt:
        return fmt
    if path:
        return SUFFIXES.get(Path(path).suffix.lower(), "md")
    return "md"


def render(comparison: Comparison, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return html_report(comparison)
    if fmt == "md":
        return markdown_report(comparison)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _who(ref: StatementRef | Mention) -> str:
    if ref.source:
        return f"{ref.source} ({VOICE_TEXT[ref.voice]})"
    return "own voice"


def _label(comparison: Comparison, article_id: str) -> str:
    return comparison.article(article_id).label


def _sentences(cell: CoverageCell) -> list[Mention]:
    """A cell's mentions, one per sentence (a sentence may hold two events of one row)."""
    first: dict[int, Mention] = {}
    for mention in cell.mentions:
        first.setdefault(mention.statement_index, mention)
    return list(first.values())


def _shared_and_single(rows: list[CoverageRow]) -> tuple[list[CoverageRow], list[CoverageRow]]:
    shared = [r for r in rows if len(r.reported_by) > 1]
    return shared, [r for r in rows if len(r.reported_by) <= 1]


# -- Markdown ----------------------------------------------------------------------------


def _md(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown_report(c: Comparison) -> str:
    ids = [a.id for a in c.articles]
    out = [f"# Comparison: {' vs '.join(a.label for a in c.articles)}", ""]
    out += ["| article | outlet | published | title | sentences | events | own voice |",
            "|---|---|---|---|---:|---:|---:|"]
    for a, profile in zip(c.articles, c.attribution, strict=True):
        out.append(f"| `{a.id}` | {_md(a.outlet or '')} | {a.published or ''} | "
                   f"{_md(a.title or '')} | {a.statements} | {a.events} | "
                   f"{profile.own_share:.0%} |")
    out.append("")
    if c.publication_gap_days is not None:
        out += [_gap_text(c.publication_gap_days), ""]
    for note in c.notes:
        out += [f"> {note}", ""]

    out += [f"## Contradictions ({len(c.contradictions)})", ""]
    if not c.contradictions:
        out += ["None found by the rules.", ""]
    for i, x in enumerate(c.contradictions, 1):
        out += [f"### {i}. {RULE_TEXT.get(x.rule, x.rule)} (rule `{x.rule}`)", "",
                _md(x.summary), ""]
        for side in (x.left, x.right):
            out.append(f"- **{_md(_label(c, side.article_id))}**, {_md(_who(side))}: "
                       f"“{_md(side.detail)}”  ")
            out.append(f"  > {_md(side.sentence)}")
        out.append("")

    out += ["## Framing", ""]
    out += ["| article | words | loaded, own voice | per 1,000 words | categories "
            "(own/attributed/quoted) |", "|---|---:|---:|---:|---|"]
    for f in c.framing:
        cats = "; ".join(
            f"{k.category} ({k.stance}) {k.total} = {k.own}/{k.attributed}/{k.quoted}: "
            + ", ".join(f"{t} ×{n}" for t, n in list(k.terms.items())[:6])
            for k in f.categories)
        out.append(f"| {_md(_label(c, f.article_id))} | {f.words} | {f.loaded_own} | "
                   f"{f.loaded_own_per_1000} | {_md(cats)} |")
    out.append("")
    for contrast in c.framing_contrasts:
        a, b = contrast.category, contrast.opposite
        out += [f"### {a} vs {b}", "",
                f"| article | {a} (own voice) | {b} (own voice) | examples |",
                "|---|---:|---:|---|"]
        for article_id in ids:
            n = contrast.counts[article_id]
            examples = "<br>".join(_md(_hit_text(h)) for h in contrast.examples[article_id])
            out.append(f"| {_md(_label(c, article_id))} | {n[a]} ({n[a + '_own']}) | "
                       f"{n[b]} ({n[b + '_own']}) | {examples} |")
        out.append("")

    out += ["## Attribution", ""]
    for p in c.attribution:
        out += [f"### {_md(_label(c, p.article_id))}", "",
                f"{p.statements} sentences: {p.own} in its own voice, {p.attributed} attributed, "
                f"{p.quoted} quoted; {p.own_share:.0%} of the text in its own voice; "
                f"{p.anonymous_statements} sentence(s) from anonymous sources.", ""]
        if p.sources:
            out += ["| source | code | sentences | quoted | anonymous |", "|---|---|---:|---:|---|"]
            for s in p.sources:
                out.append(f"| {_md(s.name)} | {s.code or ''} | {s.statements} | {s.quoted} | "
                           f"{'yes' if s.anonymous else ''} |")
            out.append("")

    shared, single = _shared_and_single(c.rows)
    header = "| row | " + " | ".join(_md(a.label) for a in c.articles) + " |"
    rule = "|---|" + "---|" * len(ids)
    out += ["## Coverage matrix", "",
            f"{len(c.rows)} rows: {len(shared)} reported by several articles, "
            f"{len(single)} by one. Cells: ✓ reported, ≠ reported differently "
            "(how, then the sentence), — not reported.", "", header, rule]
    for row in shared + single:
        cells = [_md_cell(cell) for cell in row.cells]
        out.append(f"| {row.id} {row.kind}: {_md(row.label)} | " + " | ".join(cells) + " |")
    out.append("")

    out += [f"## Omissions ({len(c.omissions)})", "",
            "Rows some articles report and others leave out, most relevant to the shared "
            "story first.", ""]
    for o in c.omissions[:TOP_OMISSIONS]:
        missing = ", ".join(_label(c, i) for i in o.missing_from)
        reported = ", ".join(_label(c, i) for i in o.reported_by)
        out.append(f"- **{_md(o.label)}** ({o.kind}, relevance {o.relevance:.2f}): in "
                   f"{_md(reported)}, not in {_md(missing)}  ")
        out.append(f"  > {_md(o.sentence)}  ")
        for near in o.nearest:
            out.append(f"  closest in {_md(_label(c, near.article_id))} ({near.score:.2f}): "
                       f"“{_md(near.sentence)}”  ")
    if len(c.omissions) > TOP_OMISSIONS:
        out.append(f"- … {len(c.omissions) - TOP_OMISSIONS} more (see `--format json`)")
    out.append("")
    if c.unclear_omissions:
        out += [f"## May be told in other words ({len(c.unclear_omissions)})", "",
                "Not counted as omissions: the other article may tell these in other words "
                "(its closest sentence is shown).", ""]
        for o in c.unclear_omissions[:TOP_OMISSIONS]:
            missing = ", ".join(_label(c, i) for i in o.missing_from)
            note = f" ({_md(o.note)})" if o.note else ""
            out.append(f"- {_md(o.sentence)} — in {_md(_label(c, o.reported_by[0]))}; "
                       f"maybe told in other words in {_md(missing)}{note}  ")
            for near in o.nearest:
                out.append(f"  closest in {_md(_label(c, near.article_id))} "
                           f"({near.score:.2f}): “{_md(near.sentence)}”  ")
        if len(c.unclear_omissions) > TOP_OMISSIONS:
            out.append(f"- … {len(c.unclear_omissions) - TOP_OMISSIONS} more "
                       "(see `--format json`)")
        out.append("")
    return "\n".join(out)


def _gap_text(days: int) -> str:
    return f"Published {days} day{'' if days == 1 else 's'} apart (first to last)."


def _md_cell(cell: CoverageCell) -> str:
    if cell.status == "absent":
        return "—"
    mark = "≠" if cell.status == "differs" else "✓"
    parts = [mark]
    if cell.differences:
        parts.append("; ".join(f"{d.field}: {d.value}" for d in cell.differences))
    parts += [f"“{m.sentence}” ({_who(m)})" for m in _sentences(cell)]
    return _md(" ".join(parts[:1]) + " " + " · ".join(parts[1:]))


def _hit_text(hit: FramingHit) -> str:
    who = f", {hit.source}" if hit.source else ""
    return f"“{hit.term}” ({VOICE_TEXT[hit.voice]}{who}): {hit.sentence}"


# -- HTML --------------------------------------------------------------------------------

CSS = """
:root{--ink:#1d2430;--muted:#5b6575;--line:#d9dee7;--bg:#f6f7f9;--ok:#e3f4e8;--okb:#3b8a55;
--diff:#fff1d6;--diffb:#b7791f;--abs:#f1f2f4;--bad:#fde8e8;--badb:#c53030;--own:#1f4e8c;}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0;background:var(--bg)}
main{max-width:78em;margin:0 auto;padding:1.5em 2em 4em}
h1{font-size:1.55em;margin:.2em 0 .6em}h2{font-size:1.25em;margin:2em 0 .6em;
border-bottom:2px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em}
nav a{margin-right:1em;color:var(--own)}
table{border-collapse:collapse;width:100%;background:#fff;margin:.4em 0 1em}
th,td{border:1px solid var(--line);padding:.45em .6em;vertical-align:top;text-align:left}
th{background:#eef1f5;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}
.note{background:#eef4fb;border-left:4px solid var(--own);padding:.6em 1em;margin:.8em 0}
.muted{color:var(--muted)}.small{font-size:.88em}
.card{background:#fff;border:1px solid var(--line);border-left:5px solid var(--badb);
border-radius:4px;padding:.8em 1em;margin:.8em 0}
.card h3{margin:.1em 0 .5em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{background:var(--bg);border-radius:4px;padding:.6em .8em}
.side .who{font-weight:600}
blockquote{margin:.4em 0 0;padding:.1em .8em;border-left:3px solid var(--line);color:#2b3442}
mark{background:#ffe58f;padding:0 .1em}
.rule{font-family:ui-monospace,monospace;font-size:.85em;background:#eef1f5;padding:.05em .4em;
border-radius:3px}
.badge{display:inline-block;font-size:.78em;font-weight:600;padding:.05em .5em;border-radius:9px;
margin-bottom:.3em}
td.reported{background:var(--ok)}td.reported .badge{background:var(--okb);color:#fff}
td.differs{background:var(--diff)}td.differs .badge{background:var(--diffb);color:#fff}
td.absent{background:var(--abs);color:var(--muted)}
.matrix td{font-size:.9em}.matrix td.label{width:22%;font-weight:600}
.matrix .mention{margin:.3em 0}.diffs{margin:.2em 0;padding-left:1.1em;color:#7a4a00}
.bar{display:inline-block;height:.7em;background:var(--own);vertical-align:middle;border-radius:2px}
.bar.loaded{background:var(--badb)}
details{margin:.6em 0}summary{cursor:pointer;color:var(--own);font-weight:600}
ul.omissions li{margin:.5em 0}
@media (max-width:800px){.pair{grid-template-columns:1fr}main{padding:1em}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _highlight(sentence: str, term: str) -> str:
    """The sentence, escaped, with the first occurrence of `term` marked."""
    at = sentence.lower().find(term.lower())
    if at < 0 or not term:
        return _e(sentence)
    return (_e(sentence[:at]) + "<mark>" + _e(sentence[at:at + len(term)]) + "</mark>"
            + _e(sentence[at + len(term):]))


def html_report(c: Comparison) -> str:
    title = "Comparison: " + " vs ".join(a.label for a in c.articles)
    body = [f"<h1>{_e(title)}</h1>",
            '<nav><a href="#contradictions">Contradictions</a><a href="#framing">Framing</a>'
            '<a href="#attribution">Attribution</a><a href="#matrix">Coverage matrix</a>'
            '<a href="#omissions">Omissions</a></nav>',
            _html_articles(c)]
    if c.publication_gap_days is not None:
        body.append(f'<p class="muted">{_e(_gap_text(c.publication_gap_days))}</p>')
    body += [f'<div class="note">{_e(n)}</div>' for n in c.notes]
    body += [_html_contradictions(c), _html_framing(c), _html_attribution(c), _html_matrix(c),
             _html_omissions(c)]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>\n")


def _html_articles(c: Comparison) -> str:
    rows = []
    for a, p in zip(c.articles, c.attribution, strict=True):
        rows.append(f"<tr><td>{_e(a.outlet or '—')}</td>"
                    f'<td class="nowrap">{_e(a.published or "—")}</td>'
                    f"<td>{_e(a.title or '')}</td><td><code>{_e(a.id)}</code></td>"
                    f'<td class="num">{a.statements}</td><td class="num">{a.events}</td>'
                    f'<td class="num">{p.own_share:.0%}</td></tr>')
    return ("<table><tr><th>outlet</th><th>published</th><th>title</th><th>article id</th>"
            '<th class="num">sentences</th><th class="num">events</th>'
            '<th class="num">own voice</th></tr>' + "".join(rows) + "</table>")


def _html_side(c: Comparison, side: StatementRef) -> str:
    return (f'<div class="side"><div class="who">{_e(_label(c, side.article_id))}</div>'
            f'<div class="small muted">{_e(_who(side))}</div>'
            f"<blockquote>{_highlight(side.sentence, side.detail)}</blockquote></div>")


def _html_contradictions(c: Comparison) -> str:
    parts = [f'<h2 id="contradictions">Contradictions ({len(c.contradictions)})</h2>']
    if not c.contradictions:
        parts.append('<p class="muted">None found by the rules.</p>')
    for x in c.contradictions:
        parts.append(_html_contradiction(c, x))
    return "".join(parts)


def _html_contradiction(c: Comparison, x: Contradiction) -> str:
    return (f'<div class="card"><h3>{_e(RULE_TEXT.get(x.rule, x.rule))} '
            f'<span class="rule">rule: {_e(x.rule)}</span></h3><p>{_e(x.summary)}</p>'
            f'<div class="pair">{_html_side(c, x.left)}{_html_side(c, x.right)}</div></div>')


def _html_framing(c: Comparison) -> str:
    parts = ['<h2 id="framing">Framing</h2>',
             '<p class="muted small">Counts of lexicon words (sitrep/data/framing) by voice: '
             "the outlet's own words, a paraphrase of a source (attributed), or inside "
             "quotation marks (quoted).</p>"]
    top = max([f.loaded_own_per_1000 for f in c.framing] + [1.0])
    rows = []
    for f in c.framing:
        width = 8 * f.loaded_own_per_1000 / top
        cats = "".join(
            f"<div><b>{_e(k.category)}</b> <span class=\"muted\">({_e(k.stance)})</span> "
            f"{k.total}: own {k.own}, attributed {k.attributed}, quoted {k.quoted} "
            f"<span class=\"small muted\">— "
            + _e(", ".join(f"{t} ×{n}" for t, n in list(k.terms.items())[:6])) + "</span></div>"
            for k in f.categories)
        rows.append(f"<tr><td>{_e(_label(c, f.article_id))}</td><td class=\"num\">{f.words}</td>"
                    f"<td class=\"num\">{f.loaded_own} "
                    f"<span class=\"bar loaded\" style=\"width:{width:.1f}em\"></span></td>"
                    f"<td class=\"num\">{f.loaded_own_per_1000}</td>"
                    f"<td class=\"small\">{cats}</td></tr>")
    parts.append('<table><tr><th>article</th><th class="num">words</th>'
                 '<th class="num">loaded, own voice</th><th class="num">per 1,000 words</th>'
                 "<th>categories</th></tr>" + "".join(rows) + "</table>")
    for contrast in c.framing_contrasts:
        a, b = contrast.category, contrast.opposite
        rows = []
        for article in c.articles:
            n = contrast.counts[article.id]
            examples = "".join(
                f"<div class=\"mention\"><b>{_e(h.category)}</b> · {_e(VOICE_TEXT[h.voice])}"
                + (f", {_e(h.source)}" if h.source else "")
                + f"<blockquote>{_highlight(h.sentence, h.term)}</blockquote></div>"
                for h in contrast.examples[article.id])
            counts = "".join(f'<td class="num">{n[k]} <span class="muted">'
                             f"({n[k + '_own']} own)</span></td>" for k in (a, b))
            rows.append(f"<tr><td>{_e(article.label)}</td>{counts}"
                        f"<td class=\"small\">{examples}</td></tr>")
        parts.append(f"<h3>{_e(a)} vs {_e(b)}</h3><table><tr><th>article</th>"
                     f'<th class="num">{_e(a)}</th><th class="num">{_e(b)}</th>'
                     "<th>examples (own voice first)</th></tr>" + "".join(rows) + "</table>")
    return "".join(parts)


def _html_attribution(c: Comparison) -> str:
    parts = ['<h2 id="attribution">Attribution</h2><div class="pair">']
    for p in c.attribution:
        sources = "".join(
            f"<tr><td>{_e(s.name)}</td><td>{_e(s.code or '')}</td>"
            f'<td class="num">{s.statements}</td><td class="num">{s.quoted}</td>'
            f"<td>{'anonymous' if s.anonymous else ''}</td></tr>" for s in p.sources)
        table = ("<table><tr><th>source</th><th>code</th><th class=\"num\">sentences</th>"
                 "<th class=\"num\">quoted</th><th></th></tr>" + sources + "</table>"
                 if p.sources else '<p class="muted">Cites no one.</p>')
        parts.append(
            f'<div><h3>{_e(_label(c, p.article_id))}</h3>'
            f"<p>{p.statements} sentences: <b>{p.own}</b> own voice, <b>{p.attributed}</b> "
            f"attributed, <b>{p.quoted}</b> quoted — {p.own_share:.0%} of the text in its own "
            f"voice; {p.anonymous_statements} from anonymous sources.</p>{table}</div>")
    parts.append("</div>")
    return "".join(parts)


def _html_cell(cell: CoverageCell) -> str:
    if cell.status == "absent":
        return f'<td class="absent"><span class="badge">{STATUS_TEXT["absent"]}</span></td>'
    diffs = ""
    if cell.differences:
        diffs = '<ul class="diffs">' + "".join(
            f"<li>{_e(d.field)}: {_e(d.value)} "
            f"<span class=\"muted\">(vs {_e(d.reference)})</span></li>"
            for d in cell.differences) + "</ul>"
    mentions = "".join(
        f'<div class="mention"><span class="small muted">{_e(_who(m))}</span>'
        f"<blockquote>{_highlight(m.sentence, m.trigger or '')}</blockquote></div>"
        for m in _sentences(cell))
    return (f'<td class="{cell.status}"><span class="badge">{STATUS_TEXT[cell.status]}</span>'
            f"{diffs}{mentions}</td>")


def _html_rows(c: Comparison, rows: Iterable[CoverageRow]) -> str:
    head = "<tr><th>event or claim</th>" + "".join(
        f"<th>{_e(a.label)}</th>" for a in c.articles) + "</tr>"
    body = "".join(
        f'<tr><td class="label">{_e(r.label)}<div class="small muted">{_e(r.kind)} {_e(r.id)}'
        f"{' · ' + _e(r.event_type) if r.event_type else ''}</div></td>"
        + "".join(_html_cell(cell) for cell in r.cells) + "</tr>" for r in rows)
    return f'<table class="matrix">{head}{body}</table>'


def _html_matrix(c: Comparison) -> str:
    shared, single = _shared_and_single(c.rows)
    return (f'<h2 id="matrix">Coverage matrix</h2><p class="muted small">{len(c.rows)} events '
            f"and claims; the first article's mention of a row is its reference, another "
            f"article's is <i>reported differently</i> when a date, place, actor, number, "
            f"polarity or source differs.</p>"
            f"<h3>Reported by several articles ({len(shared)})</h3>"
            + (_html_rows(c, shared) if shared else '<p class="muted">None.</p>')
            + f"<details><summary>Reported by one article only ({len(single)})</summary>"
            + _html_rows(c, single) + "</details>")


def _html_omissions(c: Comparison) -> str:
    def item(o) -> str:
        reported = ", ".join(_label(c, i) for i in o.reported_by)
        missing = ", ".join(_label(c, i) for i in o.missing_from)
        who = f" — {_e(o.source)}" if o.source else ""
        nearest = "".join(
            f'<div class="small muted">closest in {_e(_label(c, n.article_id))} '
            f"({n.score:.2f}): “{_e(n.sentence)}”</div>" for n in o.nearest)
        return (f"<li><b>{_e(o.label)}</b> <span class=\"small muted\">({_e(o.kind)}, "
                f"relevance {o.relevance:.2f})</span><br>in {_e(reported)}, "
                + (f"<b>not in {_e(missing)}</b>" if o.certainty == "omitted" else
                   f"maybe told in other words in {_e(missing)}")
                + (f' <span class="small muted">({_e(o.note)})</span>' if o.note else "")
                + f"{who}<blockquote>{_e(o.sentence)}</blockquote>{nearest}</li>")

    top, rest = c.omissions[:TOP_OMISSIONS], c.omissions[TOP_OMISSIONS:]
    html = [f'<h2 id="omissions">Omissions ({len(c.omissions)})</h2>',
            '<p class="muted small">What some articles report and others leave out, most '
            "relevant to the shared story first.</p>",
            '<ul class="omissions">' + "".join(item(o) for o in top) + "</ul>"]
    if rest:
        html.append(f"<details><summary>{len(rest)} more</summary><ul class=\"omissions\">"
                    + "".join(item(o) for o in rest) + "</ul></details>")
    if c.unclear_omissions:
        html.append(f'<details id="unclear-omissions"><summary>May be told in other words '
                    f"({len(c.unclear_omissions)})</summary>"
                    '<p class="muted small">Not counted as omissions: the other article may '
                    "tell these in other words (its closest sentence is shown).</p>"
                    '<ul class="omissions">' + "".join(item(o) for o in c.unclear_omissions)
                    + "</ul></details>")
    return "".join(html)
