"""Whether an article carries what a statement of another article says, in other words.

A statement becomes a set of keys: the spaCy lemma of each content word (the default
model's tagger and lemmatizer only, no parser), mapped through the synonym groups and
derivational endings of `sitrep/data/compare/meaning.toml` ("legislation" -> "bill",
"nomination" and "nominate" -> "nomin"). Numbers are keys as digits, and a count from 10
up meets one within `omissions.number_tolerance` of it (rounded: "at least 30" for 31);
reporting and time words count for nothing. A key weighs more the fewer statements of the
compared articles use it (a word in every sentence says little about which fact a sentence
tells), and names and numbers weigh more still.

`coverage(s, keys)` is the weighted share of s's keys among `keys`: how much of s the
other side says. An article *carries* s (thresholds in `rules.toml`, `[omissions]`) when
one of its sentences, or two adjacent ones, covers enough of s or of one of its clauses,
shares two of its rare words (an exact figure counts as two), or quotes the same run of
words; or when the article holds nearly all of s's keys somewhere and some of them together.
`speaker_cover` is how much of s a sentence of the same speaker holds, the speaker's name
aside; `gives_words_of` whether the article attributes any sentence to s's speaker;
`speaker_told` the article's sentences that say in the outlet's words that s's speaker spoke
(the subject of a verb of `attribution.toml`'s `speech_act_verbs`: "Ruiz weighed in to
defend the mayor"); `voiced_cover` how much of s, its speaker aside, a sentence the article
attributes to anyone holds (the same point made by another speaker). Two statements are the
*same fact* when each covers enough of the other.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from sitrep.compare.knowledge import Knowledge, phrase_pattern
from sitrep.compare.records import NearMatch, Statement
from sitrep.compare.text import quotation_spans
from sitrep.parse.model import DEFAULT_MODELS, ModelNotFound
from sitrep.records import StoredArticle

NUMBER = re.compile(r"^\$?\d[\d,.]*$")
FINITE_VERB_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})  # Penn tags of a verb with a tense
YEAR = re.compile(r"^(1[89]|20)\d\d$")  # years are shared by chance, other numbers are not
INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]\.?$")  # "F.B.I.", as some copy writes "FBI"
PRECISE_NUMBER = re.compile(r"^(\d+\.\d+|\d{3,})$")  # a key of a figure with a decimal or 3+ digits
SOURCE_PUNCTUATION = ",;:()[]\"“”‘"  # around a word of a source's name ("Ruiz," "(Ruiz)")
# Where a sentence breaks into clauses ("X, who ..., said that ...; Y").
# "―" too, a horizontal bar some copy puts after a dateline (the tagger may take it
# for a verb)
CLAUSE_BREAKS = frozenset(",;:()\"“”—–―") | {"--"}


@functools.cache
def lemmatizer() -> Language:
    """The default spaCy model with only what lemmas need (loaded once per process)."""
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=["parser", "ner", "senter"])
        except OSError:
            continue
    raise ModelNotFound(f"no spaCy model found (tried {', '.join(DEFAULT_MODELS)})")


@dataclass
class StatementKeys:
    statement: Statement
    keys: dict[str, bool]  # key -> is a name or number
    quoted_words: list[str]  # the words inside quotation marks, lowercased, in order
    words: list[str]  # every word, lowercased, in order
    clauses: list[dict[str, bool]]  # keys of the stretches between commas, dashes, quotes
    has_verb: bool = True  # False for a fragment ("Unwillingness to start a discussion.")
    # a piece of a quotation opened in an earlier sentence ("A," she said. "B.": B)
    continues_quotation: bool = False
    names_something: bool = True  # a name, or a number from 10 up, in its own words
    # the names the outlet says, in its own words, spoke ("Ruiz weighed in to defend the
    # mayor", "Senator Ruiz dismissed the charge"): keys of the name before a speech act
    speakers_told: frozenset[str] = frozenset()
    negative: bool = False  # holds a denial word (`polarity.denial_words`: "not", "denied")
    # keys of its content verbs (reporting verbs are light words): the acts it tells
    acts: frozenset[str] = frozenset()
    # outside quotation marks, the main clause told in the simple past, not the perfect
    # ("The crowd then marched to the quay."): it may go on narrating the act before it
    narrates_past: bool = False
    # outside quotation marks: a present progressive ("is weighing") or a present verb
    # with a word of the moment (`omissions.present_stage_words`: "now heads to"): the
    # stage things had reached when its article was written
    present_stage: bool = False
    # outside quotation marks, the main clause's verb: "will", "shall" ("Ruiz will speak
    # on Monday"); "had" before a participle ("had served": a time before the narrated)
    future: bool = False
    past_perfect: bool = False
    # (offset in the sentence, key, is a name, Penn tag) of each word with a key, in order
    positions: list[tuple[int, str, bool, str]] = field(default_factory=list)
    # (start, end) offsets in the sentence of its subordinate clauses (`_main_verb`):
    # "at the school he left in 1980" dates the leaving, not what the sentence narrates
    subordinate: list[tuple[int, int]] = field(default_factory=list)
    # the offset in the sentence just past the main clause's verb, None without one
    main_verb_end: int | None = None


class Meaning:
    """Keys and weights of every statement of the compared articles."""

    def __init__(self, knowledge: Knowledge, articles: Sequence[StoredArticle],
                 statements: dict[str, list[Statement]]) -> None:
        table = knowledge.meaning
        rules = knowledge.rules["omissions"]
        self.light = frozenset(table["light_words"])
        self.synonym = {word: group[0] for group in table["synonyms"] for word in group}
        self.abbreviations = {k.lower(): v.split()[-1].lower()
                              for k, v in table["abbreviations"].items()}
        self.endings = sorted(table["endings"], key=len, reverse=True)
        self.min_stem = int(table["min_stem"])
        self.name_weight = float(table["name_weight"])
        self.min_spelt_name = int(table["min_spelt_name"])
        self.quote_run = int(rules["quote_run"])
        self.min_clause_keys = int(rules["min_clause_keys"])
        self.carried_at = float(rules["carried_at"])
        self.rare_share = float(rules["rare_share"])
        self.rare_most = int(rules["rare_statements"])
        self.rare_shared = int(rules["rare_shared"])
        self.rare_min_share = float(rules["rare_min_share"])
        self.article_cover = float(rules["article_cover"])
        self.article_min_share = float(rules["article_min_share"])
        self.clause_factor = float(rules["clause_factor"])
        self.voiced_min_words = int(rules["voiced_min_words"])
        self.present_stage_words = phrase_pattern(rules["present_stage_words"])
        self.denial = phrase_pattern(knowledge.rules["polarity"]["denial_words"])
        self.number_tolerance = float(rules["number_tolerance"])
        self.titles = frozenset(table["titles"])
        self.date_names = frozenset(table["date_names"])
        self.speech_acts = frozenset(knowledge.attribution["speech_act_verbs"])
        self.by_article: dict[str, list[StatementKeys]] = {}
        self.alias: dict[str, set[str]] = {}  # a title's key <-> the key of the name it stands for
        nlp = lemmatizer()
        docs = list(nlp.pipe(a.text for a in articles))
        self.common_words = {t.lower_ for doc in docs for t in doc if t.text.islower()}
        for article, doc in zip(articles, docs, strict=True):
            quotes = quotation_spans(article.text)
            self.by_article[article.id] = [self._keys(s, doc, quotes)
                                           for s in statements[article.id]]
            for title, name in self._title_holders(doc).items():
                self.alias.setdefault(title, set()).add(name)
                self.alias.setdefault(name, set()).add(title)
        everything = [k for items in self.by_article.values() for k in items]
        self._alias_spellings({k for item in everything for k, n in item.keys.items()
                               if n and k.isalpha()})
        df = Counter(key for item in everything for key in item.keys)
        total = max(1, len(everything))
        self.idf = {key: 1.0 + math.log(total / n) for key, n in df.items()}
        self.df = df
        # rare: few sentences, and few of all (in two short articles nothing is rare)
        self.rare_statements = min(self.rare_most, self.rare_share * total)
        self.article_keys = {i: {k for item in items for k in item.keys}
                             for i, items in self.by_article.items()}

    # -- keys -----------------------------------------------------------------------------

    def _keys(self, statement: Statement, doc, quotes: list[tuple[int, int]]) -> StatementKeys:
        span = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        keys: dict[str, bool] = {}
        words, quoted = [], []
        positions: list[tuple[int, str, bool, str]] = []
        clauses: list[dict[str, bool]] = [{}]
        for i, token in enumerate(tokens):
            if (token.text in CLAUSE_BREAKS or token.pos_ in ("CCONJ", "SCONJ")) and \
                    len(clauses[-1]) >= self.min_clause_keys:
                clauses.append({})
            if token.is_punct or token.is_space:
                continue
            words.append(token.lower_)
            if any(q0 < token.idx < q1 for q0, q1 in quotes):
                quoted.append(token.lower_)
            # the first word is capitalised as any sentence's is, after a quotation mark too
            first = not any(t.is_alpha for t in tokens[:i]) or _opens_quotation(tokens, i)
            found = [self.key(token.text, token.lemma_, token.pos_, first=first)]
            if _hyphen_joined(tokens, i):  # "fund-raiser" meets "fundraiser"
                joined = token.text + tokens[i + 2].text
                found.append(self.key(joined, joined, token.pos_))
            for key, is_name in found:
                if key:
                    keys[key] = keys.get(key, False) or is_name
                    clauses[-1][key] = is_name
                    positions.append((token.idx - statement.start, key, is_name, token.tag_))
        names_something = any(n and not (k.isdigit() and int(k) < 10) for k, n in keys.items())
        if statement.source is not None:  # who says it is part of the fact told
            for word in statement.source.name.split():
                word = word.strip(SOURCE_PUNCTUATION)  # "Tal," before an apposition
                key, _ = self.key(word, word, "PROPN")
                if key and word[:1].isupper():
                    keys.setdefault(key, True)
        if len(clauses) > 1 and len(clauses[-1]) < self.min_clause_keys:
            clauses[-2].update(clauses.pop())  # a short tail belongs to the clause before
        has_verb = any(t.tag_ in FINITE_VERB_TAGS for t in tokens)  # not "to discuss" alone
        acts = frozenset(key for t in tokens if t.pos_ == "VERB"
                         for key in [self.key(t.text, t.lemma_, t.pos_, first=True)[0]] if key)
        continues = any(q0 < statement.start < q1 for q0, q1 in quotes)
        narrates_past, present_stage, future, past_perfect = self._tense(tokens, quotes)
        outside = [t for t in tokens if not any(q0 < t.idx < q1 for q0, q1 in quotes)]
        main = _main_verb(outside)
        main_end = main.idx + len(main.text) if main is not None else None
        return StatementKeys(statement, keys, quoted, words,
                             clauses if len(clauses) > 1 else [], has_verb, continues,
                             names_something, self._speakers_told(tokens, quotes),
                             bool(self.denial.search(statement.text)), acts,
                             narrates_past, present_stage, future, past_perfect, positions,
                             [(a - statement.start, b - statement.start)
                              for a, b in _subordinate_spans(tokens)],
                             main_end - statement.start if main_end is not None else None)

    def _tense(self, tokens, quotes: list[tuple[int, int]]) -> tuple[bool, bool, bool, bool]:
        """(told in the simple past, told as a present stage, told ahead, told in the
        past perfect), from the finite verbs outside quotation marks: a quotation keeps the
        tense of the moment it was said. Past, ahead and perfect are the main clause's
        (`_main_verb`): a subordinate clause keeps the tense of its own thought ("Ruiz,
        who said she should not be blamed, resigned": the resigning is narrated); any
        present verb with a word of the moment tells a stage ("the panel, which is now
        weighing the bill, met")."""
        outside = [t for t in tokens if not any(q0 < t.idx < q1 for q0, q1 in quotes)]
        present = [t for t in outside if t.tag_ in ("VBZ", "VBP")]
        progressive = any(t.lemma_.lower() == "be" and t.i + 1 < len(t.doc)
                          and t.doc[t.i + 1].tag_ == "VBG" for t in present)
        text = " ".join(t.text for t in outside)
        present_stage = bool(present) and (
            progressive or bool(self.present_stage_words.search(text)))
        main = _main_verb(outside)
        if main is None:
            return False, present_stage, False, False
        # "had resigned", "has voted": the perfect tells of a time before the one narrated
        perfect = main.lemma_.lower() == "have" and main.pos_ == "AUX"
        narrates_past = main.tag_ in ("VBD", "VBN") and not perfect
        future = _tells_ahead(main)
        if main.tag_ in ("VBZ", "VBP") and main.lemma_.lower() in self.light:
            # "Ruiz says the panel will vote", "sources say ...": the act reported ahead
            reported = _main_verb([t for t in outside if t.i > main.i])
            future = reported is not None and _tells_ahead(reported)
        return narrates_past, present_stage, future, perfect and main.tag_ == "VBD"

    def _speakers_told(self, tokens, quotes: list[tuple[int, int]]) -> frozenset[str]:
        """Keys of the names that are the subject of a speech-act verb outside quotation
        marks: the run of capitalised words (and titles) that ends the subject
        (`_subject_end`), titles aside unless alone ("the senator denied")."""
        found: set[str] = set()
        for i, token in enumerate(tokens):
            if not token.tag_.startswith("VB") or token.lemma_.lower() not in self.speech_acts \
                    or any(q0 < token.idx < q1 for q0, q1 in quotes):
                continue
            j = _subject_end(tokens, i)
            run: list[str] = []
            while j >= 0 and (_capitalised(tokens[j]) or tokens[j].lower_ in self.titles):
                run.append(tokens[j].text)
                j -= 1
            keys = {word.lower(): self.key(word, word, "PROPN")[0] for word in run}
            names = {key for word, key in keys.items()
                     if key and not {word, word.rstrip(".")} & self.titles}
            # a title alone ("the senator denied") stands for the name it is written with
            found.update(names or {key for key in keys.values() if key})
        return frozenset(found)

    def _alias_spellings(self, names: set[str]) -> None:
        """Two long names one letter apart are one name spelt two ways ("Hutchinson" and
        "Hutchison" in two reports of one story)."""
        by_length: dict[int, list[str]] = {}
        for name in names:
            if len(name) >= self.min_spelt_name:
                by_length.setdefault(len(name), []).append(name)
        for length, group in by_length.items():
            for name in group:
                for other in [*group, *by_length.get(length + 1, [])]:
                    if other != name and name[0] == other[0] and _one_letter_apart(name, other):
                        self.alias.setdefault(name, set()).add(other)
                        self.alias.setdefault(other, set()).add(name)

    def _title_holders(self, doc) -> dict[str, str]:
        """Title key -> key of the name the article most often writes with it: "President
        Ana Ruiz" (a title before a run of capitalised words, the last of them the name),
        "the party's chairwoman, Ana Ruiz" (a name in apposition after a title and a comma)
        and "Ana Ruiz, the party's chairwoman" (a title in the phrase after a name and a
        comma)."""
        pairs: Counter[tuple[str, str]] = Counter()
        tokens = list(doc)
        for i, token in enumerate(tokens):
            if token.lower_ in self.titles and i + 1 < len(tokens) and \
                    _capitalised(tokens[i + 1]):
                name = tokens[_name_run_end(tokens, i + 1)]
                if name.lower_ not in self.common_words:
                    pairs[self._key_of(token), self._key_of(name)] += 1
            elif token.lower_ in self.titles and i + 2 < len(tokens) and \
                    tokens[i + 1].text == "," and _capitalised(tokens[i + 2]):
                # "the council's chairwoman, Ana Ruiz": the name in apposition after it
                name = tokens[_name_run_end(tokens, i + 2)]
                if name.lower_ not in self.common_words:
                    pairs[self._key_of(token), self._key_of(name)] += 1
            elif token.text == "," and i > 0 and _capitalised(tokens[i - 1]) and \
                    tokens[i - 1].lower_ not in self.common_words:
                for j in range(i + 1, min(i + 8, len(tokens))):
                    after = tokens[j + 1] if j + 1 < len(tokens) else None
                    if tokens[j].is_punct:
                        break
                    if tokens[j].lower_ in self.titles and not \
                            (after is not None and _capitalised(after)):
                        pairs[self._key_of(tokens[j]), self._key_of(tokens[i - 1])] += 1
                        break
        holders: dict[str, str] = {}
        for (title, name), _ in pairs.most_common():
            if title and name and title != name:
                holders.setdefault(title, name)
        return holders

    def _key_of(self, token) -> str | None:
        return self.key(token.text, token.lemma_, token.pos_)[0]

    def key(self, text: str, lemma: str, pos: str, first: bool = False) -> tuple[str | None, bool]:
        """The comparison key of one word and whether it is a name or number."""
        lower = text.lower().replace("’", "'")
        abbreviation = self.abbreviations.get(lower) or self.abbreviations.get(lower + ".")
        if abbreviation and text[:1].isupper():  # "Tex." (the tokenizer may part the dot)
            return abbreviation, True
        if NUMBER.match(text):
            digits = text.strip("$").replace(",", "").rstrip(".")
            return (digits, True) if digits else (None, False)
        if self.synonym.get(lower, "").isdigit():
            return self.synonym[lower], True  # "two" is a stop word, yet a count
        if INITIALISM.match(text) and lower not in self.synonym:  # "F.B.I." is "FBI"
            text = lemma = text.replace(".", "")
            lower = text.lower()
        if lower in STOP_WORDS or not any(ch.isalpha() for ch in lower) or \
                len(lower.rstrip(".")) < 2:  # initials ("J.") tell nothing
            return None, False
        lemma = lemma.lower()
        if lemma.rstrip(".") in self.light or lower.rstrip(".") in self.light:
            return None, False
        if pos == "PROPN" or (text[:1].isupper() and not first):
            if lemma not in self.synonym and lemma.endswith("s") and lemma[:-1] in self.synonym:
                lemma = lemma[:-1]  # "Americans": a name's plural keeps its "s" as lemma
            if lemma in self.synonym:
                return self.derive(self.synonym[lemma]), True
            return lemma, True
        # every word of a synonym group meets the others, and their derivations, under the
        # derived first word ("parents" and "relatives" -> "relat")
        return self.derive(self.synonym.get(lemma, lemma)), False

    def derive(self, word: str) -> str:
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= self.min_stem:
                return word[: -len(ending)]
        return word

    # -- scores ---------------------------------------------------------------------------

    def weight(self, key: str, is_name: bool) -> float:
        return self.idf.get(key, 1.0) * (self.name_weight if is_name else 1.0)

    def of(self, statement: Statement) -> StatementKeys:
        return self.by_article[statement.article_id][statement.index]

    def coverage(self, item: StatementKeys, keys: set[str] | dict[str, bool]) -> float:
        """The weighted share of the statement's keys that `keys` holds."""
        return self._share(item.keys, keys)

    def carried(self, item: StatementKeys, keys: set[str] | dict[str, bool]) -> float:
        """How much of the statement `keys` holds: of the whole sentence, or of one of its
        clauses (times `clause_factor`): telling one clause of a sentence is telling part
        of its fact, which is no omission."""
        clause = max((self._share(c, keys) for c in item.clauses), default=0.0)
        share = max(self._share(item.keys, keys), self.clause_factor * clause)
        # details few sentences give ("contempt", "fundraiser"), shared: the same fact
        rare = [k for k in item.keys if k in keys and self.df[k] <= self.rare_statements
                and not YEAR.match(k)]
        # an exact figure ("$1.375 billion", "2,418") is as telling as two rare words
        weight = sum(2 if PRECISE_NUMBER.match(k) else 1 for k in rare)
        if weight >= self.rare_shared and share >= self.rare_min_share:
            share = max(share, self.carried_at)
        return share

    def _share(self, mine: dict[str, bool], keys: set[str] | dict[str, bool]) -> float:
        total = sum(self.weight(k, n) for k, n in mine.items())
        if not total:
            return 0.0
        return sum(self.weight(k, n) for k, n in mine.items() if self._held(k, keys)) / total

    def _held(self, key: str, keys: set[str] | dict[str, bool]) -> bool:
        """The key, or the name its title stands for (or a title of its name), is in keys."""
        if key in keys or any(other in keys for other in self.alias.get(key, ())):
            return True
        value = _count(key)
        return value is not None and any(
            (other := _count(k)) is not None and
            abs(other - value) <= self.number_tolerance * max(value, other) for k in keys)

    def new_names(self, statement: Statement, article_id: str) -> list[str]:
        """The statement's names and numbers that the article never writes (nor a title
        standing for them); numbers under 10 aside ("two sides", "a two-state solution"
        are said in many ways)."""
        return [k for k, is_name in self.of(statement).keys.items()
                if is_name and not self._held(k, self.article_keys[article_id])
                and not (k.isdigit() and int(k) < 10)]

    def holds(self, key: str, article_id: str) -> bool:
        """Whether the article writes the key (or a title standing for it) anywhere."""
        return self._held(key, self.article_keys[article_id])

    def framed_case(self, statement: Statement, article_id: str,
                    frames: frozenset[str]) -> float:
        """For a sentence that opens with a frame naming a case the article never writes
        (a frame word, then a new name, up to a comma, and a participle or relative clause
        after it: "In Ohio, run by a panel, the map hurt both parties"), how much of the
        rest one sentence of the article holds; 0.0 for any other sentence."""
        text = statement.text
        opening = text.lstrip(" \"'“‘").split(None, 1)
        comma = text.find(",")
        if not opening or opening[0].lower() not in frames or comma < 0:
            return 0.0
        item = self.of(statement)
        following = text.find(",", comma + 1)
        next_word = text[comma + 1:].split(None, 1)[:1]
        after = [p for p in item.positions if p[0] > comma]
        # "run by a panel", "which draws its maps", "where ...": part of the frame
        if following > 0 and next_word and (
                next_word[0].lower() in ("which", "where", "who", "whose") or
                (after and after[0][3] in ("VBN", "VBG")
                 and after[0][0] <= comma + 1 + len(next_word[0]) + 1)):
            comma = following
        new = set(self.new_names(statement, article_id))
        if not new & {key for offset, key, _, _ in item.positions if offset < comma}:
            return 0.0
        rest = {key: name for offset, key, name, _ in item.positions if offset > comma}
        if not rest:
            return 0.0
        return max((self._share(rest, other.keys) for other in self.by_article[article_id]),
                   default=0.0)

    def new_acts(self, statement: Statement, article_id: str) -> list[str]:
        """The statement's content verbs (synonyms met) that the article never uses."""
        return [k for k in self.of(statement).acts
                if not self._held(k, self.article_keys[article_id])]

    def whole_article_cover(self, statement: Statement, article_id: str) -> float:
        """How much of the statement the whole article holds, in any of its sentences."""
        return self.coverage(self.of(statement), self.article_keys[article_id])

    def speaker(self, statement: Statement) -> set[str]:
        """Keys of who says the statement: the capitalised words of its source after any
        possessive ("Ruiz's lawyer" is not Ruiz), titles aside ("Senator"); for a title
        alone, the name it stands for ("the president" -> "solano"); none for no source or
        an anonymous one."""
        source = statement.source
        if source is None or source.anonymous:
            return set()
        words = _name_words(source.name)
        owners = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
        words = words[owners[-1] + 1 if owners else 0:]
        last = max((i for i, w in enumerate(words) if w[:1].isupper()), default=-1)
        names: set[str] = set()
        held_by: set[str] = set()  # the names the source's titles stand for
        for i, word in enumerate(words):
            key, _ = self.key(word, word, "PROPN")
            if not key:
                continue
            # a title before a name is no name ("Senator Ruiz"); the name's end is ("King")
            title = bool({word.lower(), word.lower().rstrip(".")} & self.titles)
            if word[:1].isupper() and (not title or i == last):
                names.add(key)
            else:
                held_by.update(self.alias.get(key, ()))
        return names or held_by

    def source_names(self, statement: Statement) -> set[str]:
        """Keys of the capitalised words of the statement's source as written, apposition
        included ("Oren Tal, a Marlo University law professor": oren, tal, marlo,
        university): who says it, not whom or what it is about."""
        if statement.source is None:
            return set()
        words = (w.strip(SOURCE_PUNCTUATION) for w in statement.source.name.split())
        return {key for word in words if word[:1].isupper()
                for key in [self.key(word, word, "PROPN")[0]] if key}

    def speaker_cover(self, statement: Statement, article_id: str) -> float:
        """How much of the statement, its speaker's name aside, the article holds in a
        sentence (or two adjacent ones) it attributes to the same speaker."""
        speaker = self.speaker(statement)
        if not speaker:
            return 0.0
        mine = {k: n for k, n in self.of(statement).keys.items() if k not in speaker}
        items = self.by_article.get(article_id, [])
        same = [bool(speaker & self.speaker(item.statement)) for item in items]
        best = 0.0
        for i, item in enumerate(items):
            if not same[i]:
                continue
            keys = set(item.keys)
            if i + 1 < len(items) and same[i + 1]:
                keys |= items[i + 1].keys.keys()
            best = max(best, self._share(mine, keys))
        return best

    def voiced_cover(self, statement: Statement, article_id: str) -> float:
        """How much of the statement, its speaker's name aside, the article holds in a
        sentence it attributes to any source (a quotation or a paraphrase), alone or with a
        neighbour, that shares `voiced_min_words` of its words that are no names and says it as
        much as the statement does (neither, or both, with a denial word): the same point
        made by another speaker, or a quoted claim the statement sums up in the outlet's
        own words. Names alone ("the airport of Kesh") are a topic, not a point; "not
        equipped to carry" is the opposite point of "practised firing"."""
        item = self.of(statement)
        speaker = self.speaker(statement)
        mine = {k: n for k, n in item.keys.items() if k not in speaker}
        items = self.by_article.get(article_id, [])
        best = 0.0
        for i in range(len(items)):
            for window in (items[i:i + 1], items[i:i + 2]):  # alone, or with the next
                if all(w.statement.voice == "own" for w in window):
                    continue
                keys = {k for w in window for k in w.keys}
                if any(w.negative for w in window) != item.negative or \
                        sum(1 for k, n in mine.items() if not n and k in keys) < \
                        self.voiced_min_words:
                    continue
                best = max(best, self._share(mine, keys))
        return best

    def speaker_told(self, statement: Statement, article_id: str) -> list[StatementKeys]:
        """The article's sentences that say in the outlet's words that the statement's
        speaker spoke (`StatementKeys.speakers_told`)."""
        speaker = self.speaker(statement)
        return [item for item in self.by_article.get(article_id, [])
                if any(self._held(k, item.speakers_told) for k in speaker)]

    def gives_words_of(self, statement: Statement, article_id: str) -> bool:
        """Whether the article attributes some sentence to the statement's speaker."""
        speaker = self.speaker(statement)
        return bool(speaker) and any(speaker & self.speaker(item.statement)
                                     for item in self.by_article.get(article_id, []))

    def same_fact(self, a: Statement, b: Statement, at: float) -> bool:
        ka, kb = self.of(a), self.of(b)
        return min(self.coverage(ka, kb.keys), self.coverage(kb, ka.keys)) >= at

    def restatements(self, statement: Statement, at: float) -> list[Statement]:
        """The other statements of the same article that tell the same fact."""
        return [other.statement for other in self.by_article[statement.article_id]
                if other.statement.index != statement.index
                and self.same_fact(statement, other.statement, at)]

    def closest(self, statement: Statement, article_id: str) -> tuple[NearMatch, int] | None:
        """The statement of `article_id`, or pair of adjacent statements, that covers most
        of `statement`, with the index of its (first) statement; a shared quotation of
        `quote_run` words counts as full cover."""
        item = self.of(statement)
        candidates = self.by_article.get(article_id, [])
        best: tuple[NearMatch, int] | None = None
        runs = _runs(item.quoted_words, self.quote_run)
        for i, other in enumerate(candidates):
            single = self.carried(item, other.keys)
            if runs and runs & _runs(other.words, self.quote_run):
                single = 1.0
            pair = 0.0
            if i + 1 < len(candidates):
                pair = self.carried(item, other.keys.keys() | candidates[i + 1].keys.keys())
            score = max(single, pair)
            if best is None or score > best[0].score:
                text = other.statement.text if single >= pair else \
                    other.statement.text + " " + candidates[i + 1].statement.text
                best = NearMatch(article_id, text, round(score, 3)), other.statement.index
        # nearly every word of it somewhere in the article, some of them together: the
        # article tells the fact across its sentences
        if best is not None and best[0].score < self.carried_at and \
                best[0].score >= self.article_min_share and \
                self.coverage(item, self.article_keys[article_id]) >= self.article_cover:
            best = replace(best[0], score=self.carried_at), best[1]
        return best


def _count(key: str) -> float | None:
    """The value of a number key from 10 up that is no year ("31", "1.375"), else None."""
    if not NUMBER.match(key) or YEAR.match(key):
        return None
    value = float(key)
    return value if value >= 10 else None


def _name_words(source: str) -> list[str]:
    """The words of a source's name: before an apposition ("Ana Ruiz, a critic of Mr.
    Solano" is Ruiz, not Solano) unless that part has no capitalised word ("a spokesman,
    Ana Ruiz"), without the punctuation around them ("Ruiz," is "Ruiz")."""
    name, _, _ = source.partition(",")
    if not any(w[:1].isupper() for w in name.split()):
        name = source
    return [w for w in (w.strip(SOURCE_PUNCTUATION) for w in name.split()) if w]


NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "'s", "’s"})


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or token.pos_ == "PROPN")


