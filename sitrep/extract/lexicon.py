"""The extractor's knowledge, loaded from TOML data files in `sitrep/data/lexicon/`.

- `events.toml`: PLOVER types and their trigger patterns (verbs and nouns, see its README);
- `speech.toml`: reporting verbs and modality cues;
- `arguments.toml`: what counts as an actor, a recipient, a place.

A user extends any of them with files of the same shape (`Lexicon.load(extra=[...])`):
patterns are appended, lists are merged.
"""

from __future__ import annotations

import functools
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.package_data import read_toml

PACKAGED_FILES = ("events.toml", "speech.toml", "arguments.toml", "stance.toml")
NON_EVENT = ""  # the type of a [[non_event]] pattern: another sense of a trigger word
# Sections of word lists, read into Lexicon.words as "section.key"; in [senses] a list may
# name [classes] ("@natural_forces").
WORD_SECTIONS = ("attribution", "modality", "actors", "recipients", "places", "acts", "stance",
                 "senses", "place_only_prepositions")


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: str
    quad: str = ""
    requires_recipient: bool = False
    description: str = ""
    future_type: str | None = None  # PLOVER's type for this event when it is only planned
    negated_type: str | None = None  # PLOVER's type when the text says it does not happen
    joint_type: str | None = None  # the type when done "with" a partner (joint exercises)
    # the type when only announced on a condition ("will impose sanctions if ..."): a threat
    conditional_type: str | None = None


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a verb or noun lemma plus optional constraints.

    A pattern from a `[[non_event]]` table has the type "" (NON_EVENT): it names another
    sense of a trigger word ("a campaign rally", "prices shot up") and, when it is the best
    fit for a token, the token is no trigger at all.
    """

    type: str
    lemma: str  # head lemma: the verb, or the last word of a (multiword) noun
    pos: str  # "VERB" or "NOUN"
    particles: tuple[str, ...] = ()  # verb: particle/preposition children, in order
    modifiers: tuple[str, ...] = ()  # noun: compound/amod children required ("joint")
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the verb's subject lemma must be one of these
    not_subjects: frozenset[str] = frozenset()
    # verb: the pattern does not fire when its finite clause complement's verb is one of these
    # ("warned that the siege could *trigger* a famine" is a forecast, not a threat)
    not_clauses: frozenset[str] = frozenset()
    # verb: nor when that clause says what could happen with one of these modals and a subject
    # other than a pronoun ("warned that prices *could* soar" is a forecast; "warned it could
    # close the strait" is the speaker's own threat)
    not_clause_modals: frozenset[str] = frozenset()
    modifier_any: frozenset[str] = frozenset()  # noun: one of its compound/amod children
    not_modifiers: frozenset[str] = frozenset()
    causes: frozenset[str] = frozenset()  # what it is over/after/because of ("after the floods")
    intransitive: bool = False  # verb: only without a direct object
    # verb: not when its object is counted ("received 450 calls": calls to a service, each
    # from someone else, are no consultation between parties)
    uncounted: bool = False
    # noun: a preposition it must take, on it or on the verb carrying it ("calls for",
    # "joined the calls for")
    preposition: str | None = None
    # verb: the subject receives the act and the giver is behind "from" ("Lebanon received
    # aid from the Gulf states": AID by the Gulf states to Lebanon)
    converse: bool = False
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    # the manual's type when only announced, where it differs from the type's own
    # ("will boycott the talks" threatens to suspend meetings; a refusal stays REJECT)
    future_type: str | None = None
    passive_ok: bool = True
    order: int = 0  # position in its file; earlier wins ties within a file
    file_index: int = 0  # later files (a user's) win ties over earlier ones

    @property
    def specificity(self) -> int:
        return (
            2 * len(self.particles)
            + 2 * len(self.modifiers)
            + 2 * bool(self.preposition)
            + 3 * bool(self.objects)
            + 3 * bool(self.xcomp)
            + 3 * bool(self.subjects)
            + 2 * bool(self.modifier_any)
            + 3 * bool(self.causes)
            + bool(self.not_objects)
            + bool(self.not_subjects)
            + bool(self.not_clauses)
            + bool(self.not_clause_modals)
            + bool(self.not_modifiers)
            + bool(self.intransitive)
            + bool(self.uncounted)
        )

    @property
    def is_event(self) -> bool:
        return self.type != NON_EVENT


@dataclass
class Lexicon:
    types: dict[str, EventType] = field(default_factory=dict)
    verb_patterns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    noun_patterns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: frozenset[str] = frozenset()
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # "section.key" -> lemmas
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False,
                                                           compare=False)

    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        return cls.load()

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Lexicon:
        lexicon = cls()
        documents = [read_toml(f"lexicon/{name}") for name in PACKAGED_FILES]
        documents += [_read_toml(Path(path), str(path)) for path in extra]
        classes: dict[str, list[str]] = {}
        for doc, doc_name in zip(documents, [*PACKAGED_FILES, *map(str, extra)]):
            for name, values in doc.get("classes", {}).items():
                nested = [v for v in values if v.startswith("@")]
                if nested:  # a class is a list of words: "@x" in it would match nothing
                    raise LexiconError(f"{doc_name}: class {name} names other classes {nested}; "
                                       "list their words, or name both classes in the pattern")
                classes.setdefault(name, []).extend(v.lower() for v in values)
        order = 0
        names = [*PACKAGED_FILES, *map(str, extra)]
        for file_index, (doc, name) in enumerate(zip(documents, names)):
            for type_name, spec in doc.get("types", {}).items():
                lexicon.types[type_name] = EventType(
                    name=type_name,
                    cameo=str(spec["cameo"]),
                    quad=spec.get("quad", ""),
                    requires_recipient=bool(spec.get("requires_recipient", False)),
                    description=spec.get("description", ""),
                    future_type=spec.get("future_type"),
                    negated_type=spec.get("negated_type"),
                    joint_type=spec.get("joint_type"),
                    conditional_type=spec.get("conditional_type"),
                )
            # other senses first: they win ties with the trigger patterns of their file
            specs = [({**spec, "type": NON_EVENT}) for spec in doc.get("non_event", [])]
            for spec in specs + doc.get("pattern", []):
                order += 1
                pattern = _pattern(spec, classes, order, name, file_index)
                index = lexicon.verb_patterns if pattern.pos == "VERB" else lexicon.noun_patterns
                index[pattern.lemma].append(pattern)
            light = doc.get("light_verbs", {}).get("lemmas", [])
            lexicon.light_verbs = lexicon.light_verbs | {w.lower() for w in light}
            for section in WORD_SECTIONS:
                for key, values in doc.get(section, {}).items():
                    full = f"{section}.{key}"
                    if section == "senses":  # a list may name classes ("@diseases")
                        named = [v for v in values if v.startswith("@")]
                        values = [v for v in values if not v.startswith("@")] + sorted(
                            _expand(named, classes, f"{name}: [senses] {key}"))
                    lexicon.words[full] = lexicon.words.get(full, frozenset()) | set(values)
        every = [p for ps in (*lexicon.verb_patterns.values(), *lexicon.noun_patterns.values())
                 for p in ps]
        unknown = ({p.type for p in every if p.is_event}
                   | {p.future_type for p in every if p.future_type}) - set(lexicon.types)
        if unknown:
            raise LexiconError(f"patterns name unknown event types: {sorted(unknown)}")
        for patterns in (*lexicon.verb_patterns.values(), *lexicon.noun_patterns.values()):
            patterns.sort(key=lambda p: (-p.specificity, -p.file_index, p.order))
        return lexicon

    def word_set(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())

    def word_union(self, *keys: str) -> frozenset[str]:
        """The words of several lists together, built once per lexicon."""
        union = self._unions.get(keys)
        if union is None:
            union = self._unions[keys] = frozenset().union(*(self.word_set(k) for k in keys))
        return union

    def is_verbal(self, type_name: str) -> bool:
        """Verbal (said) rather than material (done) event types, per PLOVER's quad classes."""
        return self.types[type_name].quad.lower().startswith("verbal")

    def plover_type(self, type_name: str, modality: str, *, own_voice: bool = False,
                    conditional: bool = False, future_type: str | None = None) -> str:
        """The manual's type for an intended or refused act: future cooperation is AGREE, a
        future retreat CONCEDE, a future or conditional use of force or pressure THREATEN
        (a conditional, "would blockade", only in the actor's own words); an act announced
        on a condition ("will impose sanctions unless ...") its `conditional_type`; not
        agreeing, yielding or backing is REJECT. A pattern's own `future_type` comes before
        the type's."""
        kind = self.types[type_name]
        if modality == "negated" and kind.negated_type:
            return kind.negated_type  # "would not meet their demands"
        if conditional and kind.conditional_type and modality in ("planned", "hypothetical"):
            return kind.conditional_type
        intended = modality == "planned" or (modality == "hypothetical" and own_voice)
        future = future_type or kind.future_type
        return future if future and intended else type_name

    def cameo_for(self, pattern: Pattern) -> str:
        return pattern.cameo or self.types[pattern.type].cameo


