"""Long articles are parsed in pieces without moving any character offset."""

from __future__ import annotations

from sitrep.extract import extract_events
from sitrep.parse import load_model, parse_articles, split_at_lines
from sitrep.parse.model import paragraph_breaks
from sitrep.records import Article

PARAGRAPHS = [
    "Kenyan police arrested 12 opposition activists in Nairobi on Tuesday.",
    "The government condemned the protests, the interior ministry said in a statement.",
    "Rebels attacked an army post near the border overnight, killing two soldiers.",
    "Uganda and Kenya agreed to hold talks on the fishing dispute next month.",
]


def test_pieces_join_back_to_the_text():
    text = "\n\n".join(PARAGRAPHS * 5)
    pieces = split_at_lines(text, 200)
    assert "".join(pieces) == text
    assert len(pieces) > 5
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert split_at_lines("no breaks " * 50, 64)[0].endswith(" ")


def test_chunked_parse_keeps_offsets_and_nearly_all_events():
    text = "\n\n".join(PARAGRAPHS * 3)
    article = Article(text=text)
    nlp = load_model()
    [(whole, _)] = parse_articles(nlp, [article], batch_size=4)
    [(pieced, _)] = parse_articles(nlp, [article], batch_size=4, chunk_chars=150)
    assert pieced.text == text
    expected = [e.to_record() for e in extract_events(whole, article)]
    got = [e.to_record() for e in extract_events(pieced, article)]
    # the parser sees less context per piece, so a few decisions may differ; most agree
    found = {(e["event_type"], e["trigger"]["start"]) for e in got}
    wanted = {(e["event_type"], e["trigger"]["start"]) for e in expected}
    assert len(found & wanted) >= 0.8 * len(wanted) and len(wanted) >= 8
    for event in got:
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_order_is_kept_when_long_and_short_articles_mix():
    long = Article(text="\n\n".join(PARAGRAPHS * 4))
    short = Article(text=PARAGRAPHS[0])
    nlp = load_model()
    out = list(parse_articles(nlp, [short, long, short], batch_size=2, chunk_chars=120))
    assert [a.text for _, a in out] == [short.text, long.text, short.text]
    assert [d.text for d, _ in out] == [short.text, long.text, short.text]


def test_every_quotation_mark_sitrep_tracks_is_a_quote_to_spacy():
    # quote_state and ends_open skip tokens spaCy does not flag as quotes
    from sitrep.extract.attribution import CLOSE_QUOTES, OPEN_QUOTES

    vocab = load_model().vocab
    assert all(vocab[mark].is_quote for mark in OPEN_QUOTES | CLOSE_QUOTES)


def test_a_quoted_exclamation_or_question_does_not_end_the_sentence():
    nlp = load_model()
    for text in ('"Go home!" the crowd shouted at the minister outside parliament.',
                 '"Why now?" she asked the governor.',
                 'Deputies protested by chanting "resign!" and waving flags in the chamber.'):
        assert len(list(nlp(text).sents)) == 1, text
    # a capitalised word after them still starts one
    assert len(list(nlp('He shouted "Stop!" The guards left the square.').sents)) == 2


def test_a_sentence_ends_at_a_paragraph_break():
    nlp = load_model()
    text = ('The envoy said the talks would go on. "We will not walk away."\n\n'
            'Rebels shelled the airport on Sunday.\n\nTroops left the town!\n\n'
            '"He told us: \'We will stay.\'\u00a0"\n\n'
            '"Not yet," the mayor said.')
    doc = nlp(text)
    sentences = [s.text.strip() for s in doc.sents]
    # none of these paragraphs is a heading: each ends a sentence, behind its quotation marks
    assert not any(token._.after_heading for token in doc)
    # the closing quotation mark stays with its sentence; the next paragraph starts anew
    assert sentences == ['The envoy said the talks would go on.', '"We will not walk away."',
                         'Rebels shelled the airport on Sunday.', 'Troops left the town!',
                         '"He told us: \'We will stay.\'\u00a0"',
                         '"Not yet," the mayor said.']


def test_a_blank_line_ends_a_heading_or_standfirst_without_a_full_stop():
    nlp = load_model()
    text = ('Senators weigh the cost of the new dam on the river valley\n\n'
            'The committee met on Monday to hear engineers from the state agency.')
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ['Senators weigh the cost of the new dam on the river valley',
                         'The committee met on Monday to hear engineers from the state agency.']
    # a line that leads on, and a single line break inside wrapped text, are left to the parser
    for text in ('The minister told reporters:\n\nWe will rebuild the bridge by spring.',
                 'The minister told reporters that the bridge\nwould be rebuilt by spring.',
                 'The minister said he would meet with\n\nSouth Korean envoys in June.',
                 'The dam has drawn\n\nprotests from farmers along the river.'):
        doc = paragraph_breaks(nlp.make_doc(text))
        assert not any(token.is_sent_start for token in doc[1:]), text
    doc = paragraph_breaks(nlp.make_doc('Senators weigh the cost\n\nThe committee met.'))
    assert [token.text for token in doc[1:] if token.is_sent_start] == ["The"]


def test_a_title_line_above_the_text_is_a_heading_with_no_events():
    nlp = load_model()
    text = ('Rebels shell the capital as ceasefire talks collapse\n\n'
            'Government troops arrested two rebel commanders in the north on Monday.')
    article = Article(text=text)
    [(doc, _)] = parse_articles(nlp, [article], batch_size=4)
    triggers = [e.trigger.text for e in extract_events(doc, article)]
    assert "arrested" in triggers and "shell" not in triggers
    # the same words ending in a full stop are a sentence of the text, and coded
    article = Article(text=text.replace("collapse\n", "collapse.\n"))
    [(doc, _)] = parse_articles(nlp, [article], batch_size=4)
    assert "shell" in [e.trigger.text for e in extract_events(doc, article)]
