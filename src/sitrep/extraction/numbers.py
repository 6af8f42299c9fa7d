"""Counts in news prose: "132 people", "two soldiers and one interpreter", "more than 90",
"dozens of", "up to 3,000" — a value, its bounds, and where it was read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number
from spacy.tokens import Token

from sitrep.data.lexicon import bounds, cues, role_nouns, scales, vague_numbers


@dataclass(frozen=True)
class Count:
    value: int
    low: int | None
    high: int | None
    start: int
    end: int

    def __add__(self, other: Count) -> Count:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Count(self.value + other.value, low, high, min(self.start, other.start), max(self.end, other.end))


def parse_quantity(text: str) -> int | None:
    """'3,000' → 3000, 'twenty-five' → 25, '1.5 million' → 1500000, 'dozens' → 12."""
    words = text.lower().replace(",", "").split()
    if not words:
        return None
    vague = vague_numbers()
    if " ".join(words) in vague:
        return vague[" ".join(words)]
    scale = scales().get(words[-1]) if len(words) > 1 else None
    head = " ".join(words[:-1]) if scale else " ".join(words)
    if re.fullmatch(r"\d+(\.\d+)?", head):
        number = float(head)
    else:
        parsed = _spelled_number(head)
        if parsed is None:
            return None
        number = float(parsed)
    return int(number * (scale or 1))


@lru_cache(maxsize=4096)
def _spelled_number(words: str) -> int | float | None:
    """number_parser rebuilds its word tables on every call; news repeats the same few numbers."""
    return parse_number(words)


def count_of(noun: Token) -> Count | None:
    """The count a noun carries: its numeric modifier, or itself when it is a number."""
    number = _number_token(noun)
    if number is None:
        return None
    words, number = _whole_number(number)
    value = parse_quantity(words)
    if value is None:
        return None
    qualifier = _qualifier(number)
    low, high = value, value
    bound = bounds().get(qualifier)
    if bound == "lower":
        high = None
    elif bound == "upper":
        low = None
    start_token = number.doc[number.i - len(qualifier.split())] if qualifier else number
    span_start = min(start_token.idx, noun.idx)
    span_end = max(noun.idx + len(noun.text), number.idx + len(words))
    return Count(value, low, high, span_start, span_end)


def _whole_number(number: Token) -> tuple[str, Token]:
    """A number spelled with a hyphen ("Twenty-eight"), which the tokenizer splits in three,
    read whole: its words and its first token."""
    doc = number.doc
    if number.i >= 2 and doc[number.i - 1].text == "-" and doc[number.i - 2].like_num and not doc[number.i - 1].whitespace_:
        first = doc[number.i - 2]
        return doc[first.i : number.i + 1].text, first
    return number.text, number


def count_conjuncts(noun: Token) -> Count | None:
    """Sum over "two soldiers and one interpreter"; a named person counts one, and so does
    one person named by a singular noun ("a man", "the mayor", "a policeman")."""
    total: Count | None = None
    for member in [noun, *noun.conjuncts]:
        if member.i < noun.i:
            continue
        if total is not None and _vague_others(member):
            break  # "the chief Amadou Diallo and several others": at least the named
        count = count_of(member)
        if count is None and (member.ent_type_ == "PERSON" or _one_person(member) or _named_by_apposition(member)):
            count = Count(1, 1, 1, member.idx, member.idx + len(member.text))
        if count is None:
            return total if member.i != noun.i else None
        total = count if total is None else total + count
    return total


def _vague_others(noun: Token) -> bool:
    """"several others", "many more": people told beside the named dead but not counted."""
    return noun.lemma_.lower() in ("other", "more") and any(c.lower_ in vague_numbers() for c in noun.children)


def _named_by_apposition(noun: Token) -> bool:
    """"the village chief Amadou Diallo": one person, named beside the word for him."""
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def _one_person(noun: Token) -> bool:
    determined = any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any", "some", "every", "each") for c in noun.children)
    person = noun.lemma_.lower() in role_nouns() or noun.lemma_.lower() in cues("person_title")  # "a rebel commander"
    return noun.tag_ == "NN" and determined and person and noun.lemma_.lower() not in cues("collective")


def _number_token(noun: Token) -> Token | None:
    if noun.like_num or noun.lower_ in vague_numbers():
        return noun
    for child in noun.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "det") and child.lower_ in vague_numbers()):
            return child
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in vague_numbers():
        return noun.head.head
    return None


def _qualifier(number: Token) -> str:
    doc = number.doc
    for size in (3, 2, 1):
        if number.i - size < 0:
            continue
        words = doc[number.i - size : number.i].text.lower()
        if words in bounds():
            return words
    return ""
