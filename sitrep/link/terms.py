"""Content words and tf-idf term vectors, the cheap text signal that story linking rests on.

A regular expression, a stop list and a crude plural rule: no parse needed, so that linking
costs a tiny fraction of what spaCy costs per article.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from sitrep.link.config import LinkConfig

# Words with inner hyphens or apostrophes stay whole: "B-1B", "al-Shabab", "Kim's" -> "kim".
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")


_DOUBLED = ("bb", "dd", "ff", "gg", "ll", "mm", "nn", "pp", "rr", "tt")


def _stem(word: str) -> str:
    """A crude stem that makes the forms of a word meet: "bombers" -> "bomber", "militias"
    -> "militia", "expelled"/"expelling" -> "expel", "released"/"release" -> "releas".
    Not a linguistic stem: only ever compared with other stems."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if word.endswith(_DOUBLED):
                word = word[:-1]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def content_words(text: str, config: LinkConfig) -> list[str]:
    """The words of `text` that can tell one story from another, lower case, singular."""
    normal = config.word_memo  # news reuses a small vocabulary: normalise each word once
    out = []
    for token in _WORD.findall(text.lower()):
        word = normal.get(token)
        if word is None:
            word = normal[token] = _normal(token, config)
        if word:
            out.append(word)
    return out


def _normal(token: str, config: LinkConfig) -> str:
    """A token's content word, or "" for a stop word or a too short one."""
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    if len(token) < config.stories["min_term_length"] or token in config.stopwords:
        return ""
    word = _stem(token)
    return "" if word in config.stopwords else word


def term_counts(title: str | None, text: str, config: LinkConfig) -> dict[str, float]:
    """How often the article's salient words occur, title words weighted up.

    Salient: the `counted_terms` most frequent, the earliest first among equals (news puts
    what matters first). The rest, mostly words said once deep in the text, would cost a
    document-frequency update each and seldom decide a story.
    """
    counts: Counter[str] = Counter(content_words(text, config))
    weight = config.stories["title_weight"]
    for word in content_words(title or "", config):
        counts[word] += weight
    # Counter keeps first-seen order and sorted() is stable: equals stay earliest first
    top = sorted(counts.items(), key=lambda kv: -kv[1])[: config.stories["counted_terms"]]
    return dict(top)


def idf(document_frequency: int, n_documents: int) -> float:
    """Smoothed inverse document frequency; 1 for every term while the store is empty."""
    return 1.0 + math.log((n_documents + 1) / (document_frequency + 1))


def tfidf_vector(counts: Mapping[str, float], frequencies: Mapping[str, int],
                 n_documents: int, keep: int) -> dict[str, float]:
    """The `keep` strongest terms, weighted (1 + log tf) * idf and scaled to unit length.
    Ties are broken by the term, so the same input always gives the same vector."""
    weights = {
        term: (1.0 + math.log(count)) * idf(frequencies.get(term, 0), n_documents)
        for term, count in counts.items()
    }
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: round(w / norm, 4) for term, w in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def overlap(a: Iterable[str], b: Iterable[str],
            weights: Mapping[str, float] | None = None, default: float = 1.0) -> float:
    """Share of the smaller word set found in the other (0 when either is empty), each word
    counted by its weight (its idf: a shared "Kalat" says more than a shared "Ukraine")."""
    a, b = set(a), set(b)
    if not a or not b:
        return 0.0
    if weights is None:
        return len(a & b) / min(len(a), len(b))

    def total(words: set[str]) -> float:
        return sum(weights.get(w, default) for w in words)

    return total(a & b) / min(total(a), total(b))


# A quotation: text between double quotes, straight or curly, on one line.
_QUOTATION = re.compile(r'["“]([^"“”\n]{12,800})["”]')
_QUOTED_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")


def quote_shingles(text: str, length: int, keep: int) -> list[str]:
    """Short hashes of every run of `length` words inside the text's quotations, the `keep`
    lowest: two reports that quote the same words of one statement share them (whatever
    each cuts off at either end), which reports of different events seldom do. Keeping the
    lowest hashes of each text keeps the same ones of a shared run in both."""
    runs = set()
    for quotation in _QUOTATION.findall(text):
        words = _QUOTED_WORD.findall(quotation.lower().replace("’", "'"))
        runs.update(" ".join(words[i : i + length]) for i in range(len(words) - length + 1))
    hashes = {hashlib.blake2b(run.encode(), digest_size=6).hexdigest() for run in runs}
    return sorted(hashes)[:keep]
