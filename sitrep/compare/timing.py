"""When what a sentence tells happened, to the day, so that an article is never said to omit
what happened after its own publication.

A sentence's *day* is the latest day it dates to the day: its coded events' dates and the
date expressions of its words ("on Monday", "Tuesday night", "May 3"), resolved against its
article's publication (`sitrep.resolve.dates`). A sentence with no day of its own takes the
day of the act it belongs to:

- the speaker: the latest day on which the article says its speaker spoke, when it says so
  ("Ruiz said on Wednesday ..." then "Ruiz said she was skeptical ..."), unless the
  sentence tells in the perfect that the speaker has said it before ("Ruiz has said ...");
- else the scene: the nearest sentence before it in its paragraph with a day, its own or
  its speaker's ("By Monday she had resigned. She is now a footnote in his career.");
- else the narration: the day of the sentence just before it, in an earlier paragraph,
  when it goes on telling in the simple past (`StatementKeys.narrates_past`) and names no
  time of its own (no date expression, no word of `omissions.narration_breaks`: "earlier",
  "ago"): "On Thursday, the committee held a hearing." then, a paragraph later, "Its
  chairman opened with a statement." A sentence in the present, a modal or the perfect
  ("had served", "has said") ends the narration.

A sentence telling a present stage ("The bill now heads to the Senate", "the panel is
weighing"; `StatementKeys.present_stage`) tells the state of things when its article was
written (`Timing.present_stage`): an article published before may not have known it.

An article *names* a day when one of its date expressions resolves to it, or names its
weekday: an article dated a day early (first posted, later updated) that writes "on
Monday" may well tell Monday's news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sitrep.compare.meaning import Meaning
from sitrep.compare.records import Statement
from sitrep.records import StoredArticle
from sitrep.resolve.dates import find_date_expressions, resolve_date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "has said", "have argued": what a speaker said at some earlier time, not on the day named
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:said|told|argued|called|"
                     r"claimed|stated|insisted|maintained|warned|noted)\b", re.IGNORECASE)


class Timing:
    def __init__(self, meaning: Meaning, articles: Sequence[StoredArticle],
                 narration_breaks: re.Pattern[str]) -> None:
        self.meaning = meaning
        self.narration_breaks = narration_breaks
        self.published = {a.id: a.published for a in articles}
        self.days: dict[tuple[str, int], date] = {}
        self.named: dict[str, tuple[set[date], set[int]]] = {}  # days and weekdays written
        for article in articles:
            events = {e["id"]: e for e in article.events}
            items = [item.statement for item in meaning.by_article.get(article.id, [])]
            own = [self._own_day(s, events, article.published) for s in items]
            self._tie(article, items, own)
            self.named[article.id] = self._named_days(article)

    def day(self, statement: Statement) -> date | None:
        return self.days.get((statement.article_id, statement.index))

    def present_stage(self, statement: Statement) -> bool:
        return self.meaning.of(statement).present_stage

    def names(self, article_id: str, day: date) -> bool:
        """Whether the article writes that day, or its weekday."""
        days, weekdays = self.named[article_id]
        return day in days or day.weekday() in weekdays

    @staticmethod
    def _own_day(statement: Statement, events: dict[str, dict],
                 published: date | None) -> date | None:
        found = [date.fromisoformat(e["event_date"]) for i in statement.event_ids
                 if (e := events.get(i)) and e.get("event_date")
                 and e.get("date_precision") == "day"]
        if published is not None:
            for expression in find_date_expressions(statement.text):
                resolved = resolve_date(expression.text, published)
                if resolved.value is not None and resolved.precision == "day":
                    found.append(resolved.value)
        return max(found, default=None)

    def _tie(self, article: StoredArticle, items: list[Statement],
             own: list[date | None]) -> None:
        paragraphs = [article.text.count("\n", 0, s.start) for s in items]
        spoke: dict[str, date] = {}  # speaker key -> the latest day the article dates a word
        for statement, day in zip(items, own, strict=True):
            if day is not None:
                for key in self.meaning.speaker(statement):
                    spoke[key] = max(day, spoke.get(key, day))
        days = list(own)
        for i, statement in enumerate(items):
            if days[i] is None and not PERFECT.search(statement.text):
                days[i] = max((spoke[k] for k in self.meaning.speaker(statement) if k in spoke),
                              default=None)
        for i, statement in enumerate(items):
            if days[i] is None:
                days[i] = next((days[j] for j in range(i - 1, -1, -1)
                                if paragraphs[j] == paragraphs[i] and days[j] is not None),
                               None)
            if days[i] is None and i > 0 and days[i - 1] is not None and \
                    self._goes_on_narrating(statement):
                days[i] = days[i - 1]
            if days[i] is not None:
                self.days[(article.id, statement.index)] = days[i]

    def _goes_on_narrating(self, statement: Statement) -> bool:
        """Told in the simple past with no time of its own: it may go on telling the act
        of the sentence before."""
        return self.meaning.of(statement).narrates_past and \
            not find_date_expressions(statement.text) and \
            not self.narration_breaks.search(statement.text)

    @staticmethod
    def _named_days(article: StoredArticle) -> tuple[set[date], set[int]]:
        days, weekdays = set(), set()
        for expression in find_date_expressions(article.text):
            words = expression.text.lower().split()
            weekdays.update(WEEKDAYS.index(w) for w in words if w in WEEKDAYS)
            resolved = resolve_date(expression.text, article.published)
            if resolved.value is not None and resolved.precision == "day":
                days.add(resolved.value)
        return days, weekdays
