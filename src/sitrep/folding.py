"""One way to compare names whatever their case and accents, for every lexicon and index:
TÜRKİYE, Türkiye and Turkiye meet, so do STRASSE and Straße, ΑΘΗΝΑΣ and αθηνας.

`str.lower` is not enough: "İ".lower() is two code points ("i" and a combining dot), so a
key lower-cased from the data and one lower-cased from the text differ, and "ß" has no
upper case of one letter. NFKD with its combining marks dropped, then `str.casefold`,
gives one spelling for all of these; letters with no accent to strip (the dotless ı, ø, ł)
are spelled out first."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

UNDECOMPOSABLE = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                                "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparable spelling of a name or word."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_character(character) for character in text)


@lru_cache(maxsize=4096)
def _fold_character(character: str) -> str:
    decomposed = unicodedata.normalize("NFKD", character.translate(UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class FoldedText:
    """A text folded for matching, with the way back to the original's offsets (folding
    may drop a combining mark or turn one letter into two)."""

    original: str
    text: str
    origin: tuple[int, ...] | None
    """The original index of each folded character; None where folding kept every offset."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters of the folded ones from `start` to `end`."""
        if self.origin is None:
            return start, end
        first, last = self.origin[start], self.origin[end - 1] + 1
        while last < len(self.original) and unicodedata.combining(self.original[last]):
            last += 1
        return first, last


def fold_with_offsets(text: str) -> FoldedText:
    if text.isascii():
        return FoldedText(text, text.lower(), None)
    pieces: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        folded = _fold_character(character)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return FoldedText(text, "".join(pieces), tuple(origin))
