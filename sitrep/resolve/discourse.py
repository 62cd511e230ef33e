"""What an article establishes as it goes, for resolving what a phrase alone cannot:

- its **setting**: the country where the story happens (the dateline, the places of the
  title and of the lead, then the places and countries of the rest, by weight). Local
  institutions and people the text gives no country ("police", "the court", "protesters",
  "Prime Minister Ardern") belong to the country where they act: the event's own place,
  else the setting (in an article too short for one, the one country of its towns);
- its **people**: every named person with the code their fullest description gives
  ("Interior Minister Joachim Brudziński", "Kurt Volker, the United States special envoy",
  "Ayse Kaya is a Turkish national"),
  known afterwards by surname ("Brudziński said");
- who **he** and **she** are: the latest person named before the pronoun, a subject of the
  previous sentences first, of the pronoun's sex where the article tells it (a title, a
  noun of kin or rank, a pronoun that can stand for no one else: "Arce met Ana Ruiz, the
  party's chairwoman. She accused him ..." is Ruiz); for a pronoun an act is done to, never
  its doer.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitrep.records import ArticlePlace, Article, Entity
from sitrep.resolve.actors import ActorCode, ActorDictionary
from sitrep.resolve.places import Gazetteer

# Weights of the evidence for the setting (see `setting_of`).
DATELINE_WEIGHT = 6.0
TITLE_WEIGHT = 3.0
LEAD_PLACE_WEIGHT = 2.0
LEAD_COUNTRY_WEIGHT = 1.0
PARAGRAPH_WEIGHT = 0.5
BODY_WEIGHT = 0.2
# A place named as the venue of a meeting counts this share of its weight (venue_words).
VENUE_SHARE = 0.25
# A setting needs this much evidence and an article of this many sentences: a sentence or
# two naming a country is a report about that country, not a story set there.
MIN_SETTING_SCORE = 2.0
MIN_SETTING_SENTENCES = 3
# A setting is clear when its evidence is at least this many times the next country's.
CLEAR_SETTING_RATIO = 2.0
# How many sentences back a pronoun looks for its person.
PRONOUN_REACH = 3
# The sex each pronoun of a person tells.
PRONOUN_SEX = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}


@dataclass(frozen=True)
class PersonMention:
    start: int  # offsets of the name
    end: int
    surname: str  # lower case
    subject: bool  # the name is a clause's subject (a likelier antecedent)
    sentence: int


@dataclass
class Discourse:
    setting: str | None = None
    setting_clear: bool = False  # the setting's evidence far ahead of any other country's
    people: dict[str, ActorCode] = field(default_factory=dict)  # surname -> code
    mentions: list[PersonMention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # short names the article gives in brackets after a body's full name, and the code of
    # that name: "the UK's Serious Fraud Office (SFO)" -> {"SFO": GBR}
    short_names: dict[str, ActorCode] = field(default_factory=dict)
    # first words of full names that stand for the person alone later, family name first
    # ("Jong" after "Jong Woo Son"): word -> (surname key, where the full name was told)
    family_first: dict[str, tuple[str, int]] = field(default_factory=dict)
    # where the names of people are (not a country's adjective the tagger read as one)
    name_spans: set[tuple[int, int]] = field(default_factory=set)
    # surname -> "he" or "she", where the article tells the person's sex
    sexes: dict[str, str] = field(default_factory=dict)
    # in an article too short for a setting, the one country of the towns and regions it
    # names ("Police in Arequipa arrested ..."): where its unplaced local people are
    short_home: str | None = None

    def short_name_in(self, text: str) -> ActorCode | None:
        """The code of a short name the article introduced, when a phrase is just it ("the
        SFO", "SFO's")."""
        words = [w.removesuffix("'s").removesuffix("’s") for w in text.split()
                 if w.lower() != "the"]
        return self.short_names.get(words[0]) if len(words) == 1 else None

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def surname_at(self, word: str, offset: int) -> str:
        """The surname key a name's word at `offset` stands for: itself, or the person
        whose full name it began earlier, family name first ("Jong" after "Jong Woo
        Son")."""
        found = self.family_first.get(word)
        return found[0] if found is not None and found[1] < offset else word

    def person(self, surname: str | None) -> ActorCode | None:
        return self.people.get(surname) if surname else None

    def known_surname(self, text: str, offset: int | None = None) -> str | None:
        """The surname of a person named earlier, when a phrase is just that name
        ("Callamard", "Mr Callamard"), with what an apposition adds ("Callamard, 54"); at
        `offset`, also a family name told first ("Jong" after "Jong Woo Son")."""
        words = [w for w in text.split(",")[0].split() if w[:1].isupper()]
        if not words or len(words) > 2:
            return None
        surname = words[-1].lower().removesuffix("'s").removesuffix("’s")
        if offset is not None and surname not in self.people:
            surname = self.surname_at(surname, offset)
        return surname if surname in self.people else None

    def named_in_full_before(self, surname: str, offset: int | None) -> bool:
        """Whether a person of that surname was named before `offset` by more than the
        surname ("Senator Paulo Lima" before "Lima")."""
        return offset is not None and any(
            m.surname == surname and m.start < offset and m.end - m.start > len(surname)
            for m in self.mentions)

    def person_in(self, entity: Entity) -> str | None:
        """The surname of the first person named inside a party's phrase, if any."""
        if entity.start is None:
            return None
        index = bisect.bisect_left(self.mention_starts, entity.start)
        if index < len(self.mentions) and self.mentions[index].end <= entity.end:
            return self.mentions[index].surname
        return None


    def antecedent(self, offset: int, other_than: str | None = None,
                   pronoun: str | None = None) -> PersonMention | None:
        """The person a "he"/"she" at `offset` stands for: the latest named person before
        it in its own or the previous sentences, a subject before any other, not one of
        the other sex than the `pronoun`'s; never the person of surname `other_than` (the
        doer, when the pronoun is done to)."""
        index = bisect.bisect_left(self.mention_starts, offset)
        sentence = self.sentence_of(offset)
        sex = PRONOUN_SEX.get(pronoun.lower()) if pronoun else None
        candidates = [m for m in self.mentions[:index][::-1]
                      if sentence - m.sentence <= PRONOUN_REACH
                      and (other_than is None or m.surname != other_than)
                      and self.sexes.get(m.surname, sex) == sex]
        if not candidates:
            return None
        subjects = [m for m in candidates if m.subject and m.sentence < sentence]
        same = [m for m in candidates if m.sentence == sentence]
        return (same or subjects or candidates)[0]


def person_names(doc: Doc, actors: ActorDictionary) -> list[Span]:
    """The names the tagger read as people's, but for a country's adjective before a noun
    ("*Nigerien* troops", "*Sri Lankan Tamil* rebels")."""
    return [ent for ent in doc.ents
            if ent.label_ == "PERSON" and not _demonym_misread(ent, actors)]


def outside_names(doc: Doc, countries: Sequence[ActorCode],
                  actors: ActorDictionary) -> list[ActorCode]:
    """The country mentions that are not part of a longer person's name ("Lima" in "Paulo
    Lima" names no country; "Sri Lankan" in "Sri Lankan Tamil rebels", however tagged,
    does)."""
    names = [(e.start_char, e.end_char) for e in person_names(doc, actors)]
    return [c for c in countries if not any(
        start <= c.start and c.end <= end and (start, end) != (c.start, c.end)
        for start, end in names)]


def build_discourse(doc: Doc, article: Article, actors: ActorDictionary, gazetteer: Gazetteer,
                    places: Sequence[ArticlePlace], countries: Sequence[ActorCode],
                    when: date | None, venue_words: frozenset[str] = frozenset(),
                    sex_words: dict[str, frozenset[str]] | None = None) -> Discourse:
    """What the article establishes (module docstring). `sex_words`: for "he" and "she",
    the words that tell a person is of that sex."""
    discourse = Discourse(sentence_starts=[s.start_char for s in doc.sents])
    discourse.setting, discourse.setting_clear = _setting(doc, article, actors, gazetteer,
                                                          places, countries, venue_words)
    if len(discourse.sentence_starts) < MIN_SETTING_SENTENCES:
        homes = {p.country for p in places
                 if p.country and p.kind not in ("country", "demonym")
                 and not _is_venue(doc, p, venue_words)}
        discourse.short_home = homes.pop() if len(homes) == 1 else None
    names = person_names(doc, actors)
    discourse.name_spans = {(ent.start_char, ent.end_char) for ent in names}
    discourse.family_first = _family_names_first(names)
    for ent in names:
        if not ent.text[:1].isupper():
            continue
        surname = discourse.surname_at(_surname(ent[-1]), ent.start_char)
        root = ent.root
        discourse.mentions.append(PersonMention(
            ent.start_char, ent.end_char, surname,
            subject=root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")),
            sentence=discourse.sentence_of(ent.start_char)))
        if surname not in discourse.people:
            code = _describe(ent, actors, when)
            if code is not None and code.code:
                discourse.people[surname] = code
    discourse.mentions += _surnames_misread(doc, discourse)
    discourse.mentions.sort(key=lambda m: m.start)
    discourse.mention_starts = [m.start for m in discourse.mentions]
    discourse.short_names = _short_names(doc, actors, when)
    discourse.sexes = _sexes(doc, names, discourse, sex_words or {})
    return discourse


def _surnames_misread(doc: Doc, discourse: Discourse) -> list[PersonMention]:
    """The later mentions of a person named in full before that the tagger took for no
    person's ("Mendoza said" after "Carlos Mendoza", read as a place): a capitalised word
    alone, the surname of one named before, outside any longer name."""
    full = {}  # surname -> where the person was first named in full
    for m in discourse.mentions:
        if m.end - m.start > len(m.surname):
            full.setdefault(m.surname, m.start)
    found = []
    for token in doc:
        surname = discourse.surname_at(token.lower_, token.idx)
        if (token.pos_ != "PROPN" or surname not in full or full[surname] >= token.idx
                or token.ent_type_ == "PERSON"
                or (token.ent_type_ and len(_entity_of(token)) > 1)):
            continue
        found.append(PersonMention(
            token.idx, token.idx + len(token), surname,
            subject=token.dep_ in ("nsubj", "nsubjpass"),
            sentence=discourse.sentence_of(token.idx)))
    return found


def _surname(token: Token) -> str:
    return token.text.lower().removesuffix("'s").removesuffix("’s")


def _family_names_first(names: list[Span]) -> dict[str, tuple[str, int]]:
    """The first words of full names that may stand alone for the person later, as in
    names told family name first ("Jong Woo Son" ... "Jong said"): first word -> the
    person's surname key and where the full name was told. Not a word that begins the
    names of two people ("Kim Jong Un", "Kim Yo Jong") or is someone's last name."""
    last = {_surname(ent[-1]) for ent in names if len(ent) > 1}
    firsts: dict[str, set[str]] = {}
    told: dict[str, int] = {}
    for ent in names:
        if len(ent) < 2 or not ent[0].text[:1].isupper() or ent[0].pos_ != "PROPN":
            continue
        first = ent[0].lower_
        firsts.setdefault(first, set()).add(_surname(ent[-1]))
        told.setdefault(first, ent.start_char)
    return {first: (surnames.pop(), told[first]) for first, surnames in firsts.items()
            if len(surnames) == 1 and first not in last}


def _entity_of(token: Token) -> Span:
    return next(e for e in token.doc.ents if e.start <= token.i < e.end)


def _sexes(doc: Doc, names: list[Span], discourse: Discourse,
           sex_words: dict[str, frozenset[str]]) -> dict[str, str]:
    """Each person's sex where the article tells it: by the words that describe them (a
    title, a noun of kin or rank: "Ms. Ruiz", "his sister Ana Ruiz", "Ana Ruiz, a mother of
    two"), else by a pronoun after them in a sentence they are the subject of and that names
    no one else before it ("Ruiz said she ...", "Ruiz and her aides"). Contradicting
    evidence tells nothing."""
    described: dict[str, set[str]] = {}
    told: dict[str, set[str]] = {}
    for ent in names:
        surname = _surname(ent[-1])
        words = {w.lower_ for w in _describing_words(ent)}
        for sex, known in sex_words.items():
            if words & known:
                described.setdefault(surname, set()).add(sex)
    for token in doc:
        sex = PRONOUN_SEX.get(token.lower_)
        if sex is None or token.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue  # "Arce praised her": an object is not the subject named before
        sentence = discourse.sentence_of(token.idx)
        named = [m for m in discourse.mentions if m.sentence == sentence and m.start < token.idx]
        if len({m.surname for m in named}) == 1 and named[0].subject:
            told.setdefault(named[0].surname, set()).add(sex)
    sexes = {surname: next(iter(found)) for surname, found in told.items() if len(found) == 1}
    sexes.update({surname: next(iter(found)) for surname, found in described.items()
                  if len(found) == 1})
    return sexes


def _describing_words(name: Span) -> list[Token]:
    """The words that describe a named person: the name's own words before the surname
    ("Queen Ana"), the words before it that modify it ("his sister Ana Ruiz"), the noun it
    stands beside ("Ruiz's wife, Ana"), and the head of an apposition after it ("Ana Ruiz,
    a mother of two"); none of another name."""
    doc = name.doc
    words = list(name[:-1])
    start = name.start
    while start > 0 and name.start <= doc[start - 1].head.i < name.end and not (
            doc[start - 1].is_punct or doc[start - 1].ent_type_ == "PERSON"):
        start -= 1
        words.append(doc[start])
    root = name.root
    if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN":
        words.append(root.head)
    words += [c for c in root.children if c.dep_ == "appos" and c.i > root.i
              and c.ent_type_ != "PERSON"]
    return words


def _short_names(doc: Doc, actors: ActorDictionary, when: date | None) -> dict[str, ActorCode]:
    """Short names given in brackets after a body's full name ("the UK's Serious Fraud
    Office (SFO)"), with the code the full name has, where the dictionary does not know the
    short name itself."""
    found: dict[str, ActorCode] = {}
    for token in doc[1:-2]:
        short, close = doc[token.i + 1], doc[token.i + 2]
        if token.text != "(" or close.text != ")" or not short.text.isupper() or not (
                2 <= len(short.text) <= 8) or actors.resolve(short.text, when) is not None:
            continue
        name = doc[token.i - 1]
        phrase = doc[name.left_edge.i: name.i + 1]
        code = actors.resolve(phrase.text, when)
        if code is not None and code.code:
            found.setdefault(short.text, code)
    return found


def _demonym_misread(name: Span, actors: ActorDictionary) -> bool:
    """A country's adjective the tagger took for a person's name, alone or with a people's
    name after it, before the noun it describes ("*Nigerien* troops", "*Sri Lankan Tamil*
    rebels"): no person."""
    if name.root.dep_ not in ("amod", "compound") or name.root.head.pos_ != "NOUN":
        return False
    found = actors.resolve(name.text, None)
    return actors.is_country_match(found) and found.start == 0 and (
        found.matched == name.text or name.text.startswith(found.matched + " "))


def _describe(name: Span, actors: ActorDictionary, when: date | None) -> ActorCode | None:
    """The code of a person's description around their name: titles and nationality before
    it, an apposition after it ("Kurt Volker, the United States special envoy")."""
    root = name.root
    head = root
    while head.dep_ in ("compound", "appos") and head.head.i != head.i and head.i != head.head.i:
        head = head.head
    phrase = _noun_phrase(head)
    found = actors.resolve_beside_names(phrase.text, when, [
        (name.start_char - phrase.start_char, name.end_char - phrase.start_char)])
    if found is not None and found.code:
        return found
    for token in (root, head):
        for child in token.children:
            if child.dep_ == "appos":
                found = actors.resolve(_noun_phrase(child).text, when)
                if found is None or not found.code:
                    # "a researcher at Human Rights Watch", "a spokeswoman for the ministry":
                    # the body the apposition's head serves
                    found = actors.resolve(_affiliation_phrase(child).text, when)
                if found is not None and found.code:
                    return found
    return _said_to_be(head, actors, when) or _from_country(root, head, actors, when)


def _from_country(root: Token, head: Token, actors: ActorDictionary, when: date | None
                  ) -> ActorCode | None:
    """The country a person is said to be from ("its alleged owner Tomas Varga *from
    Hungary*", "a student from Chile"): where they come from, a country's name only
    (not "from the ministry", which is whom they speak for)."""
    for token in (root, head):
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is None:
                continue
            found = actors.resolve(_noun_phrase(place).text, when)
            if actors.is_country_match(found):
                return found
    return None


AFFILIATION_PREPOSITIONS = {"at", "for", "with", "from"}


def _affiliation_phrase(head: Token) -> Span:
    """The head's words with its "at/for/with/from" phrase ("a researcher at Human Rights
    Watch"), up to any clause or further apposition."""
    doc = head.doc
    end = head.i
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS and child.i > head.i:
            end = max(end, child.right_edge.i)
    return doc[head.left_edge.i: end + 1]


def _said_to_be(name: Token, actors: ActorDictionary, when: date | None) -> ActorCode | None:
    """The code of what a copula says the named person is: "Ayse Kaya is a Turkish
    national", "Ruiz was a Chilean diplomat". Only the words before the noun count, not an
    "of" phrase, which may name another party ("a critic of the Saudi government")."""
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None:
        return None
    words = name.doc[attr.left_edge.i: attr.i + 1]
    found = actors.resolve(words.text, when)
    return found if found is not None and found.code else None


def _noun_phrase(head: Token) -> Span:
    """The head's words up to any clause, preposition other than "of", or apposition."""
    keep = [head.i]
    for child in head.subtree:
        if child.i == head.i:
            continue
        path, token = [], child
        while token.i != head.i:
            path.append(token)
            token = token.head
        if any(t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "ccomp")
               or (t.dep_ == "prep" and t.lower_ != "of") for t in path):
            continue
        keep.append(child.i)
    doc = head.doc
    return doc[min(keep): max(keep) + 1]