def _name_run_end(tokens, start: int) -> int:
    """The index of the last word of the run of capitalised words from `start` (suffixes
    such as "Jr." aside: "Donald Trump Jr." is written "Trump")."""
    end = start
    while end + 1 < len(tokens) and _capitalised(tokens[end + 1]) and \
            tokens[end + 1].lower_ not in NAME_SUFFIXES:
        end += 1
    return end


def _subject_end(tokens, verb: int) -> int:
    """The index of the last word of the subject of the verb at `verb`: back past adverbs
    and auxiliaries ("has repeatedly denied"), a verb or adjective joined by "to" ("moved
    quickly to dismiss", "was quick to condemn", "weighed in to defend"), a comma and a
    party tag or an apposition between commas ("Ruiz, D-Ohio, denied", "Ruiz, the
    council's lawyer, weighed in")."""
    j = verb - 1
    while j >= 0 and verb - j <= 6:
        if tokens[j].pos_ in ("ADV", "AUX") or (tokens[j].pos_ == "PART" and
                                               tokens[j].lower_ != "to"):
            j -= 1
            continue
        if tokens[j].lower_ == "to":
            k = j - 1
            while k >= 0 and tokens[k].pos_ == "ADV":
                k -= 1
            if k >= 0 and tokens[k].lower_ == "in":
                k -= 1
            if k >= 0 and tokens[k].pos_ in ("VERB", "ADJ"):
                j = k - 1
                continue
        break
    if j >= 0 and tokens[j].text == ",":
        j -= 1
        # between commas, a party tag ("Ruiz, D-Ohio, denied") or an apposition ("Ruiz,
        # the council's lawyer, denied") follows the name
        comma = j
        while comma >= 0 and tokens[comma].text != "," and verb - comma <= 12:
            comma -= 1
        between = tokens[comma + 1:j + 1]
        if comma > 0 and tokens[comma].text == "," and between and (
                any(t.text == "-" for t in between) or between[0].lower_ in ("the", "a", "an")):
            j = comma - 1
    return j


