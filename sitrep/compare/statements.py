"""Every sentence of an article as a `Statement`: who says it, and in whose voice.

Sources come, in order of preference, from
1. the attribution the extract stage gave an event of the sentence (parse-based), when its
   words stand in the sentence outside its quotations;
2. surface patterns: "..., X said.", '"...," said X.', "X said (that) ...", "X declared:
   ...", "X called the plan “bold” and said ...", "X (D-Vellin), the mayor, said ...",
   "the aide, X, 31, who ..., wrote ..., saying “...”", "according to X" (verbs and words in
   `sitrep/data/compare/attribution.toml`); quoted words a document reports someone said
   are that speaker's ("X told Y to “...”, the indictment said": X);
3. an event attribution the parse carried over from an earlier sentence;
4. a quotation with no source of its own after a sentence with one that ends in a colon
   ("Ruiz wrote:", "..., tweeting:", "He continued:"), or in a paragraph where another
   quotation has one (the same speaker goes on: `"A," it said. "B."`).
"the senator" stands for the person the article last named "Sen. Ana Ruiz" (or "the aide"
for the one named "the aide, Ana Ruiz,"); "the agency", "the spokesman" for the last source
named in full; a pronoun for the source the previous sentence opens with, else "he"/"she"
for a person's full name opening it, else for the person the sentences before are about
("The president opted ... But he ..."), else for the one person of the pronoun's sex the
previous sentence names with a title ("Ms. Ruiz"), else the nearest earlier source it can
refer to ("she" a person and no "Mr.", "it" no person: `sources.SourceKinds`).
Voice: `own` (no source: the outlet speaks), `quoted` (mostly inside quotation marks),
`attributed` (paraphrase of a source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sitrep.compare.knowledge import Knowledge
from sitrep.compare.records import Source, Statement
from sitrep.compare.sources import WORD, SourceKinds
from sitrep.compare.text import quotation_spans, quoted_share, sentences
from sitrep.package_data import read_toml
from sitrep.records import StoredArticle
from sitrep.resolve.dates import find_date_expressions

DETERMINERS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")
OPENING_PREPOSITIONS = ("in", "on", "at", "during", "after")
# words that open a clause or a prepositional phrase, never a source phrase
OPENING_CONNECTIVES = {"or", "and", "but", "nor", "with", "without", "for", "from", "by", "of",
                       "to", "in", "on", "at", "as", "than", "into", "about", "after"}
MIN_WORDS = 3  # shorter "sentences" are credit lines and labels: "(Yonhap)"
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
LEADING_CONJUNCTIONS = {"as", "but", "and", "yet", "so", "while", "when", "whereas", "although",
                        "though", "because", "since"}
# words that make a matched phrase a clause, not a source: "The report comes one day after
# Ruiz", "while Ruiz"
CLAUSE_WORDS = {"that", "which", "who", "and", "but", "was", "is", "were", "are", "will", "to",
                "after", "before", "while", "when", "whereas", "although", "because", "until",
                "unless", "since"}
# what follows a verb of saying that could be a plural noun ("states"): a clause or an end
CLAUSE_AFTER = re.compile(r"\s*(?:that\b|[:,.!?\"“]|$)")


@dataclass(frozen=True)
class _Patterns:
    tail: re.Pattern[str]
    quote_tail: re.Pattern[str]
    inverted: re.Pattern[str]
    inverted_opening: re.Pattern[str]
    lead: re.Pattern[str]
    coordinated: re.Pattern[str]
    apposed: re.Pattern[str]
    apposed_tail: re.Pattern[str]
    according: re.Pattern[str]
    framing: re.Pattern[str]
    participle: re.Pattern[str]
    relative: re.Pattern[str]
    continuing: re.Pattern[str]
    joined: re.Pattern[str]
    colon_lead: re.Pattern[str]
    role_apposed: re.Pattern[str]
    name_opening: re.Pattern[str]
    person_opening: re.Pattern[str]
    role_opening: re.Pattern[str]


def _patterns(knowledge: Knowledge) -> _Patterns:
    table = knowledge.attribution
    verbs = "|".join(sorted(map(re.escape, table["reporting_verbs"]), key=len, reverse=True))
    fillers = "|".join(map(re.escape, (*table["continuing_fillers"], *table["verb_fillers"])))
    gap = rf"(?:\s+(?:{fillers}))*"
    source = r"(?P<src>[^,;:\"“”()]{1,70}?)"
    # ", X said." / "," X told reporters." / ", X added in a statement." / ", X said, ahead of"
    # / "," X told reporters at a lunch hosted by the Dorsa Shipping Association." (whom and
    # where one told it may be long)
    tail = (rf"(?:,|[,.!?][\"”’])\s+{source}{gap}\s+(?:(?P<verb>{verbs})\b"
            rf"(?:\s+[^,.!?\"“”]{{1,60}})?|(?P<told>told|tells)\s+[^,.!?\"“”]{{1,100}})"
            rf"\s*(?:[,.!?]|$)")
    # '"...," Ruiz said on the Fox program “Morning Talk.”' / '"...," he said in the gym at
    # the school where he ...': right after the quotation, a subject and a reporting verb
    # say who spoke it, whatever follows
    # (also '"... say \'enough,\'" Ruiz added.', '"...," he continued.')
    said = "|".join(sorted(map(re.escape, {*table["reporting_verbs"], *table["inverted_verbs"]}),
                           key=len, reverse=True))
    quote_tail = (rf"[,.!?][’']?\s?[\"”’]\s+{source}{gap}\s+(?:(?P<verb>{said})|"
                  rf"(?P<told>told|tells))\b")
    # "," said Ana Ruiz." / "," said Ana Ruiz, a pilot." / "," added the harbour master." /
    # "," said senior adviser Ana Ruiz." (lower-case words before a name: not "said in May"),
    # "," said Ana Ruiz (D-Vellin), who ...", "," said Ana Ruiz to the Post."
    inverted_verbs = "|".join(map(re.escape, table["inverted_verbs"]))
    function_words = "|".join(map(re.escape, table["not_subject_words"]))
    modifiers = rf"(?:(?!(?:{function_words})\b)[a-z][\w-]*\s+){{1,2}}(?=[A-Z])"
    inverted = (rf"[,.!?]?[\"”’]\s+(?P<verb>{inverted_verbs})\s+"
                rf"(?P<src>(?:{modifiers})?(?:[A-Z]|the\s|a\s|an\s)[^,;:\"“”()]{{0,69}}?)"
                rf"(?:\s*\([^()]{{1,20}}\))?(?:\s+(?:to|in|on|at|during)\s[^,;:\"“”()]{{1,60}}?)?"
                rf"(?:,|[.!?]?[\"”’]?\s*$)")
    # 'Added Ruiz: "..."': the verb opens the sentence, the speaker and a colon follow
    opening_verbs = "|".join(verb.capitalize() for verb in map(re.escape, table["inverted_verbs"]))
    inverted_opening = (rf"^(?P<verb>{opening_verbs})\s+"
                        rf"(?P<src>(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w’'-]+)\s*:")
    # "X said (that) ...", "X declared on Tuesday: ..." at the start (after an introduction
    # of a clause or two: "Minutes later, however, X tweeted"), "X (D-Vellin) tweeted: ..."
    lead = (rf"^(?:[^,\"“”]{{0,80}},\s+){{0,2}}{source}(?:\s*\([^()]{{1,20}}\))?{gap}\s+"
            rf"(?P<verb>{verbs})\b")
    # "X called the meeting “wonderful” and said ...": the subject of both verbs speaks
    coordinated_verbs = "|".join(map(re.escape, table["coordinated_verbs"]))
    coordinated = (rf"^(?:[^,\"“”]{{0,80}},\s+)?{source}{gap}\s+(?:{coordinated_verbs})\s"
                   rf"[^.;!?]{{1,100}}?\s(?:and|then)(?:\s+(?:{fillers}))*\s+(?P<verb>{verbs})\b")
    # "Ana Ruiz (D-Vellin), the harbour master, said ...": a name, an apposition, the verb
    # and after a quotation: '"...," Ana Ruiz, D-Vellin, the harbour master, told ...'
    name = r"(?P<src>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)(?:\s*\([^()]{1,20}\))?,"
    according = "|".join(map(re.escape, table["according_phrases"]))
    # up to the quotation mark, within the clause (a full stop only of "Mr. Tamm")
    to_quote = r"(?:[^.;!?\"“”]|\.(?=\s+[A-Z]))"
    # "X described the plan as “reckless”", "X accused Y of “lying”": the framed quotation
    # is X's words (the clause of the verb runs on to the quotation mark)
    quoting = "|".join(sorted(map(re.escape, table["quoting_verbs"]), key=len, reverse=True))
    framing = (rf"^(?:[^,\"“”]{{0,80}},\s+)?(?!(?i:{function_words})\b){source}"
               rf"(?:\s*\([^()]{{1,20}}\))?{gap}\s+"
               rf"(?P<verb>{quoting}|{verbs})\s{to_quote}{{0,120}}[\"“]")
    # "X left the room in protest, calling the vote “a farce”": a name or a definite noun
    # phrase opens the sentence, its verb and a participle that frames the quotation follow
    participles = "|".join(map(re.escape, table["quoting_participles"]))
    heads = "|".join(map(re.escape, (*table["person_nouns"], *table["organisation_nouns"])))
    subject_words = (rf"[Tt]he\s+(?:[\w-]+\s+){{0,3}}(?:{heads})s?|(?!(?:The|A|An)\s+[a-z])"
                     rf"(?!(?i:{function_words})\b)(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w’'-]+")
    not_a_clause = rf"(?!\s+(?:{function_words})\b)"
    subject = rf"(?P<src>{subject_words}){not_a_clause}"
    # "In his speech the senator ...": a short opening phrase with no comma before "the";
    # "Republican presidential nominee Ana Ruiz ...": a name after a title in lower case
    introduction = (r"(?:[^,\"“”]{0,80},\s+|"
                    r"(?:In|On|At|During|After)\s[^,\"“”]{1,40}?\s(?=the\s))")
    person_heads = "|".join(map(re.escape, table["person_nouns"]))
    # "Ana Ruiz (D-Vellin), the harbour master, said ...", "Ana Ruiz, who ..., an engineer,
    # said ...", "Ruiz, head of the board, described the plan as “...”", and after a
    # quotation '"...," Abel Tamm Jr., D-Vellin, the harbour master, told ...': a subject,
    # an apposition of any length, the verb; a role then its holder's name alone ("the
    # board's director, Ana Ruiz, said") is that person
    holder = r"(?P<holder>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]+)"
    # the subject is a name ("Senator Ana Ruiz of Vellin", "Abel Tamm Jr.") or a noun
    # phrase after a determiner or a possessive ("the union's director", "one of the
    # mothers", "Vellin's attorney general", "the commentator Ana Ruiz"), not a clause
    # ("Ruiz's arrest came after his friend Abel Tamm, a host, testified")
    proper = r"[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,7}"
    determiner = rf"(?:[Tt]he|[Aa]n?|[Oo]ne\s+of\s+the|{proper}[’']s)"
    noun_word = rf"(?!(?i:{function_words})\b)[\w’'-]+"
    role = rf"{determiner}\s+(?:{noun_word}\s+){{0,4}}{noun_word}"
    head = rf"(?P<src>(?:{role}|{proper}))(?:\s*\([^()]{{1,20}}\))?(?=,)"
    apposition = rf",\s+(?:{holder},(?:[^\"“”]{{1,200}}?,)?|[^\"“”]{{1,200}}?,)"
    apposed_verb = (rf"{gap}\s+(?P<verb>(?:{verbs})\b|"
                    rf"(?:{quoting})(?=\s{to_quote}{{0,120}}[\"“]))")
    apposed = (rf"^(?:[^,\"“”]{{0,80}},\s+)??(?!(?i:{function_words})\b){head}{apposition}"
               rf"{apposed_verb}")
    # (or a stray comma alone: '"...," Rev. Abel Tamm of St. Mary's, told the Daily.')
    apposed_tail = rf"[,.!?][\"”’]\s+{head}(?:{apposition}|,){apposed_verb}"
    titled_name = (rf"[A-Z][\w-]+\s+(?:[a-z]+\s+)?(?:{person_heads})\s+"
                   rf"(?:[A-Z][\w.’'-]*\s+){{0,3}}[A-Z][\w’'-]+")
    participle = (rf"^{introduction}?(?P<src>{titled_name}|{subject_words}){not_a_clause}"
                  rf"(?:\s*\([^()]{{1,20}}\))?(?:\s+(?:himself|herself|itself|themselves))?{gap}"
                  rf"\s+[a-z][^;\"“”]{{0,120}}?,\s+(?P<verb>{participles})"
                  rf"\b(?:{to_quote}{{0,120}}[\"“]|[^.;!?\"“”]{{0,60}}:\s*$)")
    # "On Friday, the aide, Ana Ruiz, 31, who ..., wrote to the board, saying it should
    # “...”": the name in apposition to the subject's role, however long the apposition
    role_apposed = (rf"^{introduction}?[Tt]he\s+(?:[\w-]+\s+){{0,2}}(?:{person_heads}),\s+"
                    rf"(?P<src>(?:[A-Z][\w.’'-]*\s+){{0,3}}[A-Z][\w’'-]+),[^;\"“”]{{0,300}}?,\s+"
                    rf"(?P<verb>{participles})\b{to_quote}{{0,120}}[\"“]")
    # "The Harbour Board issued a statement after the vote:": a sentence that ends in a colon
    # introduces what its subject, a party, wrote or said
    colon_lead = (rf"^(?:[^,\"“”]{{0,80}},\s+)?(?P<src>{titled_name}|{subject_words}){not_a_clause}"
                  rf"\s+[a-z][^\"“”]{{0,160}}(?P<verb>:)\s*$")
    # "He continued: ...": the speaker goes on after a colon
    continuing_verbs = "|".join(map(re.escape, table["continuing_verbs"]))
    continuing = rf"^(?:[^,\"“”]{{0,80}},\s+)?{source}{gap}\s+(?P<verb>{continuing_verbs})\s*:"
    # "Ruiz, the top Democrat on the panel, stopped short of a vote, but she said the plan
    # ...": a clause joined after a comma, its subject a speaker and a clause after the verb
    joined = (rf",\s+(?:but|and|yet|while|though|although)\s+(?P<src>[^,;:\"“”()]{{1,40}}?)"
              rf"{gap}\s+(?P<verb>{verbs})\b(?=\s+(?:that|the|a|an|he|she|they|it|we|i|his|"
              rf"her|their|its|this|these|those)\b)")
    relative = rf"{name[:-1]},\s+who{gap}\s+(?P<verb>{verbs}|{quoting})\b{to_quote}{{0,60}}[\"“]"
    return _Patterns(
        tail=re.compile(tail, re.IGNORECASE),
        quote_tail=re.compile(quote_tail),
        inverted=re.compile(inverted),
        inverted_opening=re.compile(inverted_opening),
        lead=re.compile(lead),
        coordinated=re.compile(coordinated),
        apposed=re.compile(apposed),
        apposed_tail=re.compile(apposed_tail),
        according=re.compile(rf"\b(?:{according})\s+(?P<src>[^,.;:\"“”]{{2,70}})", re.IGNORECASE),
        framing=re.compile(framing),
        participle=re.compile(participle),
        relative=re.compile(relative),
        continuing=re.compile(continuing),
        joined=re.compile(joined),
        colon_lead=re.compile(colon_lead),
        role_apposed=re.compile(role_apposed),
        name_opening=re.compile(rf"{subject}\s+[a-z]"),
        # a name, an optional apposition ("Ana Ruiz, D-Vellin,") and a verb
        person_opening=re.compile(rf"{name[:-1]}(?:,\s+[^,\"“”]{{1,40}},)?\s+[a-z]"),
        # a person's role and the name in apposition ("The board's lawyer, Ana Ruiz, ...")
        role_opening=re.compile(rf"(?:The|A|An)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{person_heads}),"
                                rf"\s+{name}"),
    )


# what a source phrase swallows around the name: a dateline before it ("FERGUSON, Mo. --
# Ana Ruiz"), a party tag and what follows ("Ana Ruiz (D-Vel.), the chair"), the day after
# it ("Ruiz on Friday", "Ruiz later on Monday")
DATELINE = re.compile(r"^.*\s(?:--|—)\s+")
PARTY_TAG = re.compile(r"\s*\([^()]{1,20}(?:\)|$).*$")
DAY_AFTER = re.compile(r"\s+(?:(?:later|earlier)\s+)?(?:on|last|this)\s+"
                       r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")


PROPER_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*")


def _clean(text: str) -> str:
    name = " ".join(text.replace("*", "").split()).strip(" -—")
    name = DAY_AFTER.sub("", PARTY_TAG.sub("", DATELINE.sub("", name))) or name
    # a name and its apposition ("Ana Ruiz, the board's counsel") is the name; a role and
    # its holder's name ("the board's counsel, Ana Ruiz") the holder's
    parts = name.split(", ")
    if len(parts) > 1:
        if PROPER_NAME.fullmatch(parts[0]):
            name = parts[0]
        elif PROPER_NAME.fullmatch(parts[1]) and parts[0].split()[-1].islower():
            name = parts[1]
    lowered = name.lower()
    for determiner in DETERMINERS:
        if lowered.startswith(determiner):
            return name[len(determiner):]
    return name


class _Attributor:
    """Finds sentence sources in one article, remembering the last named one."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.patterns = _patterns(knowledge)
        table = knowledge.attribution
        self.anaphoric = knowledge.words(table, "anaphoric_sources")
        self.indefinite = knowledge.words(table, "indefinite_words")
        self.anonymous_nouns = knowledge.words(table, "anonymous_nouns")
        self.kinds = SourceKinds(knowledge)
        # a verb inside a matched phrase makes it a clause: "the lawmakers slammed X for his"
        self.clause_verbs = knowledge.words(table, "quoting_verbs") | \
            knowledge.words(table, "coordinated_verbs")
        self.role_titles: dict[str, list[str]] = table.get("role_titles", {})
        self.noun_forms = knowledge.words(table, "plural_noun_forms")
        self.documents = knowledge.words(table, "document_nouns")
        self.issuing = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+")
                                        for v in table.get("issuing_verbs", ())),
                                       key=len, reverse=True)) or r"(?!)"
        spokes = "|".join(map(re.escape, table.get("spokesperson_roles", ()))) or r"(?!)"
        self.speaker_for = re.compile(
            rf",\s+(?:an?\s+|the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{spokes}))\s+for\s+"
            rf"(?P<party>[^,;:\"“”()]{{2,60}}?)\s*(?:[,(]|\.?\s*$)")
        people = read_toml("lexicon/arguments.toml")["actors"]  # shared with resolve
        self.sex_words = {"she": knowledge.words(people, "she_words"),
                          "he": knowledge.words(people, "he_words")}
        # capitalised words that are no one's given name: "President Ana Ruiz" is Ana Ruiz
        self.not_given_names = (
            self.kinds.words["person_titles"] | self.kinds.words["person_nouns"]
            | self.kinds.words["organisation_nouns"] | knowledge.words(table, "not_subject_words")
            | {"the", "a", "an"} | {w.lower() for titles in self.role_titles.values()
                                   for title in titles for w in title.split()})
        self.named: list[tuple[Source, str | None]] = []  # sources named in full, with kinds
        self.previous = ""  # the sentence before the one being attributed
        # the person the sentences before are about: one a sentence opened with ("The
        # president opted ...", "Ruiz ..."), kept while sentences open with "he"/"she"
        self.topic: Source | None = None
        self.text = ""  # the article's text, read up to `end`: the names given so far
        self.end = 0

    def is_anaphoric(self, text: str) -> bool:
        words = text.split()
        rest = words[1:]
        # "it", "the agency", "the spokesman": a pronoun or a bare anaphoric head
        if len(words) == 1:
            # a bare plural ("according to officials") names someone anonymous, not the
            # officials named before
            word = words[0].lower()
            return word in self.anaphoric and not (word in self.anonymous_nouns
                                                   and word.endswith("s"))
        head = words[-1].lower()
        return (words[0].lower() in ("the", "this", "that") and head in self.anaphoric
                and not any(w[:1].isupper() for w in rest))

    def is_anonymous(self, text: str) -> bool:
        words = text.lower().split()
        if not words or words[-1] not in self.anonymous_nouns:
            return False
        return words[0] in self.indefinite or (words[-1].endswith("s") and words[0] != "the")

    def source(self, text: str, code: str | None = None, refers_to: str | None = None,
               speaks_for: str | None = None) -> Source:
        if refers_to:
            return Source(text=text, name=_clean(refers_to), code=code)
        holder = self._role_holder(text)
        if holder is not None:
            named = Source(text=text, name=holder, code=code)
            self.named.append((named, "person"))
            return named
        author = self._document_author(text)
        if author is not None:
            return Source(text=text, name=author, code=code)
        if self.is_anaphoric(text):
            last = self._previous_subject(text) or self._topic_for(text) or \
                self._titled_in_previous(text) or next(
                (s for s, kind in reversed(self.named)
                 if len(text.split()) > 1 or (self.kinds.can_stand_for(text, kind)
                                              and self._sex_allows(text, s))), None)
            if last is None:
                return Source(text=text, name=_clean(text), code=code)
            return Source(text=text, name=last.name, code=code or last.code,
                          anonymous=last.anonymous)
        name = _clean(text)
        if speaks_for:  # who speaks and for whom: a spokesperson's words are the party's
            name = f"{name}, {speaks_for}"
        named = Source(text=text, name=name, code=code, anonymous=self.is_anonymous(text))
        self.named.append((named, self.kinds.kind(text)))
        return named

    def _document_author(self, text: str) -> str | None:
        """Whose words a document's are: "the suit says" is the party the article said
        brought it ("a lawsuit from Vellin and Dorsa", "Vellin filed a suit", "the board's
        letter", "the Ruiz campaign hit back with an ad of its own")."""
        words = text.split()
        if not words or words[0].lower() not in ("the", "this", "that", "a", "an", "its",
                                                  "their"):
            return None
        head = next((w for w in reversed(words[1:]) if w.lower() in self.documents), None)
        if head is None:
            return None
        alike = "|".join(sorted({re.escape(d) for d in self.documents
                                 if d.endswith(head.lower()) or head.lower().endswith(d)},
                                key=len, reverse=True))
        noun = rf"(?i:{alike})"
        bodies = "|".join(map(re.escape, self.kinds.words["organisation_nouns"]))
        party = (r"(?P<author>(?:[Tt]he\s+)?(?!(?:The|A|An)\b)[A-Z][\w.’'-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w.’'-]*)"
                 rf"{{0,5}}(?:\s+(?:{bodies})\b)?)")
        forms = [rf"\b{noun}\s+(?:(?:filed|brought|signed|sent|written|issued|paid\s+for)\s+)?"
                 rf"(?:from|by)\s+{party}",
                 rf"{party}(?:’s|'s|’|')\s+(?:[\w-]+\s+){{0,2}}{noun}\b",
                 rf"{party}\s+(?:[a-z]+\s+){{0,2}}?(?:{self.issuing})\s+(?:a|an|its|their|his|"
                 rf"her)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b"]
        found = [(m.start(), i, m.group("author")) for i, form in enumerate(forms)
                 for m in self._so_far(form)]
        if not found:
            return None
        _, form, author = max(found)
        # the name in the sentence of the document: "a letter from Ana Ruiz. The", "...
        # Medicare. The Ruiz campaign ran an ad"
        parts = re.split(r"(?<=[a-z]{2})\.\s+", author)
        return _clean(parts[0] if form == 0 else parts[-1])

    def _role_holder(self, text: str) -> str | None:
        """The person a definite role stands for: "the senator" is whom the article last
        called "Sen. Ana Ruiz" or "Senator Ana Ruiz", "the aide" whom it named in
        apposition ("the aide, Ana Ruiz,"); "the Republican senator" too."""
        words = text.split()
        if len(words) < 2 or words[0].lower() not in ("the", "this") or any(
                w[:1].isupper() for w in words[1:]):
            return None
        role = next((" ".join(words[i:]).lower() for i in range(1, min(4, len(words)))
                     if " ".join(words[i:]).lower() in self.role_titles), None)
        if role is None and words[-1].lower() in self.kinds.words["person_nouns"] and \
                len(words) <= 4:
            role = words[-1].lower()
        if role is None:
            return None
        name = r"((?:[A-Z][\w’'-]+\s+|[A-Z]\.\s+){0,3}[A-Z][\w’'-]+)"
        forms = [rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}{re.escape(role)},\s+{name},"]
        titles = self.role_titles.get(role, [])
        if titles:
            forms.append(rf"(?<![\w.])(?:{'|'.join(map(re.escape, titles))})\s+{name}")
        found = [m for form in forms for m in self._so_far(form)]
        if not found:
            return None
        holder = max(found, key=lambda m: m.start()).group(1)
        return self._full_name(re.sub(r"['’]s$", "", holder))

    def _full_name(self, name: str) -> str:
        """A person a role stands for, named by surname alone ("President Ruiz"), as the
        article named them in full before ("Ana Ruiz", "Sen. Ana M. Ruiz": "Ana M. Ruiz"),
        when it named one person of that surname. (A source written as a surname keeps it:
        its words are keys of the sentence's meaning, and a given name added to both sides
        would make two articles' sentences look closer than their words are.)"""
        words = name.split()
        if len(words) == 2 and words[0].lower() in self.kinds.words["person_titles"]:
            words = words[1:]
        surname = words[0]
        if len(words) > 1 or not re.fullmatch(r"[A-Z][\w’'-]+", surname) or \
                surname.lower() in self.not_given_names:
            return name
        full = set()
        for mention in self._so_far(
                rf"((?:[A-Z][\w’'-]+\s+|[A-Z]\.\s+){{1,3}}){re.escape(surname)}\b"):
            given = mention.group(1).split()
            while given and given[0].lower() in self.not_given_names:
                given.pop(0)
            if given and not any(w.lower() in self.not_given_names for w in given):
                full.add(" ".join((*given, surname)))
            # "Malia and Sasha Obama": two people of that surname
            shared = re.search(r"([A-Z][\w’'-]+)\s+and\s+$", self.text[:mention.start()])
            if shared and shared.group(1).lower() not in self.not_given_names:
                full.add(f"{shared.group(1)} {surname}")
        # two people of one surname ("George Conway", "Kellyanne Conway"): the words do not
        # say which
        return full.pop() if len(full) == 1 else name

    def _so_far(self, pattern: str):
        """The pattern's matches in the article up to the end of the current sentence."""
        return re.compile(pattern).finditer(self.text, 0, self.end)

    def _topic_for(self, pronoun: str) -> Source | None:
        """The person the sentences before are about, when "he"/"she" can stand for them."""
        topic = self.topic
        if topic is None or pronoun.lower() not in self.sex_words:
            return None
        kind = next((kind for source, kind in self.named if source is topic), "person")
        allowed = self.kinds.can_stand_for(pronoun, kind) and self._sex_allows(pronoun, topic)
        return topic if allowed else None

    def note_opening(self, sentence: str) -> None:
        """Follow whom the sentences are about: a sentence opening with "he"/"she" goes on
        about the same person; one opening with a role the article gave a name ("The
        president ...") or with a source's surname is about that person; any other about
        no one the words tell."""
        words = WORD.findall(sentence)
        if words and words[0].lower() in ("but", "and", "yet", "so"):
            words = words[1:]
        if not words or words[0].lower() in self.sex_words:
            return
        self.topic = None
        if words[0].lower() == "the" and len(words) > 1:
            role = next((" ".join(words[:n]) for n in (3, 2)
                         if " ".join(words[1:n]).lower() in self.role_titles), None)
            holder = self._role_holder(role.lower()) if role else None
            if holder is not None:
                self.topic = next((s for s, _ in reversed(self.named) if s.name == holder),
                                  None) or Source(text=role, name=holder)
            return
        self.topic = next((s for s, _ in reversed(self.named)
                           if _surname(s) == words[0]), None)

    def _sex_allows(self, pronoun: str, source: Source) -> bool:
        """Whether "he"/"she" can stand for the source: not "she" for "Mr. Tamm"."""
        other = {"he": "she", "she": "he"}.get(pronoun.lower())
        return other is None or not any(w.lower() in self.sex_words[other]
                                        for w in source.text.split())

    def _titled_in_previous(self, pronoun: str) -> Source | None:
        """The one person the sentence before names, outside its quotations, with a title of
        the pronoun's sex: "Enter Ms. Ruiz, the harbour master." then '"...," she wrote.'
        (of two, which one the pronoun means the words do not say)."""
        titles = self.sex_words.get(pronoun.lower())
        if not titles:
            return None
        unquoted = re.sub(r"[“\"][^”\"]*[”\"]", " ", self.previous)
        named = {(m.group(1), m.group(2)) for m in re.finditer(
            r"(?<![\w.])([A-Z][a-z]{1,3}\.?)\s+([A-Z][\w’'-]+)", unquoted)
            if m.group(1).lower() in titles}
        if len(named) != 1:
            return None
        return self.source(" ".join(next(iter(named))))

    def _previous_subject(self, pronoun: str) -> Source | None:
        """The source named before whose name opens the previous sentence, when the pronoun
        can stand for it: "Ruiz, pressed by critics, doubled down." then "'It is wrong,'
        she said." is Ruiz, though another source was named in between."""
        first = WORD.findall(self.previous)[:2]
        if len(pronoun.split()) > 1 or not first:
            return None
        name = first[1] if first[0].lower() in self.kinds.words["person_titles"] and \
            len(first) > 1 else first[0]
        return next((s for s, kind in reversed(self.named)
                     if _surname(s) == name and self.kinds.can_stand_for(pronoun, kind)
                     and self._sex_allows(pronoun, s)),
                    None) or self._person_opening(pronoun)

    def _person_opening(self, pronoun: str) -> Source | None:
        """A person's full name opening the previous sentence as its subject, though no
        source till now: "Rep. Ana Ruiz, D-Vellin, questioned the plan." then '"...," she
        said.' is Ruiz (a title or two capitalised words: one may open any sentence), as
        is "The board's lawyer, Ana Ruiz, ..." """
        opener = self.patterns.role_opening.match(self.previous) or \
            self.patterns.person_opening.match(self.previous)
        if opener is None or pronoun.lower() not in self.kinds.words["person_pronouns"]:
            return None
        name = opener.group("src")
        if not self._sex_allows(pronoun, Source(name, name)):
            return None
        kind = self.kinds.kind(name)
        if kind != "person" and (kind is not None or len(name.split()) < 2
                                 or name.lower().startswith(DETERMINERS)):
            return None
        # the source named so, with what the article said of it ("Ana Ruiz, spokeswoman
        # for the board")
        return next((s for s, _ in reversed(self.named)
                     if s.name.partition(", ")[0] == _clean(name)), None) or self.source(name)

    def from_events(self, events: list[dict[str, Any]], start: int, end: int,
                    quotes: list[tuple[int, int]], *, here: bool,
                    pronoun: str | None = None) -> Source | None:
        """The first event attribution whose words stand in this sentence outside its
        quotations (`here`), or else one the parse carried over from before (`not here`): a
        pronoun of the quoted words ('"It will pass, I believed," Ruiz said.') is never who
        says it, and a source of the sentence before yields to one this sentence names, but
        for a `pronoun` that can stand for it."""
        for event in events:
            cited = event.get("attributed_to")
            if not (cited and cited.get("text")):
                continue
            if cited["text"].lower() in RELATIVE_PRONOUNS and not cited.get("refers_to"):
                continue  # '"...," said Ruiz, who said ...': the words name the speaker
            refers_to = cited.get("refers_to")
            if refers_to and not (self.kinds.can_stand_for(cited["text"], self.kinds.kind(
                    refers_to)) and self._sex_allows(cited["text"], Source(refers_to, refers_to))):
                continue  # the parse's "she" for "Mr. Tamm", "he" for a report
            span = cited.get("span")
            if span is not None and cited["text"].lower() == "it" and re.match(
                    rf"\s+{IMPERSONAL}\s+\w+ed\b", self.text[span["end"]:end]):
                continue  # "after it was revealed that ...": no one says it
            if span is None:  # the record does not say where: this sentence's
                if not here:
                    continue
            elif any(q0 <= span["start"] < q1 for q0, q1 in quotes) or (
                    start <= span["start"] < end) != here:
                continue
            if pronoun and not self.kinds.can_stand_for(pronoun, self.kinds.kind(
                    cited.get("refers_to") or cited["text"])):
                continue
            return self.source(cited["text"], cited.get("code"), cited.get("refers_to"))
        return None

    def is_pronoun(self, source: Source) -> bool:
        return source.text.lower() in self.kinds.words["pronouns"]

    def from_text(self, sentence: str, quotes_in_sentence: list[tuple[int, int]]) -> Source | None:
        def outside_quotes(match: re.Match[str]) -> bool:
            verb = match.start("verb") if match.group("verb") else match.start("told")
            return not any(q_start < verb < q_end
                           for q_start, q_end in quotes_in_sentence)

        def first(*patterns: re.Pattern[str]) -> Source | None:
            for pattern in patterns:
                for match in _overlapping(pattern, sentence):
                    text = self._subject_of(_named_holder(match) or match.group("src").strip())
                    if _impersonal(text, sentence[match.end("src"):match.start("verb")] if
                                   match.group("verb") else ""):
                        continue
                    if self._a_plural_noun(match, sentence):
                        continue
                    if outside_quotes(match) and self._plausible(text):
                        return self.source(text, speaks_for=self._speaks_for(match, sentence))
            return None

        found = self._joined(sentence, quotes_in_sentence) or first(
                      self.patterns.tail, self.patterns.quote_tail, self.patterns.inverted,
                      self.patterns.inverted_opening, self.patterns.lead,
                      self.patterns.coordinated, self.patterns.apposed,
                      self.patterns.apposed_tail, self.patterns.continuing,
                      # a framed quotation before "according to" / "citing": in "X called
                      # the plan “bold”, citing the cost" the word is X's
                      self.patterns.framing, self.patterns.participle,
                      self.patterns.role_apposed)
        if found and self.kinds.kind(found.text) == "thing" and quotes_in_sentence:
            # "Stone told Credico to “lie low,” the indictment said": the document tells
            # that Stone spoke, the quoted words are his
            inner = first(self.patterns.framing)
            if inner is not None and self.kinds.kind(inner.text) in ("person", None):
                return inner
        if found:
            return found
        match = self.patterns.according.search(sentence)
        if match and self._plausible(match.group("src").strip()):
            return self.source(match.group("src").strip())
        found = first(self.patterns.relative)
        if found is None:
            lead_in = self.patterns.colon_lead.match(sentence)
            # (one capitalised word may be a verb: "Read the full text here:")
            if lead_in and self.kinds.kind(lead_in.group("src")) != "thing" and \
                    len(lead_in.group("src").split()) > 1 and self._plausible(lead_in.group("src")):
                found = self.source(lead_in.group("src"))
        return found

    def _joined(self, sentence: str, quotes: list[tuple[int, int]]) -> Source | None:
        """The speaker of a clause joined after a comma ("..., but Ruiz said the plan ..."):
        "he"/"she" only for the person the sentence opens with ("Ana Ruiz of Vellin, the top
        Democrat, ..., but she said")."""
        for match in self.patterns.joined.finditer(sentence):
            if any(q0 < match.start("verb") < q1 for q0, q1 in quotes):
                continue
            text = self.kinds.trim(match.group("src").strip())
            # "..., and has long maintained that": a verb joined, no subject
            if not self._plausible(text) or text.split()[0].lower() in \
                    self.kinds.words["verb_fillers"]:
                continue
            opener = self.patterns.role_opening.match(sentence) or \
                self.patterns.person_opening.match(sentence)
            if text.lower() not in self.sex_words:
                return self.source(text)
            if opener is not None and not re.search(r"['’]s?$", opener.group("src")):
                name = opener.group("src")  # (not "Ruiz's plan ...": whose, the words do not say)
                kind = self.kinds.kind(name)
                if (kind == "person" or (kind is None and len(name.split()) > 1 and not
                                         name.lower().startswith(DETERMINERS))) and \
                        self._sex_allows(text, Source(name, name)):
                    return self.source(name)
        return None

    def _a_plural_noun(self, match: re.Match[str], sentence: str) -> bool:
        """Whether the matched verb is a plural noun of the same form ("Two coastal states
        filed a suit", "the reports of fraud"): such a form reports speech only before
        "that", a colon, a quotation or the sentence's end ("The clause states that ...")."""
        verb = match.group("verb") if match.group("verb") else None
        if verb is None or verb.lower() not in self.noun_forms:
            return False
        # capitalised inside the sentence it is a name's: "its practice in the United States,"
        return (verb[0].isupper() and match.start("verb") > 0) or \
            not CLAUSE_AFTER.match(sentence, match.end("verb"))

    def _speaks_for(self, match: re.Match[str], sentence: str) -> str | None:
        """Whom a spokesperson named in apposition speaks for: "Ana Ruiz, a spokeswoman for
        the Harbour Board, said" speaks for the Harbour Board."""
        if not match.group("verb"):
            return None
        after = match.start("verb") if match.start("verb") > match.end("src") else len(sentence)
        found = self.speaker_for.match(sentence, match.end("src"), after)
        return f"{found.group('role')} for {found.group('party').strip()}" if found else None

    def _subject_of(self, phrase: str) -> str:
        """The source in a matched phrase: its last pronoun ("`though outside the room he`
        said"), or the name opening the phrase when the pronoun can stand for it ("`Ruiz
        repeated what she` called ...": a pronoun of the clause is its subject's)."""
        words = phrase.split()
        if len(words) > 1 and words[0].lower() in LEADING_CONJUNCTIONS:
            # "As the Daily reported on Monday, ...", "But Ruiz said ...", "..., while
            # Ruiz said ..."
            phrase, words = " ".join(words[1:]), words[1:]
        if len(words) > 2 and words[0].lower() in OPENING_PREPOSITIONS and " the " in phrase:
            phrase = phrase[phrase.rindex(" the ") + 1:]  # "In his speech the senator"
        text = self.kinds.trim(phrase)
        opener = self.patterns.name_opening.match(phrase)
        if text != phrase and opener and len(text.split()) == 1 and \
                self.kinds.can_stand_for(text, self.kinds.kind(opener.group("src"))):
            return opener.group("src")
        return text

    def _plausible(self, text: str) -> bool:
        """A source phrase: a pronoun or a short noun phrase, not a clause."""
        words = text.split()
        if not 1 <= len(words) <= 9 or _only_a_date(text):  # '"...," said Tuesday.'
            return False
        if len(words) == 1:
            word = words[0].lower()
            return words[0][:1].isupper() or word in self.anaphoric or \
                word in self.anonymous_nouns
        if words[0].lower() in OPENING_CONNECTIVES:  # ", or with the officers Ruiz says ..."
            return False
        if words[0].lower() in self.kinds.words["verb_fillers"]:  # "and has long maintained"
            return False
        return not any(w.lower() in CLAUSE_WORDS or w in self.clause_verbs for w in words)


