"""Date phrases resolved against the publication date, with a precision.

dateparser reads explicit dates; the relative phrases of news ("Friday", "last week",
"little less than a month ago", "shortly before New Year's Eve", "the end of last year",
"between December 20 and December 29", "just days after") need rules of their own.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from sitrep.data.lexicon import date_numbers, holidays, time_units

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
UNKNOWN_TODAY = date(2999, 12, 31)


@dataclass(frozen=True)
class DateValue:
    start: date
    end: date
    precision: str

    @property
    def day(self) -> date:
        return self.start if self.start == self.end else self.start + (self.end - self.start) / 2


def resolve_date(phrase: str, published: datetime | date | None) -> DateValue | None:
    """The days a phrase can mean, given when the article was published; without a
    publication date only phrases that name their year can be resolved."""
    text = _normalise(phrase)
    if published is None:
        if not re.search(r"\b(19|20)\d{2}\b", text):
            return None
        published = UNKNOWN_TODAY
    today = published.date() if isinstance(published, datetime) else published
    return _resolve(text, today) if text else None


@lru_cache(maxsize=20_000)
def _resolve(text: str, today: date) -> DateValue | None:
    """Cached: a day's news repeats its date phrases ("on Monday", "March 10") many times."""
    for rule in (_between, _relative_days, _weekday, _ago, _holiday, _day_span, _period, _explicit):
        value = rule(text, today)
        if value is not None:
            return _not_after(value, today)
    return None


def _normalise(phrase: str) -> str:
    text = phrase.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(on|in|at|by|of|the|since|during|around|about)\b", " ", text)
    return " ".join(text.split())


def _not_after(value: DateValue, today: date) -> DateValue:
    """An event reported on a day cannot have happened after it."""
    if value.end <= today:
        return value
    return DateValue(min(value.start, today), today, value.precision)


def _day(d: date) -> DateValue:
    return DateValue(d, d, "day")


def _between(text: str, today: date) -> DateValue | None:
    match = re.search(r"between (.+?) and (.+)$", text)
    if not match:
        return None
    first, second = resolve_date(match.group(1), today), resolve_date(match.group(2), today)
    if first is None or second is None:
        return None
    start, end = sorted((first.start, second.end))
    return DateValue(start, end, "range")


def _relative_days(text: str, today: date) -> DateValue | None:
    if re.search(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today|hours ago|\d+[.:]\d+ ?[ap]m)\b", text):
        return _day(today)
    if re.search(r"\b(yesterday|last night|overnight)\b", text):
        return _day(today - timedelta(days=1))
    if re.search(r"\b(just|only|a few|few) days\b|(?<!\d )(?<!\w\w )\bdays (earlier|before|after|ago)\b", text) and not ONWARD.search(text):
        return DateValue(today - timedelta(days=9), today - timedelta(days=2), "range")
    if re.search(r"\blast week\b|\bpast week\b|\bearlier this week\b", text):
        return DateValue(today - timedelta(days=7), today - timedelta(days=1), "week")
    if re.search(r"\bthis week\b", text):
        return DateValue(today - timedelta(days=6), today, "week")
    return None


def _weekday(text: str, today: date) -> DateValue | None:
    """A bare weekday is the last such day on or before publication."""
    for name, index in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text) and not re.search(r"\d", text):
            back = (today.weekday() - index) % 7
            if "last" in text.split() and back == 0:
                back = 7
            return _day(today - timedelta(days=back))
    return None


