"""How sure the text is about an event: asserted, claimed, denied, planned, hypothetical,
negated. Cues come from `speech.toml`; the order of the checks is the precedence."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import lemma_of
from sitrep.records import Modality

# Links along which the governing verb's modality reaches the trigger
# ("plans to visit", "could launch", "denied that troops attacked").
GOVERNING_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj",
                  "relcl", "amod", "nsubj", "nsubjpass", "attr", "oprd"}
REPORTING_STOP = 3  # how many governing verbs to climb at most


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger, then the verbs (and nouns) that govern it, nearest first."""
    chain = [trigger]
    token = trigger
    while token.dep_ in GOVERNING_DEPS and token.head.i != token.i and len(chain) < 8:
        token = token.head
        chain.append(token)
    return chain


def _has_child(token: Token, deps: set[str], words: frozenset[str]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


def _clause_chain(chain: list[Token]) -> list[Token]:
    """The chain up to the top of the trigger's relative clause, if it is in one: what the
    clause hangs on does not say how sure its act is ("a plan for the march, which they
    rejected": the rejection is not planned)."""
    for k, token in enumerate(chain):
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "nsubj", "nsubjpass", "mark") for c in token.children)):
            # so does a past participle describing a noun: "will compensate the family of a
            # civilian killed in the raid" (the killing is done)
            return chain[: k + 1]
    return chain


def _contrasted(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the trigger is a verb conjunct told against the verb before it ("did not
    block the listing *but criticised* it"): that verb's negation is not its own."""
    return trigger.dep_ == "conj" and trigger.pos_ == "VERB" and any(
        c.dep_ == "cc" and c.lower_ in lexicon.word_set("modality.contrast_conjunctions")
        and c.i < trigger.i for c in trigger.head.children)


def _carried_noun(trigger: Token) -> str | None:
    """The noun a to-infinitive completes when the parser hung the infinitive on the verb
    that carries the noun ("made *an offer* to Ukraine *to exchange* prisoners", "issued
    *a call* to the rebels *to release* the hostages"): its lemma, or None."""
    if trigger.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to"
                                          for c in trigger.children):
        return None
    carried = next((c for c in trigger.head.children if c.dep_ in ("dobj", "obj")), None)
    return lemma_of(carried) if carried is not None and carried.i < trigger.i else None


def _governors(chain: list[Token]) -> list[Token]:
    """The verbs of the chain above the trigger whose meaning governs it: a verb reached
    from its conjunct is a sibling act ("denied the request and asked for ..."), and one
    reached from an adverbial clause with its own marker is what that clause sets a
    condition or a time for ("can avoid prison if forgiven", "denied that troops fired
    when the crowd attacked"): neither is a governor, nor anything above them."""
    out = []
    for below, above in zip(chain, chain[1:]):
        if below.dep_ == "conj" or (below.dep_ == "advcl" and any(
                c.dep_ == "mark" for c in below.children)):
            break
        out.append(above)
    return out


def modality_of(trigger: Token, lexicon: Lexicon, *, claim_verb: Token | None = None) -> Modality:
    words = lexicon.word_set
    negation = words("modality.negation_words")
    if responsibility_claim(trigger, lexicon) is not None:
        # "X (has not) claimed responsibility for the attack": the attack is told as done;
        # who did it is what is claimed
        return "asserted"
    chain = _clause_chain(governing_chain(trigger))
    governors = _governors(chain)
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")][:REPORTING_STOP]
    # the verb it complements, unless the clause is a question's ("did not say whom they
    # would support": not said, not denied)
    own_clause = [trigger] + ([] if _wh_clause(trigger) or _contrasted(trigger, lexicon) else
                              [t for t in chain[1:] if t.pos_ == "VERB"][:1])
    # the copula of an adjective that is the act or that the act hangs on: "is not willing
    # to talk", "is not ready to sign"
    own_clause += [t.head for t in chain[:2] if t.dep_ == "acomp"]

    # negated: "did not attack", "no talks were held", "failed to reach"
    if any(_has_child(t, {"neg"}, negation) for t in own_clause) or (
        trigger.pos_ == "NOUN" and _has_child(trigger, {"det", "neg"}, negation)
    ) or any(lemma_of(t) in words("modality.negating_governors") for t in governors[:2]
             if t.pos_ == "VERB") or _names_no_one(
                 trigger if trigger.pos_ in ("VERB", "AUX") else own_clause[-1], lexicon
             ) or _called_off(trigger, lexicon):
        return "negated"
    # denied: under a verb of denial, in its own clause ("denied that ... and asked for":
    # the request is not denied)
    if any(lemma_of(t) in words("modality.denial_verbs") for t in governors):
        return "denied"
    # hypothetical: modal auxiliary, conditional clause, "threatens to"; but "would" told by
    # a past report is the report's "will" ("said Mexico would seek ..."): planned
    reported_future = False
    for verb in verbs:
        if _has_child(verb, {"mark"}, words("modality.hypothetical_markers")):
            return "hypothetical"
        if _has_child(verb, {"aux"}, words("modality.hypothetical_auxiliaries")):
            if not _reported_future(verb, lexicon):
                return "hypothetical"
            reported_future = True
    if any(lemma_of(t) in words("modality.hypothetical_governors") for t in governors[:2]
           if t.pos_ in ("VERB", "ADJ")) or _asked_which(trigger) or _wished_on_another(
            chain, lexicon) or _feared(trigger, lexicon) or _provided_for(verbs, lexicon) or (
            # "under pressure to resign", "calls for him to quit": asked of the doer, not done
            governors and governors[0].pos_ == "NOUN" and trigger.dep_ == "acl"
            and lemma_of(governors[0]) in words("modality.demand_nouns")) or (
            _carried_noun(trigger) in words("modality.demand_nouns")):
        return "hypothetical"
    if reported_future:
        return "planned"
    # planned: future auxiliary, "is set to", "plans to", "the planned visit"
    for verb in verbs:
        if _has_child(verb, {"aux"}, words("modality.future_auxiliaries")):
            return "planned"
    for governor in chain[1:4]:
        if _other_sense_of_governor(governor):
            continue
        if lemma_of(governor) in words("modality.future_governors") or (
            governor.lower_ in words("modality.future_governors")
        ) or governor.pos_ == "NOUN" and lemma_of(governor) in words("modality.future_nouns"):
            return "planned"
        if lemma_of(governor) == "go" and any(c.dep_ == "aux" for c in governor.children) and (
            governor.tag_ == "VBG"
        ):  # "is going to visit"
            return "planned"
    if trigger.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in words("modality.future_modifiers")
        for c in trigger.children
    ) or _carried_noun(trigger) in words("modality.future_nouns"):
        return "planned"
    if claim_verb is not None and lemma_of(claim_verb) in words("modality.claim_verbs"):
        return "claimed"
    if _alleged(trigger, chain, lexicon):
        return "claimed"
    return "asserted"


