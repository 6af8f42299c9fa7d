"""What a user types in a filter, to the names sitrep stores: a country by ISO code, name or
demonym in any case ("ua", "UKR", "ukraine"); a type by ACLED's event or sub-event type or a
plain word the lexicon knows ("drone", "shelling", "mortar"); an actor by an alias of the
actor table ("ISWAP"). A country that is no country says which one it may be."""
from __future__ import annotations

from functools import cache

import pycountry
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sitrep.data.lexicon import (
    Term,
    actor_matcher,
    country_matcher,
    load_table,
    named_actors,
    taxonomy,
    triggers,
    weapon_matcher,
    weapon_types,
)
from sitrep.folding import fold
from sitrep.resolve.places import country_place

SUGGEST_EDITS = 2
"""Edits (optimal string alignment: a swap of two neighbouring letters is one) within which a
near name is suggested: "Ukriane" → Ukraine, "Sirya" → Syria; "Narnia" is no country."""
WORD_ENDINGS = ("", "s", "es", "ing", "ed", "d")
"""Endings taken off a plain word to find its lemma in the trigger table ("shelling" → shell)."""


def country_name(query: str) -> str:
    """The country's name as sitrep stores it; ValueError naming the nearest on a typo."""
    text = query.strip()
    record = pycountry.countries.get(alpha_2=text.upper()) if len(text) == 2 else pycountry.countries.get(alpha_3=text.upper()) if len(text) == 3 else None
    iso2 = record.alpha_2 if record else _whole(country_matcher().find(text), text) or _whole(country_matcher().find(text.upper()), text)
    if iso2 is None:
        try:
            iso2 = pycountry.countries.lookup(text).alpha_2
        except LookupError:
            iso2 = None
    if iso2 is None:
        near = process.extractOne(fold(text), list(_country_names()), scorer=OSA.distance, score_cutoff=SUGGEST_EDITS)
        hint = f": did you mean {_country_names()[near[0]]}?" if near else " (a name, or an ISO code such as UA or UKR)"
        raise ValueError(f"no country {query!r}{hint}")
    return country_place(iso2).name


def event_type(query: str) -> str:
    """ACLED's spelling of an event or sub-event type, or the type a plain word names."""
    text = fold(query.strip())
    types = {fold(t): t for row in taxonomy() for t in (row.event_type, row.sub_event_type)}
    if text in types:
        return types[text]
    if f"{text}s" in types:
        return types[f"{text}s"]
    named = _types_of_word(text)
    if named:
        return named
    near = process.extractOne(text, list(types), scorer=OSA.distance, score_cutoff=SUGGEST_EDITS)
    hint = f": did you mean {types[near[0]]}?" if near else " (an ACLED event or sub-event type, or a word such as drone or shelling)"
    raise ValueError(f"no event type {query!r}{hint}")


def actor_name(query: str) -> str:
    """The actor table's name for an alias typed whole ("iswap" → Islamic State West Africa
    Province); anything else stays as typed, for a match inside names."""
    text = query.strip()
    canonical = {fold(name): name for name in named_actors()}
    return canonical.get(fold(text)) or _whole(actor_matcher().find(text), text) or _whole(actor_matcher().find(text.upper()), text) or text


def _whole(hits: list[Term], text: str) -> str | None:
    """The value of a lexicon hit that covers the whole query."""
    return next((hit.value for hit in hits if hit.start == 0 and hit.end == len(text)), None)


@cache
def _country_names() -> dict[str, str]:
    names = {fold(row["name"]): row["name"] for row in load_table("countries.csv")}
    for record in pycountry.countries:
        name = getattr(record, "common_name", None) or record.name
        names.setdefault(fold(name), name)
    return names


def _types_of_word(word: str) -> str | None:
    """The type a word names: a trigger word's (its event type when its types share one), or
    the weapon's that decides an attack's type ("mortar" → shelling)."""
    found: dict[str, int] = {}
    for ending in WORD_ENDINGS:
        lemma = word.removesuffix(ending) if ending else word
        for entries in triggers().values():
            for trigger in entries:
                if trigger.role == "event" and lemma in trigger.lemmas:
                    found[trigger.sub_event_type] = max(found.get(trigger.sub_event_type, 0), trigger.rank)
        if found:
            break
    if not found:
        weapon = _whole(weapon_matcher().find(word), word)
        return weapon_types()[weapon][1] if weapon in weapon_types() else None
    event_types = {row.sub_event_type: row.event_type for row in taxonomy()}
    families = {event_types[sub] for sub in found}
    if len(found) > 1 and len(families) == 1:
        return families.pop()
    return max(found, key=lambda sub: found[sub])
