"""Myanmar's villages, towns, townships and districts: the place codes of the Myanmar
Information Management Unit (MIMU, version 9.6, February 2025), as the `mm-geo-coder`
package ships them (MIT). GeoNames's cities500 lacks most of the villages and townships
where Myanmar's war is reported ("Pa Khan Gyi village (Yesagyo township, Pakokku
district, Magway)").

Villages carry their own point. A town is the middle of its wards; a township or district
sits at its town of the same name (Taze at Taze Town), else at its only town, else at the
middle of its villages. Only the package's data file is read: its code would look places
up online.

ACLED codes Myanmar's districts as admin2 and its townships as admin3: a village or town
carries both, a township its district and itself, a district itself, spelt as ACLED
spells them (`acled_name`).
"""
from __future__ import annotations

import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from statistics import median

PACKAGE = "mm_geo_coder"
DISTRIBUTION = "mm-geo-coder"
DATABASE = Path("database") / "mimu_geo_data_public.db"
ISO2 = "MM"
TOWN_WORD = re.compile(r"\s+Town$", re.IGNORECASE)
BRACKETED = re.compile(r"\s*\([^)]*\)")
HALF = re.compile(r"\s*\((East|West|North|South)\)")
"""MIMU's halves of a district or township, "Yangon (East)", which ACLED writes "Yangon-East"."""
LATITUDES, LONGITUDES = (9.0, 29.0), (92.0, 102.0)
"""Myanmar's bounds: a few wards carry a mistyped point (Yinmarbin at 50° east)."""
ANCHOR_KM = 40
KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class MimuPlace:
    """kind: "city" for a village or town, "admin2" for a township or district; state is
    MIMU's ("Bago (East)", "Shan (North)"); admin2 its district, admin3 its township."""

    name: str
    names: frozenset[str]
    latitude: float
    longitude: float
    state: str
    kind: str
    admin2: str | None
    admin3: str | None


def database_path() -> Path | None:
    """The package's data file, found without importing the package."""
    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / DATABASE
    return path if path.is_file() else None


def data_version() -> str:
    """Part of the gazetteer index's digest: a new release builds a new index."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "absent"


@dataclass(frozen=True)
class _Row:
    """A village, or a ward of a town (name is then the town's)."""

    name: str
    burmese: str | None
    unit: str
    township: str
    township_code: str
    district: str
    district_code: str
    state: str
    latitude: float
    longitude: float


def read_places(path: Path) -> Iterator[MimuPlace]:
    """Towns first, then townships, districts and villages: of places of one name and
    no known population, the first listed is taken."""
    villages, wards = _rows(path)
    anchors = {code: _median(members) for code, members in _group(villages, "township_code").items()}
    towns = {code: _town(rows, anchors.get(rows[0].township_code)) for code, rows in _group(wards, "unit").items()}
    town_wards = {"township_code": _group(wards, "township_code"), "district_code": _group(wards, "district_code")}
    seats = {
        code: _area(rows[0].township, rows[0], [towns[w.unit] for w in town_wards["township_code"].get(code, [])], anchors.get(code) or _median(rows), True)
        for code, rows in _group(villages + wards, "township_code").items()
        if rows[0].township
    }
    districts = [
        _area(rows[0].district, rows[0], [towns[w.unit] for w in town_wards["district_code"].get(code, [])], _median(seats[r.township_code] for r in rows if r.township_code in seats), False)
        for code, rows in _group(villages + wards, "district_code").items()
        if rows[0].district
    ]
    yield from towns.values()
    yield from seats.values()
    yield from districts
    for row in villages:
        yield MimuPlace(row.name, _spellings(row.name, row.burmese), row.latitude, row.longitude, row.state, "city", acled_name(row.district), acled_name(row.township))


def acled_name(name: str | None) -> str | None:
    """A district or township as ACLED spells it: a half joined by a hyphen ("Yangon
    (East)" is Yangon-East), another bracket (a second spelling, a self-administered
    zone) left out ("Mong Pawk (Wa SAD)" is Mong Pawk); None for none (the townships of a
    self-administered zone have no district in MIMU)."""
    return BRACKETED.sub("", HALF.sub(r"-\1", name or "")).strip() or None


def _rows(path: Path) -> tuple[list[_Row], list[_Row]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        villages = connection.execute(
            "SELECT village_eng, village_mmr, village_pcode, township_eng, township_pcode, district_eng, district_saz_pcode, state_eng, latitude, longitude "
            "FROM villages WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND village_eng IS NOT NULL"
        ).fetchall()
        wards = connection.execute(
            "SELECT town_eng, town_mmr, town_pcode, township_eng, township_pcode, district_eng, district_saz_pcode, state_eng, latitude, longitude "
            "FROM wards WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND town_eng IS NOT NULL"
        ).fetchall()
    finally:
        connection.close()
    return ([_Row(*row) for row in villages if _inside(row[-2], row[-1])], [_Row(*row) for row in wards if _inside(row[-2], row[-1])])


def _group(rows: list[_Row], key: str) -> dict[str, list[_Row]]:
    groups: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def _town(wards: list[_Row], anchor: tuple[float, float] | None) -> MimuPlace:
    """The middle of a town's wards near its township's villages: some wards carry the
    point of another town (Ye's, Mawlamyine's)."""
    first = wards[0]
    points = [(w.latitude, w.longitude) for w in wards]
    if anchor is not None:
        points = [p for p in points if _kilometres(p, anchor) <= ANCHOR_KM] or [anchor]
    bare = TOWN_WORD.sub("", first.name)
    names = _spellings(bare, TOWN_WORD.sub("", first.burmese or ""))
    return MimuPlace(bare, names, *_median(points), first.state, "city", acled_name(first.district), acled_name(first.township))


def _area(name: str, member: _Row, towns: list[MimuPlace], middle: tuple[float, float], township: bool) -> MimuPlace:
    """A township (in the district of its `member` village or ward) or a district, at its
    town of the same name, else its only town, else the middle of its villages."""
    own = _spellings(name, None)
    unique = list({town.name: town for town in towns}.values())
    seat = [town for town in unique if town.names & own] or (unique if len(unique) == 1 else [])
    point = (seat[0].latitude, seat[0].longitude) if seat else middle
    return MimuPlace(name, own, *point, member.state, "admin2", acled_name(member.district), acled_name(name) if township else None)


def _spellings(name: str, burmese: str | None) -> frozenset[str]:
    """The name, without its bracketed half ("Thea Sar (East)" is also "Thea Sar"), written
    as one word as news often does (Thayet Chaung, Thayetchaung), and in Burmese."""
    names = {name, BRACKETED.sub("", name).strip()}
    names |= {n.replace(" ", "").replace("-", "") for n in names}
    if burmese:
        names.add(burmese)
    return frozenset(n for n in names if n)


def _median(points: Iterable[tuple[float, float] | _Row | MimuPlace]) -> tuple[float, float]:
    pairs = [p if isinstance(p, tuple) else (p.latitude, p.longitude) for p in points]
    return median(p[0] for p in pairs), median(p[1] for p in pairs)


def _kilometres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Near enough for tens of kilometres at Myanmar's latitudes."""
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0]))) * KM_PER_DEGREE


def _inside(latitude: float, longitude: float) -> bool:
    return LATITUDES[0] <= latitude <= LATITUDES[1] and LONGITUDES[0] <= longitude <= LONGITUDES[1]