def _alleged(trigger: Token, chain: list[Token], lexicon: Lexicon) -> bool:
    """Told as an allegation: "allegedly attacked", "allegations that soldiers tortured",
    "a man suspected of carrying out the bombing". The word must govern the act's own
    clause closely (`chain` stops at a relative clause: "the man who was accused of fraud
    attacked a guard" asserts the attack)."""
    adverbs = lexicon.word_set("modality.allegation_adverbs")
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if _has_child(trigger, {"advmod"}, adverbs) or _has_child(clause, {"advmod"}, adverbs):
        return True
    governors = lexicon.word_set("modality.claim_governors")
    # the nouns and the participles ("suspected of"), not a finite verb: "claimed
    # responsibility for the attacks" owns the attacks
    if any(lemma_of(t) in governors and (t.pos_ == "NOUN" or t.tag_ == "VBN")
           for t in chain[1:5]):
        return True
    # what an allegation is said to be: "the accusation is that he ordered the attack"
    return any(lemma_of(t) in lexicon.word_set("senses.copular_verbs") and any(
        c.dep_ == "nsubj" and lemma_of(c) in governors for c in t.children)
        for t in chain[1:4])


def _called_off(trigger: Token, lexicon: Lexicon) -> bool:
    """A planned act the text says was called off in a relative clause of its noun phrase
    ("the president's trip to Warsaw, which was cancelled", the clause often parsed onto
    the last noun): it did not take place."""
    return trigger.pos_ == "NOUN" and any(
        t.dep_ == "relcl" and lemma_of(t) in lexicon.word_set("modality.cancelling_verbs")
        for t in trigger.subtree)


def _wished_on_another(chain: list[Token], lexicon: Lexicon) -> bool:
    """An act someone wants another party to do ("his aides want him to resign", "would like
    the army to withdraw"): the wisher's wish, no plan of the party that would act."""
    wish_verbs = lexicon.word_set("modality.wish_verbs")
    for below, above in list(zip(chain, chain[1:]))[:3]:
        if lemma_of(above) in wish_verbs and above.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" for c in below.children) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
            return True
    return False


def _provided_for(verbs: list[Token], lexicon: Lexicon) -> bool:
    """An act told in the simple present under a rule ("Under the constitution, the
    assembly impeaches the official"): what the rule provides for."""
    verb = verbs[0] if verbs else None
    if verb is None or verb.tag_ not in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and lemma_of(g) in lexicon.word_set("modality.rule_nouns")
        for g in c.children) for c in verb.children)