AHEAD_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall"})
# "is expected to", "is set to", "plans to": a main verb that, with "to", tells an act ahead
AHEAD_AFTER_BE = frozenset({"expected", "set", "scheduled", "due", "poised", "slated",
                            "going", "preparing", "planning", "about", "planned"})
AHEAD_VERBS = frozenset({"plan", "intend", "aim"})
AHEAD_FOR = frozenset({"set", "scheduled", "slated", "due", "planned", "expected"})


def _tells_ahead(main) -> bool:
    """Whether the main verb tells an act ahead: "will speak", "is expected to speak",
    "is expected by some to speak", "plans to speak", a headline's "expected to speak"."""
    doc, i = main.doc, main.i
    if main.tag_ == "MD":
        return main.lower_ in AHEAD_AUXILIARIES
    following = [t.lower_ for t in doc[i + 1:i + 3]]
    if main.lemma_.lower() == "be":  # "is set to vote", "is scheduled for Monday"
        if len(following) == 2 and following[1] == "by":  # "is expected by some to"
            after = [t.lower_ for t in doc[i + 3:i + 8]]
            return following[0] in AHEAD_AFTER_BE and "to" in after
        return len(following) == 2 and following[0] in AHEAD_AFTER_BE and (
            following[1] == "to" or (following[1] == "for" and following[0] in AHEAD_FOR))
    auxiliary = i > 0 and doc[i - 1].lemma_.lower() in ("be", "have")
    if main.lower_ in AHEAD_AFTER_BE and main.tag_ in ("VBD", "VBN") and not auxiliary and \
            following[:1] == ["to"]:
        return True  # a headline's passive without "is": "Ruiz expected to run"
    return main.lemma_.lower() in AHEAD_VERBS and following[:1] == ["to"]


