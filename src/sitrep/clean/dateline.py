"""Datelines: a short line near the top that states when the story was published.

"23:03, UK, Sunday 15 November 2015", "Updated 9:41am, 3 March 2022",
"Published: March 3, 2022 09:41 GMT" — a full date with its year, an optional time.
"""
from __future__ import annotations

import re
from datetime import datetime

import dateparser

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b", re.IGNORECASE)
MAX_LINE = 90
LINES_SEARCHED = 12


def find_dateline(raw: str) -> tuple[str, datetime] | None:
    """The dateline's line (whitespace-normalised) and the moment it states."""
    seen = 0
    for raw_line in raw.splitlines():
        line = " ".join(raw_line.split())
        if not line:
            continue
        seen += 1
        if seen > LINES_SEARCHED:
            return None
        moment = parse_dateline(line)
        if moment is not None:
            return line, moment
    return None


def parse_dateline(line: str) -> datetime | None:
    if len(line) > MAX_LINE:
        return None
    date_match = DATE.search(line)
    if date_match is None:
        return None
    rest = (line[: date_match.start()] + line[date_match.end() :]).strip(" ,|-–—:")
    if len(rest.split()) > 6:
        return None
    day = dateparser.parse(date_match.group(0), languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if day is None:
        return None
    time_match = TIME.search(line)
    if time_match is None:
        return day
    hour, minute = int(time_match.group(1)), int(time_match.group(2))
    meridiem = (time_match.group(3) or "").lower()
    hour = hour % 12 + (12 if meridiem == "pm" else 0) if meridiem else hour
    if hour > 23 or minute > 59:
        return day
    return day.replace(hour=hour, minute=minute)