def _read_toml(path: Any, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"lexicon file not found: {name}") from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"lexicon file {name} is not valid TOML: {err}") from None


def _expand(values: Sequence[str], classes: dict[str, list[str]], where: str) -> frozenset[str]:
    out: set[str] = set()
    for value in values:
        value = value.lower()
        if value.startswith("@"):
            if value[1:] not in classes:
                raise LexiconError(f"{where}: unknown word class {value}")
            out.update(classes[value[1:]])
        else:
            out.add(value)
    return frozenset(out)


def _pattern(spec: dict[str, Any], classes: dict[str, list[str]], order: int, name: str,
             file_index: int) -> Pattern:
    where = f"{name}: pattern {spec}"
    if ("verb" in spec) == ("noun" in spec):
        raise LexiconError(f"{where}: give exactly one of 'verb' or 'noun'")
    words = str(spec.get("verb") or spec.get("noun")).lower().split()
    is_verb = "verb" in spec
    if is_verb and ("modifier" in spec or "not_modifier" in spec):
        raise LexiconError(f"{where}: 'modifier' and 'not_modifier' are for nouns")
    for key in ("intransitive", "uncounted"):
        if not is_verb and spec.get(key):
            raise LexiconError(f"{where}: '{key}' is for verbs")
    for key in ("not_clause", "not_clause_modal"):
        if not is_verb and key in spec:
            raise LexiconError(f"{where}: '{key}' is for verbs")
    return Pattern(
        type=spec["type"],
        lemma=words[0] if is_verb else words[-1],
        pos="VERB" if is_verb else "NOUN",
        particles=tuple(words[1:]) if is_verb else (),
        modifiers=() if is_verb else tuple(words[:-1]),
        objects=_expand(spec.get("object", []), classes, where),
        not_objects=_expand(spec.get("not_object", []), classes, where),
        xcomp=_expand(spec.get("xcomp", []), classes, where),
        subjects=_expand(spec.get("subject", []), classes, where),
        not_subjects=_expand(spec.get("not_subject", []), classes, where),
        not_clauses=_expand(spec.get("not_clause", []), classes, where),
        not_clause_modals=_expand(spec.get("not_clause_modal", []), classes, where),
        modifier_any=_expand(spec.get("modifier", []), classes, where),
        not_modifiers=_expand(spec.get("not_modifier", []), classes, where),
        causes=_expand(spec.get("cause", []), classes, where),
        intransitive=bool(spec.get("intransitive", False)),
        uncounted=bool(spec.get("uncounted", False)),
        preposition=str(spec["preposition"]).lower() if spec.get("preposition") else None,
        converse=bool(spec.get("converse", False)),
        mode=spec.get("mode") or None,
        context=spec.get("context") or None,
        cameo=str(spec["cameo"]) if spec.get("cameo") else None,
        future_type=spec.get("future_type") or None,
        passive_ok=bool(spec.get("passive_ok", True)),
        order=order,
        file_index=file_index,
    )