def _subordinate_spans(tokens) -> list[tuple[int, int]]:
    """Character spans of the subordinate clauses, as `_main_verb` reads them: from a
    relative word or subordinating conjunction to the next clause break (or the end)."""
    spans, start = [], None
    for token in tokens:
        if token.text in CLAUSE_BREAKS and start is not None:
            spans.append((start, token.idx))
            start = None
        elif start is None and (token.tag_ in ("WDT", "WP", "WP$", "WRB")
                                or token.pos_ == "SCONJ"):
            start = token.idx
    if start is not None and tokens:
        spans.append((start, tokens[-1].idx + len(tokens[-1].text)))
    return spans


def _main_verb(tokens):
    """The first finite verb outside a subordinate clause: one opened by a relative word
    or a subordinating conjunction ("who", "which", "because", "if", "that") runs to the
    next comma, dash, semicolon or bracket ("If he wins, he will run": "will"; "Ruiz, who
    said that she should go, resigned": "resigned"). None when every finite verb is in
    one ("Whoever wins will face a test", no parse to close it)."""
    subordinate = closed = False
    for token in tokens:
        if token.text in CLAUSE_BREAKS:
            closed, subordinate = subordinate, False
            continue
        if token.tag_ in ("WDT", "WP", "WP$") or token.pos_ == "SCONJ":
            subordinate = True
        elif not subordinate and (token.tag_ in FINITE_VERB_TAGS or
                                  (closed and token.tag_ == "VBN")):
            # "Ruiz, who said so, watched": a past the tagger takes for a participle
            return token
        closed = False
    return None


def _opens_quotation(tokens, i: int) -> bool:
    """Whether token i is the first word of a quotation (after an opening quotation mark:
    “ or ‘, or a straight one with a space before it and none after)."""
    if i == 0 or tokens[i - 1].text not in ('"', "“", "‘", "'"):
        return False
    mark = tokens[i - 1]
    if mark.text in ("“", "‘"):
        return True
    return not mark.whitespace_ and (i == 1 or bool(tokens[i - 2].whitespace_))


def _hyphen_joined(tokens, i: int) -> bool:
    """Whether tokens i, i+1, i+2 are one word written with a hyphen ("fund-raiser")."""
    if i + 2 >= len(tokens) or tokens[i + 1].text != "-":
        return False
    return not tokens[i].whitespace_ and not tokens[i + 1].whitespace_ and \
        tokens[i].is_alpha and tokens[i + 2].is_alpha


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter changed, or with one letter added (len(b) >= len(a))."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return len(b) == len(a) + 1 and a[i:] == b[i + 1:]


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    """Runs of n words with at least two content words (not "that we are going to")."""
    runs = (tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return {run for run in runs if sum(w not in STOP_WORDS for w in run) >= 2}
