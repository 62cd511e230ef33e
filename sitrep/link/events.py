"""Event clusters: mentions, in one or several articles, of the same real-world event.

Two mentions denote one event when nothing tells them apart and something ties them
together:

- hard rules (any failure keeps them apart): the same PLOVER type (or two types the coder
  may give one act, `interchangeable_types`); the same mode when both
  have one; compatible modality (hypothetical events are never merged, planned ones only with
  planned ones); the same actor and recipient codes where both are known, with at least one
  code in common (either way round for symmetric types such as CONSULT); dates that can be
  the same day (each mention's possible days, see `date_span`, overlap within `day_slack`);
  places within `max_distance_km` and in the same country where both are known (a longer
  distance for mentions of the same moving activity, such as a bomber flight); not two
  different recurring activities;
- soft evidence (one is enough): sentences sharing enough content words and numbers,
  weighted by idf (at least `min_shared_words` of them); the same recurring activity, named
  by a word other than the trigger (unless naming it says only what kind of event it is,
  "talks"); the same place on the same day; or the same actor and recipient on the same day.

A new mention joins the cluster it is compatible with on every hard rule for every member
(complete link, so that clusters do not chain) and on soft evidence with at least one member,
the best such cluster when there are several; otherwise it starts a cluster of its own.
"""

from __future__ import annotations

import calendar
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from sitrep.link.config import LinkConfig
from sitrep.link.geo import distance_km
from sitrep.link.records import ClusterSketch, EventCluster, EventMention, link_id
from sitrep.link.series import activity_match
from sitrep.link.terms import content_words, overlap

FACTUAL = frozenset({"asserted", "claimed", "denied", "negated"})
MENTION_MEMO_SIZE = 20_000  # event mentions kept in memory between batches, at most
# Word weights for sentence overlap: {word: weight} and the weight of any other word.
WordWeights = tuple[Mapping[str, float], float]
# Numbers say which event a sentence is about ("killed 18", "190 passengers").
_NUMBER = re.compile(r"\b\d[\d,.]*\b")


def date_span(record: dict[str, Any], published: date | None, config: LinkConfig
              ) -> tuple[date | None, date | None]:
    """The days an event can have happened on: its day; its month; a range such as "last
    week"; with no date of its own, the few days before its article's publication. Year
    precision, a decade, or nothing to go by, gives (None, None): too vague to match
    anything."""
    value = record.get("event_date")
    precision = record.get("date_precision")
    if value and precision == "day":
        day = date.fromisoformat(value)
        return day, day
    if value and precision == "month":
        first = date.fromisoformat(value)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last
    if value:
        return None, None
    span = record.get("date_range")
    if span:
        first, last = date.fromisoformat(span["start"]), date.fromisoformat(span["end"])
        # a decade ("in the 1990s") is vaguer still than a year
        return (first, last) if (last - first).days <= 31 else (None, None)
    if record.get("date_text") or published is None:
        return None, None  # a date the resolver could not place: do not guess
    return published - timedelta(days=config.events["undated_lookback_days"]), published


