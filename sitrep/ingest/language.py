"""Is this English? A small, fast, dependency-free check (sitrep codes English only).

First, over the whole text: if fewer than `MIN_LETTER_SHARE` (30%) of the characters other
than spaces are letters, the text is not prose in any language (a wall of numbers, dates,
punctuation, markup or emoji); English news has about 80%, a table-heavy report above 50%.
Nor is a text whose first `_SAMPLE_CHARS` characters hold at least `MIN_WORDS_FOR_VARIETY`
(200) words but no more than `MAX_DISTINCT_WORDS_REPEATED` (12) distinct ones: a few words
repeated over and over (a spam wall, a broken template, one short line pasted again and
again). Any 200 words of prose use more; so does a paragraph repeated.

Then three signals, taken over the first `_SAMPLE_CHARS` characters:

1. Script: if more than `MAX_NON_LATIN_SHARE` (30%) of the letters are not Latin, the text is
   not English; the message names the dominant script (Hangul, Cyrillic, Arabic, ...). English
   reports quoting a few words in another script stay well below that.
2. Function words, for Latin-script text: the share of English function words (data file
   languages.toml) among the LOWER-CASE word tokens plus any token that is a function word
   when lower-cased. Capitalised tokens are left out, so that English dense with names
   ("Kim Jong Un met Xi Jinping in Beijing") is judged by its few small words, not diluted
   by the names. English news scores 0.40-0.60; French, Spanish, German or Indonesian text
   scores below 0.08. The text is not English when the share is below
   `MIN_ENGLISH_SHARE` (0.15) and either there are at least `MIN_TOKENS_TO_JUDGE` (40)
   counted tokens, or, for shorter text (12-39 tokens), another language's function words are
   at least twice as frequent. Fewer than 12 counted tokens are never judged: a headline-sized
   text is too short to tell.
3. Accents, for Latin-script text the function words let pass (languages without a list, whose
   short words happen to look English: Czech "a", "do"): more than `MAX_ACCENTED_SHARE` (5%)
   of at least 100 letters carry accents. English news stays below 0.1% even when full of
   names like Erdoğan or Türkiye; Polish has ~7%, Czech and Vietnamese 15-25%.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .knowledge import english_function_words, other_languages_function_words

MIN_LETTER_SHARE = 0.30
MAX_NON_LATIN_SHARE = 0.30
MAX_ACCENTED_SHARE = 0.05
MIN_LETTERS_FOR_ACCENTS = 100
MIN_ENGLISH_SHARE = 0.15
MIN_TOKENS_TO_JUDGE = 40
MIN_TOKENS_SHORT_TEXT = 12
MIN_WORDS_FOR_VARIETY = 200
MAX_DISTINCT_WORDS_REPEATED = 12
_SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_SPACE = re.compile(r"\s+")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")  # letters beyond Latin Extended-B
_ACCENTED_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")

# First word of Unicode character names -> how the message names the script.
_SCRIPTS = {
    "HANGUL": "Hangul script (Korean)", "HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana",
    "CJK": "Chinese characters", "CYRILLIC": "Cyrillic script", "ARABIC": "Arabic script",
    "HEBREW": "Hebrew script", "GREEK": "Greek script", "DEVANAGARI": "Devanagari script",
    "BENGALI": "Bengali script", "THAI": "Thai script", "GEORGIAN": "Georgian script",
    "ARMENIAN": "Armenian script", "ETHIOPIC": "Ethiopic script", "TAMIL": "Tamil script",
}


def non_english_reason(text: str) -> str | None:
    """Why `text` is not English (naming the script or language when possible), or None."""
    visible = len(_SPACE.sub("", text))
    letters = len(_NOT_LETTER.sub("", text))
    if visible and letters / visible < MIN_LETTER_SHARE:
        return (f"text is not prose: only {letters / visible:.0%} of its characters are "
                "letters (numbers, punctuation, markup or symbols); sitrep reads news reports")
    sample = text[:_SAMPLE_CHARS]
    repeated = _repetition_verdict(sample)
    if repeated:
        return repeated
    script = _dominant_foreign_script(sample)
    if script:
        return f"text is not English: mostly {script}; sitrep reads English reports only"
    return _function_word_verdict(sample) or _accent_verdict(sample)


def _repetition_verdict(sample: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(sample)]
    distinct = len(set(words))
    if len(words) < MIN_WORDS_FOR_VARIETY or distinct > MAX_DISTINCT_WORDS_REPEATED:
        return None
    return (f"text is not prose: the same {distinct} word(s) repeated over and over "
            f"({len(words):,} words); sitrep reads news reports")


def _dominant_foreign_script(sample: str) -> str | None:
    if sample.isascii():
        return None
    foreign = Counter(
        unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0] for ch in _NON_LATIN_LETTER.findall(sample)
    )
    letters = len(_LETTER.findall(sample))
    if not letters or sum(foreign.values()) / letters <= MAX_NON_LATIN_SHARE:
        return None
    top = foreign.most_common(1)[0][0]
    if top == "CJK" and (foreign["HIRAGANA"] or foreign["KATAKANA"]):
        return "Japanese (kanji and kana)"
    return _SCRIPTS.get(top, "a non-Latin script")


def _accent_verdict(sample: str) -> str | None:
    if sample.isascii():
        return None
    letters = len(_LETTER.findall(sample))
    share = len(_ACCENTED_LETTER.findall(sample)) / letters if letters else 0.0
    if letters < MIN_LETTERS_FOR_ACCENTS or share <= MAX_ACCENTED_SHARE:
        return None
    return (f"text is not English ({share:.0%} of its letters are accented, as in Czech, Polish "
            "or Vietnamese); sitrep reads English reports only")


def _function_word_verdict(sample: str) -> str | None:
    tokens = _WORD.findall(sample)
    if sum(t.isupper() for t in tokens) > len(tokens) / 2:  # ALL-CAPS text: judge it lower-cased
        tokens = [t.lower() for t in tokens]
    others = other_languages_function_words()
    known = english_function_words().union(*others.values())
    counted = [t.lower() for t in tokens if t[0].islower() or t.lower() in known]
    if len(counted) < MIN_TOKENS_SHORT_TEXT:
        return None
    english = _share(counted, english_function_words())
    if english >= MIN_ENGLISH_SHARE:
        return None
    best_name, best_share = max(
        ((name, _share(counted, words)) for name, words in others.items()), key=lambda x: x[1]
    )
    if len(counted) < MIN_TOKENS_TO_JUDGE and best_share < 2 * max(english, 0.1):
        return None
    named = f"looks like {best_name}" if best_share >= 2 * english and best_share >= 0.15 else (
        "language not recognised")
    return (f"text is not English ({named}; only {english:.0%} English function words); "
            "sitrep reads English reports only")


def _share(tokens: list[str], words: frozenset[str]) -> float:
    return sum(t in words for t in tokens) / len(tokens)
