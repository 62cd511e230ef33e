"""Framing: loaded and neutral wording per article, from the lexicon in
`sitrep/data/framing/lexicon.toml` (categories, stances, sense checks and why: README
beside it).

Every hit is counted by voice: words inside quotation marks are the source's (`quoted`);
in a sentence attributed to a source, the paraphrased content is `attributed`, while the
reporting clause ("the combative senator said", "..., the fiery treasurer said") is the
outlet's description and stays `own`; the rest is the outlet's `own`. Outside quotation
marks, categories marked `outlet_voice` (reporting verbs such as "claimed") are always the
outlet's own choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.compare.knowledge import FramingCategory, Knowledge, entry_for
from sitrep.compare.records import (
    CategoryCount,
    FramingContrast,
    FramingHit,
    FramingProfile,
    Statement,
)
from sitrep.compare.text import in_quotation, quotation_spans, words

EXAMPLES_PER_ARTICLE = 4
NOT_AFTER_WORDS = 3  # how far back `not_after` words are looked for
CLAUSE_GAP = 80  # most characters between a source and its reporting verb (appositives)
OPENER_WORDS = 4  # "announced on Friday that": how far after the verb a clause may open
FRAMED_GAP = 8  # "described the new regional transit plan as": most words before "as"


def framing_profile(article_id: str, text: str, items: Sequence[Statement],
                    knowledge: Knowledge) -> FramingProfile:
    quotes = quotation_spans(text)
    by_name = {c.name: c for c in knowledge.framing}
    reporting = _reporting_pattern(knowledge)
    opener = _content_opener(knowledge)
    framer = _framing_verbs(knowledge)
    clause_end = re.compile(knowledge.framing_voice.get("framed_clause_end", r"(?!)"))
    hits: list[FramingHit] = []
    for statement in items:
        local_quotes = [(q0 - statement.start, q1 - statement.start) for q0, q1 in quotes
                        if q0 < statement.end and q1 > statement.start]
        outlet_part = (_reporting_clause(statement, local_quotes, reporting, opener,
                                         knowledge)
                       if statement.source is not None else None)
        content_from = (_reported_content(statement.text, local_quotes, opener)
                        if statement.source is None else None)
        framed = _framed_words(statement.text, local_quotes, framer, clause_end)
        for category in knowledge.framing:
            for match in category.pattern.finditer(statement.text):
                if not _in_sense(category, statement.text, match.start(), match.end(), by_name):
                    continue
                start, end = statement.start + match.start(), statement.start + match.end()
                if in_quotation(start, quotes):
                    voice = "quoted"
                    source = statement.source.name if statement.source else None
                elif content_from is not None and match.start() >= content_from and \
                        not category.outlet_voice:
                    voice, source = "attributed", None
                elif not category.outlet_voice and any(
                        f0 <= match.start() < f1 for f0, f1 in framed):
                    voice = "attributed"
                    source = statement.source.name if statement.source else None
                elif (statement.source is None or category.outlet_voice or (
                        outlet_part is not None
                        and outlet_part[0] <= match.start() < outlet_part[1])):
                    voice, source = "own", None
                else:
                    voice, source = "attributed", statement.source.name
                hits.append(FramingHit(
                    term=match.group(), entry=entry_for(category.terms, match.group()),
                    category=category.name, stance=category.stance, voice=voice, source=source,
                    sentence=statement.text, start=start, end=end,
                ))
    hits.sort(key=lambda h: h.start)
    categories = []
    for category in knowledge.framing:
        mine = [h for h in hits if h.category == category.name]
        if not mine:
            continue
        terms: dict[str, int] = {}
        for hit in mine:
            terms[hit.entry] = terms.get(hit.entry, 0) + 1
        categories.append(CategoryCount(
            category=category.name, stance=category.stance, total=len(mine),
            own=sum(h.voice == "own" for h in mine),
            attributed=sum(h.voice == "attributed" for h in mine),
            quoted=sum(h.voice == "quoted" for h in mine),
            terms=dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))),
        ))
    n_words = len(words(text))
    loaded_own = sum(h.stance == "loaded" and h.voice == "own" for h in hits)
    return FramingProfile(
        article_id=article_id, words=n_words, loaded_own=loaded_own,
        loaded_own_per_1000=round(1000 * loaded_own / n_words, 1) if n_words else 0.0,
        categories=categories, hits=hits,
    )


def _in_sense(category: FramingCategory, sentence: str, start: int, end: int,
             by_name: dict[str, FramingCategory]) -> bool:
    """Whether the term at `start:end` of `sentence` is used in the category's sense: no
    `not_before` word right after it ("slammed into"), no `not_after` word among the few
    words before it ("police raided"), not capitalised inside the sentence (a name: "Rob
    Portman"), and, for a category with a `context`, a term of a context category within
    `window` words ("regular flights", not "regular order")."""
    if sentence[start].isupper() and sentence[:start].strip(" \"“‘'(") and \
            not sentence[start:end].isupper():
        return False
    after = re.compile(r"\s*").match(sentence, end).end()
    if category.not_before.match(sentence, after):
        return False
    before = re.search(rf"(?:\S+\s+){{0,{NOT_AFTER_WORDS}}}$", sentence[:start])
    if before and category.not_after.search(before.group()):
        return False
    if not category.context:
        return True
    lead = re.search(rf"(?:\S+\s+){{0,{category.window}}}$", sentence[:start])
    tail = re.match(rf"(?:\s*\S+){{0,{category.window}}}", sentence[end:])
    near = (lead.group() if lead else "") + " " + (tail.group() if tail else "")
    return any(by_name[name].pattern.search(near) for name in category.context)


def _reporting_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    verbs = sorted(knowledge.attribution["reporting_verbs"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")\b", re.IGNORECASE)


def _content_opener(knowledge: Knowledge) -> re.Pattern[str]:
    """A verb of saying or thinking with the clause it reports ("disputed that", "believes
    that") or a participle that opens one (", saying", ", arguing")."""
    voice = knowledge.framing_voice
    verbs = set(knowledge.attribution["reporting_verbs"]) | set(voice.get("content_verbs", ()))
    verbs_part = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    participles = "|".join(map(re.escape, voice.get("content_participles", ())))
    return re.compile(rf"\b(?:{verbs_part})\s+that\b|,\s+(?:{participles})\b", re.IGNORECASE)


def _framing_verbs(knowledge: Knowledge) -> re.Pattern[str]:
    """A verb that puts its object in its subject's words, up to where those words begin:
    "described the plan as", "accused the board of" (voice.toml)."""
    voice = knowledge.framing_voice

    def alternatives(key: str) -> str:
        return "|".join(sorted(map(re.escape, voice.get(key, ())), key=len, reverse=True)) \
            or r"(?!)"

    gap = rf"(?:[^\s,.;:]+\s+){{0,{FRAMED_GAP}}}?"
    return re.compile(
        rf"\b(?:(?:{alternatives('as_framers')})\s+{gap}as|"
        rf"(?:{alternatives('blaming_verbs')})\s+{gap}(?:of|for))\b", re.IGNORECASE)


def _framed_words(sentence: str, quotes: list[tuple[int, int]], framer: re.Pattern[str],
                  clause_end: re.Pattern[str]) -> list[tuple[int, int]]:
    """Stretches of the sentence in the words of the subject of a framing verb, outside
    quotations: "Critics described the plan as *reckless*", "Ruiz accused the board of
    *stonewalling*", to the end of the clause."""
    stretches = []
    for match in framer.finditer(sentence):
        if any(q0 <= match.start() < q1 for q0, q1 in quotes):
            continue
        end = clause_end.search(sentence, match.end())
        stretches.append((match.end(), end.start() if end else len(sentence)))
    return stretches


def _reported_content(sentence: str, quotes: list[tuple[int, int]],
                      opener: re.Pattern[str]) -> int | None:
    """Where the reported content begins in a sentence no source is credited with: the
    subject's paraphrased words after "the mayor disputed that" or ", saying". None when
    no such opener stands outside quotations."""
    for match in opener.finditer(sentence):
        if not any(q0 <= match.start() < q1 for q0, q1 in quotes):
            return match.end()
    return None


def _reporting_clause(statement: Statement, quotes: list[tuple[int, int]],
                      reporting: re.Pattern[str], opener: re.Pattern[str],
                      knowledge: Knowledge) -> tuple[int, int] | None:
    """The part of an attributed sentence in the outlet's words: the source with what the
    outlet says of it and the reporting verb, with the introduction before them when the
    content follows ("After the vote, the combative senator said ..."), or everything from
    them on when the content precedes ("..., the fiery treasurer said on Monday").
    The whole sentence when the verb takes a thing done, not words said ("declared an
    emergency to seize funds": `object_verbs` in voice.toml). None when no source-and-verb
    pair is found outside quotations."""
    sentence, source = statement.text, statement.source
    if source is None:
        return None

    def outside(position: int) -> bool:
        return not any(q0 <= position < q1 for q0, q1 in quotes)

    names = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(source.text)}(?!\w)",
                                           sentence) if outside(m.start())]
    verbs = [m.span() for m in reporting.finditer(sentence) if outside(m.start())]
    pairs = [(min(n[0], v[0]), max(n[1], v[1]), v) for n in names for v in verbs
             if max(n[0], v[0]) - min(n[1], v[1]) <= CLAUSE_GAP]
    if not pairs:
        return None
    start, end, verb_span = min(pairs, key=lambda p: p[1] - p[0])
    content_before = len(sentence[:start].strip(" ,\"“”"))
    content_after = len(sentence[end:].strip(" ,.!?\"“”"))
    if content_before > content_after:
        # up to a clause the source goes on to report: '"...," said Ruiz, who said *that
        # the plan was reckless*' / '..., Ruiz said, adding ...'
        further = [m.start() for m in (*reporting.finditer(sentence, end),
                                       *opener.finditer(sentence, end)) if outside(m.start())]
        return start, min(further, default=len(sentence))
    voice = knowledge.framing_voice
    verb = sentence[verb_span[0]:verb_span[1]].lower()
    following = [w.lower().strip(",") for w in sentence[end:].split()[:OPENER_WORDS]]
    if verb in voice.get("object_verbs", ()) and not set(following) & set(
            voice.get("clause_openers", ())):
        return 0, len(sentence)
    return 0, end


def framing_contrasts(profiles: Sequence[FramingProfile],
                      knowledge: Knowledge) -> list[FramingContrast]:
    """For each pair of opposite categories used anywhere in the comparison: how much each
    article uses each side, with examples (own voice first)."""
    contrasts = []
    seen: set[frozenset[str]] = set()
    for category in knowledge.framing:
        for opposite in category.contrasts_with:
            pair = frozenset((category.name, opposite))
            if pair in seen:
                continue
            seen.add(pair)
            counts: dict[str, dict[str, int]] = {}
            examples: dict[str, list[FramingHit]] = {}
            for profile in profiles:
                side = [h for h in profile.hits if h.category in pair]
                counts[profile.article_id] = {
                    name: sum(h.category == name for h in side) for name in
                    (category.name, opposite)
                } | {f"{name}_own": sum(h.category == name and h.voice == "own" for h in side)
                     for name in (category.name, opposite)}
                voice_order = {"own": 0, "attributed": 1, "quoted": 2}
                examples[profile.article_id] = sorted(
                    side, key=lambda h: (voice_order[h.voice], h.start))[:EXAMPLES_PER_ARTICLE]
            if any(examples.values()):
                contrasts.append(FramingContrast(category.name, opposite, counts, examples))
    return contrasts