def setting_of(doc: Doc, article: Article, actors: ActorDictionary, gazetteer: Gazetteer,
               places: Sequence[ArticlePlace], countries: Sequence[ActorCode],
               venue_words: frozenset[str] = frozenset()) -> str | None:
    """The country where the story happens, by weighted evidence: the dateline, the title's
    places and countries, the lead sentence's places (more) and countries (less), the first
    paragraph's, then every mention in the body; a meeting's venue weighs little."""
    return _setting(doc, article, actors, gazetteer, places, countries, venue_words)[0]


def _setting(doc: Doc, article: Article, actors: ActorDictionary, gazetteer: Gazetteer,
             places: Sequence[ArticlePlace], countries: Sequence[ActorCode],
             venue_words: frozenset[str] = frozenset()) -> tuple[str | None, bool]:
    """The setting (`setting_of`), and whether it is clear: its evidence at least
    CLEAR_SETTING_RATIO times the next country's."""
    score = setting_scores(doc, article, actors, gazetteer, places, countries, venue_words)
    if not score or max(score.values()) < MIN_SETTING_SCORE:
        return None, False
    best, top = max(score.items(), key=lambda item: (item[1], -_first_offset(
        item[0], countries, places)))
    runner_up = max((v for k, v in score.items() if k != best), default=0.0)
    return best, top >= CLEAR_SETTING_RATIO * runner_up


