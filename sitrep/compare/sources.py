"""Sources: what kind of party a source is, which earlier source a pronoun stands for, the
source phrase without the words a surface pattern swallows; and the attribution profile,
whom an article quotes or cites and how much it says in its own voice."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.compare.knowledge import Knowledge
from sitrep.compare.records import AttributionProfile, SourceCount, Statement

DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
# Which kinds of source each kind of pronoun can stand for (None: a name of unknown kind).
PRONOUN_KINDS = {
    "person_pronouns": {"person", None},
    "group_pronouns": {"people", "organisation", None},
    "thing_pronouns": {"organisation", "thing", None},
}
WORD = re.compile(r"[\w.'’-]+")


class SourceKinds:
    """What a source phrase names, from its words (attribution.toml)."""

    def __init__(self, knowledge: Knowledge) -> None:
        table = knowledge.attribution
        self.words = {key: knowledge.words(table, key) for key in (
            "person_titles", "person_nouns", "organisation_nouns", "pronouns",
            "verb_fillers", *PRONOUN_KINDS)}

    def kind(self, text: str) -> str | None:
        """"person", "people", "organisation", "thing", or None for a name of unknown kind."""
        words = _before_participle(WORD.findall(text))
        if not words:
            return None
        lowered = [w.lower() for w in words]
        head = re.sub(r"['’]s?$", "", lowered[-1])
        if head in self.words["organisation_nouns"]:
            return "organisation"
        if lowered[0] in self.words["person_titles"] or (
                len(lowered) > 1 and lowered[-2] in self.words["person_titles"]):
            return "person"
        if head in self.words["person_nouns"]:
            return "person"
        if head.endswith("s") and head[:-1] in self.words["person_nouns"]:
            return "people"
        if "and" in lowered:
            return "people"
        if words[-1][:1].isupper():
            return None  # a name: a person's or an organisation's, the words do not say
        return "thing"

    def can_stand_for(self, pronoun: str, kind: str | None) -> bool:
        """Whether a pronoun source ("he") can refer to a source of this kind."""
        for key, kinds in PRONOUN_KINDS.items():
            if pronoun.lower() in self.words[key]:
                return kind in kinds
        return True

    def trim(self, text: str) -> str:
        """The source phrase of a surface match: from its last pronoun on (", though outside
        the room he said": "he"), without the auxiliaries and "-ly" adverbs before the
        verb ("The senator has falsely")."""
        words = text.split()
        pronouns = [i for i, w in enumerate(words) if w.lower() in self.words["pronouns"]]
        if pronouns:
            words = words[pronouns[-1]:]
        while len(words) > 1 and words[-1].islower() and (
                words[-1] in self.words["verb_fillers"] or words[-1].endswith("ly")) and (
                words[-2].lower() not in DETERMINERS):
            words.pop()
        return " ".join(words)


def _before_participle(words: list[str]) -> list[str]:
    """A noun phrase without the participle phrase after its head: "The indictment released
    early Friday" is an indictment, "a poll published Monday" a poll (not "a newly elected
    senator": an adverb before it, nor "the revised plan": right after a determiner)."""
    for i in range(2, len(words)):
        word, before = words[i], words[i - 1]
        if word.islower() and word.endswith("ed") and not before.endswith("ly") and \
                before.lower() not in DETERMINERS:
            return words[:i]
    return words


def attribution_profile(article_id: str, items: Sequence[Statement]) -> AttributionProfile:
    counts: dict[str, SourceCount] = {}
    for statement in items:
        source = statement.source
        if source is None:
            continue
        key = source.name.lower()
        count = counts.get(key)
        if count is None:
            count = counts[key] = SourceCount(source.name, source.code, source.anonymous, 0, 0,
                                              statement.text)
        count.code = count.code or source.code
        count.statements += 1
        count.quoted += statement.voice == "quoted"
    total_chars = sum(s.end - s.start for s in items) or 1
    own_chars = sum(s.end - s.start for s in items if s.voice == "own")
    ordered = sorted(counts.values(), key=lambda c: (-c.statements, c.name.lower()))
    return AttributionProfile(
        article_id=article_id,
        statements=len(items),
        own=sum(s.voice == "own" for s in items),
        attributed=sum(s.voice == "attributed" for s in items),
        quoted=sum(s.voice == "quoted" for s in items),
        own_share=round(own_chars / total_chars, 3),
        sources=ordered,
        anonymous_statements=sum(c.statements for c in ordered if c.anonymous),
    )