def _ago(text: str, today: date) -> DateValue | None:
    match = re.search(r"(?:(little|bit|slightly|just|almost|nearly|less than|more than|over)\s+)*(?:(?:less|more) than\s+)?(\w+) (day|week|month|year)s? ago", text)
    if not match:
        return None
    amount = date_numbers().get(match.group(2)) or (int(match.group(2)) if match.group(2).isdigit() else None)
    if amount is None:
        return None
    days = amount * time_units()[match.group(3)]
    centre = today - timedelta(days=days)
    if "less than" in text or "almost" in text or "nearly" in text:
        return DateValue(centre + timedelta(days=1), today - timedelta(days=int(days * 0.7)), "range")
    if "more than" in text or "over" in text:
        return DateValue(centre - timedelta(days=int(days * 0.3)), centre, "range")
    slack = max(1, days // 10)
    return DateValue(centre - timedelta(days=slack), centre + timedelta(days=slack), "range" if slack else "day")


def _holiday(text: str, today: date) -> DateValue | None:
    for name, (month, day) in holidays().items():
        if name in text:
            year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
            anchor = date(year, month, day)
            if re.search(r"\b(shortly|just|days|weeks?) before\b|\bbefore\b|\bahead\b", text):
                return DateValue(anchor - timedelta(days=7), anchor, "week")
            if re.search(r"\bafter\b", text):
                return DateValue(anchor, anchor + timedelta(days=7), "week")
            return _day(anchor)
    return None


def _period(text: str, today: date) -> DateValue | None:
    """Months and years, and their beginnings and ends."""
    year = today.year
    if "last year" in text:
        year -= 1
    elif match := re.search(r"\b(19|20)\d{2}\b", text):
        year = int(match.group(0))
    month_names = [MONTHS[w] for w in re.findall(r"[a-z]+", text) if w in MONTHS]
    if re.search(r"\b(last|this) month\b", text):
        anchor = today.replace(day=1) - timedelta(days=1) if "last" in text else today
        month_names, year = [anchor.month], anchor.year
    if month_names and not re.search(r"\d{1,2}(st|nd|rd|th)?\b(?! ?\d{3})", re.sub(r"\b(19|20)\d{2}\b", "", text)):
        month = month_names[0]
        if year == today.year and month > today.month and "year" not in text:
            year -= 1
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        return _part(text, start, end, "month")
    if re.search(r"\b(last year|this year|(19|20)\d{2})\b", text) and not month_names and not re.search(r"\b\d{1,2}\b", text):
        return _part(text, date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _part(text: str, start: date, end: date, precision: str) -> DateValue:
    length = (end - start).days
    if re.search(r"\b(end|late|later part)\b", text):
        return DateValue(end - timedelta(days=length // 4), end, precision)
    if re.search(r"\b(beginning|start|early)\b", text):
        return DateValue(start, start + timedelta(days=length // 4), precision)
    if re.search(r"\b(middle|mid)\b", text):
        return DateValue(start + timedelta(days=length // 3), end - timedelta(days=length // 3), precision)
    return DateValue(start, end, precision)


def _day_span(text: str, today: date) -> DateValue | None:
    """"November 27-28", "27-28 November", "November 27 and 28": days of one month."""
    month_words = "|".join(sorted(MONTHS, key=len, reverse=True))
    days = r"(?P<a>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<b>\d{1,2})(?:st|nd|rd|th)?"
    match = re.search(rf"\b(?P<m>{month_words})\.?\s+{days}\b", text) or re.search(rf"\b{days}\s+(?P<m>{month_words})\b", text)
    if match is None:
        return None
    month, first, last = MONTHS[match.group("m")], int(match.group("a")), int(match.group("b"))
    year_named = re.search(r"\b(19|20)\d{2}\b", text)
    year = int(year_named.group()) if year_named else today.year
    if not 1 <= first < last <= calendar.monthrange(year, month)[1]:
        return None
    start = date(year, month, first)
    if start > today and not year_named:
        year -= 1
        start = date(year, month, first)
    return DateValue(start, date(year, month, last), "range")


def _explicit(text: str, today: date) -> DateValue | None:
    if not re.search(r"\d", text) or DURATION.search(text):
        return None  # "for 75 years" is how long, not 1975
    moment = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(today.year, today.month, today.day), "PREFER_DATES_FROM": "past", "PARSERS": ["absolute-time"]},
    )
    if moment is None:
        return None
    return _day(moment.date())


DURATION = re.compile(r"\b\d+ (years?|months?|weeks?|days?|hours?)\b(?! (ago|earlier|before|later|after))")
ONWARD = re.compile(r"\b(next|following|coming)\b")
SHIFTS = (
    (re.compile(r"\b(previous|preceding) (day|night)\b|\b(day|night) before\b|\bthe eve\b"), -1, -1),
    (re.compile(r"\b(next|following) (day|night|morning)\b|\bday after\b"), 1, 1),
    (re.compile(r"\b(same day|that day|later that day|earlier that day)\b"), 0, 0),
    (re.compile(r"\b(next|following|coming) (few )?days\b"), 1, 9),
)
NUMBERED_SHIFT = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) days? (later|after|earlier|before)\b")


@dataclass(frozen=True)
class DayShift:
    """A date told from another event's ("the previous day", "two days later"): days from it."""

    low: int
    high: int

    def after(self, anchor: DateValue) -> DateValue:
        start, end = anchor.start + timedelta(days=self.low), anchor.end + timedelta(days=self.high)
        return DateValue(start, end, "day" if start == end else "range")


def day_shift(phrase: str) -> DayShift | None:
    """The shift a date phrase tells from the event it hangs on, if it tells one."""
    text = _normalise(phrase)
    for pattern, low, high in SHIFTS:
        if pattern.search(text):
            return DayShift(low, high)
    match = NUMBERED_SHIFT.search(text)
    if match is None:
        return None
    days = date_numbers().get(match.group(1)) or (int(match.group(1)) if match.group(1).isdigit() else 1)
    sign = 1 if match.group(2) in ("later", "after") else -1
    return DayShift(sign * days, sign * days)


GAP = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|several|hours|days)\s*(day|week)?s?\s+(after|before|earlier|later)\b")


def shifted(sentence: str, anchor: DateValue, earlier: bool) -> DateValue | None:
    """The date of an event told as "a day after" / "two weeks before" an anchor event;
    `earlier` when it is the event the gap runs back to."""
    match = GAP.search(sentence.lower())
    if match is None:
        return None
    amount, unit = match.group(1), match.group(2) or "day"
    if amount == "hours":
        low, high = 0, 1
    elif amount in ("few", "several", "days"):
        low, high = 2 * time_units()[unit], 9 * time_units()[unit]
    else:
        low = high = (date_numbers().get(amount) or int(amount)) * time_units()[unit]
    sign = -1 if earlier else 1
    first, second = anchor.start + timedelta(days=sign * high), anchor.end + timedelta(days=sign * low)
    start, end = min(first, second), max(first, second)
    return DateValue(start, end, "day" if start == end else "range")
