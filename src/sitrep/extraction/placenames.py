"""Place names the parser missed, found by the words around them.

The small English model often takes an unfamiliar town for an adjective, a person or an
organisation ("shelled Harbal/ADJ town", "in Bodrum/ORG town center"), or cuts a long
name ("San Fernando del Valle de Catamarca"). News writes places in few shapes: a place
preposition before a capitalised name ("protested in Carhaix-Plouger", "near the town of
Olan"), a settlement noun after it ("Harbal town", "Aleppo countryside"), or brackets
that hold nothing but names, the district and region of a village the sentence names
("targeted Al Far (Kitaf wa Al Boqee, Sadah)", "Kramatorsk (Donetsk region)"). A name
found so is only a candidate: the gazetteer decides later whether it is a place.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.data.lexicon import actor_matcher, country_matcher, country_names, cues
from sitrep.folding import fold

SPOTTED = "SPOTTED_PLACE"
"""The label of a spotted name's span: its place role is given by its surroundings."""
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
JOINERS = frozenset({"-", "'", "’"})
BRACKET_LENGTH = 16
"""Tokens at most between the brackets of a place aside."""


def spotted_places(sentence: Span) -> list[Span]:
    """Capitalised names in a place's position: after a place preposition, before a
    settlement noun, which stays with the name ("Ar Raqqa governorate" is the region), or
    as what was shelled or taken ("shelled Pisochyn", "captured Al Bayda City") when no
    actor bears the name."""
    found = []
    for run in _name_runs(sentence):
        after = sentence.doc[run.end].lower_ if run.end < sentence.end else ""
        kind_word = after in cues("settlement") or after in cues("region_word")
        described = run.end + 1 < sentence.end and sentence.doc[run.end].is_lower and sentence.doc[run.end + 1].lower_ in cues("settlement")  # "Kassab displacement camp"
        if not _is_demonym(run) and (kind_word or described or _after_place_preposition(run, sentence) or _attacked_place(run) or _names_a_town(run)):
            end = run.end + 1 if kind_word else run.end
            found.append(Span(sentence.doc, run.start, end, label=SPOTTED))
    return found + _bracketed_places(sentence)


def _bracketed_places(sentence: Span) -> list[Span]:
    """The inside of brackets holding only names, commas and settlement or region words:
    where the sentence's place lies even when its village is too small to be known. An
    acronym alone ("(ISWAP)") is an organisation's."""
    doc = sentence.doc
    found = []
    for opening in (t for t in sentence if t.text == "("):
        inside = doc[opening.i + 1 : min(opening.i + 1 + BRACKET_LENGTH, sentence.end)]
        closing = next((t.i for t in inside if t.text == ")"), None)
        if closing is None or closing == opening.i + 1:
            continue
        content = doc[opening.i + 1 : closing]
        names = [t for t in content if t.text[:1].isupper() and not t.is_stop]
        named = {t.i for t in names}
        if names and not all(t.text.isupper() for t in names) and all(_in_place_list(t, named) for t in content):
            found.append(Span(doc, content.start, content.end, label=SPOTTED))
    return found


def _in_place_list(token: Token, names: set[int]) -> bool:
    return (
        token.i in names
        or token.text in (",", *JOINERS)
        or token.lower_ in cues("name_particle") | cues("settlement") | cues("region_word")
    )


def names_something_else(candidate: Span) -> bool:
    """A name that is not a town's even where one bears it: a street's or a business's
    ("in Dante square", "outside McDonald's", "Colombo square in Sanremo")."""
    doc = candidate.doc
    after = doc[candidate.end].lower_ if candidate.end < len(doc) else ""
    return after in cues("named_after") or after in ("'s", "’s")


def _name_runs(sentence: Span) -> list[Span]:
    """Maximal runs of capitalised words, with the lower-case particles ("de", "al") and
    hyphenated words ("Port-au-Prince") that join them; a run never starts at the
    sentence's first word unless that word is a proper name ("Kabul", not "The")."""
    doc = sentence.doc
    runs = []
    start: int | None = None
    last_name: int | None = None
    for token in sentence:
        if _is_name_word(token, sentence):
            start = token.i if start is None else start
            last_name = token.i
            continue
        glued_before = token.i > sentence.start and not doc[token.i - 1].whitespace_
        hyphen_after = token.i + 1 < sentence.end and doc[token.i + 1].text in JOINERS and not token.whitespace_
        joins = (
            token.lower_ in cues("name_particle")
            or token.text in JOINERS and glued_before
            or glued_before and doc[token.i - 1].text in JOINERS and hyphen_after
        )
        if start is not None and joins:
            continue
        if start is not None and last_name is not None:
            runs.append(doc[start : last_name + 1])
        start = last_name = None
    if start is not None and last_name is not None:
        runs.append(doc[start : last_name + 1])
    return runs


def _is_name_word(token: Token, sentence: Span) -> bool:
    if not token.text[:1].isupper() or token.ent_type_ in NOT_NAMES:
        return False
    return not (token.is_stop or token.i == sentence.start and token.pos_ not in ("PROPN",))


def _names_a_town(run: Span) -> bool:
    """"the outskirts of the state capital, Chilpancingo", "the nearby town, Kidal": a name set
    beside a word for a town names it."""
    root = run.root
    return root.dep_ == "appos" and root.head.lemma_.lower() in cues("settlement") | cues("capital_word")


def _attacked_place(run: Span) -> bool:
    objects = [t for t in run if t.dep_ == "dobj" and not run.start <= t.head.i < run.end]
    return any(t.head.lemma_.lower() in cues("place_object") for t in objects) and not actor_matcher().find(run.text)


def _after_place_preposition(run: Span, sentence: Span) -> bool:
    """'in X', 'in central X', 'near the town of X', 'close to X', 'north of X' (but not
    'members of X')."""
    index = _before_qualifiers(run.start - 1, sentence)
    if index > sentence.start and sentence.doc[index].lower_ == "to" and sentence.doc[index - 1].lower_ in ("close", "next"):
        return True
    if index < sentence.start or sentence.doc[index].lower_ not in cues("spotting_preposition"):
        return False
    if sentence.doc[index].lower_ != "of":
        return True
    before = _before_qualifiers(index - 1, sentence)
    return before >= sentence.start and sentence.doc[before].lower_ in cues("place_of")


def _before_qualifiers(index: int, sentence: Span) -> int:
    """The index of the first word before `index` (inclusive) that is not a qualifier
    ("the", "central", "northern")."""
    while index >= sentence.start and sentence.doc[index].lower_ in cues("place_qualifier"):
        index -= 1
    return index


def _is_demonym(run: Span) -> bool:
    """'in Turkish drone strikes' is no place; 'in Turkey' is a country and stays."""
    return fold(run.text) not in country_names() and bool(country_matcher().find(run.text))