def _surname(source: Source) -> str:
    """The last word of a source's name before any apposition ("Ana Ruiz, spokeswoman for
    the board": Ruiz)."""
    return source.name.partition(", ")[0].split()[-1]


IMPERSONAL = r"\b(?:was|is|has been|had been)(?:\s+(?:first|later|also|then|\w+ly))?"


def _impersonal(subject: str, between: str) -> bool:
    """"It was revealed that ...", "it was first announced", "it is said": an impersonal
    passive names no source."""
    return subject.lower() == "it" and re.search(rf"{IMPERSONAL}\s*$", between) is not None


def _named_holder(match: re.Match[str]) -> str | None:
    """The name in apposition to a role: "the board's director, Ana Ruiz," is Ana Ruiz."""
    holder = match.groupdict().get("holder")
    role = match.group("src").split()
    return holder if holder and role and role[-1].islower() else None


def _only_a_date(text: str) -> bool:
    dates = find_date_expressions(text)
    return bool(dates) and not any(c.isalpha() for c in re.sub(
        "|".join(re.escape(d.text) for d in dates), "", text))


def _overlapping(pattern: re.Pattern[str], text: str):
    """Every match of the pattern, each search starting one character after the last
    match's start: a reporting verb inside a quotation ("other states should ...") must not
    hide the attribution after it ("...," Ruiz said of the plan.)."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def statements(article: StoredArticle, knowledge: Knowledge) -> list[Statement]:
    """The article's sentences as statements, in text order."""
    text = article.text
    quotes = quotation_spans(text)
    attributor = _Attributor(knowledge)
    attributor.text = text
    by_position = sorted(article.events, key=lambda e: (e.get("trigger") or {}).get("start", 0))
    result: list[Statement] = []
    shares: list[float] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if len(sentence.split()) < MIN_WORDS:
            continue
        attributor.end = end  # names given so far, this sentence's among them
        inside = [e for e in by_position if start <= _position(e) < end]
        local_quotes = [(max(q0, start) - start, min(q1, end) - start)
                        for q0, q1 in quotes if q0 < end and q1 > start]
        quoted = [(q0, q1) for q0, q1 in quotes if q0 < end and q1 > start]
        source = attributor.from_events(inside, start, end, quoted, here=True) or \
            attributor.from_text(sentence, local_quotes)
        if source is None or attributor.is_pronoun(source):
            # the parse's source from before names whom a bare pronoun stands for
            carried = attributor.from_events(inside, start, end, quoted, here=False,
                                             pronoun=source and source.text)
            source = carried or source
        attributor.previous = sentence
        attributor.note_opening(sentence)
        share = quoted_share(start, end, quotes)
        result.append(Statement(
            article_id=article.id, index=len(result), start=start, end=end, text=sentence,
            voice="own", source=source, event_ids=[e["id"] for e in inside],
        ))
        shares.append(share)
    _carry_quoted_sources(result, shares, text)
    for statement, share in zip(result, shares, strict=True):
        if statement.source is not None:
            statement.voice = "quoted" if share >= 0.5 else "attributed"
    return result


