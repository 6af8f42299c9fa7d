"""The curated tables: checked as shipped, and each check shown to catch the break it guards."""
from __future__ import annotations

import pytest

from sitrep import linear
from sitrep.data import check, read_text
from sitrep.data.lexicon import actor_matcher, country_matcher, cues, family_types, taxonomy
from sitrep.extraction import subevent


def test_the_curated_tables_have_no_problem() -> None:
    assert check.problems() == []


BREAKS = [
    pytest.param(
        "triggers.csv", "airstrike,any,Explosions/Remote violence,Air/drone strike,", "airstrike,any,Explosions/Remote violence,Air strike,",
        "triggers.csv: Explosions/Remote violence / Air strike is no type of taxonomy.csv", id="type-not-in-taxonomy",
    ),
    pytest.param(
        "triggers.csv", "airstrike,any,Explosions/Remote violence,Air/drone strike,event,9\n", "airstrike,any,Explosions/Remote violence,Air/drone strike,event,9\n" * 2,
        "triggers.csv: row repeated 2 times: airstrike,any,Explosions/Remote violence,Air/drone strike,event,9,", id="repeated-row",
    ),
    pytest.param(
        "taxonomy.csv", "Riots,Mob violence,Demonstrations", "Riots,Mob violence,Political violence",
        "taxonomy.csv: Riots is of several families: Demonstrations, Political violence", id="event-type-of-two-families",
    ),
    pytest.param(
        "cues.csv", "place_of,outskirts", "place_off,outskirts",
        "cues.csv: kind 'place_off' is read by no code", id="kind-nobody-reads",
    ),
    pytest.param(
        "actors.csv", "canonical,type,country,aliases\n", "canonical,type,country,aliases\nDaesh Remnants,2,,daesh\n",
        "actors.csv: alias 'daesh' names Daesh Remnants and Islamic State", id="alias-of-two-actors",
    ),
    pytest.param(
        "weapons.csv", "canonical: the name stored;", "the name stored;",
        "weapons.csv: column 'canonical' is not described in the '#' comment above the header", id="undocumented-column",
    ),
]


@pytest.mark.parametrize(("table", "old", "new", "problem"), BREAKS)
def test_each_check_catches_the_break_it_guards(table: str, old: str, new: str, problem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = read_text(table)
    assert old in shipped, f"{table} no longer holds {old!r}: update the test"
    monkeypatch.setattr(check, "read_text", lambda name: shipped.replace(old, new, 1) if name == table else read_text(name))
    assert problem in check.problems()


def test_a_kind_no_row_declares_is_reported_where_the_code_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = read_text("cues.csv")
    monkeypatch.setattr(check, "read_text", lambda name: shipped.replace("\nmodal,", "\nmodals,") if name == "cues.csv" else read_text(name))
    assert "cues.csv: the code reads kind 'modal', which no row declares" in check.problems()


def test_an_unknown_kind_or_family_is_an_error_not_an_empty_list() -> None:
    with pytest.raises(ValueError, match="cues.csv declares no kind 'plce_of'"):
        cues("plce_of")
    with pytest.raises(ValueError, match="taxonomy.csv names no family 'Demonstration'"):
        family_types("Demonstration")


def test_the_taxonomy_is_acleds() -> None:
    rows = taxonomy()
    assert len(rows) == 25 and (rows[0].event_type, rows[0].sub_event_type) == ("Battles", "Armed clash")
    assert list(dict.fromkeys(r.event_type for r in rows)) == [
        "Battles", "Explosions/Remote violence", "Protests", "Riots", "Strategic developments", "Violence against civilians",
    ]
    assert family_types("Demonstrations") == {"Protests", "Riots"}
    assert family_types("Political violence") == {"Battles", "Violence against civilians", "Explosions/Remote violence"}


def test_the_subevent_model_predicts_types_of_the_taxonomy() -> None:
    model = linear.load(subevent.MODEL_FILE, subevent.MODEL_NAME)
    assert model is not None
    known = {(r.event_type, r.sub_event_type) for r in taxonomy()}
    assert {tuple(label.split(subevent.LABEL_SEPARATOR)) for label in model.labels} <= known


def test_a_group_is_not_found_inside_a_longer_name() -> None:
    def found(text: str) -> list[str]:
        return [hit.value for hit in actor_matcher().find(text)]

    assert "ELN: National Liberation Army" not in found("fighters of the Kayin National Liberation Army said")
    assert found("fighters of the National Liberation Army said") == ["ELN: National Liberation Army"]
    assert found("Sudan's Rapid Support Forces shelled the camp") == ["Rapid Support Forces"]


def test_every_country_is_known_by_its_people() -> None:
    assert [hit.value for hit in country_matcher().find("Rwandan, Burundian and Ecuadorian troops")] == ["RW", "BI", "EC"]
