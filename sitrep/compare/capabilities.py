"""Capability statements: a platform can (or can no longer) carry or do something.

Vocabulary in `sitrep/data/compare/capabilities.toml`. A sentence states a capability when a
capability term ("nuclear bombs") follows an affirming cue ("carry", "practised dropping",
"capable of") within a few words of the same clause, or is itself an affirming adjective
("nuclear-capable"); a negating word earlier in the clause ("no longer", "cannot") turns it
into a denial. The platform is the one the sentence names (a designator such as "B-1B", a
listed name, or a class noun such as "bombers"), else the one the article named last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.compare.knowledge import Capability, Knowledge, phrase_pattern
from sitrep.compare.records import Statement
from sitrep.compare.text import stem

DESIGNATOR = re.compile(r"\b[A-Z][A-Za-z]{0,7}-\d{1,3}[A-Z]{0,2}\b")
WORD = re.compile(r"[\w'’-]+|[,;:.!?]")
STOPS = ",;:.!?"


@dataclass(frozen=True)
class CapabilityStatement:
    statement: Statement
    capability: Capability
    platforms: frozenset[str]  # designators and names, lower case ("b-1b")
    classes: frozenset[str]  # class nouns with no designator bound ("missile")
    affirms: bool
    phrase: str  # the words that state it: "no longer fitted to carry nuclear weapons"
    platform_text: str  # the platform as the article writes it: "B-1B"


def same_platform(a: CapabilityStatement, b: CapabilityStatement) -> bool:
    """Named platforms must match (a variant matches its family: "B-1B" is a "B-1");
    class nouns only count when neither side names a platform."""
    if a.platforms and b.platforms:
        return any(x == y or _variant(x, y) or _variant(y, x)
                   for x in a.platforms for y in b.platforms)
    if a.platforms or b.platforms:
        return False
    return bool(a.classes & b.classes)


def _variant(longer: str, shorter: str) -> bool:
    return longer.startswith(shorter) and longer[len(shorter):].isalpha() and \
        shorter[-1:].isdigit()


class CapabilityReader:
    def __init__(self, knowledge: Knowledge) -> None:
        cues = knowledge.capability_cues
        platforms = knowledge.platforms
        self.capabilities = knowledge.capabilities
        self.affirming = phrase_pattern(cues.get("affirming", ()))
        self.self_affirming = phrase_pattern(cues.get("self_affirming", ()))
        self.negating = phrase_pattern(cues.get("negating", ()))
        self.breaks = frozenset(cues.get("clause_breaks", ()))
        self.window = int(cues.get("window", 6))
        self.classes = phrase_pattern(platforms.get("classes", ()))
        self.names = phrase_pattern(platforms.get("names", ()))
        self.carry_over = int(platforms.get("carry_over", 2))

    def statements(self, text: str, items: Sequence[Statement]) -> list[CapabilityStatement]:
        """Capability statements of one article (its text and its statements)."""
        bound = self._bindings(text)
        written = {m.group().lower(): m.group() for m in DESIGNATOR.finditer(text)}
        written |= {" ".join(m.group().lower().split()): m.group()
                    for m in self.names.finditer(text)}
        written |= {stem(m.group().lower()): m.group().lower()
                    for m in self.classes.finditer(text)}
        found: list[CapabilityStatement] = []
        recent: tuple[int, frozenset[str], frozenset[str]] | None = None
        for statement in items:
            sentence = statement.text
            for capability in self.capabilities:
                for match in capability.pattern.finditer(sentence):
                    affirms, phrase, clause_start = self._polarity(sentence, match)
                    if affirms is None:
                        continue
                    # the platform of the clause, else one named after the term ("carried
                    # by X"), else the one the last sentences were about
                    platforms, classes = self._platforms(sentence[clause_start:match.start()],
                                                         bound)
                    if not (platforms or classes):
                        platforms, classes = self._platforms(sentence[match.end():], bound)
                    if not (platforms or classes) and recent is not None and \
                            statement.index - recent[0] <= self.carry_over:
                        platforms, classes = recent[1], recent[2]
                    if platforms or classes:
                        shown = ", ".join(sorted(written.get(p, p) for p in platforms | classes))
                        found.append(CapabilityStatement(statement, capability, platforms,
                                                         classes, affirms, phrase, shown))
            platforms, classes = self._platforms(sentence, bound)
            if platforms or classes:
                recent = (statement.index, platforms, classes)
        return found

    def _bindings(self, text: str) -> dict[str, str]:
        """Class nouns and names written right after a designator stand for it in the
        whole article: "B-1B Lancer strategic bombers" binds lancer and bomber to b-1b."""
        bound: dict[str, str] = {}
        for match in DESIGNATOR.finditer(text):
            following = WORD.findall(text[match.end():match.end() + 60])[:3]
            for word in following:
                if word in STOPS:
                    break
                if self.classes.fullmatch(word) or word[:1].isupper():
                    bound.setdefault(stem(word.lower()), match.group().lower())
        return bound

    def _platforms(self, sentence: str, bound: dict[str, str]) -> tuple[frozenset, frozenset]:
        named = {m.group().lower() for m in DESIGNATOR.finditer(sentence)}
        named |= {" ".join(m.group().lower().split()) for m in self.names.finditer(sentence)}
        classes = set()
        for match in self.classes.finditer(sentence):
            key = stem(match.group().lower())
            if key in bound:
                named.add(bound[key])
            else:
                classes.add(key)
        for word in WORD.findall(sentence):
            if word[:1].isupper() and stem(word.lower()) in bound:
                named.add(bound[stem(word.lower())])
        return frozenset(named), frozenset(classes)

    def _polarity(self, sentence: str, term: re.Match[str]) -> tuple[bool | None, str, int]:
        """Whether the clause before the term affirms or rules out the capability (None when
        it does neither: the term is only mentioned), the words that say so, and where the
        clause starts."""
        clause_start = 0
        for match in WORD.finditer(sentence, 0, term.start()):
            if match.group().lower() in self.breaks:
                clause_start = match.end()
        clause = sentence[clause_start:term.start()]
        words = WORD.findall(clause)
        near = " ".join(words[-self.window:]) if words else ""
        phrase = " ".join((clause + term.group()).split())
        cues = list(self.affirming.finditer(near))
        cue = cues[-1] if cues else None  # the cue nearest the term: "can't carry" is "carry"
        if cue is None and not self.self_affirming.fullmatch(term.group()):
            return None, phrase, clause_start
        before_cue = clause
        if cue is not None:
            # the negation comes before the cue: "no longer fitted to carry"
            cut = clause.lower().rfind(cue.group().lower())
            before_cue = clause[:cut] if cut >= 0 else clause
        return not self.negating.search(before_cue), phrase, clause_start
