"""Typed records of the compare stage: what goes in (stored articles with their event
records, `sitrep.records.StoredArticle`) and what comes out (a `Comparison`: coverage
rows, omissions, contradictions, attribution and framing profiles). Every output record is
plain data; `Comparison.to_dict()` is JSON-ready.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sitrep.records import StoredArticle

Voice = Literal["own", "attributed", "quoted"]
CellStatus = Literal["reported", "differs", "absent"]
RowKind = Literal["event", "claim"]
# "omitted": the omitting article surely does not tell the fact; "unclear": it may tell it
# in other words (its closest sentences are in `Omission.nearest`)
Certainty = Literal["omitted", "unclear"]
# A title longer than this is cut at a word in an article's label: a label heads a column.
LABEL_TITLE_CHARS = 60


def short_title(title: str, limit: int = LABEL_TITLE_CHARS) -> str:
    """The title, cut at the last whole word within `limit` characters, with "…"."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0] if " " in title[:limit] else title[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"


def article_label(article: StoredArticle) -> str:
    """How reports name an article's column: outlet, date and (short) title, "Daily Courier
    (2021-03-02): Mayor opens bridge"; what is known of them, else the id. Two articles of
    one outlet and day differ by their titles."""
    name = article.outlet or ""
    if article.published:
        day = article.published.isoformat()
        name = f"{name} ({day})" if name else day
    if article.title:
        title = short_title(article.title)
        name = f"{name}: {title}" if name else title
    return name or article.id


@dataclass
class Source:
    """Who a statement is attributed to: as written, the named source it stands for (for
    "it said"), and its actor code when the pipeline resolved one."""

    text: str
    name: str  # the display name: the named source for anaphora, without determiners
    code: str | None = None
    anonymous: bool = False


@dataclass
class Statement:
    """One sentence of an article, with who says it and the events coded in it."""

    article_id: str
    index: int  # position among the article's statements
    start: int  # character offsets in the article text
    end: int
    text: str
    voice: Voice  # own voice of the outlet, attributed (paraphrase) or quoted
    source: Source | None = None
    event_ids: list[str] = field(default_factory=list)


@dataclass
class Difference:
    """One detail in which a mention differs from the row's reference mention."""

    field: str  # date, place, actor, recipient, number, modality, source
    reference: str
    value: str


@dataclass
class Mention:
    """An article's mention of a row's event or claim: its statement and, for event rows,
    the event record's id and the details that matter for comparison."""

    article_id: str
    statement_index: int
    sentence: str
    start: int
    end: int
    voice: Voice
    source: str | None = None
    event_id: str | None = None
    event_type: str | None = None
    trigger: str | None = None
    actor: str | None = None
    recipient: str | None = None
    date: str | None = None
    place: str | None = None
    modality: str | None = None


@dataclass
class CoverageCell:
    article_id: str
    status: CellStatus
    mentions: list[Mention] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)


@dataclass
class CoverageRow:
    """One event or claim and how each article covers it (one cell per compared article)."""

    id: str
    kind: RowKind
    label: str
    cells: list[CoverageCell]
    event_type: str | None = None
    relevance: float = 0.0  # share of the row's words and actors that are the story's core

    @property
    def reported_by(self) -> list[str]:
        return [c.article_id for c in self.cells if c.status != "absent"]

    @property
    def missing_from(self) -> list[str]:
        return [c.article_id for c in self.cells if c.status == "absent"]


@dataclass
class NearMatch:
    """The closest an article comes to a statement of another: its sentence (or two
    adjacent ones) and the weighted share of the statement's words it holds."""

    article_id: str
    sentence: str
    score: float


@dataclass
class Omission:
    """A fact (one sentence) some articles tell and others do not carry in any words."""

    row_id: str
    label: str
    kind: RowKind
    reported_by: list[str]  # the sentence's article and those that carry the fact
    missing_from: list[str]
    relevance: float
    sentence: str
    source: str | None = None
    nearest: list[NearMatch] = field(default_factory=list)  # per omitting article
    certainty: Certainty = "omitted"
    # why it is no sure omission besides its words: "maybe after the publication of ..."
    note: str | None = None


@dataclass
class StatementRef:
    """One side of a contradiction: the sentence and who says it."""

    article_id: str
    outlet: str | None
    sentence: str
    start: int
    end: int
    voice: Voice
    source: str | None
    detail: str  # the value in conflict, as this side states it


@dataclass
class Contradiction:
    rule: str  # number, date, place, actor, assertion, capability (README of sitrep/data/compare)
    summary: str
    left: StatementRef
    right: StatementRef
    row_id: str | None = None


@dataclass
class SourceCount:
    name: str
    code: str | None
    anonymous: bool
    statements: int  # sentences attributed to this source
    quoted: int  # of which mostly inside quotation marks
    example: str


@dataclass
class AttributionProfile:
    article_id: str
    statements: int
    own: int
    attributed: int
    quoted: int
    own_share: float  # share of the article's characters in the outlet's own voice
    sources: list[SourceCount]
    anonymous_statements: int


@dataclass
class FramingHit:
    term: str  # as written
    entry: str  # the lexicon entry it matched
    category: str
    stance: str
    voice: Voice
    source: str | None
    sentence: str
    start: int  # offsets of the term in the article
    end: int


@dataclass
class CategoryCount:
    category: str
    stance: str
    total: int
    own: int  # in the outlet's own voice
    attributed: int
    quoted: int
    terms: dict[str, int]  # lexicon entry -> hits


@dataclass
class FramingProfile:
    article_id: str
    words: int
    loaded_own: int  # loaded hits in the outlet's own voice
    loaded_own_per_1000: float
    categories: list[CategoryCount]
    hits: list[FramingHit]


@dataclass
class FramingContrast:
    """Two categories that frame the same facts oppositely, and how much each article uses
    each of them (own voice first)."""

    category: str
    opposite: str
    counts: dict[str, dict[str, int]]  # article id -> {category: total, "<category>_own": n}
    examples: dict[str, list[FramingHit]]  # article id -> a few hits of either category


@dataclass
class ArticleSummary:
    id: str
    label: str
    outlet: str | None
    title: str | None
    published: str | None
    statements: int
    events: int


@dataclass
class Comparison:
    articles: list[ArticleSummary]
    rows: list[CoverageRow]
    omissions: list[Omission]
    contradictions: list[Contradiction]
    attribution: list[AttributionProfile]
    framing: list[FramingProfile]
    framing_contrasts: list[FramingContrast]
    notes: list[str] = field(default_factory=list)
    publication_gap_days: int | None = None  # first to last publication date
    # facts an article may tell in other words: shown apart, never counted as omissions
    unclear_omissions: list[Omission] = field(default_factory=list)

    def __post_init__(self) -> None:
        # articles alike in outlet, date and title still head columns one can tell apart
        labels = [a.label for a in self.articles]
        for article in self.articles:
            if labels.count(article.label) > 1:
                article.label = f"{article.label} [{article.id}]"

    def article(self, article_id: str) -> ArticleSummary:
        return next(a for a in self.articles if a.id == article_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form (dates are ISO strings already)."""
        result = asdict(self)
        for row, data in zip(self.rows, result["rows"], strict=True):
            data["reported_by"] = row.reported_by
            data["missing_from"] = row.missing_from
        return result
