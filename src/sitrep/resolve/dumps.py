"""GeoNames country files a user adds to the gazetteer: villages and districts that
`cities500` lacks.

GeoNames publishes every country as a dump (`SY.zip`, `UA.zip`, `MM.zip`, or
`allCountries.zip`; CC BY 4.0): tab-separated rows of geonameid, name, ASCII name,
alternate names, latitude, longitude, feature class and code, country, admin codes and
population. sitrep never downloads them (no network at run time); `sitrep gazetteer add
FILE` checks a file and copies it into the cache folder; the gazetteer then reads its
populated places (feature class P) and second- and third-level districts (ADM2, ADM3) into
the overlay beside its index (gazetteer.py), built from the added dumps alone. A row's
admin codes name the districts it lies in: the ADM2 row of its country, admin1 and admin2
codes, the ADM3 row of those and its admin3 code (ACLED's admin2 and admin3).
"""
from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

COLUMNS = 19
CHECKED_LINES = 200
ADM2, ADM3 = "ADM2", "ADM3"
KEPT_FEATURES = {("P", None), ("A", ADM2), ("A", ADM3)}
"""Populated places of any code; of the administrative areas, districts and subdistricts."""


class DumpError(ValueError):
    """A file that is not a GeoNames dump, with its name in the message."""


@dataclass(frozen=True)
class DumpPlace:
    geonameid: int
    name: str
    ascii_name: str
    alternate_names: tuple[str, ...]
    latitude: float
    longitude: float
    iso2: str
    admin1_code: str
    admin2_code: str
    admin3_code: str
    population: int
    level: str | None
    """ADM2 or ADM3 for a district or subdistrict; None for a populated place."""

    @property
    def district(self) -> bool:
        return self.level is not None

    @property
    def within(self) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        """The keys of the district and the subdistrict it lies in (`district_names`), None
        where its row leaves the code empty."""
        district = (self.iso2, self.admin1_code, self.admin2_code)
        return (district if self.admin2_code else None), ((*district, self.admin3_code) if self.admin3_code else None)


def dumps_folder(cache: Path) -> Path:
    return cache / "geonames"


def added_dumps(cache: Path) -> list[Path]:
    folder = dumps_folder(cache)
    return sorted(p for p in folder.iterdir() if p.suffix in (".zip", ".txt")) if folder.is_dir() else []


def add_dump(source: Path, cache: Path) -> tuple[Path, int]:
    """Check `source` and copy it among the added dumps; the number of places it holds."""
    count = sum(1 for _ in read_dump(source))
    if count == 0:
        raise DumpError(f"{source}: no populated place or district in it (is it a GeoNames country dump?)")
    folder = dumps_folder(cache)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    partial = target.with_suffix(target.suffix + ".partial")
    shutil.copyfile(source, partial)
    partial.replace(target)
    return target, count


def read_dump(path: Path) -> Iterator[DumpPlace]:
    """The kept places of a dump; rows that do not parse are skipped. A file that is not a
    dump at all (no GeoNames row among its first lines) is a DumpError naming it."""
    with _lines(path) as lines:
        seen_row = False
        for number, line in enumerate(lines, 1):
            is_row, place = _parse(line)
            seen_row = seen_row or is_row
            if place is not None:
                yield place
            elif not seen_row and number >= CHECKED_LINES:
                break
    if not seen_row:
        raise DumpError(f"{path}: not a GeoNames dump (expected {COLUMNS} tab-separated columns with coordinates)")


def district_names(path: Path) -> dict[tuple[str, ...], str]:
    """The names of a dump's districts and subdistricts by their `within` keys: a first
    read that keeps only these, so that a dump of millions of rows (allCountries) is read
    twice rather than held."""
    names = {}
    for place in read_dump(path):
        district, subdistrict = place.within
        key = district if place.level == ADM2 else subdistrict if place.level == ADM3 else None
        if key is not None:
            names[key] = place.name
    return names


@contextmanager
def _lines(path: Path) -> Iterator[IO[str]]:
    if not path.is_file():
        raise DumpError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield handle
        return
    with zipfile.ZipFile(path) as archive:
        members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise DumpError(f"{path}: the archive holds no .txt dump")
        with archive.open(members[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", errors="replace")


def _parse(line: str) -> tuple[bool, DumpPlace | None]:
    """Whether the line is a GeoNames row, and the place it keeps (None for the other
    features: a mountain, a well)."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) != COLUMNS:
        return False, None
    try:
        geonameid, latitude, longitude, population = int(fields[0]), float(fields[4]), float(fields[5]), int(fields[14] or 0)
    except ValueError:
        return False, None
    feature_class, feature_code = fields[6], fields[7]
    if (feature_class, None) not in KEPT_FEATURES and (feature_class, feature_code) not in KEPT_FEATURES:
        return True, None
    alternates = tuple(n for n in fields[3].split(",") if n)
    level = feature_code if feature_class == "A" else None
    return True, DumpPlace(geonameid, fields[1], fields[2], alternates, latitude, longitude, fields[8], fields[10], fields[11], fields[12], population, level)