def _position(event: dict[str, Any]) -> int:
    trigger = event.get("trigger") or {}
    if trigger.get("start") is not None:
        return trigger["start"]
    return event["evidence"]["start"]


def _carry_quoted_sources(items: list[Statement], shares: list[float], text: str) -> None:
    """A quoted sentence without a source takes the source of a quoted-or-quoting sentence
    of the same paragraph: first looking back, then ahead; or of a sentence that introduces
    it with a colon ("Ruiz wrote:"), in whatever paragraph; or of the sentence after it that
    opens with its speaker, when a question or exclamation ended the quotation there
    ('“Is that clear?”' then 'Ruiz asked at a news conference.'); else, opening with a
    quotation mark in a paragraph that names no speaker, of the quoted sentence just before
    it (the paragraph before)."""
    paragraphs = [text.count("\n", 0, s.start) for s in items]
    for i, statement in enumerate(items):
        if statement.source is not None or shares[i] < 0.5:
            continue
        if i and items[i - 1].source is not None and items[i - 1].text.rstrip().endswith(":"):
            statement.source = items[i - 1].source
            continue
        if _split_before_speaker(statement, items[i + 1] if i + 1 < len(items) else None,
                                 paragraphs[i] == paragraphs[min(i + 1, len(items) - 1)]):
            statement.source = items[i + 1].source
            continue
        same = [j for j in range(len(items)) if paragraphs[j] == paragraphs[i] and j != i
                and items[j].source is not None and shares[j] > 0]
        before = [j for j in same if j < i]
        after = [j for j in same if j > i]
        if before:
            statement.source = items[before[-1]].source
        elif after:
            statement.source = items[after[0]].source
        elif i and shares[i - 1] > 0 and items[i - 1].source is not None and \
                statement.text.lstrip()[:1] in "\"“":
            # a paragraph opening with a quotation right after another's: the speaker goes on
            statement.source = items[i - 1].source


def _split_before_speaker(statement: Statement, following: Statement | None,
                          same_paragraph: bool) -> bool:
    """Whether the sentence after a quotation that ends in "?”" or "!”" is its attribution,
    cut off by the sentence splitter: it opens with its own source ("Ruiz said ...")."""
    if following is None or following.source is None or not same_paragraph:
        return False
    ending = statement.text.rstrip()
    return len(ending) > 1 and ending[-1] in "\"”" and ending[-2] in "?!" and \
        following.text.startswith(following.source.text)
