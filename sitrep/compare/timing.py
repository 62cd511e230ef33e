"""When what a sentence tells happened, to the day, so that an article is never said to omit
what happened after its own publication.

A sentence's *day* is the latest day it dates to the day: its coded events' dates and the
date expressions of its words ("on Monday", "Tuesday night", "May 3"), resolved against its
article's publication (`sitrep.resolve.dates`). A sentence with no day of its own takes the
day of the act it belongs to:

- the speaker: the latest day on which the article says its speaker spoke, when it says so
  ("Ruiz said on Wednesday ..." then "Ruiz said she was skeptical ..."), unless the
  sentence tells in the perfect that the speaker has said it before ("Ruiz has said ..."),
  names when she spoke, before its verb or just after it, at a time that is not that day
  ("In a 2019 interview, Ruiz said ...", "Ruiz said in 2019 ...", "Ruiz said recently":
  a word of `omissions.narration_breaks`), goes on from her words set at such a time ('"...,"
  she said.' after "In a 2019 interview, ..."), or is in the scene of such a time;
- else the scene: the nearest sentence before it in its paragraph that names a time; its
  day, its own or its speaker's ("By Monday she had resigned. She is now a footnote in his
  career."), none when that time is coarser ("In October 2019, ...");
- else the narration: the day of the last sentence before it with a day, when it goes on
  telling in the simple past (its main clause's verb: `StatementKeys.narrates_past`; "Ruiz,
  who said she should go, resigned" narrates) and names no time of its own in its main
  clause (no date expression, no word of `narration_breaks`: "earlier", "ago"; a bare
  year naming a thing, "the 2003 invasion", is no time): "On Thursday, the committee held
  a hearing." then, a paragraph later, "Its chairman opened with a statement." A sentence
  that narrates nothing (the present, a modal, the present perfect, a quotation: "He may do
  so.") takes no day this way and does not end the narration; one that names another
  time, or the past perfect ("had served"), ends it.

A sentence telling a present stage ("The bill now heads to the Senate", "the panel is
weighing"; `StatementKeys.present_stage`) tells the state of things when its article was
written (`Timing.present_stage`): an article published before may not have known it.

A *preview* (`Timing.horizon`) is an article one of whose first `omissions.
preview_sentences` sentences tells an act ahead in its main clause or in what a present
reporting verb reports ("will outline", "is expected to vote", "is scheduled for"), the
lead in any voice but a quotation ("Ruiz will resign, according to aides", "Aides say
Ruiz will resign"; not "Ruiz said Friday she will ...", the news of Friday), the others in
the outlet's own words (a source's plan further down is a detail), on a day it names
that is not before its publication (a weekday ahead: "will speak Monday evening" in a
Sunday report), or on no day named (then its publication day), while another article
published that day or later leads with that act told done (its lead covering
`lead_carried_at` of the preview's sentence). The preview was written before that act:
whatever an article published that day or later tells of that day or after (but a plan of
its own) it could not tell, even on its own publication day. Such a later lead with no day
of its own takes the previewed day, and the narration goes on from it.

An article whose lead tells its story's act as going on (the present progressive: "are
calling on Ruiz to resign"), while another published that day or later leads with it done,
was written early too (`Timing.written_early`, with the previews): what the others tell
may have come after it. Whether a later sentence tells what was so before a day
(`Timing.known_before`): its day or its act's date before it, background, the past perfect,
a word of `narration_breaks`, a time ended before it (its own, its paragraph's scene's, or
its speaker's last stated occasion), or a state of affairs (the present or present perfect
in its main clause) rather than a new act.

An article *names* a day when one of its date expressions resolves to it, or names its
weekday, outside a sentence that tells an act ahead or a plan (`omissions.plan_phrases`):
an article dated a day early (first posted, later updated) that writes "on Monday" may
well tell Monday's news; "will vote on Monday" is what a report written before says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sitrep.compare.meaning import Meaning
from sitrep.compare.records import Statement
from sitrep.package_data import read_toml
from sitrep.records import StoredArticle
from sitrep.resolve.dates import DateExpression, find_date_expressions, resolve_date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "has said", "have argued": what a speaker said at some earlier time, not on the day named
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:said|told|argued|called|"
                     r"claimed|stated|insisted|maintained|warned|noted)\b", re.IGNORECASE)
ATTRIBUTIVE = re.compile(r"\s+[a-z]")  # after a bare year: it modifies a noun
TIME_PREPOSITION = re.compile(r"\b(?:in|at|during|on|from|after|before|since|until)\s+"
                              r"(?:(?:a|an|the|his|her|its|their|that)\s+)?$", re.IGNORECASE)
QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})  # "are calling": going on


class Timing:
    def __init__(self, meaning: Meaning, articles: Sequence[StoredArticle],
                 narration_breaks: re.Pattern[str], plan: re.Pattern[str],
                 preview_sentences: int, lead_cover: float) -> None:
        self.meaning = meaning
        self.narration_breaks = narration_breaks
        self.preview_sentences = preview_sentences
        self.plan = plan
        self.published = {a.id: a.published for a in articles}
        self.events = {e["id"]: e for a in articles for e in a.events}
        # PLOVER's material types (deeds done, not said): a quad class of `lexicon/events.toml`
        self.material_types = frozenset(
            name for name, spec in read_toml("lexicon/events.toml")["types"].items()
            if spec.get("quad", "").startswith("material"))
        self.days: dict[tuple[str, int], date] = {}
        # a sentence in the scene of a time coarser than a day -> that time's periods
        self.scenes: dict[tuple[str, int], list[tuple[date, date]]] = {}
        self.named: dict[str, tuple[set[date], set[int]]] = {}  # days and weekdays written
        self.horizons: dict[str, date] = {}  # a preview -> the day of the act it previews
        items = {a.id: [item.statement for item in meaning.by_article.get(a.id, [])]
                 for a in articles}
        own = {}
        for article in articles:
            events = {e["id"]: e for e in article.events}
            own[article.id] = [self._own_day(s, events, article.published)
                               for s in items[article.id]]
            self.named[article.id] = self._named_days(article, items[article.id])
        previewed = {}  # a preview -> its sentence that tells the act ahead
        for article in articles:
            found = self._previewed_act(items[article.id], article.published)
            if found is None:
                continue
            sentence, day = found
            # another article, published that day or later, leads with the act done
            if any(other.id != article.id and other.published is not None
                   and other.published >= article.published and items[other.id]
                   and not self.tells_ahead(items[other.id][0])
                   and meaning.coverage(meaning.of(sentence),
                                        meaning.of(items[other.id][0]).keys) >= lead_cover
                   for other in articles):
                previewed[article.id] = sentence
                self.horizons[article.id] = day or article.published
        # an article whose lead tells its act as going on ("are calling on Ruiz to
        # resign") while another, published that day or later, leads with it done
        self.ongoing = {
            article.id for article in articles
            if article.published is not None and items[article.id]
            and self._tells_ongoing(items[article.id][0])
            and any(other.id != article.id and other.published is not None
                    and other.published >= article.published and items[other.id]
                    and self._tells_done(items[other.id][0])
                    and meaning.coverage(meaning.of(items[article.id][0]),
                                         meaning.of(items[other.id][0]).keys) >= lead_cover
                    for other in articles)}
        for article in articles:
            self._date_the_previewed_lead(article, items[article.id], own[article.id],
                                          previewed, lead_cover)
            self._tie(article, items[article.id], own[article.id])

    def day(self, statement: Statement) -> date | None:
        return self.days.get((statement.article_id, statement.index))

    def horizon(self, article_id: str) -> date | None:
        """For a preview (an article whose lead tells its story's act as ahead, on a day
        it names: "will outline his plan on Wednesday"), the day of that act: what other
        articles tell of that day or later happened after the preview was written, even
        on its own publication day. None for any other article."""
        return self.horizons.get(article_id)

    def written_early(self, article_id: str) -> bool:
        """Whether the article tells its story's act as ahead (a preview, `horizon`) or
        as going on, in the present progressive of its lead, while another article
        published that day or later leads with it done: it was written before that act
        was over, maybe before what other articles of that day tell."""
        return article_id in self.horizons or article_id in self.ongoing

    def known_before(self, statement: Statement, day: date) -> bool:
        """Whether what the statement tells was so before that day, by its own words: a
        day of its own or of its act before it; a coded event told as background or dated
        (at any precision) wholly before it; the past perfect ("had served"); a time that
        ended before it, named in its main clause, in the scene its paragraph set, or when
        its speaker last spoke ("in 2012", "last month", "In a 2019 interview, Ruiz said
        ..." then '"...," she said.'); a word of `narration_breaks` in its main clause
        ("previously", "recently", "years ago"; not "before"); or a state of affairs rather
        than a new act: its main clause, outside quotation marks, in the present or the
        present perfect ("The law creates a board", "Ruiz has opposed the plan"), neither
        narrated in the past nor ahead nor a stage just reached, in the outlet's own words
        or a source's in the perfect ("Ruiz has said ..."; "Ruiz says ..." is a new act of
        saying), no deed (a coded event of PLOVER's material classes: "has resigned") and
        not its article's lead, which tells news."""
        own = self.day(statement)
        if own is not None:
            return own < day
        if any((e := self.events.get(i)) and (e.get("background") or (
                e.get("event_date") and _date_end(e["event_date"], e.get("date_precision"))
                < day)) for i in statement.event_ids):
            return True
        item = self.meaning.of(statement)
        # "before" places an act against another, maybe later one ("before Congress
        # leaves"), not in the past
        if item.past_perfect or any(m.group().lower() != "before" for m in
                                    self.narration_breaks.finditer(self._main_clause(statement))):
            return True
        periods = self._periods(statement, self.published[statement.article_id]) + \
            self.scenes.get((statement.article_id, statement.index), [])
        if any(end < day for _, end in periods):
            return True
        # the outlet's own account of how things stand; a source's words are a new act of
        # saying ("Ruiz says ..."), but a perfect one ("Ruiz has said ..."); a lead tells
        # its article's news, whatever its tense ("Ruiz has resigned", "Ruiz quits"); so
        # does a material act (PLOVER's material quad classes) in the perfect: a stance
        # held ("has opposed") is a state, a deed ("has resigned") is done at some time
        told = statement.voice == "own" or (statement.voice == "attributed"
                                            and PERFECT.search(self._main_clause(statement)))
        deed = any((e := self.events.get(i)) and e["event_type"] in self.material_types
                   for i in statement.event_ids)
        return bool(told) and not deed and statement.index > 0 and \
            item.main_verb_end is not None and not item.narrates_past and \
            not item.future and not item.present_stage

    def tells_ahead(self, statement: Statement) -> bool:
        """A plan or expectation in its main clause ("will vote", "is expected to")."""
        return self.meaning.of(statement).future

    def _tells_ongoing(self, statement: Statement) -> bool:
        """Its main clause in the present progressive ("are calling on Ruiz to resign")."""
        item = self.meaning.of(statement)
        if statement.voice == "quoted" or item.main_verb_end is None or item.future:
            return False
        verb = statement.text[:item.main_verb_end].split()[-1:]
        after = statement.text[item.main_verb_end:].split()[:1]
        return bool(verb and after) and after[0].lower().endswith("ing") and \
            verb[0].lower().replace("’", "'") in PRESENT_BE

    def _tells_done(self, statement: Statement) -> bool:
        item = self.meaning.of(statement)
        return item.narrates_past and not item.future

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

    def _previewed_act(self, items: list[Statement],
                       published: date | None) -> tuple[Statement, date | None] | None:
        """The first of the article's first `preview_sentences` sentences that tells an act
        ahead (its main clause: "will outline", "is expected to vote", "Ruiz says the panel
        will vote"), the lead in any voice but a quotation, another in the outlet's own
        words (`_in_own_words`), with the day it names for it, that day or later than
        publication ("on Wednesday ... will outline", "He will speak Monday evening" in a
        Sunday report), or None when it names none."""
        if published is None:
            return None
        for statement in items[:self.preview_sentences]:
            # the lead tells the story's act in any voice; a later sentence, a source's
            # plan ("Staff will be paid soon, he said"), is the outlet's only in its words
            voiced = statement.voice != "quoted" if statement.index == items[0].index \
                else self._in_own_words(statement)
            if not voiced or not self.tells_ahead(statement):
                continue
            for expression in _times(self._main_clause(statement)):
                resolved = resolve_date(expression.text, published)
                if resolved.value is not None and resolved.value < published:
                    # a weekday of a future act is the coming one
                    resolved = resolve_date(expression.text, published, tense="future")
                if resolved.value is not None and resolved.precision == "day" and \
                        resolved.value >= published:
                    return statement, resolved.value
            return statement, None
        return None

    def _in_own_words(self, statement: Statement) -> bool:
        """Told by the outlet: no source, or one named only in a subordinate clause ("...
        on Monday when Ruiz announces whether she will run")."""
        if statement.voice == "own":
            return True
        return statement.voice == "attributed" and statement.source is not None and \
            statement.source.text not in self._main_clause(statement)

    def _date_the_previewed_lead(self, article: StoredArticle, items: list[Statement],
                                 own: list[date | None], previewed: dict[str, Statement],
                                 lead_cover: float) -> None:
        """An undated lead that tells as done the act another article previews for a day
        this article is not published before ("Ruiz outlined her plan" after "Ruiz will
        outline her plan on Wednesday"; the lead covering `lead_cover` of the preview's
        sentence) took place that day."""
        if not items or own[0] is not None or article.published is None or \
                self.tells_ahead(items[0]):
            return
        lead = self.meaning.of(items[0])
        for preview_id, sentence in previewed.items():
            day = self.horizons[preview_id]
            if preview_id != article.id and day <= article.published and \
                    self.meaning.coverage(self.meaning.of(sentence), lead.keys) >= lead_cover:
                own[0] = day
                return

    def _tie(self, article: StoredArticle, items: list[Statement],
             own: list[date | None]) -> None:
        paragraphs = [article.text.count("\n", 0, s.start) for s in items]
        periods = [self._periods(s, article.published) for s in items]
        spoke: dict[str, date] = {}  # speaker key -> the latest day the article dates a word
        for statement, day in zip(items, own, strict=True):
            if day is not None:
                for key in self.meaning.speaker(statement):
                    spoke[key] = max(day, spoke.get(key, day))
        days = list(own)
        # the time the paragraph last named before each sentence: a day, or a coarser
        # period ("In an October 2012 interview, Ruiz said ..."), whose scene it is in
        scene: list[date | list[tuple[date, date]] | None] = []
        for i in range(len(items)):
            before = next((j for j in range(i - 1, -1, -1) if paragraphs[j] == paragraphs[i]
                           and (own[j] is not None or periods[j])), None)
            scene.append(None if before is None else own[before] or periods[before])
            if isinstance(scene[-1], list):
                self.scenes[(article.id, items[i].index)] = scene[-1]
            # a speaker's undated words go on from the last time the article says they
            # spoke ("In a 2019 interview, Ruiz said ..." then '"...," she said.')
            speaker = self.meaning.speaker(items[i])
            earlier = next((j for j in range(i - 1, -1, -1)
                            if speaker & self.meaning.speaker(items[j])
                            and (own[j] is not None or self._speech_periods(items[j]))), None)
            if own[i] is None and earlier is not None and own[earlier] is None:
                self.scenes.setdefault((article.id, items[i].index), []).extend(
                    self._speech_periods(items[earlier]))
        for i, statement in enumerate(items):
            if days[i] is not None or PERFECT.search(statement.text) or \
                    isinstance(scene[i], list):
                continue
            speaker = self.meaning.speaker(statement)
            day = max((spoke[k] for k in speaker if k in spoke), default=None)
            if day is None or _elsewhen(self._speech_periods(statement), day) or \
                    self.narration_breaks.search(self._main_clause(statement)):
                continue  # not "Ruiz said recently ...", "Ruiz said years ago ..."
            # the speaker's words go on from an earlier sentence of theirs set at another
            # time ("In a 2019 interview, Ruiz said ..." then, undated, '"...," she said.')
            earlier = next((j for j in range(i - 1, -1, -1)
                            if speaker & self.meaning.speaker(items[j])
                            and (own[j] is not None or self._speech_periods(items[j]))),
                           None)
            if earlier is None or own[earlier] is not None or \
                    not _elsewhen(self._speech_periods(items[earlier]), day):
                days[i] = day
        narrated = None  # the day of the narration so far
        for i, statement in enumerate(items):
            if days[i] is None:
                day = next((days[j] for j in range(i - 1, -1, -1)
                            if paragraphs[j] == paragraphs[i] and days[j] is not None), None)
                if day is not None and not _elsewhen(periods[i], day) and \
                        not isinstance(scene[i], list):
                    days[i] = day
            if days[i] is None and narrated is not None and self._goes_on_narrating(statement):
                days[i] = narrated
            if days[i] is not None:
                self.days[(article.id, statement.index)] = days[i]
                narrated = days[i]
            elif self._names_a_time(statement):
                narrated = None
            # else: a sentence that narrates nothing and names no time ("He may do so.")
            # takes no day, and the narration goes on past it

    def _goes_on_narrating(self, statement: Statement) -> bool:
        """Told in the simple past (its main clause) with no time of its own: it may go on
        telling the act of the sentence before."""
        return self.meaning.of(statement).narrates_past and \
            not self._names_a_time(statement)

    def _names_a_time(self, statement: Statement) -> bool:
        """A date expression, a word of `narration_breaks` ("earlier", "ago") or the
        past perfect ("had served"): a time other than the one narrated. The present
        perfect ("has said") names none: it narrates nothing, and the scene goes on."""
        text = self._main_clause(statement)
        return bool(_times(text)) or bool(self.narration_breaks.search(text)) or \
            self.meaning.of(statement).past_perfect

    def _main_clause(self, statement: Statement) -> str:
        """The sentence outside quotation marks and subordinate clauses (blanked)."""
        text = statement.text
        for start, end in self.meaning.of(statement).subordinate:
            text = text[:start] + " " * (end - start) + text[end:]
        return _outside_quotations(text)

    def _speech_periods(self, statement: Statement) -> list[tuple[date, date]]:
        """The periods the sentence names before its main verb or just after it: when
        its speaker spoke ("In a 2019 interview, Ruiz said", "Ruiz said in 2019"), not
        what they spoke of ('he said, citing the crisis he inherited in 2010')."""
        end = self.meaning.of(statement).main_verb_end
        if end is None:
            return []
        after = statement.text[end:]
        reach = end + len(after) - len(after.lstrip()) + len(" ".join(after.split()[:3]))
        return [(a, b) for expression in _times(self._main_clause(statement)[:reach + 1])
                for resolved in [resolve_date(expression.text,
                                              self.published[statement.article_id])]
                if resolved.range_start is not None and resolved.precision != "day"
                for a, b in [(resolved.range_start, resolved.range_end)]]

    def _periods(self, statement: Statement,
                 published: date | None) -> list[tuple[date, date]]:
        """The periods coarser than a day that the sentence's main clause names ("in
        2014", "that October", "last month")."""
        found = []
        for expression in _times(self._main_clause(statement)):
            resolved = resolve_date(expression.text, published)
            if resolved.range_start is not None and resolved.precision != "day":
                found.append((resolved.range_start, resolved.range_end))
        return found

    def _named_days(self, article: StoredArticle,
                    items: list[Statement]) -> tuple[set[date], set[int]]:
        """The days and weekdays the article writes, but in a sentence that tells an act
        ahead or a plan (`omissions.plan_phrases`: "will vote on Friday", "the vote
        scheduled for Friday" show no later update: it is what a preview says)."""
        days, weekdays = set(), set()
        told = " ".join(s.text for s in items if not self.tells_ahead(s)
                        and not self.plan.search(_outside_quotations(s.text)))
        for expression in find_date_expressions(told):
            words = expression.text.lower().split()
            weekdays.update(WEEKDAYS.index(w) for w in words if w in WEEKDAYS)
            resolved = resolve_date(expression.text, article.published)
            if resolved.value is not None and resolved.precision == "day":
                days.add(resolved.value)
        return days, weekdays


def _date_end(iso: str, precision: str | None) -> date:
    """The last day of an event date at its precision (a month's, a year's)."""
    start = date.fromisoformat(iso)
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return start


def _elsewhen(periods: list[tuple[date, date]], day: date) -> bool:
    """Whether the sentence names a period that does not hold the day ("Ruiz said in
    2014 ...": not the day she spoke in this story)."""
    return any(not start <= day <= end for start, end in periods)


def _outside_quotations(text: str) -> str:
    """The text with its quotations blanked (offsets kept)."""
    return QUOTATION.sub(lambda m: " " * len(m.group()), text)


def _times(text: str) -> list[DateExpression]:
    """The date expressions that say when something happened: not a bare year before a
    noun, which names a thing ("authorized the 2003 invasion"), unless a preposition of
    time puts it there ("in a 2019 interview", "during the 2012 campaign")."""
    return [e for e in find_date_expressions(text)
            if not (e.text.isdigit() and ATTRIBUTIVE.match(text, e.end)
                    and not TIME_PREPOSITION.search(text, 0, e.start))]
