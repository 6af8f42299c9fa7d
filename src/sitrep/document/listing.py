"""Places named side by side where an event is told ("clashes in Kadugli and Dilling"):
ACLED codes one event a place, which resolve makes of them."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sitrep.data.lexicon import cues
from sitrep.document.draft import Draft, place_key, telling
from sitrep.extraction.arguments import Located
from sitrep.extraction.numbers import Count, parse_quantity

HARMED = re.compile(r"\b(killed|dead|died|injured|wounded|hurt|shot)\b", re.IGNORECASE)
COUNTED = re.compile(r"^\W*(and\s+)?[\w-]+\s+(in|at)\s*$", re.IGNORECASE)
"""A count alone before the place ("..., eight in Penjwen"): the list goes on."""
DEAD = re.compile(r"\b(killed|dead|died)\b", re.IGNORECASE)
NUMBER_REACH = 6
"""How many words before "killed" its count may stand ("one person was killed")."""
LISTED_ENTITIES = ("", "GPE", "LOC", "FAC", "ORG", "PERSON")
"""What the small model tags a village it does not know: anything but a people or a number."""


def listed_places(draft: Draft, doc: Doc) -> list[Located]:
    """A place of the sentence that first tells the event and the names joined to it by
    "and" or commas outside brackets (the place finder may miss the later ones: it takes
    them for its list's tail); not the words of an organisation's name ("Centre for Peace,
    Democracy and ..."), nor the bounds of one place ("between Kutkai and Muse")."""
    fact = telling(draft)[0]
    for place in fact.places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or place_key(place) is None or _inside_a_longer_name(span) or _between(span):
            continue
        depth = _bracket_depth(fact.mention.sentence, place.start)
        listed = [t for t in span.root.conjuncts if t.pos_ == "PROPN" and t.ent_type_ in LISTED_ENTITIES and _bracket_depth(fact.mention.sentence, t.idx) == depth]
        names = [name for t in listed if place_key(name := _proper_name(t)) and not _inside_a_longer_name(t.doc[t.i : t.i + 1])]
        if names:
            return sorted([place, *names], key=lambda p: p.start)
    return []


def _between(span: Span) -> bool:
    """"an outpost between Kutkai and Muse": two names that bound one place; "the
    governorates of Aleppo and Idlib": regions, where a coder codes no event a name."""
    ancestors = list(span.root.ancestors)
    bounds = any(node.dep_ == "prep" and node.lower_ == "between" for node in ancestors)
    regions = any(node.lemma_.lower() in cues("region_word") for node in ancestors[:3])
    return bounds or regions


def _bracket_depth(sentence: Span, char: int) -> int:
    """How many brackets are open at a character of the sentence: "Zorblax (Marib, Marib)"
    names a town and, in brackets, where it lies, not three places."""
    before = sentence.doc.text[sentence.start_char : char]
    return before.count("(") - before.count(")")


def _inside_a_longer_name(span: Span) -> bool:
    entity = next((e for e in span.doc.ents if e.start <= span.root.i < e.end), None)
    return entity is not None and (entity.start < span.start - 1 or entity.end > span.end + 1)


def _proper_name(token: Token) -> Located:
    """The name a proper noun ends ("Umm Ruwaba", "Ban Khun Mae")."""
    first = token
    while first.i > 0 and (first.nbor(-1).pos_ == "PROPN" or first.nbor(-1).text == "-" and first.i > 1) and first.nbor(-1).head.i in (token.i, first.i):
        first = first.nbor(-1)
    text = token.doc.text[first.idx : token.idx + len(token)]
    return Located(text, first.idx, token.idx + len(token), text)


def casualty_list(draft: Draft) -> tuple[list[Located], dict[int, Located]]:
    """"One person was killed in Rania, two killed and 30 injured in Qaladiza, 10 injured
    in Penjwen": a sentence that counts the harmed place by place tells one event a place (ACLED),
    each with its own toll. The places, and the toll read for each (by the place's start)."""
    for fact in draft.facts:
        if fact.mention.role != "kill":
            continue
        sentence = fact.mention.sentence
        places = sorted({p.start: p for p in draft.places if sentence.start_char <= p.start < sentence.end_char and place_key(p)}.values(), key=lambda p: p.start)
        if len(places) < 2:
            continue
        text = sentence.doc.text
        tolls: dict[int, Located] = {}
        previous_end = sentence.start_char
        for place in places:
            segment = text[previous_end : place.start]
            if not HARMED.search(segment) and not COUNTED.search(segment):
                break
            toll = _deaths_in(segment, previous_end)
            if toll is not None:
                tolls[place.start] = toll
            previous_end = place.end
        else:
            return places, tolls
    return [], {}


def _deaths_in(segment: str, offset: int) -> Located | None:
    """The count told dead in a stretch of text ("two killed and more than 30 injured": 2)."""
    deaths = list(DEAD.finditer(segment))
    if not deaths:
        return None
    death = deaths[-1]
    words = list(re.finditer(r"[\w,-]+", segment[: death.start()]))
    for word in reversed(words[-NUMBER_REACH:]):
        value = 1 if word.group().lower() in ("a", "an", "one") else parse_quantity(word.group().rstrip(","))
        if value is not None:
            count = Count(value, None, None, offset + word.start(), offset + word.end())
            return Located(count, count.start, count.end, word.group())
    return None
