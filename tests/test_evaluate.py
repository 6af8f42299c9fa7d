"""The scorers on data made here, and the development floors on ../shared/eval."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.evaluate.acled import NoteScore
from sitrep.evaluate.events import fold, score
from sitrep.records import EventReport


def _gold(gold_id: str, optional: bool = False, **fields: object) -> dict[str, object]:
    base = {
        "doc_id": "d", "gold_id": gold_id, "optional": optional, "event_date": {"from": "2024-01-10", "to": "2024-01-10"},
        "types": [["Battles", "Armed clash"]], "actor1": ["Military Forces of Mali"], "assoc_actor_1": [],
        "actor2": ["JNIM: Group for Support of Islam and Muslims", "JNIM"], "country": "Mali", "location": ["Gao"],
        "fatalities": [4], "weapons": [], "claimed_by": [],
    }
    return {**base, **fields}


def _report(number: int, **fields: object) -> EventReport:
    base: dict[str, object] = {
        "report_id": f"d#{number}", "article_id": "d", "event_type": "Battles", "sub_event_type": "Armed clash",
        "date_from": date(2024, 1, 11), "date_to": date(2024, 1, 11), "actor1": "Military Forces of Mali",
        "actor2": "JNIM", "country": "Mali", "location": "Gao", "fatalities": 4,
    }
    return EventReport(**{**base, **fields})  # type: ignore[arg-type]


def test_alignment_slack_optional_and_false_events() -> None:
    gold = {"d": [_gold("g1"), _gold("g2", optional=True, types=[["Strategic developments", "Arrests"]], actor1=["Police Forces of Mali"])]}
    predictions = [
        _report(1),
        _report(2, event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Mali", fatalities=0),
        _report(3, event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Niger)", country="Niger", location=None, fatalities=0),
    ]
    result = score(gold, predictions)
    assert (result.gold, result.optional, result.predicted, result.matched, result.strict) == (1, 1, 2, 1, 1)
    assert result.prf(result.matched) == (0.5, 1.0, 2 / 3)
    assert "d#3: false event (Mob violence, Rioters (Niger); another type than the article's events)" in result.errors
    assert result.causes == {"false: another type than the article's events": 1}


def test_wrong_fields_are_counted_and_named() -> None:
    result = score({"d": [_gold("g1")]}, [_report(1, fatalities=3, date_from=date(2024, 1, 11), date_to=date(2024, 1, 13))])
    assert result.matched == 1 and result.strict == 0
    assert result.field_accuracy("fatalities") == 0.0 and result.field_accuracy("date") == 0.0
    assert result.field_accuracy("actor2") == 1.0
    assert "g1: fatalities wrong (3)" in result.errors


def test_a_match_needs_the_event_type_and_the_dates_and_every_article_counts() -> None:
    """news-dev's README: the type family and the date window must agree; a report on an
    article without gold events is a false event."""
    elsewhere = _report(1, date_from=date(2024, 1, 14), date_to=date(2024, 1, 14))
    retyped = _report(1, article_id="e", report_id="e#1", event_type="Violence against civilians", sub_event_type="Attack")
    negative = _report(1, article_id="sport", report_id="sport#1")
    result = score({"d": [_gold("g1")], "e": [_gold("g2", doc_id="e")]}, [elsewhere, retyped, negative], documents=["d", "e", "sport"])
    assert (result.documents, result.matched, result.predicted) == (3, 0, 3)
    assert result.causes == {"missed: found on another date": 1, "missed: found as another type": 1,
                             "false: another date than the article's events": 1, "false: another type than the article's events": 1,
                             "false: in an article with no event": 1}


def test_names_compare_without_regime_periods() -> None:
    assert fold("Military Forces of Russia (2000-)") == fold("military forces of Russia")
    assert fold("Military Forces of Myanmar (2021-2023)") == "military forces of myanmar"


def test_note_score() -> None:
    row = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Military Forces of Mali", "actor2": "", "fatalities": "4", "location": "Gao", "country": "Mali"}
    note_score = NoteScore()
    note_score.add(row, _report(1, actor2=None))
    note_score.add(row, None)
    assert note_score.rate("sub_event_type") == 0.5
    assert note_score.rate("fatalities") == 0.5
    assert note_score.rate("actor2") == 1.0
    assert note_score.confusion[("Armed clash", "(none)")] == 1
    assert note_score.eligible["admin1"] == 0


def test_note_score_places() -> None:
    row = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "", "actor2": "", "fatalities": "0", "country": "Syria",
           "notes": "On 3 May 2022, clashes erupted in Idleb city.", "location": "Idleb", "admin1": "Idleb", "latitude": "35.9306", "longitude": "36.6339"}
    note_score = NoteScore()
    note_score.add(row, _report(1, latitude=35.93062, longitude=36.63393, admin1="Idlib"))
    note_score.add(row, _report(2, latitude=35.33588, longitude=40.14084, admin1="Dayr az Zawr"))
    note_score.add({**row, "notes": "On 3 May 2022, clashes erupted in the north."}, None)
    assert note_score.eligible["admin1"] == 2
    assert note_score.rate("coordinates_25km") == 0.5
    assert note_score.rate("admin1") == 0.5
    assert note_score.rate("gazetteer_coverage") == 1.0


def test_region_names_compare_across_spellings() -> None:
    from sitrep.evaluate.acled import same_region
    from sitrep.resolve.places import kilometres as distance_km

    assert same_region("Dayr az Zawr", "Deir ez Zor") and same_region("Kharkivska oblast", "Kharkiv")
    assert same_region("Hims", "Homs") and same_region("Al Hasakah", "Al Hasakeh")
    assert not same_region("Idlib", "Aleppo") and not same_region(None, "Aleppo")
    assert 340 < distance_km(48.8534, 2.3488, 51.5074, -0.1278) < 345


def test_acled_development_floor(shared: Path) -> None:
    """CI gate: a change that makes typing, fatalities, actors or geocoding worse on the
    held-out notes fails (session 6: sub-event 0.822, fatalities 0.934, coordinates 0.757,
    admin1 0.843; session 13: actor 1 0.726, actor 2 0.797)."""
    result = CliRunner().invoke(main, ["eval", str(shared / "eval" / "acled" / "acled_2022q1.csv"), "--dataset", "acled", "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["notes"] == 1648
    assert scores["sub_event_type_accuracy"] >= 0.80
    assert scores["fatalities_accuracy"] >= 0.92
    assert scores["coordinates_25km_accuracy"] >= 0.73
    assert scores["admin1_accuracy"] >= 0.82
    assert scores["actor1_accuracy"] >= 0.70 and scores["actor2_accuracy"] >= 0.77


def test_news_dev_floor(shared: Path) -> None:
    """CI gate on real news (../shared/eval/news-dev, scored as its README asks: every
    article counts, a match needs the event type and the date window). Session 7 ended at
    event F1 0.599, strict 0.054, field accuracy 0.731; session 9 at F1 0.832 (P 0.818,
    R 0.846), strict 0.213, field accuracy 0.812; session 11 at F1 0.833 (P 0.813, R 0.853),
    strict 0.389, field accuracy 0.885; session 12 at F1 0.822 (P 0.805, R 0.839), strict
    0.445, field accuracy 0.899; session 13 at F1 0.829 (P 0.812, R 0.846), strict 0.568,
    field accuracy 0.920; session 16 at strict 0.575, field accuracy 0.923; no event on
    the 13 articles that report none."""
    scores = _news_scores(shared / "eval" / "news-dev")
    assert scores["documents"] == 90 and scores["gold"] == 143
    assert scores["event"]["f1"] >= 0.80 and scores["strict"]["f1"] >= 0.54
    assert scores["event"]["precision"] >= 0.78 and scores["event"]["recall"] >= 0.82
    assert scores["field_accuracy"] >= 0.90
    assert scores["causes"].get("false: in an article with no event", 0) == 0


def test_news_train_floor(shared: Path) -> None:
    """The same scorer on news-train, where no rule was chosen before session 16: how far
    what news-dev taught carries to other theatres. Session 16 began at event F1 0.522,
    strict 0.079, field accuracy 0.781 (location 0.628) and ended at 0.523, 0.102, 0.801
    (location 0.699)."""
    scores = _news_scores(shared / "eval" / "news-train")
    assert scores["documents"] == 150 and scores["gold"] == 207
    assert scores["event"]["f1"] >= 0.50 and scores["strict"]["f1"] >= 0.09
    assert scores["field_accuracy"] >= 0.78 and scores["fields"]["location"] >= 0.67


def _news_scores(folder: Path) -> dict:
    articles = sorted(str(p) for p in (folder / "articles").glob("*.txt"))
    result = CliRunner().invoke(main, ["eval", str(folder / "gold.jsonl"), *articles, "--manifest", str(folder / "manifest.jsonl"), "--json"])
    return json.loads(result.output[result.output.index("{") :])


def test_news_dev_typing_floor(shared: Path) -> None:
    """CASE-style: each required news-dev event's evidence typed on its own. Session 8: weighted
    F1 0.681 → 0.757; session 9: 0.784 (sub-event accuracy 0.734); the best published system
    on such snippets: 0.84."""
    folder = shared / "eval" / "news-dev"
    articles = sorted(str(p) for p in (folder / "articles").glob("*.txt"))
    result = CliRunner().invoke(main, ["eval", str(folder / "gold.jsonl"), *articles, "--manifest", str(folder / "manifest.jsonl"), "--dataset", "typing", "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["snippets"] == 143
    assert scores["weighted_f1"] >= 0.75 and scores["accuracy"] >= 0.70


def test_muc4_development_floor(shared: Path) -> None:
    """CI gate on the role tagger: 45.05 on dev when it was trained; 46.09 (Victim 39.2) since
    victims are named whole; 46.36 (Victim 46.1) with surnames named in full, the verbs
    around a name read and bracketed short forms one entity; 51.54 (Victim 54.9) with the
    fine-tuned encoder beside the linear tagger."""
    result = CliRunner().invoke(main, ["eval", str(shared / "eval" / "muc4" / "dev.jsonl"), "--dataset", "muc4", "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["documents"] == 200
    assert scores["f1"] >= 0.50
    assert scores["roles"]["Target"]["f1"] >= 0.50 and scores["roles"]["Victim"]["f1"] >= 0.50


def test_ceaf_ree_alignment() -> None:
    from sitrep.evaluate.muc4 import CeafScore, gold_entities
    from sitrep.extraction.fillers import mention_key

    templates = [
        {"PerpInd": [[["the guerrillas", 3], ["guerrilla column", 40]]], "PerpOrg": [], "Target": [], "Victim": [[["a peasant", 90]]], "Weapon": []},
        {"PerpInd": [[["guerrillas", 3]]], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": [[["dynamite", 120]]]},
    ]
    gold = gold_entities(templates)
    assert gold["PerpInd"] == {frozenset({"guerrillas", "guerrilla column"}), frozenset({"guerrillas"})}
    predicted = {role: set() for role in gold}
    predicted["PerpInd"] = {frozenset({"guerrillas"}), frozenset({"soldiers"})}
    predicted["Weapon"] = {frozenset({mention_key("Dynamite!")})}
    ceaf = CeafScore()
    ceaf.add(gold, predicted)
    assert (ceaf.matched["PerpInd"], ceaf.predicted["PerpInd"], ceaf.gold["PerpInd"]) == (1, 2, 2)
    assert ceaf.prf() == (2 / 3, 2 / 4, 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_a_name_and_its_bracketed_short_form_are_one_entity() -> None:
    from sitrep.evaluate.muc4 import predicted_entities
    from sitrep.extraction.fillers import RoleFiller

    text = "rebels of the popular liberation army (epl) attacked the town. the epl later freed the mayor."
    fillers = [RoleFiller("perpetrator_organisation", 14, 38, "popular liberation army", 0.6), RoleFiller("perpetrator_organisation", 40, 43, "epl", 0.5),
               RoleFiller("victim", 78, 83, "mayor", 0.4)]
    predicted = predicted_entities(fillers, text)
    assert predicted["PerpOrg"] == {frozenset({"popular liberation army", "epl"})}
    assert predicted["Victim"] == {frozenset({"mayor"})}


def test_fakes_places_compare_leniently() -> None:
    from sitrep.evaluate.fakes import same_place

    assert same_place("Deir ez-Zor", "deir ezzor")
    assert same_place("Al Hasakah", "hasakeh")
    assert not same_place("Aleppo", "idlib")
    assert not same_place("", "aleppo")


def test_fakes_and_muc4_adapters_from_the_command_line(tmp_path: Path) -> None:
    import csv

    fakes = tmp_path / "fakes.csv"
    with fakes.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit_id", "article_title", "article_content", "source", "date", "location", "actor", "cause_of_death",
                         "nb_children", "nb_civilians", "nb_noncivilians", "nb_women", "label"])
        writer.writerow(["1", "t", "Tue 04 Apr 2017 Shelling kills five in Idlib. Government forces shelled Idlib on Tuesday, killing five civilians.",
                         "wire", "4/4/17", "idlib", "", "shelling", "0", "5", "0", "0", "1"])
    result = CliRunner().invoke(main, ["eval", str(fakes), "--dataset", "fakes", "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["articles"] == 1 and scores["with_event"] == 1
    assert (scores["date_within_1_day"], scores["place"], scores["deaths_exact"]) == (1.0, 1.0, 1.0)

    muc = tmp_path / "dev.jsonl"
    text = "gunmen set fire to a police station in the town on monday, killing two guards, the army said."
    template = {"incident_type": "arson", "PerpInd": [[["gunmen", 0]]], "PerpOrg": [], "Target": [[["police station", 20]]],
                "Victim": [[["two guards", 62]]], "Weapon": []}
    quiet = "the central bank raised interest rates on monday and said inflation would ease."
    muc.write_text("\n".join(json.dumps({"docid": f"T-{n}", "doctext": t, "templates": p}) for n, (t, p) in enumerate([(text, [template]), (quiet, [])])) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(muc), "--dataset", "muc4", "--json"])
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["documents"] == 2
    assert scores["roles"]["PerpInd"]["recall"] == 1.0 and scores["roles"]["Target"]["recall"] == 1.0
    assert scores["roles"]["PerpInd"]["precision"] == 1.0 and scores["roles"]["Target"]["precision"] == 1.0