def setting_scores(doc: Doc, article: Article, actors: ActorDictionary, gazetteer: Gazetteer,
                   places: Sequence[ArticlePlace], countries: Sequence[ActorCode],
                   venue_words: frozenset[str] = frozenset()) -> Counter[str]:
    """Each country's evidence for being the setting (see `setting_of`); empty for an
    article too short to have one."""
    sentences = list(itertools.islice(doc.sents, MIN_SETTING_SENTENCES))
    if len(sentences) < MIN_SETTING_SENTENCES:
        return Counter()
    score: Counter[str] = Counter()
    if article.dateline:
        for found in actors.find_countries(article.dateline):
            score[found.code] += DATELINE_WEIGHT
    if article.title:
        named = {found.code for found in actors.find_countries(article.title)}
        well_known = gazetteer.well_known()  # a title's word is no village
        for mention in well_known.find(article.title):
            place = well_known.resolve(mention.text, context_countries=sorted(named))
            if place is not None and place.country:
                named.add(place.country)
        for code in named:
            score[code] += TITLE_WEIGHT
    lead_end = sentences[0].end_char
    paragraph_end = article.text.find("\n\n")  # Doc.text would rebuild the whole text
    paragraph_end = len(article.text) if paragraph_end < 0 else paragraph_end
    for place in places:
        if not place.country:
            continue
        share = VENUE_SHARE if _is_venue(doc, place, venue_words) else 1.0
        if place.start < lead_end:
            score[place.country] += share * LEAD_PLACE_WEIGHT
        elif place.start < paragraph_end:
            score[place.country] += share * PARAGRAPH_WEIGHT
        score[place.country] += share * BODY_WEIGHT
    for found in countries:
        if found.start < lead_end:
            score[found.code] += LEAD_COUNTRY_WEIGHT
        elif found.start < paragraph_end:
            score[found.code] += PARAGRAPH_WEIGHT
        score[found.code] += BODY_WEIGHT
    return score


def _is_venue(doc: Doc, place: ArticlePlace, venue_words: frozenset[str]) -> bool:
    """Whether the place is named as where a meeting happens ("met in Doha", "talks in
    Geneva", "a summit in Brussels")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not venue_words:
        return False
    prep = span.root.head
    return (span.root.dep_ == "pobj" and prep.lower_ in ("in", "at")
            and prep.head.lemma_.lower() in venue_words)


def across_a_border(doc: Doc, start: int, end: int, border_nouns: frozenset[str]) -> bool:
    """Whether the place at [start, end) is the far side of a border ("the border with
    Venezuela", "its frontier with Chad")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    with_ = span.root.head
    # the parse may hang "with" on the verb ("ambushed a patrol on the frontier with Chad")
    border = {with_.head.lemma_.lower(), doc[with_.i - 1].lemma_.lower() if with_.i else ""}
    return (span.root.dep_ == "pobj" and with_.lower_ == "with"
            and not border.isdisjoint(border_nouns))


def _first_offset(code: str, countries: Sequence[ActorCode],
                  places: Sequence[ArticlePlace]) -> int:
    offsets = [c.start for c in countries if c.code == code]
    offsets += [p.start for p in places if p.country == code]
    return min(offsets, default=10**9)