def mention_from_json(text: str, config: LinkConfig,
                      record: dict[str, Any] | None = None) -> EventMention:
    """`mention_from_record` of a stored record's JSON, remembered by that text: the next
    batch reads many of the same neighbours again. `record`: that JSON parsed already, if
    the caller has it."""
    memo = config.mention_memo
    found = memo.get(text)
    if found is None:
        if len(memo) >= MENTION_MEMO_SIZE:
            # forget the oldest quarter: linking runs forward in time, so the mentions
            # remembered first are the least likely to be neighbours again
            for old in list(itertools.islice(memo, MENTION_MEMO_SIZE // 4)):
                del memo[old]
        if record is None:
            record = json.loads(text)
        found = memo[text] = mention_from_record(record, config)
    return found


def mention_from_record(record: dict[str, Any], config: LinkConfig) -> EventMention:
    published = date.fromisoformat(record["published"]) if record.get("published") else None
    sentence = record.get("sentence") or ""
    earliest, latest = date_span(record, published, config)
    location = record.get("location") or {}
    activity = activity_match(record, config)
    return EventMention(
        event_id=record["id"],
        article_id=record["article_id"],
        outlet=record.get("outlet"),
        published=published,
        event_type=record["event_type"],
        mode=record.get("mode"),
        actor_code=_code(record.get("actor")),
        recipient_code=_code(record.get("recipient")),
        actor_codes=_codes(record.get("actor")),
        recipient_codes=_codes(record.get("recipient")),
        modality=record.get("modality") or "asserted",
        event_date=date.fromisoformat(record["event_date"]) if record.get("event_date") else None,
        precision=record.get("date_precision"),
        earliest=earliest,
        latest=latest,
        place=location.get("name") or location.get("text"),
        place_country=location.get("country"),
        place_precision=location.get("precision"),
        lat=location.get("lat"),
        lon=location.get("lon"),
        words=_sentence_words(sentence, (record.get("trigger") or {}).get("text") or "",
                              config),
        activity=activity[0] if activity else None,
        activity_named_apart=activity[1] if activity else False,
    )


def _sentence_words(sentence: str, trigger: str, config: LinkConfig) -> frozenset[str]:
    """Content words and numbers of a sentence, less its trigger's words (every mention of
    a type shares those: "talks" and "talks")."""
    words = set(content_words(sentence, config)) | set(_NUMBER.findall(sentence))
    return frozenset(words - set(content_words(trigger, config)))


def _code(part: dict[str, Any] | None) -> str | None:
    code = (part or {}).get("code")
    return code.upper() if code else None


def _codes(part: dict[str, Any] | None) -> frozenset[str]:
    if not part:
        return frozenset()
    return frozenset(c for c in (_code(part), *map(_code, part.get("members") or ())) if c)


def can_merge(m: EventMention) -> bool:
    """Mentions that can be one event with another: a real (or planned) act with a coded
    party and a date span."""
    return (m.modality != "hypothetical" and m.earliest is not None
            and bool(m.actor_codes or m.recipient_codes))


def _modalities_agree(a: str, b: str) -> bool:
    if a == "hypothetical" or b == "hypothetical":
        return False
    return (a in FACTUAL) == (b in FACTUAL)


def _parties_agree(a: EventMention, b: EventMention, symmetric: bool) -> bool:
    """Actors and recipients that can be the same: where both sides name one, they share a
    code, and at least one side is shared. For symmetric types the two parties may be named
    either way round ("A met B", "B and A held talks"): then the parties must overlap in two
    codes, or in all the codes the vaguer mention has."""
    def overlap(x: frozenset[str], y: frozenset[str]) -> bool | None:
        return None if not x or not y else bool(x & y)

    sides = [overlap(a.actor_codes, b.actor_codes),
             overlap(a.recipient_codes, b.recipient_codes)]
    if True in sides and False not in sides:
        return True
    if not symmetric:
        return False
    mine, theirs = a.actor_codes | a.recipient_codes, b.actor_codes | b.recipient_codes
    return bool(mine & theirs) and len(mine & theirs) >= min(2, len(mine), len(theirs))


def _dates_agree(a: EventMention, b: EventMention, config: LinkConfig) -> bool:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return False
    slack = timedelta(days=config.events["day_slack"])
    return a.earliest - slack <= b.latest and b.earliest - slack <= a.latest


def _places_agree(a: EventMention, b: EventMention, config: LinkConfig) -> bool:
    if not a.place or not b.place or a.place == b.place:
        return True
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return True
    same_activity = a.activity is not None and a.activity == b.activity
    limit = config.series["max_distance_km"] if same_activity else config.events[
        "max_distance_km"]
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= limit


def hard_compatible(a: EventMention, b: EventMention, config: LinkConfig) -> bool:
    """Nothing tells the two mentions apart (the hard rules of the module's docstring)."""
    return (
        b.event_type in config.types_like(a.event_type)
        and _dates_agree(a, b, config)  # the cheap rule that rules out most neighbours
        and (a.mode is None or b.mode is None or a.mode == b.mode)
        and _modalities_agree(a.modality, b.modality)
        and _parties_agree(a, b, a.event_type in config.events["symmetric_types"])
        and _places_agree(a, b, config)
        and (a.activity is None or b.activity is None or a.activity == b.activity)
    )


def tie_strength(a: EventMention, b: EventMention, config: LinkConfig,
                 weights: WordWeights | None = None) -> float:
    """How strongly something ties the two together; below 0 when nothing does. `weights`:
    idf of sentence words, so that shared rare words count for more than common ones."""
    shared = len(a.words & b.words)
    score = (overlap(a.words, b.words, *(weights or (None, 1.0)))
             if shared >= config.events["min_shared_words"] else 0.0)
    if a.activity is not None and a.activity == b.activity and (
            a.activity_named_apart or b.activity_named_apart):
        activity = config.activity(a.activity)
        score += 1.0 if activity and activity.ties_events else 0.0
    same_day = a.precision == b.precision == "day" and a.event_date == b.event_date
    if same_day and a.place and a.place == b.place:
        score += 1.0
    if same_day and a.actor_codes & b.actor_codes and a.recipient_codes & b.recipient_codes:
        score += 1.0  # who did it to whom, on the same day
    return score if score >= config.events["min_sentence_overlap"] else -1.0


def candidate_window(m: EventMention, config: LinkConfig) -> tuple[date, date]:
    """The `timeline_date`s a stored day-precise or undated cluster that `m` could join can
    have. An undated cluster is dated to its first publication, up to `undated_lookback_days`
    after its events, or a week after a range such as "last week". (Month-precise clusters:
    `candidate_months`.)"""
    assert m.earliest and m.latest
    slack = config.events["day_slack"]
    lookback = config.events["undated_lookback_days"]
    return (m.earliest - timedelta(days=slack + lookback),
            m.latest + timedelta(days=slack + lookback + 7))


def candidate_months(m: EventMention, config: LinkConfig) -> list[date]:
    """The first days of the months `m` can have happened in: how month-precise clusters
    that `m` could join are dated."""
    assert m.earliest and m.latest
    slack = timedelta(days=config.events["day_slack"])
    month = (m.earliest - slack).replace(day=1)
    months = []
    while month <= m.latest + slack:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def merge_windows(windows: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping date ranges joined, in order: one query each."""
    merged: list[list[date]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def sketch_span(sketch: ClusterSketch, config: LinkConfig) -> tuple[date, date] | None:
    """The days a stored cluster's event can have happened on, widened by `day_slack`, as
    far as its row tells (None: too vague to match)."""
    day = sketch.timeline_date
    if day is None or sketch.precision == "year":
        return None
    slack = timedelta(days=config.events["day_slack"])
    lookback = timedelta(days=config.events["undated_lookback_days"])
    if sketch.precision == "day":
        return day - slack, day + slack
    if sketch.precision == "month":
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return day - slack, last + slack
    # dated by publication: its mentions' spans reach back a few days, or to a week's range
    return day - lookback - timedelta(days=14) - slack, day + lookback + slack


def could_join(sketch: ClusterSketch, span: tuple[date, date], m: EventMention,
               config: LinkConfig) -> bool:
    """Whether the stored cluster `sketch` (whose `sketch_span` is `span`) may hold `m`'s
    event, judged from its row only: type, a shared code, dates that can overlap, a place
    not too far. The rest of the rules need its mentions."""
    if sketch.event_type not in config.types_like(m.event_type):
        return False
    if not {sketch.actor_code, sketch.recipient_code} & (m.actor_codes | m.recipient_codes):
        return False
    if not m.earliest or not m.latest or span[0] > m.latest or m.earliest > span[1]:
        return False
    if sketch.lat is None or sketch.lon is None or m.lat is None or m.lon is None:
        return True
    return distance_km(sketch.lat, sketch.lon, m.lat, m.lon) <= config.series["max_distance_km"]


def choose_cluster(mention: EventMention, clusters: Iterable[EventCluster],
                   config: LinkConfig, weights: WordWeights | None = None
                   ) -> EventCluster | None:
    """The cluster `mention` belongs to, or None (see the module docstring)."""
    best: tuple[float, str] | None = None
    chosen = None
    for cluster in clusters:
        if not all(hard_compatible(mention, m, config) for m in cluster.mentions):
            continue
        strength = max(tie_strength(mention, m, config, weights) for m in cluster.mentions)
        if strength < 0:
            continue
        key = (strength, cluster.id)
        if best is None or key > best:
            best, chosen = key, cluster
    return chosen


def new_cluster(mention: EventMention) -> EventCluster:
    return EventCluster(link_id("event", mention.event_id), [mention])
