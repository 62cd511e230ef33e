"""When each event of an article happened, and whether it is news or background.

`ArticleDates` finds the article's date expressions once (`sitrep.resolve.dates`), dates each
event mention from its own clause (`own_date`, before the mentions of one act are merged),
then, per act, from the discourse (`date_discourse`, after merging). The publication date is
never stored as an event's date: an event the text does not date keeps none.

Own clause (`own_date`)
  A date expression dates a trigger when the two meet in the clause. The trigger's side: the
  trigger and the words it is an argument of, up to its clause's verb (subject, object,
  conjoined verb, "began to ...", "..., killing four"), so "the attack on Monday killed",
  "was on Monday attacked", "On Saturday, police arrested ... and charged ..." all count. The
  date's side: its words up to the verb it modifies, through the nouns on the way ("after
  his arrest on Friday, he stayed ..." dates the arrest and the staying), and on from a
  participle of the subject's to its clause ("Speaking on Monday, the minister accused
  ...", "X, speaking on Monday, accused ..."; not "Having fled in 2015, ..."); but a date
  written before a noun ("the 2016 election", "Monday's attack") dates that noun only, and
  the act it does (its subject: "Monday's attack killed five") or is the scene of
  ("arrested at Monday's rally", `within_prepositions`). A relative clause saying only
  when its noun occurred ("a bombing that happened on Monday", `occurrence_verbs`; "a
  call made in July", "the statement issued on Friday", a participle of
  `performing_participles`) dates the noun, and the act told as done in it ("were killed
  in a bombing that ...") or by it (its subject); not one done to it. A clause of "when"
  and its main clause tell acts of one time: each one's date dates the other ("was
  arrested when he landed on Monday"), and an infinitive of purpose on a verb in the
  simple past is done on that errand, at its time ("gathered on Monday to protest the
  tax"). A date inside another clause (a reported "that
  ...", a relative or "after ..." clause) stops at that clause's verb, so it dates only
  that clause: in "Trump said on Saturday that Hamza was killed" Saturday is the
  saying's, not the killing's. An act named again by
  a bare definite noun as what a verb of reporting tells ("when announcing the arrest in
  May") takes no date there: it is the telling's ("announced the arrest of 20 men on
  Monday", a noun with its own arguments, may be the news itself and keeps it). Nor does
  an activity going on "since" a date in the perfect progressive ("have been protesting
  since May": when it began, `start_words`).
  A speech act is done by saying it: a verbal act (PLOVER's verbal quad types, THREATEN
  included) stated in its speaker's own voice ("X said on Monday it opposed ...", "'We
  condemn ...,' X said on Monday", "X said ... the laws should be changed"), or by one who
  speaks for its doer, coded alike ("Turkey has accused Greece ..., the Turkish ministry
  said on Monday"), also takes the date of its reporting verb's clause, when its own
  clause has none. Someone else's act reported by the speaker does not, nor one the
  speaker says was done before ("X said on Monday it had asked ..."). An act told as what
  led to another ("took power in 1986 after ousting his rival") takes the other's date
  when that is a month or a year, a span it falls in; not a day, which it may well
  precede. Of several dates, the nearest to the trigger wins. The tense resolving a
  relative date is the clause's: future for a planned act's own clause, past otherwise. A
  day or month written without its year ("on November 21") after a date with its year in
  the same paragraph that lies before the news window ("on November 15, 2017") is the
  occurrence nearest that date: the narrative goes on in its year.

Days named from the discourse (`date_discourse`)
  "the same day", "that night", "later that day", "later in the day", "hours later", "the
  next day", "the previous day", "two days later", "a day earlier" count from the day last
  mentioned before them (in any earlier sentence: such a phrase points back by itself), a
  date after publication passed over (a court date set, a planned visit: another time
  line); they stay unresolved when a month, a year or a span was mentioned last. The date
  is marked `inferred`.

Dates the discourse carries (`date_discourse`)
  A sentence with no date goes on at the time of the sentences before it, as English
  narrative does. Precisely: an act takes, marked `inferred`, the date of the nearest
  earlier sentence of its paragraph (a line break starts a paragraph) that sets the time,
  when
  - none of the act's sentences holds a date expression (one there that is not the act's
    is another time: "Trump said on Saturday that Hamza was killed");
  - it is told as done (asserted or claimed; not planned, hypothetical, negated, denied);
  - one of its mentions continues the narrative: in the simple past ("was shot", "the
    attack killed", "police said the gunman surrendered"), not as background (below), not
    placed relative to another time, in its clause or one it is part of other than a
    reporting verb's ("later", "after ...", "since ...": the words of `[discourse]` in
    `data/dates.toml`; "After they fled, the governor issued a statement that blamed
    ..."; but an -ing clause with no subject, "surrendered after being confronted", only
    orders two acts of one scene when the time carried is a day) nor spread over many days ("daily"), and not in a quotation, except a verbal act
    in the speaker's own words ('"We call on ..."' after '"We condemn ...," X said on
    Monday'; '"They are criminals."', the speaker its doer). Present, perfect and future
    clauses ("are investigating", "has condemned") take none;
  - it is not a source's statement (quoted words, or a reporting verb telling words:
    '"...," the analyst said') going on from a time before the news window: a report
    quotes its sources for itself, not at the time of the episode it recalls.
  A sentence sets the time when it holds a date expression, or moves the time on in its
  main clause ("After his release, he led ..."). Its time is the last date in it that
  dates a mention of an act not planned or hypothetical, or its main clause told in the
  simple past though no act ("At the elections in 2008, the opposition won a majority",
  "On Tuesday a storm hit the coast"); none (the carrying stops) when its dates date
  only a reporting verb ("officials said on Thursday that ..."), a plan, nothing, or cannot
  be resolved, when its date is one a state has held "since" or lies after publication
  (a deadline: "to lead the field by 2030"), and when it moves the time on without a date.

A speaker's statement dated before (`date_discourse`)
  A speech act told with no date in its paragraph ('"...," the minister said.', "Kowal
  also accused ..." in the simple past, or what the speaker says in the quotation, the
  speaker its doer) takes, marked `inferred`, the date of the last statement of the same
  speaker (the same head word, accents aside: "the minister", "Kowal"; for a pronoun, "he
  said", the last speaker named before it, dated or not) told before it with a day of the
  news window: "The minister said on Monday ...", "according to President Kowal on
  Friday". The quotation goes on with what was said that day; a statement of years back
  is not this news's.

Days of an act named again (`date_discourse`)
  An act told as done after or following an act named again ("the building was sealed
  off after the attack": "the" and the word of an earlier act the article dates to a day)
  takes that day, marked `inferred`, as "after his arrest on Friday, he stayed ..." dates
  the staying. "after an attack" names no act told before.

Background (`Event.background`)
  An act is background, recalled rather than reported (PLOVER's "historical" auxiliary
  mode), when its date, its own or carried, ends more than NEWS_WINDOW before publication
  ("in 2016", "In July" in a November report). An act with a date inside the window is
  news however it is told. An act without a date is background when every mention is told
  as such: past perfect in a main clause ("The court had been petitioned"; not a reported
  "said they had ...", which is only the tense of reported speech, nor an "after it had
  ..." clause), "used to", an adverb of `[background]` in `data/dates.toml`
  ("previously", "formerly") or an earlier time years back ("years ago", "decades
  earlier"). Background acts never take a carried date.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from sitrep.extract.attribution import find_source
from sitrep.extract.lexicon import Lexicon
from sitrep.ingest.limits import shifted, supported
from sitrep.package_data import read_toml
from sitrep.records import Article, Entity, Event, Mention, ResolvedDate
from sitrep.resolve.dates import (
    DateExpression,
    Tense,
    anaphoric_day_offset,
    find_date_expressions,
    lacks_year,
    resolve_date,
)

# An act dated wholly before this span before publication is recalled, not news: a report
# tells the last days' and weeks' news, and a month back is what it recalls.
NEWS_WINDOW = timedelta(days=30)
# Links from a trigger up to the verb whose date modifiers also date the trigger.
CLAUSE_LINKS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "xcomp", "conj", "acomp",
                "oprd", "appos"}
# How a date written before a noun hangs on it ("the 2016 election", "Monday's attack").
ATTRIBUTIVE = {"compound", "nummod", "amod", "poss", "npadvmod", "nmod", "tmod"}
# Dates too coarse to tell apart an act and the one it led to ("in 1970 after ...").
COARSE_PRECISIONS = {"month", "year"}
# Acts whose time is not the narrative's: a plan's, a supposition's.
UNREAL_TIMES = {"planned", "hypothetical"}
# Acts that take a carried date: those told as done (not negated, denied or unreal).
DONE = {"asserted", "claimed"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
AUXILIARIES = {"aux", "auxpass"}
SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
QUOTED_SPEAKER = {"we", "i"}

_DATA = read_toml("dates.toml")
_BACKGROUND_ADVERBS = frozenset(_DATA["background"]["adverbs"])
_LONG_AGO_UNITS = frozenset(_DATA["background"]["long_ago_units"])
_LONG_AGO_WORDS = frozenset(_DATA["background"]["long_ago_words"])
_RELATIVE_TIME_WORDS = frozenset(_DATA["discourse"]["relative_time_words"])
_REPETITION_ADVERBS = frozenset(_DATA["discourse"]["repetition_adverbs"])
_END_WORDS = frozenset(_DATA["discourse"]["end_words"])
_START_WORDS = frozenset(_DATA["discourse"]["start_words"])
_CARRYING_VERBS = frozenset(_DATA["discourse"]["carrying_verbs"])
_MEANS_PREPOSITIONS = frozenset(_DATA["discourse"]["means_prepositions"])
_LEADING_PREPOSITIONS = frozenset(_DATA["discourse"]["leading_prepositions"])
_AFTERMATH_PREPOSITIONS = frozenset(_DATA["discourse"]["aftermath_prepositions"])
_OCCURRENCE_VERBS = frozenset(_DATA["discourse"]["occurrence_verbs"])
_WITHIN_PREPOSITIONS = frozenset(_DATA["discourse"]["within_prepositions"])
_PERFORMING_PARTICIPLES = frozenset(_DATA["discourse"]["performing_participles"])


class ArticleDates:
    """The date expressions of one article, and the events they date."""

    def __init__(self, doc: Doc, article: Article, lexicon: Lexicon) -> None:
        self.doc = doc  # the parse of article.text
        self.text = article.text
        # a date outside the supported calendar (an article not read by ingest) is no anchor
        self.published = article.published if supported(article.published) else None
        self.lexicon = lexicon
        self.expressions = find_date_expressions(article.text)
        self._starts = [d.start for d in self.expressions]
        # the dates own_date gave mentions, by the expression's start (tense resolved), and
        # those of acts that happen (not plans): what the narrative's time is, sentence by
        # sentence, whatever acts they merge into
        self._own_dates: dict[int, ResolvedDate] = {}
        self._narrative_dates: list[ResolvedDate] = []

    # -- own clause ------------------------------------------------------------------------

    def _reported_again(self, trigger: Token) -> bool:
        """An act told before, named again by a bare definite noun as what a verb of
        reporting tells ("when announcing the arrest in May", the parse often hanging the
        date on the noun): the date is the telling's. A noun with its own arguments
        ("announced the arrest of 20 men on Monday") may be the news itself."""
        words = self.lexicon.word_set
        return trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and (
            trigger.head.lemma_.lower() in words("attribution.reporting_verbs")) and any(
            c.dep_ == "det" and c.lower_ in words("acts.definite_words")
            for c in trigger.children) and not any(
            c.dep_ in ("poss", "compound", "amod", "acl", "relcl") or c.dep_ == "prep" and not
            any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
            for c in trigger.children)

    def own_date(self, event: Event) -> ResolvedDate | None:
        """The date expression of the event's own clause (or, for a speech act in its
        speaker's voice, of its reporting clause), resolved."""
        sentence_end = event.sentence_start + len(event.sentence)
        candidates = self.expressions[bisect.bisect_left(self._starts, event.sentence_start):
                                      bisect.bisect_left(self._starts, sentence_end)]
        trigger = self._token(event.trigger)
        if not candidates or trigger is None or self._reported_again(trigger):
            return None
        own = self._dating(candidates, _clause_tokens(trigger))
        reported = []
        if not own:
            # a demand's trigger is its modal ("said ... should withdraw by Friday"): what is
            # demanded has a time of its own, but its verb leads to the reporting verb
            report = self._own_report(event, trigger.head if trigger.dep_ in AUXILIARIES
                                      else trigger)
            if report is not None:
                reported = self._dating(candidates, _clause_tokens(report))
        if not own and not reported:
            own = self._leading_act_dates(candidates, trigger)
        if not own and not reported:
            return None
        chosen = min(own or reported, key=lambda d: abs(d.start - event.trigger.start))
        tense = "future" if own and event.modality == "planned" else "past"
        resolved = self._resolve(chosen, tense)
        self._own_dates[chosen.start] = resolved
        if event.modality not in UNREAL_TIMES:
            self._narrative_dates.append(resolved)
        return resolved

    def _resolve(self, expression: DateExpression, tense: Tense) -> ResolvedDate:
        """The expression resolved in the clause's tense, against the year its paragraph's
        narrative is in (`_year_anchor`) or else the publication date."""
        anchor = self._year_anchor(expression)
        if anchor is not None:  # "seized the port on May 2, 2016 ... left it on May 30"
            # the occurrence nearest the anchor, before or after it
            options = [resolve_date(expression.text, reference, tense="past")
                       for reference in (anchor, anchor + timedelta(days=365))]
            resolved = min((o for o in options
                            if o.value is not None and o.value <= self.published),
                           key=lambda o: abs((o.value - anchor).days), default=options[0])
        else:
            resolved = resolve_date(expression.text, self.published, tense=tense)
        return replace(resolved, start=expression.start, end=expression.end)

    def _leading_act_dates(self, expressions: list[DateExpression], trigger: Token
                           ) -> list[DateExpression]:
        """For an act told as what another followed ("took power in 1986 after ousting
        his rival"), the other's month or year: the act leading to it falls
        in that span. Not its day, which the leading act may well precede."""
        if not (trigger.dep_ == "pcomp" and trigger.tag_ == "VBG"
                and trigger.head.lower_ in _LEADING_PREPOSITIONS):
            return []
        return [e for e in self._dating(expressions, _clause_tokens(trigger.head.head))
                if resolve_date(e.text, self.published).precision in COARSE_PRECISIONS]

    def _year_anchor(self, expression: DateExpression) -> date | None:
        """For a day or month written without its year, the day of the last date with a
        year written before it in its paragraph, when that date is before the news window:
        a narrative of an earlier year goes on in that year. None otherwise (the
        publication date anchors it)."""
        if self.published is None or not lacks_year(expression.text):
            return None
        index = bisect.bisect_left(self._starts, expression.start)
        for earlier in reversed(self.expressions[:index]):
            if "\n" in self.text[earlier.end:expression.start]:
                return None
            if lacks_year(earlier.text):
                continue
            resolved = resolve_date(earlier.text, self.published)
            if resolved.precision not in ("day", "month") or resolved.range_end is None:
                return None
            if resolved.range_end >= self.published - NEWS_WINDOW:
                return None
            return resolved.value
        return None

    def _dating(self, expressions: list[DateExpression], clause: set[int]
                ) -> list[DateExpression]:
        """The expressions attached to a word of the clause."""
        found = []
        for expression in expressions:
            span = self.doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None or _END_WORDS & {span[0].lower_, span.root.head.lower_}:
                continue  # "imprisoned until 1974": when the imprisonment ended
            if _still_going_since(span):
                continue
            if _attachment(span.root) & clause:
                found.append(expression)
        return found

    def _own_report(self, event: Event, trigger: Token) -> Token | None:
        """The reporting verb by which the event's actor performs it, for a verbal act
        stated in its speaker's voice; None for anything else."""
        if not self.lexicon.is_verbal(event.plover_type or event.event_type):
            return None
        if _is_past_perfect(_finite_verb(trigger) or trigger):
            return None  # "X said on Monday it had asked ...": an act before the saying
        verb = find_source(trigger, self.lexicon).verb
        if verb is None or verb.i == trigger.i or not (
                _is_speaker(event.actor, verb)
                or _one_party(event.actor, event.attributed_to)):
            return None
        return verb

    # -- the discourse ---------------------------------------------------------------------

    def date_discourse(self, events: list[Event]) -> None:
        """Give the acts the dates their discourse carries and mark the background ones
        (in place; one Event per act)."""
        days = self._anaphoric_days()
        narrative = _Narrative(self.doc, self.text, self.expressions,
                               [days.get(d.start, d) for d in self._narrative_dates]
                               + self._scene_dates(), self.published)
        statements = self._dated_statements()
        for event in events:
            if event.date is not None and event.date.value is None and event.date.start in days:
                event.date = days[event.date.start]
        for event in events:
            if event.date is None:
                carried = (self._carried_date(event, narrative)
                           or self._speakers_statement_date(event, narrative, statements)
                           or self._aftermath_date(event, events))
                if carried is not None:
                    event.date = replace(carried, inferred=True)
            event.background = self._is_background(event)

    def _aftermath_date(self, event: Event, events: list[Event]) -> ResolvedDate | None:
        """For an act told as done after another act the article dates to a day ("the
        building was sealed off after the attack"), that day: as "after his arrest on
        Friday, he stayed ..." dates the staying."""
        if event.modality not in DONE:
            return None
        # the acts dated to a day, by where they are told and the word telling them
        told = sorted(((token.idx, token.lemma_.lower(), other.date) for other in events
                       if other is not event and other.date is not None
                       and other.date.precision == "day" and other.date.value is not None
                       for m in other.text_mentions() if (token := self._token(m.trigger))),
                      key=lambda t: t[0])
        for mention in event.text_mentions():
            token = self._token(mention.trigger)
            if token is None or not _past_tense(token):
                continue
            verb = _finite_verb(token) or token
            for noun in (n for prep in verb.children if prep.dep_ == "prep"
                         and prep.lower_ in _AFTERMATH_PREPOSITIONS
                         for n in prep.children if n.dep_ == "pobj"):
                # "the attack": the last act told before it by the same word
                earlier = [d for start, lemma, d in told
                           if start < noun.idx and lemma == noun.lemma_.lower()]
                if earlier and any(c.lower_ == "the" for c in noun.children):
                    return earlier[-1]
        return None

    def _dated_statements(self) -> list[tuple[int, str, ResolvedDate]]:
        """Where a speaker is told speaking at a date of the news window ("X said on Monday
        ...", "according to X on Friday"), by position: (start, the speaker's head word,
        the date)."""
        reporting = self.lexicon.word_set("attribution.reporting_verbs")
        found = []
        for expression in self.expressions:
            span = self.doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None:
                continue
            verbs = [self.doc[i] for i in _attachment(span.root)]
            speakers = [_speaker_word(v) for v in verbs
                        if v.lemma_.lower() in reporting or v.lower_ == "according"]
            if not any(speakers):
                continue
            resolved = self._own_dates.get(expression.start) or self._resolve(expression, "past")
            if self._recent(resolved):
                found += [(expression.start, word, resolved) for word in speakers if word]
        return found

    def _speakers_statement_date(self, event: Event, narrative: _Narrative,
                                 statements: list[tuple[int, str, ResolvedDate]]
                                 ) -> ResolvedDate | None:
        """For a speech act told with no time of its own ('"...," X said.', or what the
        speaker says in the quotation), the date of the last statement of the same speaker
        told before it with one: the quotation goes on with what X said that day."""
        token = self._token(event.trigger)
        if (token is None or event.modality not in DONE or event.actor is None
                or not self.lexicon.is_verbal(event.plover_type or event.event_type)
                or narrative.sentence_of(token.idx) in narrative.dated_sentences):
            return None
        if event.quote:
            if not _named_outside(event.actor, token.sent):
                return None  # an act the quotation tells of, not the speaker's own
        elif not (token.pos_ == "VERB" and _past_tense(token)):
            return None
        speaker = _folded(event.actor.text.split()[-1])
        if speaker in SPEAKER_PRONOUNS:  # '"...," he said.': the last speaker named
            named = [word for start, word in self._named_speakers() if start < token.idx]
            if not named:
                return None
            speaker = named[-1]
        earlier = [date for start, word, date in statements
                   if start < token.idx and word == speaker]
        return earlier[-1] if earlier else None

    def _named_speakers(self) -> list[tuple[int, str]]:
        """Where a speaker is told speaking by name or title, dated or not ("X said",
        "according to the minister"), by position: (start, the speaker's head word)."""
        reporting = self.lexicon.word_set("attribution.reporting_verbs")
        return [(token.idx, word) for token in self.doc
                if (token.lemma_.lower() in reporting and token.pos_ == "VERB"
                    or token.lower_ == "according") and (word := _speaker_word(token))]

    def _recent(self, resolved: ResolvedDate) -> bool:
        """Whether the date is a day of the news window, up to publication."""
        return (resolved.precision == "day" and resolved.value is not None
                and self.published is not None
                and self.published - NEWS_WINDOW <= resolved.value <= self.published)

    def _anaphoric_days(self) -> dict[int, ResolvedDate]:
        """"the same day", "the next day", ... resolved against the day last mentioned
        before them (by their start), marked inferred. A future date (a court date set, a
        planned visit) is another time line and is passed over; after a month, a year or a
        span there is no day to count from."""
        found: dict[int, ResolvedDate] = {}
        last_day = None
        for expression in self.expressions:
            offset = anaphoric_day_offset(expression.text)
            if offset is None:
                date = self._own_dates.get(expression.start) or resolve_date(
                    expression.text, self.published)
                if date.value and self.published and date.value > self.published:
                    continue
                last_day = date.value if date.precision == "day" else None
            elif last_day is not None and (last_day := shifted(last_day, offset)):
                found[expression.start] = ResolvedDate(
                    expression.text, last_day, "day", expression.start, expression.end,
                    last_day, last_day, inferred=True)
        return found

    def _scene_dates(self) -> list[ResolvedDate]:
        """The dates of main clauses told in the simple past that are no act ("At the
        elections in 2008, the opposition won a majority", "On Tuesday the storm reached
        the coast"): they set the narrative's time as an act's date does. Not a reporting
        verb's ("officials said on Thursday that ..."): that is the telling's time."""
        found = []
        reporting = self.lexicon.word_set("attribution.reporting_verbs")
        for expression in self.expressions:
            if expression.start in self._own_dates:
                continue
            span = self.doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None or _END_WORDS & {span[0].lower_, span.root.head.lower_}:
                continue
            main = _main_clauses(span.root.sent.root)
            attached = _attachment(span.root)
            verb = next((v for v in main if v.i in attached), None)
            if (verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in reporting
                    or not _past_tense(verb)):
                continue
            resolved = self._resolve(expression, "past")
            if resolved.value is not None:
                found.append(resolved)
        return found

    def _carried_date(self, event: Event, narrative: _Narrative) -> ResolvedDate | None:
        if event.modality not in DONE:
            return None
        mentions = event.text_mentions()
        sentences = [narrative.sentence_of(m.trigger.start) for m in mentions]
        if any(s in narrative.dated_sentences for s in sentences):
            return None  # told where a date is written that is not its own
        for mention, sentence in zip(mentions, sentences):
            time = narrative.time_before(sentence)
            if time is None or self._recalled(time) and self._is_statement(event, mention):
                continue
            if self._continues_narrative(event, mention, within_day=time.precision == "day"):
                return time
        return None

    def _recalled(self, time: ResolvedDate) -> bool:
        """Whether the time ends before the news window: a recalled episode's."""
        return (self.published is not None and time.range_end is not None
                and time.range_end < self.published - NEWS_WINDOW)

    def _is_statement(self, event: Event, mention: Mention) -> bool:
        """Whether the mention is a speaker's statement: quoted words, or a verbal act told
        by a reporting verb telling words, not acting on a thing ("Smith said.", "the
        analyst added"; not "denied the request"). A news report quotes its sources for
        the report: their words go on at a recalled episode's time no more than a
        statement's date does (`_speakers_statement_date`)."""
        if event.quote:
            return True
        token = self._token(mention.trigger)
        return (token is not None and self.lexicon.is_verbal(event.plover_type or event.event_type)
                and token.lemma_.lower() in self.lexicon.word_set("attribution.reporting_verbs")
                and not any(c.dep_ in ("dobj", "obj") for c in token.children))

    def _continues_narrative(self, event: Event, mention: Mention, within_day: bool) -> bool:
        token = self._token(mention.trigger)
        if token is None or _told_as_background(token):
            return False
        verb = _finite_verb(token) or token
        if any(_moves_time(v, within_day) for v in [verb] + self._telling_verbs(verb)) or any(
                c.lower_ in _REPETITION_ADVERBS for word in (token, verb)
                for c in word.children):
            return False  # "later arrested", "since ..., protests filled the streets daily"
        if event.quote:  # only the speaker's own act goes on from the dated statement
            return (self.lexicon.is_verbal(event.plover_type or event.event_type)
                    and event.actor is not None
                    and (event.actor.text.lower() in QUOTED_SPEAKER
                         or _named_outside(event.actor, token.sent)))
        return _past_tense(token)

    def _telling_verbs(self, verb: Token) -> list[Token]:
        """The verbs of the clauses the verb's clause is part of, up to the sentence's
        root, other than reporting verbs: "Shortly after she filed, the palace issued a
        statement that the king considered ...": the considering is as late as the issuing.
        (A reporting verb's time is the telling's: "police later said the gunman
        surrendered" places the saying.)"""
        reporting = self.lexicon.word_set("attribution.reporting_verbs")
        found = []
        token = verb
        while token.head.i != token.i:
            token = token.head
            if token.pos_ == "VERB" and token.lemma_.lower() not in reporting:
                found.append(token)
        return found

    def _is_background(self, event: Event) -> bool:
        date = event.date
        if date is not None and date.range_end is not None and self.published is not None:
            return date.range_end < self.published - NEWS_WINDOW
        tokens = [self._token(m.trigger) for m in event.text_mentions()]
        return all(t is not None and _told_as_background(t) for t in tokens)

    def _token(self, trigger: Entity) -> Token | None:
        if trigger.start is None:
            return None
        span = self.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None


