"""Omissions: facts some compared articles tell and another does not carry in any words.

One omission per sentence: a sentence of several coverage rows (two events) is listed once,
and a sentence that restates one listed already (in its article or, as the closest match,
in an article that carries it) is not listed again. An article omits a sentence only when
none of its sentences, nor two adjacent ones, carries the fact (`meaning.Meaning.closest`
reaching `omissions.carried_at`), nor the sentences the row aligned with it, nor a sentence
it attributes to the same speaker on the same thing (`Meaning.speaker_cover`; for a
quotation or a piece of one, any words of its speaker; for a speaker it gives no words of,
the one sentence that says in the outlet's words that the speaker spoke: "Ruiz weighed in
to defend the mayor"), nor a sentence it attributes to anyone that makes the same point
(`Meaning.voiced_cover` reaching `omissions.voiced_carried_at`: another speaker's words, or
the quotation an outlet's own sentence sums up): a near match is no omission; nor is an
article's lead when the other article's lead covers some of it (both tell the story's main
event).
An article never omits what an article published more than `omissions.story_window_days`
later tells, nor an event dated after its own publication, nor what a later article tells
happened after it was published: a sentence dated after it, or one of the scene, the
speaker or the narration of such an act (`timing.Timing`), unless the article names that
day or its weekday itself (a date of first posting, the article updated later; a day it
names only ahead, "will vote on Monday", does not count); nor, for a preview (an article
that tells its story's act ahead: "will outline her plan on Wednesday", `Timing.horizon`),
what an article published that day or later tells of the previewed day or after. What
happened on the day it was published, or a stage a later article tells things have reached
("is now weighing"), it may not have known: at most `unclear`, with a note. Publication
order is evidence: an article written before every article that tells a fact (published
earlier, or the same day while it tells the story's act ahead or going on and another tells
it done: `Timing.written_early`) omits it only when something says it was knowable then
(`_knowable`: dated before its publication, background, a state of affairs, a speaker it
quotes itself); else the fact too is at most `unclear`, "maybe after" it. Nor does a later
article omit a plan an earlier one tells ("will vote", `omissions.plan_phrases`) when it
writes one of the plan's acts and all of its names: it tells what became of it.

Relevance to the story: the weighted share of the sentence's words that belong to the
story's core (the lead sentence of each article and the sentences of rows several articles
report; a word counts by the share of articles whose core uses it), times the square of
the sentence's share of `omissions.full_sentence_words` words (quotation fragments and
credit lines rank low), plus `omissions.event_bonus` for coded events. Sentences that tell
no fact (a newsroom line such as "did not respond to a request for comment", a question, a
line introducing a video, a piece of a sentence or one without a verb, a blessing, thanks or
a greeting, a piece of a quotation opened in an earlier sentence that names no one and
nothing: "They just do not listen.", the outlet's own opinion: "The board need not have
waited.", "He was reckless.") are never listed.

Two tiers (`Omission.certainty`): `omitted` when the omitting article surely does not tell
the fact, that is the sentence has an anchor in words (a name or number the article never
writes, besides its speaker's for a remark someone made), tells an act the article does
not (no sentence of it near at all; else coded event type and party, and for parties of
one code the trigger verb; else a content verb),
the whole article holds little of it, no other article carries it, it is no description in
the outlet's voice of a figure the article writes about ("He is famous for ..."), nor a
comment on the sentence before ("This was ..."), nor a detail of an act its subject names
by its day ("Monday's vote came during a storm ..."), nor a case of a point the article
makes in general terms ("In Osk, run by a trust, the rules hurt both parties" against "The
rules hurt both parties": `Meaning.framed_case`), and it did not happen on the day
the article was published nor is a present stage a later article tells ("is now
weighing"); else `unclear`: the article may tell it in other words (or may not yet have
known it: `Omission.note`). Rules in `sitrep/data/compare/rules.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.compare.features import Features
from sitrep.compare.knowledge import Knowledge, phrase_pattern
from sitrep.compare.meaning import Meaning
from sitrep.compare.records import Certainty, CoverageRow, NearMatch, Omission, Statement
from sitrep.compare.timing import WEEKDAYS, Timing
from sitrep.package_data import read_toml
from sitrep.records import StoredArticle


QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
WORD = re.compile(r"[\w'’-]+")
# words between a verb of being and the word that judges: "is a hypocrite", "was so brave"
PREDICATE_FILLERS = frozenset({"a", "an", "so", "very", "too", "just", "simply", "plainly",
                               "quite", "rather", "being"})


class OmissionFinder:
    def __init__(self, knowledge: Knowledge, meaning: Meaning,
                 articles: Sequence[StoredArticle]) -> None:
        rules = knowledge.rules["omissions"]
        self.min_relevance = float(rules["min_relevance"])
        self.event_bonus = float(rules["event_bonus"])
        self.carried_at = float(rules["carried_at"])
        self.lead_carried_at = float(rules["lead_carried_at"])
        self.window_days = int(rules["story_window_days"])
        self.full_words = int(rules["full_sentence_words"])
        self.newsroom_line = phrase_pattern(rules["not_fact_phrases"])
        self.opinion = phrase_pattern(rules["opinion_phrases"])
        self.case_frames = frozenset(rules["case_frames"])
        self.plan = phrase_pattern(rules["plan_phrases"])
        verbs = "|".join(r"\s+".join(map(re.escape, v.split()))
                         for v in sorted(rules["description_verbs"], key=len, reverse=True))
        # "He is famous for ...", "As chairman, Mr. Ruiz has not been shy about ...": the
        # subject (a pronoun, or up to three capitalised words) and a verb of being
        self.description = re.compile(
            rf"^(?:[^,;:\"“”]{{0,120}},\s+)?(?P<subject>he|she|they|this|that|(?:[A-Z][\w.'’-]*\s+){{0,2}}"
            rf"[A-Z][\w'’-]+)\s+(?:{verbs})\s+(?:\w+ly\s+)?(?P<next>[\w'’-]+)")
        self.formula = phrase_pattern(rules["formula_openings"])
        # words that judge someone (shared with the extract stage's speech acts)
        stance = read_toml("lexicon/stance.toml")["stance"]
        self.judging_words = knowledge.words(stance, "negative") | \
            knowledge.words(stance, "positive")
        # "Monday's vote came during a storm ...", "Last week's vote was ...": a subject that
        # names an act by its day, as one the reader knows
        days = "|".join([*WEEKDAYS, *map(re.escape, rules["day_names"])])
        parts = "|".join(map(re.escape, rules["parts_of_day"]))
        self.dated_act_subject = re.compile(
            rf"^(?:{days})(?:\s+(?:{parts}))?['’]s\s+[a-z]", re.IGNORECASE)
        self.same_speaker_at = float(rules["same_speaker_carried_at"])
        self.same_speaker_quotation_at = float(rules["same_speaker_quotation_carried_at"])
        self.voiced_at = float(rules["voiced_carried_at"])
        self.omitted_article_cover = float(rules["omitted_article_cover_below"])
        self.no_counterpart = float(rules["omitted_no_counterpart_below"])
        self.meaning = meaning
        self.ids = [a.id for a in articles]
        self.published = {a.id: a.published for a in articles}
        self.outlets = {a.id: a.outlet or a.id for a in articles}
        self.timing = Timing(meaning, articles, phrase_pattern(rules["narration_breaks"]),
                             self.plan, int(rules["preview_sentences"]), self.lead_carried_at)
        self.event_by_id = {e["id"]: e for a in articles for e in a.events}
        # (type, role, code) of each article's coded events: the acts it tells, by whom
        self.events = {a.id: {(e["event_type"], role, code) for e in a.events
                              for role, code in _codes(e)} for a in articles}

    # -- relevance ------------------------------------------------------------------------

    def score_relevance(self, rows: list[CoverageRow],
                        features: dict[str, list[Features]]) -> None:
        core: dict[str, set[str]] = {i: set() for i in self.ids}
        for article_id in self.ids:
            lead = self.meaning.by_article[article_id][:1]
            core[article_id].update(k for item in lead for k in item.keys)
        for row in rows:
            if len(row.reported_by) > 1:
                for f in features[row.id]:
                    core[f.mention.article_id].update(self.meaning.of(f.statement).keys)
        share = {}
        for keys in core.values():
            for key in keys:
                share[key] = share.get(key, 0.0) + 1.0 / len(self.ids)
        for row in rows:
            first = features[row.id][0]
            row.relevance = self.relevance(first.statement, share, row.kind == "event")

    def relevance(self, statement: Statement, share: dict[str, float], event: bool) -> float:
        item = self.meaning.of(statement)
        weights = {k: self.meaning.weight(k, n) for k, n in item.keys.items()}
        total = sum(weights.values())
        if not total:
            return 0.0
        core = sum(w * share.get(k, 0.0) for k, w in weights.items()) / total
        length = min(1.0, len(item.words) / self.full_words) ** 2
        return round(min(1.0, core * length + (self.event_bonus if event else 0.0)), 3)

    # -- omissions ------------------------------------------------------------------------

    def omissions(self, rows: list[CoverageRow],
                  features: dict[str, list[Features]]) -> list[Omission]:
        found: list[Omission] = []
        listed: set[tuple[str, int]] = set()  # sentences listed or standing for a listed one
        for row in sorted(rows, key=lambda r: -r.relevance):
            if not row.missing_from or row.relevance < self.min_relevance:
                continue
            mentions = features[row.id]
            first = mentions[0]
            key = (first.mention.article_id, first.statement.index)
            item = self.meaning.of(first.statement)
            if key in listed or not self.tells_a_fact(first.statement.text) or \
                    not item.has_verb or self._own_opinion(first.statement):
                continue
            statements = {(f.mention.article_id, f.statement.index): f.statement
                          for f in mentions}
            listed.update(statements)
            listed.update((first.mention.article_id, other.index)
                          for other in self.meaning.restatements(first.statement,
                                                                 self.carried_at))
            omissions = self._omission(row, first, list(statements.values()), listed)
            # a piece of a quotation that names nothing tells no fact by itself; what it
            # stands for and what carries it elsewhere are settled as for any sentence
            if not (item.continues_quotation and not item.names_something):
                found.extend(omissions)
        return found

    def tells_a_fact(self, sentence: str) -> bool:
        """Not a newsroom line ("did not respond to a request for comment"), a formula
        (a blessing, thanks, a greeting), a question, a line introducing a video or list
        (ending in a colon), or a piece of a sentence (a bracket left open). Fragments
        without a verb are left out by the caller."""
        if self.newsroom_line.search(sentence):
            return False
        if self.formula.match(sentence.lstrip(" \"'“‘([")):  # "God bless you," he said.
            return False
        if sentence.rstrip(" \"'”’)").endswith("?"):
            return False
        if sentence.rstrip().endswith(":"):  # a line that introduces a video or a list
            return False
        return sentence.count("(") == sentence.count(")")

    def _own_opinion(self, statement: Statement) -> bool:
        """The outlet's own judgment (`omissions.opinion_phrases` outside quotation marks,
        in a sentence that names no source of its own: a source carried over from an
        earlier sentence does not say it): "The board need not have waited.", "Honestly,
        the plan was a mess."; or, in its own voice, its verdict on its subject ("He was
        reckless.", `_judges_its_subject`). It reports no event."""
        outside = QUOTATION.sub(" ", statement.text)
        if statement.voice == "quoted":
            return False
        if statement.voice == "own" and self._judges_its_subject(statement):
            return True
        if not self.opinion.search(outside):
            return False
        return statement.source is None or statement.source.text not in outside

    def _judges_its_subject(self, statement: Statement) -> bool:
        """Its subject a pronoun or a name, a verb of being, and then a word that judges
        (`lexicon/stance.toml`'s negative and positive words, maybe after "a", "so", an
        adverb: "He was reckless.", "Ruiz is a hypocrite.", "She has been so brave."; outside
        quotation marks): the outlet's verdict on someone, no fact."""
        text = QUOTATION.sub(lambda m: " " * len(m.group()), statement.text)  # offsets kept
        lead = len(text) - len(text.lstrip(" \"'“‘"))
        match = self.description.match(text[lead:].rstrip(" \"'”’"))
        if match is None:
            return False
        tags = {at: tag for at, _, _, tag in self.meaning.of(statement).positions}
        words = list(WORD.finditer(text, lead + match.start("next")))[:5]
        for i, word in enumerate(words):
            lower = word.group().lower()
            if lower in self.judging_words:
                # the head of the predicate, not a word before its noun ("a terrorist attack")
                following = tags.get(words[i + 1].start(), "") if i + 1 < len(words) else ""
                return not following.startswith("NN")
            if lower not in PREDICATE_FILLERS and not lower.endswith("ly"):
                return False
        return False

    def _omission(self, row: CoverageRow, first: Features, statements: list[Statement],
                  listed: set[tuple[str, int]]) -> list[Omission]:
        """The row's omissions: one for the articles that surely omit it (`omitted`) and
        one for those that may tell it in other words (`unclear`), either may be absent."""
        reported = list(row.reported_by)
        tiers: dict[Certainty, list[tuple[str, NearMatch | None]]] = {"omitted": [],
                                                                      "unclear": []}
        after: list[str] = []  # articles that may have been published before it happened
        for article_id in row.missing_from:
            if not self._could_tell(first, article_id):
                continue
            best = None
            for statement in statements:
                match = self.meaning.closest(statement, article_id)
                if match and (best is None or match[0].score > best[0].score):
                    best = match
            if (best is not None and best[0].score >= self.carried_at) or \
                    self._leads_agree(first.statement, article_id) or \
                    self._speaker_tells(statements, article_id) or \
                    any(self.meaning.voiced_cover(s, article_id) >= self.voiced_at
                        for s in statements):
                reported.append(article_id)
                if best is not None:
                    listed.add((article_id, best[1]))  # its own words for the fact: not again
                continue
            # told after it was written, or a plan it tells what became of: no omission,
            # though an article that carries it still reports it (above)
            timing = self._published_before(statements, article_id)
            if timing == "after" or self._plan_overtaken(statements, article_id):
                continue
            closest = best[0].score if best is not None else 0.0
            sure = timing is None and self._names_a_participant(statements, article_id) and \
                self._tells_new(statements, article_id, closest) and \
                not self._describes_a_known_figure(first.statement, article_id) and \
                not self._details_a_dated_act(first.statement) and \
                self.meaning.framed_case(first.statement, article_id,
                                         self.case_frames) < self.carried_at
            if timing == "maybe after":
                after.append(article_id)
            tiers["omitted" if sure else "unclear"].append(
                (article_id, best[0] if best is not None else None))
        # a fact another article carries too is common ground of the story: an article
        # that seems to leave it out most often tells it in words overlap does not find
        if len(reported) > 1:
            tiers["unclear"] = sorted(tiers["unclear"] + tiers["omitted"],
                                      key=lambda pair: row.missing_from.index(pair[0]))
            tiers["omitted"] = []
        reported.sort(key=self.ids.index)
        return [Omission(row.id, row.label, row.kind, reported, [a for a, _ in missing],
                         row.relevance, first.statement.text, first.mention.source,
                         [near for _, near in missing if near is not None], certainty,
                         self._after_note([a for a, _ in missing if a in after]))
                for certainty, missing in tiers.items() if missing]

    def _published_before(self, statements: list[Statement], article_id: str) -> str | None:
        """'after' when what the statements (one fact, as the articles that tell it write
        it) tell happened after the article was published: the latest day an article
        published later gives it (its own or its act's, `timing.Timing`) is later than the
        article's publication, and the article names neither that day nor its weekday;
        'maybe after' when it happened on the day the article was published, which it may or
        may not have known, or when a later article tells it as the stage things have
        reached (`Timing.present_stage`, undated: "the panel is now weighing ..."); else
        None."""
        published = self.published[article_id]
        if published is None:
            return None
        horizon = self.timing.horizon(article_id)
        if horizon is not None and any(
                (teller := self.published[s.article_id]) is not None and teller >= published
                and (day := self.timing.day(s)) is not None and day >= horizon
                and not self.timing.tells_ahead(s) for s in statements):
            return "after"
        later = [s for s in statements
                 if (teller := self.published[s.article_id]) is not None and teller > published]
        day = max((d for s in later if (d := self.timing.day(s)) is not None), default=None)
        if day is not None and day >= published and not self.timing.names(article_id, day):
            return "after" if day > published else "maybe after"
        if day is None and any(self.timing.present_stage(s) for s in later):
            return "maybe after"
        if self._older_than_tellers(statements, article_id) and \
                not any(self._knowable(s, article_id) for s in statements):
            return "maybe after"
        return None

    def _older_than_tellers(self, statements: list[Statement], article_id: str) -> bool:
        """Whether the article was written before every article that tells the fact:
        each was published later, or the same day while the article tells the story's act
        ahead or going on and another tells it done (`Timing.written_early`)."""
        published = self.published[article_id]
        early = self.timing.written_early(article_id)
        return all((teller := self.published[s.article_id]) is not None and (
            teller > published or (teller == published and early)) for s in statements)

    def _knowable(self, statement: Statement, article_id: str) -> bool:
        """Positive evidence that an article written earlier could have told what the
        statement tells: it was so before the article's publication by its own words
        (`Timing.known_before`: dated before, background, a state of affairs); or the
        article names the day it gives, later than its own date (updated later); or the
        article gives words of the statement's speaker, who had spoken by then."""
        published = self.published[article_id]
        day = self.timing.day(statement)
        if day is not None and day >= published:
            # an article that names a day after its date was updated then; one that names
            # its own day was written that day, maybe before the act
            return day > published and self.timing.names(article_id, day)
        return self.timing.known_before(statement, published) or \
            self.meaning.gives_words_of(statement, article_id)

    def _plan_overtaken(self, statements: list[Statement], article_id: str) -> bool:
        """A plan or expectation ("will vote", "plans to", "is expected to") told by an
        article published before this one, one of whose acts and all of whose names this
        one writes: it tells what became of the plan (done, or not), and leaves out no fact
        by not telling what was once planned."""
        published = self.published[article_id]
        return published is not None and any(
            (teller := self.published[s.article_id]) is not None and teller < published
            and self.plan.search(s.text)
            and len(self.meaning.new_acts(s, article_id)) < len(self.meaning.of(s).acts)
            and not self.meaning.new_names(s, article_id) for s in statements)

    def _after_note(self, article_ids: list[str]) -> str | None:
        if not article_ids:
            return None
        return "maybe after the publication of " + ", ".join(
            f"{self.outlets[a]} ({self.published[a]})" for a in article_ids)

    def _tells_new(self, statements: list[Statement], article_id: str,
                   closest: float) -> bool:
        """Whether the statement tells an act the article does not: no sentence of the
        article comes near it (`closest`, the best cover of one sentence or two adjacent
        ones, under `omitted_no_counterpart_below`), or none of its coded events has one of
        the same type with the same actor or recipient code there (`_told_as`), or, with no
        coded event, one of its content verbs is a word the article never uses; and the whole
        article holds less than `omitted_article_cover_below` of its words (more: its parts
        are told there, and it may be a side detail or a comment on a fact told)."""
        statement = statements[0]
        if self.meaning.whole_article_cover(statement, article_id) >= self.omitted_article_cover:
            return False
        if closest < self.no_counterpart:
            return True
        if statement.event_ids:
            told = self.events[article_id]
            new_verbs = self.meaning.new_acts(statement, article_id)
            return not any(self._told_as(event, told, new_verbs)
                           for event in (self.event_by_id[i] for i in statement.event_ids))
        return bool(self.meaning.new_acts(statement, article_id))

    @staticmethod
    def _told_as(event: dict, told: set[tuple[str, str, str]], new_verbs: list[str]) -> bool:
        """Whether the article codes an act of the event's type by its actor or to its
        recipient; for an act between parties of one code (one country's: "the senator
        blamed the speaker", USA -> USA), which codes cannot tell apart from the others
        of the story, also only when the article uses its trigger verb."""
        if _within_one_code(event):
            trigger = (event.get("trigger") or {}).get("text", "").lower().split()
            if any(word.startswith(verb) for verb in new_verbs for word in trigger):
                return False
        return any((event["event_type"], role, code) in told for role, code in _codes(event))

    def _describes_a_known_figure(self, statement: Statement, article_id: str) -> bool:
        """An outlet's own description of someone the article writes about: in its own
        voice, its subject a pronoun or a name the article writes, its verb one of being
        ("He is famous for ...", "Mr. Ruiz has not been shy about ..."). The article may
        portray that figure in other words ("known for his tough stances")."""
        if statement.voice != "own":
            return False
        match = self.description.match(statement.text.strip(" \"'“‘"))
        if match is None:
            return False
        if match.group("next").lower().endswith(("ed", "en")):
            return False  # "was elected", "has been charged": an act, told in the passive
        subject = match.group("subject")
        if subject.lower() in ("he", "she", "they", "this", "that"):
            return True  # a person, or what the sentence before tells ("This was ...")
        words = [w for w in subject.split()  # titles aside: "Mr. Ruiz", "Senator Ruiz"
                 if w.lower().rstrip(".") not in HONORIFICS and w.lower() not in self.meaning.titles]
        keys = [self.meaning.key(word, word, "PROPN")[0] for word in words]
        # every word a name ("Though Ruiz is ...": a clause, no subject)
        return bool(keys) and all(key is not None and self.meaning.holds(key, article_id)
                                  for key in keys)

    def _details_a_dated_act(self, statement: Statement) -> bool:
        """An outlet's own sentence whose subject names an act by its day, as one its
        reader knows ("Monday's vote came during a storm ...", "Last week's vote was
        the first ..."): a detail of an act told before, which the article may tell in its
        own account of that act."""
        return statement.voice == "own" and \
            self.dated_act_subject.match(statement.text.strip(" \"'“‘")) is not None

    def _names_a_participant(self, statements: list[Statement], article_id: str) -> bool:
        """Whether the sentence names someone or something, or gives a number from 10 up,
        that the article never writes (`Meaning.new_names`), besides its speaker and the
        words that say who the speaker is (`Meaning.source_names`: "Oren Tal, a Marlo
        University law professor"), and besides a month. A sentence all of whose names the
        article uses may be told there in words that share none of its own; a remark whose
        only new name is who made it (a witness's, an advocate's or an expert's word on what
        happened) may make a point the article makes by another speaker; a date is a side
        detail of a fact."""
        speaker = self.meaning.speaker(statements[0])
        return any(name not in speaker and not speaker & self.meaning.alias.get(name, set())
                   and name not in self.meaning.date_names
                   and name not in self.meaning.source_names(s)
                   for s in statements for name in self.meaning.new_names(s, article_id))

    def _speaker_tells(self, statements: list[Statement], article_id: str) -> bool:
        """The article gives the same speaker's words on the same thing (`Meaning.
        speaker_cover` reaching `same_speaker_carried_at`): a quotation told in
        paraphrase, a denial told by quoting it. A quotation is carried by any words of its
        speaker there reaching `same_speaker_quotation_carried_at`: which sentences of one
        speaker's quotations each article picks is an editor's choice, the speaker's point
        is given either way in other words. When the article gives none of the speaker's
        words, what the speaker said (quoted or in paraphrase) is carried by its one sentence
        that says in its own words that the speaker spoke ("Ruiz weighed in to defend the
        mayor": the outlet's summary of the rebuttal the other quotes). Two such sentences
        or more tell the speaker spoke on several things: none stands for the statement."""
        for statement in statements:
            if not self.meaning.gives_words_of(statement, article_id):
                told = self.meaning.speaker_told(statement, article_id)
                if len(told) == 1:
                    return True
                continue
            # a piece of a quotation ("A. B," she said: B) is a quotation too, though
            # the words outside its quotation marks are many
            quotation = statement.voice == "quoted" or \
                self.meaning.of(statement).continues_quotation
            at = self.same_speaker_quotation_at if quotation else self.same_speaker_at
            if self.meaning.speaker_cover(statement, article_id) >= at:
                return True
        return False

    def _leads_agree(self, statement: Statement, article_id: str) -> bool:
        """Two leads of one story tell its main event, in whatever words: a lead is carried
        by the other article's lead when that covers `lead_carried_at` of it."""
        if statement.index != 0 or not self.meaning.by_article[article_id] or \
                not self._one_story(statement.article_id, article_id):
            return False
        lead = self.meaning.by_article[article_id][0]
        return self.meaning.coverage(self.meaning.of(statement), lead.keys) >= self.lead_carried_at

    def _one_story(self, a: str, b: str) -> bool:
        """Published within the story window of each other (or undated)."""
        if self.published[a] is None or self.published[b] is None:
            return True
        return abs((self.published[a] - self.published[b]).days) <= self.window_days

    def _could_tell(self, first: Features, article_id: str) -> bool:
        """Whether the article was published late enough to tell the fact."""
        published = self.published[article_id]
        if published is None:
            return True
        teller = self.published[first.mention.article_id]
        if teller is not None and (teller - published).days > self.window_days:
            return False
        return not (first.event_date and first.date_precision == "day"
                    and first.event_date > published)


def _codes(event: dict) -> list[tuple[str, str]]:
    """(role, code) of an event's coded actor and recipient."""
    return [(role, party["code"]) for role in ("actor", "recipient")
            if (party := event.get(role) or {}).get("code")]


def _within_one_code(event: dict) -> bool:
    """Whether the event's actor and recipient are coded alike (both USA)."""
    codes = dict(_codes(event))
    return codes.get("actor") is not None and codes.get("actor") == codes.get("recipient")