def _asked_which(trigger: Token) -> bool:
    """An act named with a wh-word is asked about, not told: "what concessions Ukraine might
    make", "which sanctions would be lifted"."""
    return trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.tag_ in ("WDT", "WP")
                                         for c in trigger.children)


def _feared(trigger: Token, lexicon: Lexicon) -> bool:
    """An act named as what is feared, may come or is a risk people live with: "for fear *of
    a raid*", "the prospect of sanctions", "exposed *to attacks and abductions*"."""
    while trigger.dep_ == "conj" and trigger.head.pos_ in ("NOUN", "PROPN", "VERB"):
        trigger = trigger.head  # "attacks, *abductions* and abuse", "of being tortured or abused"
    if trigger.dep_ not in ("pobj", "pcomp"):  # a gerund too: "the prospect *of restoring* ties"
        return False
    prep, governor = trigger.head, trigger.head.head
    return (prep.lower_ == "of" and lemma_of(governor) in lexicon.word_set(
        "modality.possibility_nouns")) or (prep.lower_ == "to" and governor.lower_ in
                                           lexicon.word_set("modality.exposure_words"))


def _other_sense_of_governor(governor: Token) -> bool:
    """A future governor's word in a sense that places nothing ahead: the preposition "due
    to" ("cut aid due to the fighting": a cause) or a phrasal verb ("the zone set up to
    avert an offensive": "set up" builds, "set to" schedules)."""
    return governor.dep_ == "prep" or governor.pos_ == "ADP" or any(
        c.dep_ == "prt" for c in governor.children)


def _wh_clause(token: Token) -> bool:
    """A finite clause opened by a wh-word or "whether": "whom they would support", "when
    talks resume", "whether anyone was arrested"."""
    return token.dep_ == "ccomp" and any(
        (c.tag_ in ("WP", "WDT", "WRB", "WP$") or c.dep_ == "mark" and c.lower_ == "whether")
        and c.i < token.i for c in token.children)


def _names_no_one(verb: Token, lexicon: Lexicon) -> bool:
    """"Neither side accepted the truce", "nobody was arrested", "the police arrested no
    one", "not everyone agreed": a subject or object that names no one says the act was not
    done."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and names_no_one(c, lexicon)
               for c in verb.children)


def names_no_one(party: Token, lexicon: Lexicon) -> bool:
    """"nobody", "no country", "neither side"; as a subject, "not everyone"."""
    words = lexicon.word_set
    return (lemma_of(party) in words("modality.negative_pronouns")
            or _has_child(party, {"det", "preconj"}, words("modality.negative_determiners"))
            or party.dep_ in ("nsubj", "nsubjpass") and _not_every(party, lexicon))


def _not_every(subject: Token, lexicon: Lexicon) -> bool:
    """"Not everyone agreed", "not all members backed it": no party did it as one; but "not
    only the police ..." names them."""
    return any(c.dep_ == "neg" and c.lower_ in lexicon.word_set("modality.negation_words")
               and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ not in ("only", "just",
                                                                         "merely")
               for c in subject.children)


def _reported_future(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` carries a "would" that only shifts a reported "will" into the past
    ("said it would retaliate", "announced that troops would withdraw"): the clause is the
    object of a past-tense reporting verb, "would" is its only modal, with no "have"
    ("would have attacked" is counterfactual) and no condition ("if ...")."""
    modals = [c for c in verb.children if c.dep_ == "aux"
              and c.lower_ in lexicon.word_set("modality.hypothetical_auxiliaries")]
    if [m.lower_ for m in modals] != ["would"] or any(
            c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return False
    markers = lexicon.word_set("modality.hypothetical_markers")
    if any(c.dep_ == "advcl" and _has_child(c, {"mark"}, markers) for c in verb.children):
        return False  # "would expel them if the talks failed"
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "would consider X and would seek Y"
    report = clause.head
    return clause.dep_ == "ccomp" and report.tag_ in ("VBD", "VBN") and (
        lemma_of(report) in lexicon.word_set("attribution.reporting_verbs")
        or lemma_of(report) in lexicon.word_set("modality.pledge_verbs"))


def responsibility_claim(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb by which someone claims responsibility for the act `noun` names ("the
    Houthis *claimed* responsibility for the attack", "*claimed* the attack"), if any."""
    words = lexicon.word_set
    if noun.dep_ in ("dobj", "obj") and noun.pos_ == "NOUN" and noun.head.pos_ == "VERB" and (
            lemma_of(noun.head) in words("modality.act_claiming_verbs")):
        return noun.head  # "no group has claimed the attack": the attack is what is owned
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    owned = noun.head.head
    verb = owned.head
    if lemma_of(owned) in words("modality.responsibility_nouns") and verb.pos_ == "VERB" and (
            lemma_of(verb) in words("modality.responsibility_verbs")):
        return verb
    return None