class _Narrative:
    """The article's sentences, their paragraphs, and the time each sentence that sets
    one gives the narrative (module docstring)."""

    def __init__(self, doc: Doc, text: str, expressions: list[DateExpression],
                 narrative_dates: list[ResolvedDate], published: date | None) -> None:
        bounds = [(sentence, _word_bounds(sentence)) for sentence in doc.sents]
        sentences = [sentence for sentence, words in bounds if words is not None]
        words = [words for _, words in bounds if words is not None]
        self.starts = [start for start, _ in words]
        self.paragraphs = _paragraphs(text, words)
        self.dated_sentences = {self.sentence_of(d.start) for d in expressions}
        # sentence -> its time; None where the time is another than any date can tell
        self.times: dict[int, ResolvedDate | None] = {
            index: None for index, sentence in enumerate(sentences)
            if any(_moves_time(verb) for verb in _main_clauses(sentence.root))}
        self.times.update(dict.fromkeys(self.dated_sentences))
        for dated in sorted(narrative_dates, key=lambda d: d.start):
            if not _another_time(dated, published):
                self.times[self.sentence_of(dated.start)] = dated if dated.range_start else None

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def time_before(self, sentence: int) -> ResolvedDate | None:
        """The time of the nearest earlier sentence of the paragraph that sets one."""
        paragraph = self.paragraphs[sentence]
        for earlier in range(sentence - 1, -1, -1):
            if self.paragraphs[earlier] != paragraph:
                return None
            if earlier in self.times:
                return self.times[earlier]
        return None


