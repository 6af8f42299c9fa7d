"""Datelines: when the story says it was published.

"23:03, UK, Sunday 15 November 2015", "Updated 9:41am, 3 March 2022",
"Published: March 3, 2022 09:41 GMT" on a short line of their own; a date opening the
first line ("Wed 05 Apr 2017 Syria attack...", "Date of publication 10 July 2016 ...");
or, in text scraped without line breaks, the first full date near the top
("... Monitor AFP Saturday 16 Jul 2016 Air raids ...") when a weekday goes with it.
"""
from __future__ import annotations

import calendar
import re
from datetime import datetime

from sitrep.data.lexicon import country_matcher

MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:(?P<d1>{DAY})\s+(?P<m1>{MONTH}),?\s*(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s*(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<iso>(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}))(?!\d)",
    re.IGNORECASE,
)
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY}\s*$", re.IGNORECASE)
LABEL = r"(?:posted|published|updated|last updated|first published|date of publication|publication date|date)(?:\s+(?:on|at))?:?"
LEADING = re.compile(rf"^(?:{LABEL}\s+)?(?:{WEEKDAY}\s+)?(?:{DATE.pattern})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]?\d{{2}}\b)?", re.IGNORECASE)
TIME = re.compile(r"\b(?:(\d{1,2})[:.]|at\s+(\d{2}))(\d{2})\s*(am|pm)?\b", re.IGNORECASE)
MAX_LINE = 90
LINES_SEARCHED = 12
TOP_CHARS = 300
WIRE_LAG = 31
"""Days a wire dateline's day may precede the publication date given and still be its day."""


def find_dateline(raw: str) -> tuple[str, datetime] | None:
    """The dateline's text (whitespace-normalised) and the moment it states."""
    seen = 0
    for raw_line in raw.splitlines():
        line = " ".join(raw_line.split())
        if not line:
            continue
        seen += 1
        if seen > LINES_SEARCHED:
            break
        if seen == 1 and (prefix := LEADING.match(line)) is not None and prefix.end() < len(line):
            moment = parse_dateline(prefix.group(0).strip())
            if moment is not None:
                return prefix.group(0).strip(), moment
        moment = parse_dateline(line)
        if moment is not None:
            return line, moment
    return _date_near_top(raw)


def _date_near_top(raw: str) -> tuple[str, datetime] | None:
    """A weekday with a full date ("Saturday 16 Jul 2016") is a dateline's signature; a story
    rarely writes its own dates that way."""
    top = " ".join(raw[:TOP_CHARS].split())
    for match in DATE.finditer(top):
        if WEEKDAY_BEFORE.search(top[: match.start()]):
            moment = _to_datetime(match)
            if moment is not None:
                return match.group(0), moment
    return None


def parse_dateline(line: str) -> datetime | None:
    if len(line) > MAX_LINE:
        return None
    match = DATE.search(line)
    if match is None:
        return None
    rest = (line[: match.start()] + line[match.end() :]).strip(" ,|-–—:")
    if len(rest.split()) > 4:
        return None
    day = _to_datetime(match)
    time_match = TIME.search(line[: match.start()] + " " + line[match.end() :])
    if day is None or time_match is None:
        return day
    hour, minute = int(time_match.group(1) or time_match.group(2)), int(time_match.group(3))
    meridiem = (time_match.group(4) or "").lower()
    hour = hour % 12 + (12 if meridiem == "pm" else 0) if meridiem else hour
    if hour > 23 or minute > 59:
        return day
    return day.replace(hour=hour, minute=minute)


def _to_datetime(match: re.Match[str]) -> datetime | None:
    try:
        if match.group("iso"):
            return datetime.fromisoformat(match.group("iso"))
        day = match.group("d1") or match.group("d2")
        month = (match.group("m1") or match.group("m2")).lower().rstrip(".")[:3]
        year = match.group("y1") or match.group("y2")
        return datetime(int(year), MONTH_NUMBERS[month], int(re.sub(r"\D", "", day)))
    except (ValueError, KeyError):
        return None


WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+)*)(?:,\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)*)*"
    rf"(?:,?\s+(?P<month>(?i:{MONTH}))\s+(?P<day>\d{{1,2}}))?\s*(?:\([A-Za-z .&-]{{2,30}}\))?\s*(?:[-–—]{{1,2}}|:)\s",
    re.MULTILINE,
)
"""A wire story's place dateline at a paragraph's start: "KINSHASA (Reuters) - ", "ADEN, March 14
(Reuters) — ", "BEIRUT — ", "KIDAL, Mali (AP) — "."""

TITLED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z'.]+(?:[ -][A-Z][a-z'.]+)*),\s*(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)"
    r"\s*(?:\([A-Za-z .&-]{2,30}\))?\s*(?:[-–—]{1,2}|:)\s",
    re.MULTILINE,
)
"""The same in title case, which only a country after the town marks as a dateline:
"Herat, Afghanistan: The Taliban ...", "Goma, Congo (AP) — ..."."""


def wire_day(text: str, published: datetime | None) -> datetime | None:
    """"ADEN, March 14 (Reuters) — ": the day the wire filed the story, in the year of the
    publication date given (the latest such day not after it, within WIRE_LAG days); the
    day a scraper or feed stamped may be later."""
    match = WIRE_DATELINE.search(text[: TOP_CHARS * 2])
    if match is None or match.group("month") is None or published is None:
        return None
    month = MONTH_NUMBERS.get(match.group("month").lower().rstrip(".")[:3])
    for year in (published.year, published.year - 1):
        try:
            day = datetime(year, month or 0, int(match.group("day")))
        except ValueError:
            continue
        if day <= published and (published - day).days <= WIRE_LAG:
            return day
    return None


def wire_dateline(text: str) -> tuple[str, int, int] | None:
    """The dateline's town and the span of the whole dateline: where the outlet filed from,
    which names no actor and is not where the event happened, but tells its country."""
    top = text[: TOP_CHARS * 2]
    match = WIRE_DATELINE.search(top)
    if match is None:
        match = next((m for m in TITLED_DATELINE.finditer(top) if country_matcher().find(m.group("country"))), None)
    return (match.group("place").title(), match.start(), match.end()) if match else None
