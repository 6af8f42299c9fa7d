from __future__ import annotations

from datetime import date, datetime

import pytest

from sitrep.extraction.dates import resolve_date

SUNDAY = datetime(2015, 11, 15, 23, 3)
SATURDAY = datetime(2026, 1, 10)


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("Friday", SUNDAY, date(2015, 11, 13), date(2015, 11, 13)),
        ("Sunday", SUNDAY, date(2015, 11, 15), date(2015, 11, 15)),
        ("last week", SUNDAY, date(2015, 11, 8), date(2015, 11, 14)),
        ("yesterday", SUNDAY, date(2015, 11, 14), date(2015, 11, 14)),
        ("5.30pm today", SATURDAY, date(2026, 1, 10), date(2026, 1, 10)),
        ("December 13", SATURDAY, date(2025, 12, 13), date(2025, 12, 13)),
        ("between December 20 and December 29", SATURDAY, date(2025, 12, 20), date(2025, 12, 29)),
        ("shortly before New Year's Eve", SATURDAY, date(2025, 12, 24), date(2025, 12, 31)),
        ("the end of last year", SATURDAY, date(2025, 10, 1), date(2025, 12, 31)),
        ("in 2019", SATURDAY, date(2019, 1, 1), date(2019, 12, 31)),
        ("little less than a month ago", SATURDAY, date(2025, 12, 12), date(2025, 12, 20)),
        ("15 November 2015", SATURDAY, date(2015, 11, 15), date(2015, 11, 15)),
    ],
)
def test_relative_dates(phrase: str, published: datetime, start: date, end: date) -> None:
    value = resolve_date(phrase, published)
    assert value is not None
    assert (value.start, value.end) == (start, end)


def test_nonsense_is_not_a_date() -> None:
    assert resolve_date("the coalition", SATURDAY) is None


@pytest.mark.parametrize("phrase", ["November 27-28", "27-28 November", "November 27 and 28"])
def test_two_days_of_a_month_are_a_range_of_this_year(phrase: str) -> None:
    value = resolve_date(phrase, datetime(2024, 11, 30))
    assert value is not None and (value.start, value.end) == (date(2024, 11, 27), date(2024, 11, 28))


def test_a_duration_is_no_date_and_a_counted_past_is_exact() -> None:
    assert resolve_date("for 75 years", datetime(2023, 11, 14)) is None
    two_days = resolve_date("two days ago", datetime(2023, 11, 14))
    assert two_days is not None and two_days.start <= date(2023, 11, 12) <= two_days.end and two_days.start > date(2023, 11, 5)
