"""Series: distinct events of one recurring activity (bomber flights, missile launches,
protests, ...) by one actor, ordered in time.

An event belongs to an activity when its type allows it and its sentence names it
(`sitrep/data/link/activities.toml`). Events of one activity and actor (and recipient, for
activities done to someone) form a group. An actor code names a country more often than one
actor ("USA" protesters in Ferguson in 2014 and in Washington in 2017), so a group splits
into series continuous in place and time: an event joins the nearest series of its group
placed within `max_distance_km` of it whose events are at most `max_gap_days` from its date,
or starts one (see `choose_series`; both limits per activity, else linking.toml's; an event
placed only at a region or a country is as near as the default reach). Series
grow one event at a time, so that linking a batch never re-reads a whole group. A series with
`min_events` events on two dates or more is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sitrep.link.config import Activity, LinkConfig
from sitrep.link.geo import distance_km
from sitrep.link.records import Series, link_id


def activity_match(record: dict[str, Any], config: LinkConfig) -> tuple[str, bool] | None:
    """The recurring activity an event record's sentence names near its trigger, if any:
    the term nearest the trigger, at most `activity_reach_chars` away (so that "flew bombers
    ... to deter missile tests" is a bomber flight, not a missile launch); and whether that
    term is a word other than the trigger itself."""
    event_type = record.get("event_type", "").upper()
    candidates = [a for a in config.activities if event_type in a.types]
    if not candidates:
        return None
    sentence = (record.get("sentence") or "").lower()
    trigger = ((record.get("trigger") or {}).get("text") or "").lower()
    anchor = sentence.find(trigger) if trigger else -1
    anchor = max(anchor, 0)
    reach = config.series["activity_reach_chars"]
    best: tuple[int, int] | None = None
    found = None
    apart: dict[str, bool] = {}
    for rank, activity in enumerate(candidates):
        for match in activity.pattern.finditer(sentence):
            key = (abs(match.start() - anchor), rank)
            if key[0] > reach:
                continue
            if match.end() <= anchor or match.start() >= anchor + len(trigger):
                apart[activity.id] = True
            if best is None or key < best:
                best, found = key, activity.id
    return (found, apart.get(found, False)) if found else None


def group_key(summary: dict[str, Any], config: LinkConfig) -> str | None:
    """The series group of an event cluster (`EventCluster.summary()`): "activity|ACTOR", or
    "activity|ACTOR|RECIPIENT" for an activity done to someone; None when the cluster can be
    in no series (no activity or actor, no recipient where one is needed, or only a year)."""
    activity = config.activity(summary["activity"]) if summary["activity"] else None
    if activity is None or not summary["actor_code"] or summary["date_precision"] == "year":
        return None
    if activity.counterpart is None:
        return f"{activity.id}|{summary['actor_code']}"
    if not summary["recipient_code"] or summary["recipient_code"] == summary["actor_code"]:
        return None
    return f"{activity.id}|{summary['actor_code']}|{summary['recipient_code']}"


def series_label(group: str, config: LinkConfig) -> str:
    """What a group's events are: "bomber flights", "talks with RUS"."""
    activity_id, _actor, *rest = group.split("|")
    activity = config.activity(activity_id)
    label = activity.label if activity else activity_id.replace("_", " ")
    if rest and activity and activity.counterpart:
        label = f"{label} {activity.counterpart} {rest[0]}"
    return label


def new_series(group: str, cluster: dict[str, Any], config: LinkConfig) -> Series:
    """A series started by an event cluster (`EventCluster.summary()` plus its id)."""
    activity_id, actor_code, *rest = group.split("|")
    started = Series(link_id("series", f"{group}:{cluster['id']}"), group, activity_id,
                     series_label(group, config), actor_code, rest[0] if rest else None,
                     cluster["place"], cluster["lat"], cluster["lon"])
    started.include(cluster["timeline_date"])
    return started


def _limit(activity: Activity | None, name: str, config: LinkConfig) -> Any:
    """An activity's own `max_distance_km` / `max_gap_days`, else linking.toml's."""
    own = getattr(activity, name) if activity is not None else None
    return own if own is not None else config.series[name]


def _continues(series: Series, day: date | None, gap_days: int) -> bool:
    """Whether an event on `day` is at most `gap_days` before or after the series' events
    (an undated event or series: yes)."""
    if day is None or series.start is None or series.end is None:
        return True
    return (series.start - day).days <= gap_days and (day - series.end).days <= gap_days


def choose_series(cluster: dict[str, Any], candidates: Sequence[Series], config: LinkConfig
                  ) -> Series | None:
    """The series of its group an event cluster joins, or None for a new one.

    Only series whose events are at most `max_gap_days` from the event's date continue. A
    placed event joins the nearest of them placed within `max_distance_km` (the activity's,
    unless the event's place is only a region or a country: "a strike in England" may be
    anywhere there), else one with no place yet (which takes its place); an event with no
    place joins the one with the most events.
    """
    activity = config.activity(candidates[0].activity) if candidates else None
    gap = _limit(activity, "max_gap_days", config)
    candidates = [s for s in candidates if _continues(s, cluster["timeline_date"], gap)]
    if cluster["lat"] is None or cluster["lon"] is None:
        return min(candidates, key=lambda s: (-s.n_events, s.id), default=None)
    reach = (_limit(activity, "max_distance_km", config)
             if cluster.get("place_precision") not in config.series["vague_precisions"]
             else config.series["max_distance_km"])
    near = [(distance_km(cluster["lat"], cluster["lon"], s.lat, s.lon), s.id, s)
            for s in candidates if s.lat is not None and s.lon is not None]
    near = [n for n in near if n[0] <= reach]
    if near:
        return min(near)[2]
    unplaced = [s for s in candidates if s.lat is None or s.lon is None]
    if not unplaced:
        return None
    chosen = min(unplaced, key=lambda s: (-s.n_events, s.id))
    chosen.area, chosen.lat, chosen.lon = cluster["place"], cluster["lat"], cluster["lon"]
    return chosen
