"""Is a string text in some language, or bytes that a code page happened to map to
characters? Random bytes decode as something in one legacy encoding or another, so a
reader's text is judged by what it is made of: letters, scripts, cases, words."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from charset_normalizer.constant import COMMON_CJK_CHARACTERS

SAMPLE_CHARS = 4000
"""Text is judged on its first characters: enough to tell, at a bounded cost per article."""
MIN_LETTERS = 8
MIN_WORDS = 2
MAX_SYMBOL_SHARE = 0.1
MAX_PUNCTUATION_SHARE = 0.25
MAX_NOISE_SHARE = 0.05
MIN_LETTER_SHARE = 0.5
MAX_ODD_PAIR_SHARE = 0.1
MAX_MEAN_TOKEN_CHARS = 20
MIN_COMMON_IDEOGRAPH_SHARE = 0.15
MIN_WORDLIKE_SHARE = 0.5
EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC"})
"""Scripts that run together in Japanese and Chinese text, taken as one."""
UNSPACED = EAST_ASIAN | {"THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN"}
"""Scripts written without spaces between words."""
LINE_SPACE = frozenset("\t\n\r\f")
WORD_INNER = frozenset("'’-.·")


class Char(NamedTuple):
    kind: str
    """" " (space), "L" (letter), "M" (mark), "N" (digit), "P" (punctuation, and invisible
    format characters such as the zero-width joiner), "S" (symbol) or "noise"."""
    script: str
    """The first word of the character's Unicode name (LATIN, CYRILLIC, ARABIC, MYANMAR...),
    one for Chinese and Japanese (CJK)."""
    lower: bool
    upper: bool
    ideograph: bool


@dataclass
class Counts:
    """What a text is made of, among its characters other than spaces."""

    chars: int = 0
    letters: int = 0
    """Letters and the marks (accents, vowel signs) on them."""
    symbols: int = 0
    punctuation: int = 0
    """Symbols and punctuation."""
    noise: int = 0
    """Control, private-use, unassigned and replacement characters: next to none in text,
    one in nine of random bytes."""
    pairs: int = 0
    """Letters directly after a letter."""
    odd_pairs: int = 0
    """...of another script, or upper case after lower case: rare in any language, frequent
    in random bytes decoded by a code page ("ЖqЪ7ÿ")."""
    unspaced: int = 0
    """Letters of scripts written without spaces."""
    ideographs: int = 0
    common_ideographs: int = 0
    """Among charset-normalizer's 532 common ones: a third or more of the ideographs of a
    Chinese or Japanese text, even a list of names; one in forty of random ones, which is
    what random bytes decoded as GBK, Big5 or UTF-16 give."""
    tokens: int = 0
    words: int = 0
    """Tokens (runs of characters between spaces) with a letter."""
    wordlike: int = 0
    """Letters in tokens that are words: letters, digits and inner apostrophes, hyphens or
    dots, punctuation at either end; not 'bk/pci{6S'."""


def text_problem(text: str) -> str | None:
    """Why `text` is not text in some language, or None when it is: too few letters, too
    many control characters or symbols, letters of mixed scripts or cases run together,
    rare ideographs only, or (in scripts written with spaces) no words. These reject
    random bytes decoded by any code page, and accept real text in any script, a
    headline-length story too; tests/test_read.py holds both."""
    counts = _count(text[:SAMPLE_CHARS])
    if counts.letters < MIN_LETTERS:
        return f"not text (fewer than {MIN_LETTERS} letters)"
    if counts.noise > MAX_NOISE_SHARE * counts.chars:
        return f"not text ({counts.noise / counts.chars:.0%} control, unassigned or replacement characters)"
    if counts.symbols > MAX_SYMBOL_SHARE * counts.chars:
        return f"not text ({counts.symbols / counts.chars:.0%} symbols)"
    if counts.punctuation > MAX_PUNCTUATION_SHARE * counts.chars:
        return f"not text ({counts.punctuation / counts.chars:.0%} punctuation and symbols)"
    if counts.letters < MIN_LETTER_SHARE * counts.chars:
        return f"not text (only {counts.letters / counts.chars:.0%} letters)"
    if counts.odd_pairs > MAX_ODD_PAIR_SHARE * counts.pairs:
        return "not text (letters of mixed scripts or cases run together, as in random bytes read as text)"
    if counts.ideographs >= MIN_LETTERS and counts.common_ideographs < MIN_COMMON_IDEOGRAPH_SHARE * counts.ideographs:
        return "not text (rare Chinese characters only, as in random bytes read as text)"
    if 2 * counts.unspaced < counts.letters:
        if counts.words < MIN_WORDS or counts.chars > MAX_MEAN_TOKEN_CHARS * counts.tokens:
            return "not text (no words: too few spaces)"
        if counts.wordlike < MIN_WORDLIKE_SHARE * counts.letters:
            return "not text (its words mix letters with symbols)"
    return None


def _count(text: str) -> Counts:
    counts = Counts()
    previous: Char | None = None  # the letter before, while letters and marks run on
    for char in text:
        current = _char(char)
        if current.kind == " ":
            previous = None
            continue
        counts.chars += 1
        if current.kind == "M":
            counts.letters += 1
            counts.unspaced += previous is not None and previous.script in UNSPACED
        elif current.kind == "L":
            counts.letters += 1
            counts.unspaced += current.script in UNSPACED
            counts.ideographs += current.ideograph
            counts.common_ideographs += current.ideograph and char in COMMON_CJK_CHARACTERS
            if previous is not None:
                counts.pairs += 1
                counts.odd_pairs += previous.script != current.script or (previous.lower and current.upper)
            previous = current
        else:
            previous = None
            counts.symbols += current.kind == "S"
            counts.punctuation += current.kind in ("P", "S")
            counts.noise += current.kind == "noise"
    tokens = text.split()
    counts.tokens = len(tokens)
    for token in tokens:
        letters = sum(_char(char).kind in ("L", "M") for char in token)
        if letters:
            counts.words += 1
            core = token.strip("".join(char for char in token if not char.isalnum()))
            counts.wordlike += letters if all(_char(char).kind in ("L", "M", "N") or char in WORD_INNER for char in core) else 0
    return counts


@lru_cache(maxsize=65536)
def _char(char: str) -> Char:
    category = unicodedata.category(char)
    if char in LINE_SPACE or category in ("Zs", "Zl", "Zp"):
        kind = " "
    elif char == "\ufffd" or category in ("Cc", "Cn", "Co", "Cs"):
        kind = "noise"
    else:
        kind = "P" if category == "Cf" else category[0]
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0]
    return Char(kind, "CJK" if script in EAST_ASIAN else script, char.islower(), char.isupper(), name.startswith("CJK") and "IDEOGRAPH" in name)
