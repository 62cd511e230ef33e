"""Who says a sentence: where the extract stage's event attribution and the compare stage's
surface patterns disagree (sitrep/compare/statements.py)."""

from __future__ import annotations

from fixtures.compare_builders import event

from sitrep.compare import Knowledge
from sitrep.compare.statements import statements
from sitrep.records import StoredArticle


def _cited(record: dict, text: str, words: str) -> dict:
    """The event record with its source's place in the text, as the extract stage writes it."""
    at = text.index(words)
    record["attributed_to"]["span"] = {"start": at, "end": at + len(words)}
    return record


def _sources(text: str, events: list[dict]) -> list[str | None]:
    items = statements(StoredArticle("x", text, "Desk", events=events), Knowledge.default())
    return [s.source.name if s.source else None for s in items]


def test_a_source_the_parse_found_in_the_sentence_before_yields_to_the_one_named_here():
    text = ("Inspectors from the river board found deep cracks in the dam.\n"
            "\"They rushed the repairs last spring,\" Ruiz said.\n")
    rushed = _cited(event(text, "rushed", "ACCUSE", source=("Inspectors", None)), text,
                    "Inspectors")
    assert _sources(text, [rushed])[1] == "Ruiz"


def test_a_pronoun_inside_the_quotation_is_not_its_speaker():
    text = "\"The gate failed because it was old and rusty,\" Ruiz said on Monday.\n"
    failed = _cited(event(text, "failed", "ACCUSE", source=("it", None)), text, "it")
    assert _sources(text, [failed]) == ["Ruiz"]


def test_a_carried_over_source_still_holds_when_the_sentence_names_none():
    text = ("Inspectors from the river board found deep cracks in the dam.\n"
            "The builders rushed the repairs last spring without any permit.\n")
    rushed = _cited(event(text, "rushed", "ACCUSE", source=("Inspectors", None)), text,
                    "Inspectors")
    assert _sources(text, [rushed]) == [None, "Inspectors"]


def test_an_event_attribution_in_the_sentence_outside_quotes_still_wins():
    text = "\"The gate failed,\" the engineers told the river board on Monday.\n"
    failed = _cited(event(text, "failed", "ACCUSE", source=("the engineers", "ENG")), text,
                    "the engineers")
    items = statements(StoredArticle("x", text, "Desk", events=[failed]), Knowledge.default())
    assert items[0].source.name == "engineers" and items[0].source.code == "ENG"