def _another_time(dated: ResolvedDate, published: date | None) -> bool:
    """Whether a date is no time a narrative goes on at: one since which a state has held
    ("has been free of rabies since 1995": what follows is now, not then), or one after
    publication (a deadline, "a leader by 2030": no act told as done follows at it)."""
    first = dated.text.split()[0].lower() if dated.text.split() else ""
    return first in _START_WORDS or (published is not None and dated.range_start is not None
                                     and dated.range_start > published)


def _word_bounds(sentence: Span) -> tuple[int, int] | None:
    """Where the sentence's words (its tokens other than whitespace) begin and end in the
    text; None for a sentence of whitespace only."""
    first = next((t for t in sentence if not t.is_space), None)
    if first is None:
        return None
    last = next(t for t in reversed(sentence) if not t.is_space)
    return first.idx, last.idx + len(last.text)


def _paragraphs(text: str, sentences: list[tuple[int, int]]) -> list[int]:
    """The paragraph number of each sentence (by where its words begin and end): a line
    break between two sentences starts a new paragraph."""
    numbers, number, previous_end = [], 0, None
    for start, end in sentences:
        if previous_end is not None and "\n" in text[previous_end:start]:
            number += 1
        numbers.append(number)
        previous_end = end
    return numbers


def _attachment(root: Token) -> set[int]:
    """The words a date expression (by its root) is attached to: up to the verb it
    modifies, through the nouns on the way; only its noun when written before one, and
    the noun's verb when that noun is the subject."""
    noun = root.head
    if root.dep_ in ATTRIBUTIVE and noun.pos_ in ("NOUN", "PROPN") and root.i < noun.i:
        # "Monday's attack killed five", "were arrested at Monday's rally": the noun, and
        # the act it does or is the scene of
        return {root.i} | _event_noun_dating(noun)
    attached = {root.i}
    token = root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
        attached.add(token.i)
    if _tells_occurrence(token):  # "killed in a bombing that happened on Monday"
        return attached | _event_noun_dating(token.head)
    if _is_when_clause(token):  # "was arrested when he landed on Monday"
        attached.add(token.head.i)
    if token.tag_ == "VBG" and _is_participle_adjunct(token):
        attached.add(token.head.i)  # "Speaking on Monday, the minister accused ..."
    elif token.tag_ == "VBG" and token.dep_ == "acl" and token.head.dep_ == "nsubj" and not any(
            c.dep_ in ("nsubj", "aux") for c in token.children):
        attached |= {token.head.i, token.head.head.i}  # "X, speaking on Monday, accused"
    return attached


