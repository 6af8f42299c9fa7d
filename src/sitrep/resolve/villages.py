"""Villages no gazetteer holds: the text's own name, at the point of the place it is named with.

ACLED codes an event to the village its source names. A village of a few hundred people is
often in no gazetteer sitrep ships ("the village of Kiloba Nord, 40 km north of Butembo",
"Zinder Kura village in Damasak district"), and coding such an event to the region or the town named beside
it loses what the analyst most needs. A name the gazetteer does not know is taken for a
village when the text says so ("X village", "the border town of X", "X market") and names
a known place with it: the district or region it lies in ("X in Oudalan province", "X,
Mafa district") or the town it lies near ("40 km north of Butembo"). The event keeps the
village's name and takes that place's point and region, at geo precision 2 (near the point
given); the evidence cites the village's words."""
from __future__ import annotations

import re
from dataclasses import replace

from sitrep.data.lexicon import actor_matcher, country_matcher, cues
from sitrep.extraction.arguments import Located
from sitrep.resolve.gazetteer import abbreviated, fold, gazetteer, strip_region_word
from sitrep.resolve.places import DISTRICT_KINDS, Place

ANCHOR_REACH = 90
"""Characters after a village's name within which the place it is named with must begin."""
WORD_BEFORE = re.compile(r"(?:^|\s)([a-z]+)\s+of\s+(?:the\s+)?$")
"""The word of "the village of X", "the border town of X"."""
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
IN_REGION = re.compile(r"\s*(?:,|\(|in|in the|of)?\s*")


def village_name(located: Located, text: str) -> tuple[str, bool] | None:
    """The village's own name (without a district word: "Guma East Local Government Area" is
    Guma East), and whether the words around it say it is a village: its last word or one
    of the two after it ("Zinder Kura village", "Kalbo market", "the Kalma displacement
    camp"), or the noun of "the X of" before it ("the town of X"). An unmarked name may
    still be a village lying in the region named right after it ("at Tindoumba in Oudalan
    province")."""
    words = abbreviated(LEADING_ARTICLE.sub("", located.text.strip())).split()
    while len(words) > 1 and fold(words[-1]) in cues("region_word") - cues("village_word"):
        words.pop()  # "Guma East Local Government Area" is Guma East
    name = " ".join(words)
    following = [word for word in text[located.end : located.end + 30].split()[:2] if word.islower()]
    before = WORD_BEFORE.search(text[max(0, located.start - 30) : located.start].lower())
    if len(words) > 1 and fold(words[-1]) in cues("village_word"):
        name, marked = " ".join(words[:-1]), True
    else:
        marked = any(fold(word.strip(",.;:")) in cues("village_word") for word in following) or before is not None and before.group(1) in cues("village_word")
    if not name[:1].isupper() or name.isupper() or _names_no_place(name):
        return None
    return name, marked


def _names_no_place(name: str) -> bool:
    """An actor's or a country's name is never a village's ("the town of Boko Haram" is
    misread, not a village)."""
    return bool(actor_matcher().find(name)) or bool(country_matcher().find(name))


def village_near(located: Located, text: str, found: list[tuple[Place, Located]], region: Place | None, listed: bool = False) -> tuple[Place, Located] | None:
    """The unknown village, at the point of the first known place named right after it
    ("X in Oudalan province", "X, 40 km north of Butembo"), else of the region the event is in
    (a country gives no point). A name listed among towns ("one killed in X, two in Y") is
    marked a village as if the text said so."""
    named = village_name(located, text)
    if named is None:
        return None
    name, marked = named[0], named[1] or listed
    after = sorted(((where.start, place) for place, where in found if located.end <= where.start <= located.end + ANCHOR_REACH and place.kind != "country"), key=lambda item: item[0])
    if after and (marked or _in_region(text[located.end : after[0][0]], after[0][1])):
        anchor: Place | None = after[0][1]
    else:
        anchor = region if marked else None
    if anchor is None:
        return None
    return _village_at(anchor, name, located)


def namesake_abroad(place: Place, located: Located, text: str, found: list[tuple[Place, Located]]) -> tuple[Place, Located] | None:
    """"A school in Djibo in Tsafe local government area", "villagers in Djibo in
    northwestern Nigeria": the gazetteer knows the name only in another country than the district or
    country named right after it, so this is a village there no gazetteer holds."""
    if not place.is_settlement or place.near is not None:
        return None
    after = sorted(((where.start, other, where.text) for other, where in found if located.end <= where.start <= located.end + ANCHOR_REACH), key=lambda item: item[0])
    if not after:
        return None
    start, anchor, anchor_text = after[0]
    between = " ".join(word for word in text[located.end : start].split() if word.lower() not in cues("place_qualifier"))
    if anchor.iso2 == place.iso2 or IN_REGION.fullmatch(between) is None or _region_of(place, anchor_text):
        return None
    if anchor.kind == "country":  # "Djibo in northwestern Nigeria ... in Zamfara State"
        anchor = next((other for other, _ in found if other.kind in DISTRICT_KINDS and other.iso2 == anchor.iso2), anchor)
    return _village_at(anchor, strip_region_word(located.text)[0], located)


def _region_of(town: Place, name: str) -> bool:
    """"Savannah (Georgia)": the name after the town is also a region of the town's own country."""
    return any(m.entry.kind == "admin1" and m.entry.iso2 == town.iso2 for m in gazetteer().lookup(strip_region_word(name)[0]))


def _village_at(anchor: Place, name: str, located: Located) -> tuple[Place, Located]:
    """The village, named by the text, at the point and region of the place named with it."""
    start = located.start + located.text.index(name)
    point = {} if anchor.kind != "country" else {"latitude": None, "longitude": None, "admin1": None}
    village = replace(anchor, name=name, kind="village", population=0, own_name=True, near=anchor.name, **point)  # type: ignore[arg-type]
    return village, Located(name, start, start + len(name), name)


def _in_region(between: str, place: Place) -> bool:
    """"X in Oudalan province", "X, Mafa district": a region named right after the name."""
    return place.kind in DISTRICT_KINDS and IN_REGION.fullmatch(between) is not None
