"""Names meet whatever their case and accents, a lookup that misses is a miss, and a failing
component costs its part of an article, not the article."""
from __future__ import annotations

import logging

import pytest

from sitrep.data.lexicon import AliasMatcher, country_matcher
from sitrep.folding import fold, fold_with_offsets
from tests.conftest import run_extract

KAYSERI = ("Gunmen attacked a police station in Kayseri, TÜRKİYE, on Monday, killing two officers, the interior "
           "ministry said. The attackers fled in a car.")


@pytest.mark.parametrize(("one", "other"), [
    ("TÜRKİYE", "Türkiye"), ("Türkiye", "Turkiye"), ("DİYARBAKIR", "Diyarbakir"), ("STRASSE", "Straße"),
    ("ΑΘΗΝΑΣ", "αθηνας"), ("KÖLN", "koln"), ("Ａｌｅｐｐｏ", "aleppo"),
])
def test_fold_makes_spellings_meet(one: str, other: str) -> None:
    assert fold(one) == fold(other)


def test_alias_hits_point_at_the_original_characters() -> None:
    text = "Talks in İSTANBUL, then DİYARBAKIR and Straße 5, later in Türkiye."
    matcher = AliasMatcher({"Istanbul": "city", "Diyarbakır": "city", "Strasse": "street", "Turkiye": "TR"})
    hits = matcher.find(text, offset=100)
    assert [(h.text, h.value) for h in hits] == [("İSTANBUL", "city"), ("DİYARBAKIR", "city"), ("Straße", "street"), ("Türkiye", "TR")]
    assert hits and all(text[h.start - 100 : h.end - 100] == h.text for h in hits)


def test_decomposed_accents_keep_their_marks_in_the_hit() -> None:
    text = "Shelling near Tu\u0308rkiye's border"
    [hit] = country_matcher().find(text)
    assert hit.text == "Tu\u0308rkiye's" and hit.value == "TR"
    assert fold_with_offsets(text).span(14, 21) == (14, 22)


def test_an_article_in_capitals_of_another_script_keeps_its_events() -> None:
    [report] = run_extract(KAYSERI, "2024-06-04")
    assert (report.country, report.location, report.fatalities) == ("Turkey", "Kayseri", 2)


def test_a_failing_component_costs_its_part_not_the_article(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import sitrep.resolve.reports as reports

    def broken(*_: object) -> None:
        raise KeyError("a bug in place resolution")

    [whole] = run_extract(KAYSERI, "2024-06-04")
    monkeypatch.setattr(reports, "resolve_phrase", broken)
    with caplog.at_level(logging.ERROR, logger="sitrep"):
        [report] = run_extract(KAYSERI, "2024-06-04")
    assert (report.sub_event_type, report.fatalities, report.actor2) == (whole.sub_event_type, 2, whole.actor2)
    assert whole.location == "Kayseri" and report.location is None
    assert any("place failed on article t" in record.getMessage() for record in caplog.records)