def _tells_occurrence(verb: Token) -> bool:
    """"the bombing that happened on Monday", "a raid which took place in May", "a call
    made in July", "the statement issued on Friday": a relative clause saying only when
    its noun occurred, as "Monday's bombing" does. A past participle on its noun does when
    its verb is one of performing the act the noun names (`performing_participles`)."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        phrases = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}
        return bool(phrases & _PERFORMING_PARTICIPLES)
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")
                                       for c in verb.children):
        return False
    phrases = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "dobj"}
    return bool(phrases & _OCCURRENCE_VERBS)


def _is_when_clause(verb: Token) -> bool:
    """"was arrested when he landed", "described him in March when they offered ...": a
    clause of "when" tells what happened at its main clause's time, each the other's."""
    return verb.dep_ == "advcl" and verb.head.i != verb.i and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def _event_noun_dating(noun: Token) -> set[int]:
    """The words a date of an event noun dates: the noun, and the verb of an act told as
    done in that event ("were killed in the bombing") or done by it (its subject)."""
    attached = {noun.i}
    if noun.dep_ in ("nsubj", "nsubjpass"):
        attached.add(noun.head.i)
    elif noun.dep_ == "pobj" and noun.head.lower_ in _WITHIN_PREPOSITIONS:
        attached |= {noun.head.i, noun.head.head.i}
    return attached


def _still_going_since(span: Span) -> bool:
    """"have been protesting since May": the date is when an activity still going on
    began, not when the act was done."""
    head = span.root.head
    if head.lower_ in _START_WORDS:
        head = head.head
    elif span[0].lower_ not in _START_WORDS:
        return False
    return head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been"
                                      for c in head.children)


def _clause_tokens(trigger: Token) -> set[int]:
    """The trigger, and the words it is an argument of, up to its clause's verb.

    A noun trigger reaches its verb only as subject or object ("conducted drills on
    Monday"), not through a preposition ("after his arrest, he stayed in a cell on
    Friday" does not date the arrest).
    """
    out = {trigger.i}
    # the means it was done by ("killed the guard by poisoning him in May")
    out |= {c.i for prep in trigger.children
            if prep.dep_ == "prep" and prep.lower_ in _MEANS_PREPOSITIONS
            for c in prep.children if c.dep_ == "pcomp"}
    token = trigger
    if token.dep_ == "pobj" and token.head.lower_ in ("at", "during"):
        out.add(token.head.head.i)  # "At the meeting last Saturday, the chiefs reaffirmed"
    for _ in range(3):
        if token.head.i == token.i or not (token.dep_ in CLAUSE_LINKS
                                           or _is_participle_adjunct(token)
                                           or _is_present_participle_on_object(token)):
            break
        token = token.head
        out.add(token.i)
        if token.pos_ in ("VERB", "AUX"):
            break
    # "in July he helped facilitate a meeting": the verb it is done through
    if token.pos_ == "VERB" and token.dep_ == "xcomp" and (
            token.head.lemma_.lower() in _CARRYING_VERBS):
        out.add(token.head.i)
    if _is_when_clause(token):  # "described him in March when they offered a reward"
        out.add(token.head.i)
    if _is_purpose_of_past_act(token):  # "gathered on Monday to protest the tax"
        out.add(token.head.i)
    return out


def _is_purpose_of_past_act(verb: Token) -> bool:
    """An infinitive of purpose on a verb in the simple past ("were in Cairo on Monday to
    meet the minister"): the act told as done is done on that errand, at its time. (A
    plan's purpose is no act done: the extraction marks such acts planned, and a planned
    act's date resolves forward.)"""
    return (verb.pos_ == "VERB" and verb.dep_ == "advcl" and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and verb.head.tag_ == "VBD")


def _is_present_participle_on_object(token: Token) -> bool:
    """"signed a decree banning ...", "issued an order suspending ...": a present
    participle on the clause's object does what the object does, when the clause does it."""
    return (token.dep_ == "acl" and token.tag_ == "VBG"
            and token.head.dep_ in ("dobj", "obj", "nsubjpass"))


def _is_participle_adjunct(token: Token) -> bool:
    """"..., killing four": a participle with no subject or conjunction of its own tells
    part of its clause's act, at its time."""
    return token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in token.children)


def _is_speaker(actor: Entity | None, verb: Token) -> bool:
    """Whether the actor is who the reporting verb says speaks: its subject, or a pronoun
    standing for it ("X said it would ...", "'We ...,' X said"), or what its pronoun
    subject stands for ("X charged ..., they said")."""
    if actor is None:
        return False
    if actor.text.lower() in SPEAKER_PRONOUNS:
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or actor.start is None:
        return False
    if subject.lower_ in SPEAKER_PRONOUNS and actor.start < subject.idx:
        return True  # "X charged him, they said": the pronoun is the act's subject
    first, last = subject.left_edge, subject.right_edge
    return first.idx <= actor.start < last.idx + len(last.text)


def _one_party(actor: Entity | None, speaker: Entity | None) -> bool:
    """Whether the speaker speaks for the actor: both coded alike ("Turkey has accused
    Greece ..., the foreign ministry said")."""
    return (actor is not None and speaker is not None and actor.code is not None
            and actor.code == speaker.code)


def _speaker_word(verb: Token) -> str | None:
    """The head word of who speaks by the reporting verb ("the minister", "Mr Kowal",
    "according to President Kowal"), lower-cased; None for a pronoun or no one."""
    if verb.lower_ == "according":
        speaker = next((c for to in verb.children if to.lower_ == "to"
                        for c in to.children if c.dep_ == "pobj"), None)
    else:
        speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    return _folded(speaker.text)


def _folded(word: str) -> str:
    """A name in lower case without its accents: "Erdoğan" and "Erdogan" are one speaker."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def _named_outside(party: Entity, sentence: Span) -> bool:
    """Whether the party is named outside the sentence: a quoted act's doer named there is
    the quotation's speaker ('... the minister said. "They are criminals."')."""
    return party.start is not None and not (
        sentence.start_char <= party.start < sentence.end_char)


def _finite_verb(token: Token) -> Token | None:
    """The verb that carries the tense of the token's clause: the token itself, or the
    verb it depends on ("the attack killed", "began to shell", "was arrested")."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and (token.tag_ in FINITE_TAGS or any(
                c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS for c in token.children)):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tenses(verb: Token) -> set[str]:
    return {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in AUXILIARIES}


def _past_tense(token: Token) -> bool:
    """Told in the simple past ("attacked", "was shot", "did not say")."""
    verb = _finite_verb(token)
    return verb is not None and "VBD" in _tenses(verb) and not _tenses(verb) & {
        "VBZ", "VBP", "MD"}


def _told_as_background(token: Token) -> bool:
    """Whether the trigger's clause tells its act as background (module docstring)."""
    verb = _finite_verb(token) or token
    if _is_past_perfect(verb) and _is_main_clause(verb):
        return True
    if verb.lower_ == "used" and token.i != verb.i and verb.i + 1 < len(verb.doc) and (
            verb.nbor().lower_ == "to"):
        return True  # "used to shell the town"
    for word in {token, verb}:
        for child in word.children:
            if child.dep_ != "advmod":
                continue
            if child.lower_ in _BACKGROUND_ADVERBS:
                return True
            if child.lower_ in _LONG_AGO_WORDS and any(
                    c.lemma_.lower() in _LONG_AGO_UNITS for c in child.children):
                return True  # "years ago", "decades earlier"
    return False


def _moves_time(verb: Token, within_day: bool = False) -> bool:
    """Whether the clause places its act relative to another ("after his release", "since
    the vote", "later", "after it had fled") rather than at the time of the narrative.
    Within a day's narrative, an -ing clause with no subject of its own ("surrendered
    after being confronted by officers") only orders two acts of the scene."""
    for child in verb.children:
        if child.dep_ in ("prep", "advmod", "mark") and child.lower_ in _RELATIVE_TIME_WORDS:
            if within_day and child.dep_ == "prep" and any(
                    c.dep_ == "pcomp" for c in child.children):
                continue
            return True
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _RELATIVE_TIME_WORDS
                                         for g in child.children):
            return True
    return False


def _main_clauses(root: Token) -> list[Token]:
    """A sentence's root and the clauses that hang on it directly: a fronted "After his
    release, he led ..." is often parsed as a clause of the next one."""
    return [root] + [c for c in root.children if c.dep_ in ("advcl", "conj", "parataxis")]


def _is_past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _is_main_clause(verb: Token) -> bool:
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"
