"""Extraction on articles written for these tests (not the seeds)."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import run_extract

AMBUSH = """Insurgents ambush army convoy in northern Mali

Jihadist fighters from JNIM ambushed a Malian army convoy near Gao on Monday, killing three soldiers and one civilian driver, the army said.

The ambush took place on the road between Gao and Ansongo.
"""

ARRESTS = """Police in Pakistan detained dozens of suspected Taliban militants in Peshawar on Friday, officials said.
"""

FOOTBALL = """United bombed out of the cup

United were bombed out of the cup on Saturday after a heavy defeat, and the board shot down the manager's plan to buy a striker.
"""

VOW = """The militia leader vowed to attack the capital and threatened to kill the governor.
"""


def test_ambush_fields_and_evidence() -> None:
    reports = run_extract(AMBUSH, "2024-03-06")
    assert len(reports) == 1
    report = reports[0]
    assert (report.event_type, report.sub_event_type) == ("Battles", "Armed clash")
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert report.actor2 == "Military Forces of Mali"
    assert report.fatalities == 4
    assert str(report.event_date) == "2024-03-04"
    assert (report.country, report.location) == ("Mali", "Gao")
    text = AMBUSH.split("\n\n", 1)[1].strip()
    by_field = {e.field: e.text for e in report.evidence}
    assert by_field["fatalities"] == "three soldiers and one civilian driver"
    assert by_field["event_date"] == "Monday"
    assert by_field["actor1"].startswith("Jihadist fighters from JNIM")
    assert text.split("\n\n")[0] in [e.text for e in report.evidence if e.field == "event"]


def test_arrests_with_vague_quantity() -> None:
    [report] = run_extract(ARRESTS, "2024-02-03")
    assert report.sub_event_type == "Arrests"
    assert report.actor1 == "Police Forces of Pakistan"
    assert report.actor2 == "Taliban"
    assert report.quantities == {"arrested": 12}
    assert str(report.event_date) == "2024-02-02"
    assert report.location == "Peshawar"


def test_no_events_in_sport_or_vows() -> None:
    assert run_extract(FOOTBALL, "2024-05-12") == []
    assert run_extract(VOW, "2024-05-12") == []


def test_evidence_offsets_point_into_the_stored_text() -> None:
    from datetime import datetime

    from sitrep import nlp
    from sitrep.clean import clean_article
    from sitrep.pipeline import reports_for
    from sitrep.records import Article

    article = clean_article(Article(id="a", text=AMBUSH, published=datetime(2024, 3, 6)))
    evidence = [item for report in reports_for(article, nlp.parse(article.text)) for item in report.evidence]
    assert len({item.field for item in evidence}) >= 5
    for item in evidence:
        assert article.text[item.start : item.end] == item.text


def test_python_api() -> None:
    import sitrep

    [report] = sitrep.extract(ARRESTS, published="2024-02-03")
    assert report.actor1 == "Police Forces of Pakistan"
    assert report.to_dict()["event_date"] == "2024-02-02"


CAMPAIGN = """Army shells rebel positions a week after deadly raid on barracks

The army shelled rebel positions in the hills outside Bunia on Wednesday, days after CODECO fighters attacked a barracks.

CODECO militiamen killed seven soldiers in the attack on the barracks at Fataki on 3 April, the army said.

The rebel leader vowed to strike again.

The group was founded in the 1970s and fought a long war against the government in the early 2000s.
"""


def test_several_events_with_their_own_dates_and_no_history() -> None:
    reports = run_extract(CAMPAIGN, "2024-04-11")
    by_type = {r.sub_event_type: r for r in reports}
    assert sorted(by_type) == ["Armed clash", "Shelling/artillery/missile attack"]
    shelling, raid = by_type["Shelling/artillery/missile attack"], by_type["Armed clash"]
    assert str(shelling.event_date) == "2024-04-10"
    assert shelling.country == "Democratic Republic of Congo"
    assert raid.actor1 == "CODECO" or raid.actor1.startswith("CODECO")
    assert raid.actor2 == "Military Forces of the Democratic Republic of Congo"
    assert (str(raid.date_from), raid.fatalities) == ("2024-04-03", 7)
    assert [(r.relation, r.report_id) for r in shelling.related] == [("follows", raid.report_id)]


def test_retaliation_link() -> None:
    text = (
        "Troops shelled rebel positions near Beni on Tuesday in retaliation for an ambush on Sunday "
        "in which ADF fighters killed four soldiers, the army said.\n"
    )
    reports = run_extract(text, "2024-06-05")
    by_type = {r.sub_event_type: r for r in reports}
    shelling, ambush = by_type["Shelling/artillery/missile attack"], by_type["Armed clash"]
    assert [(r.relation, r.report_id) for r in shelling.related] == [("retaliation_for", ambush.report_id)]
    assert (str(shelling.event_date), str(ambush.event_date)) == ("2024-06-04", "2024-06-02")
    assert ambush.fatalities == 4


def test_a_month_is_not_a_march() -> None:
    [report] = run_extract("On 3 March 2022, soldiers shelled the village of Tal Tamr, killing two civilians.\n", "2022-03-04")
    assert report.sub_event_type == "Shelling/artillery/missile attack"
    assert report.fatalities == 2


def test_zero_events_in_twenty_non_conflict_articles() -> None:
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures" / "non_conflict"
    articles = sorted(folder.glob("*.txt"))
    assert len(articles) == 20
    found = {path.stem: run_extract(path.read_text(encoding="utf-8"), "2024-06-10") for path in articles}
    assert {stem: [r.sub_event_type for r in reports] for stem, reports in found.items() if reports} == {}


ARSON = """Gunmen torch police station in Sindh

Gunmen set fire to a police station in Larkana on Monday night, killing two guards, police said.
"""


def test_targets_read_from_the_event_sentences() -> None:
    [report] = run_extract(ARSON, "2024-05-14")
    assert report.targets == ["police station"]
    [evidence] = [e for e in report.evidence if e.field == "targets"]
    assert ARSON[evidence.start:evidence.end] == "police station"


def test_role_fillers_only_where_an_incident_is_told() -> None:
    from sitrep import nlp
    from sitrep.extraction.roles import document_roles

    roles = {(f.role, f.text) for f in document_roles(nlp.parse(ARSON))}
    assert ("perpetrator", "Gunmen") in roles and ("target", "police station") in roles
    assert document_roles(nlp.parse("The central bank raised interest rates on Monday and said inflation would ease.")) == []


def test_a_victim_named_in_part_is_named_in_full() -> None:
    from sitrep import nlp
    from sitrep.extraction.roles import document_roles

    text = ("urban guerrillas murdered judge carlos ruiz velasco in medellin yesterday. police said carlos ruiz "
            "was shot eight times as he left his home.")
    assert [f.text for f in document_roles(nlp.parse(text)) if f.role == "victim"] == ["carlos ruiz velasco"]
    text = "the body of journalist maria teresa rojas, 29, was found yesterday; she had been kidnapped by terrorists."
    assert [f.text for f in document_roles(nlp.parse(text)) if f.role == "victim"] == ["maria teresa rojas"]  # no title


def test_one_person_named_by_a_singular_noun_counts_one_death() -> None:
    [farmer] = run_extract("A farmer was killed by gunmen near Makurdi on Sunday.\n", "2024-06-03")
    assert farmer.fatalities == 1
    [mixed] = run_extract("Gunmen shot dead a policeman and two traders near Makurdi on Sunday.\n", "2024-06-03")
    assert mixed.fatalities == 3
    [family] = run_extract("The family was killed in an air strike on their house in Idlib on Sunday.\n", "2024-06-03")
    assert family.fatalities == 0  # "the family" is many people, of no known number


def test_a_verb_and_the_last_of_its_objects_tell_the_event() -> None:
    [shelling] = run_extract("Government forces fired 120mm and 82mm mortars at rebel positions near Horlivka on Monday.\n", "2024-06-04")
    assert (shelling.sub_event_type, shelling.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Ukraine")


def test_the_verb_of_a_verb_and_object_trigger_has_the_actor() -> None:
    [attack] = run_extract("Gunmen opened fire at a police checkpoint near Kano on Monday.\n", "2024-06-04")
    assert attack.actor1 and attack.actor1.startswith("Unidentified Armed Group")


def test_events_told_by_what_happened_or_whom_shots_were_fired_on() -> None:
    """'Fighting broke out between X and Y': the verb's phrases are the event's; 'fired on
    a bus' is an attack, 'fired at least 20 workers' none; a demonstration held 'to
    protest the policies' is still a demonstration."""
    [fighting] = run_extract("On Tuesday, fighting broke out between the army and a local militia in Loikaw.\n", "2022-02-09")
    assert (fighting.sub_event_type, fighting.location) == ("Armed clash", "Loikaw")
    assert (fighting.actor1, fighting.actor2) == ("Military Forces of Myanmar", "Unidentified Armed Group (Myanmar)")
    [shooting] = run_extract("On Tuesday, gunmen fired on a minibus near Okhtyrka, killing two passengers.\n", "2022-02-09")
    assert (shooting.event_type, shooting.fatalities, shooting.location) == ("Violence against civilians", 2, "Okhtyrka")
    assert run_extract("The company fired at least 20 workers in Madrid on Tuesday.\n", "2022-02-09") == []
    [protest] = run_extract("On Tuesday, a women's group staged a demonstration in Diyarbakir to protest the prison policies.\n", "2022-02-09")
    assert (protest.event_type, protest.location) == ("Protests", "Diyarbakir")


def test_banners_make_a_gathering_a_protest() -> None:
    [conference] = run_extract("On Tuesday, nurses held a press conference with banners in front of Changwon City Hall.\n", "2022-02-09")
    assert (conference.sub_event_type, conference.location) == ("Peaceful protest", "Changwon")
    assert run_extract("The company launched its phones under the banner of a new brand in Seoul on Tuesday.\n", "2022-02-09") == []


def test_weapons_fired_at_a_target_and_property_set_on_fire() -> None:
    """'fired 120mm and 82mm mortars at positions' is shelling, not a date's 'on';
    'set X ablaze' and 'set X on fire' are done by the verb's subject; 'not injuring
    anyone' denies the harm, not the shooting."""
    [shelling] = run_extract("On 18 February, separatist NAF forces fired 122mm, 120mm and 82mm mortars at army positions near Zorblaxivka, Donetsk.\n", "2022-02-19")
    assert (shelling.sub_event_type, shelling.actor1) == ("Shelling/artillery/missile attack", "NAF: United Armed Forces of Novorossiya")
    [burning] = run_extract("On Monday, the military set more than 200 houses on fire in Tabayin township, Sagaing region.\n", "2022-02-09")
    assert (burning.sub_event_type, burning.actor1, burning.admin1) == ("Looting/property destruction", "Military Forces of Myanmar", "Sagaing")
    [arson] = run_extract("On Monday, presumed IPOB militants set a commercial tricycle ablaze in Aba, Abia state.\n", "2022-02-09")
    assert (arson.actor1, arson.location) == ("IPOB: Indigenous Peoples of Biafra", "Aba")
    [shots] = run_extract("On Sunday, police fired shots at a car on the highway near Iranshahr, hitting it several times but not injuring any of the occupants.\n", "2022-02-09")
    assert (shots.actor1, shots.fatalities) == ("Police Forces of Iran", 0)


def test_thrown_and_dropped_weapons_bombs_going_off_and_mislemmatised_verbs() -> None:
    """Stones and bombs hurled at someone, grenades dropped by a drone, a bomb that went
    off, a press conference "with a banner"; "raped" is lemmatised "rap" by the model."""
    [stones] = run_extract("On Monday, rioters pelted stones at police officers in Srinagar, Jammu and Kashmir.\n", "2022-02-09")
    assert (stones.event_type, stones.location) == ("Riots", "Srinagar")
    [bombs] = run_extract("On Monday, unidentified men hurled two bombs at a police station in Imphal, Manipur.\n", "2022-02-09")
    assert (bombs.sub_event_type, bombs.location) == ("Grenade", "Imphal")
    [drone] = run_extract("On Monday, the rebels used a drone to drop two grenades on army positions near Popasna, Luhansk.\n", "2022-02-09")
    assert (drone.sub_event_type, drone.location) == ("Air/drone strike", "Popasna")
    [blast] = run_extract("On Monday, a bomb went off near a market in Yala, Thailand.\n", "2022-02-09")
    assert (blast.sub_event_type, blast.location) == ("Remote explosive/landmine/IED", "Yala")
    [conference] = run_extract("On Monday, nurses held a press conference with a banner in front of Busan City Hall.\n", "2022-02-09")
    assert (conference.sub_event_type, conference.location) == ("Peaceful protest", "Busan")
    [rape] = run_extract("On Monday, militiamen raped two women in Nzako village (Bakouma, Mbomou).\n", "2022-02-09")
    assert (rape.sub_event_type, rape.country) == ("Sexual violence", "Central African Republic")
    assert run_extract("On Monday, the alarm went off at a bakery in Lyon.\n", "2022-02-09") == []


def test_clashes_between_armed_groups_the_actor_list_names() -> None:
    """Groups in actors.csv under ACLED's names make a clash between them a clear event."""
    [clash] = run_extract("On Tuesday, the RCSS clashed with the SSPP in Lawksawk township, Shan state.\n", "2022-02-09")
    assert (clash.sub_event_type, clash.actor1, clash.actor2) == (
        "Armed clash",
        "RCSS/SSA-S: Restoration Council of Shan State/Shan State Army-South",
        "SSPP/SSA-N: Shan State Progress Party/Shan State Army-North",
    )
    assert (clash.location, clash.admin1, clash.geo_precision) == ("Lawksawk", "Shan", 2)
    [fighting] = run_extract("On Monday, SSPDF soldiers attacked a NAS position in Lobonok payam, Central Equatoria.\n", "2022-02-09")
    assert (fighting.actor1, fighting.actor2) == ("Military Forces of South Sudan", "NAS: National Salvation Front")
    [sahel] = run_extract("On Monday, ISWAP (Greater Sahara) militants killed two herders near Menaka, Mali.\n", "2022-02-09")
    assert sahel.actor1 == "Islamic State (West Africa) - Greater Sahara Faction"  # the longer alias wins over ISWAP
    [ituri] = run_extract("On Monday, CODECO-ALC militiamen killed three civilians in Djugu, Ituri.\n", "2022-02-09")
    assert ituri.actor1 == "CODECO-ALC: Cooperative for Development of Congo (Congo Liberation Army)"


def test_no_sentence_starts_inside_brackets() -> None:
    """The parser split an ACLED note after "(coded as Pauk Taw (East))", leaving the
    attack without its village; after a full stop a bracket may still open a sentence."""
    from sitrep.nlp import parse

    doc = parse("On Monday, in Pauk Taw village of Myaung township (coded as Pauk Taw (East)) (Sagaing district, Sagaing region), the MRA attacked troops with mines. (Reuters) Police confirmed it.")
    assert [sentence.text[:9] for sentence in doc.sents] == ["On Monday", "(Reuters)"]
    [attack] = run_extract("On Monday, in Pauk Taw village of Myaung township (coded as Pauk Taw (East)) (Sagaing district, Sagaing region), the MRA attacked troops with mines.\n", "2022-02-09")
    assert (attack.location, attack.admin1, attack.geo_precision) == ("Pauk Taw (East)", "Sagaing", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Jihadist fighters captured the town of Douentza in central Mali on Thursday, residents said.", "Non-state actor overtakes territory"),
    ("Malian troops recaptured the town of Douentza from jihadist fighters on Saturday, the army said.", "Government regains territory"),
    ("Rebels took control of two army bases near Douentza on Friday after the soldiers withdrew.", "Non-state actor overtakes territory"),
    ("Police seized 40 rifles and boxes of ammunition in a raid near Douentza on Friday.", "Disrupted weapons use"),
    ("The army handed over the Douentza camp to the regional militia on Friday, officials said.", "Non-violent transfer of territory"),
])
def test_ground_taken_is_told_by_who_took_it(text: str, expected: str) -> None:
    """A territory word tells territory taken only when what it takes is ground; state
    forces at home regain it, anyone else overtakes it."""
    assert [r.sub_event_type for r in run_extract(text, "2024-06-08")] == [expected]


def test_a_price_that_fell_to_a_low_takes_no_ground() -> None:
    assert run_extract("Fuel prices fell to a record low on Monday, traders in Bamako said.", "2024-06-08") == []


def test_the_news_keeps_its_day_when_a_later_sentence_recalls_the_campaign() -> None:
    text = ("A rocket attack on a market in Kidal killed four people, officials said.\n\n"
            "It was the deadliest attack since rebels began shelling the town in March, residents said.")
    [report] = run_extract(text, "2024-06-05")
    assert (report.date_from, report.fatalities, report.background) == (date(2024, 6, 5), 4, False)


@pytest.mark.parametrize(("text", "expected"), [
    ("Four civilians were killed in an artillery attack by the paramilitary forces on a market in Omdurman on Sunday.", "Shelling/artillery/missile attack"),
    ("Gunmen attacked a bus with grenades near Kismayo on Sunday, wounding six passengers.", "Grenade"),
    ("Two soldiers died when their patrol was attacked with an improvised explosive device near Mopti on Sunday.", "Remote explosive/landmine/IED"),
])
def test_a_generic_attack_is_what_its_weapon_makes_it(text: str, expected: str) -> None:
    assert [r.sub_event_type for r in run_extract(text, "2024-06-10")] == [expected]


def test_an_event_known_from_a_statement_is_dated_by_it() -> None:
    """ACLED dates an event the text gives no day for by the report that tells it."""
    text = ("Shelling killed three civilians in the market of Kadugli on Monday, residents said.\n\n"
            "Meanwhile, the Sudanese army announced on Sunday that it had captured key positions in the town of Dilling.")
    reports = {r.location: r for r in run_extract(text, "2025-03-18")}
    assert (reports["Dilling"].date_from, reports["Dilling"].background) == (date(2025, 3, 16), False)
    assert reports["Kadugli"].date_from == date(2025, 3, 17)


def test_overnight_dates_an_event_though_the_tagger_leaves_it_untagged() -> None:
    [report] = run_extract("A drone and missile attack on the city overnight killed at least five people in Odesa, officials said.", "2025-06-23")
    assert (report.date_from, report.date_to) == (date(2025, 6, 22), date(2025, 6, 22))


def test_forces_killing_protesters_is_excessive_force() -> None:
    text = "Police opened fire on a march against fuel prices in Kaolack on Friday, killing two protesters, witnesses said."
    assert [(r.event_type, r.sub_event_type, r.fatalities) for r in run_extract(text, "2022-09-24")] == [
        ("Protests", "Excessive force against protesters", 2)]


def test_each_named_place_is_an_event_of_its_own() -> None:
    text = ("Two soldiers were killed in an attack by Islamic State militants on an army post near Kirkuk on Monday.\n\n"
            "Islamic State militants also attacked a police patrol near Tikrit on Monday, killing three policemen.")
    reports = run_extract(text, "2024-06-11")
    assert sorted((r.location, r.fatalities) for r in reports) == [("Kirkuk", 2), ("Tikrit", 3)]


def test_shot_dead_and_beaten_to_death_count_the_dead() -> None:
    [shot] = run_extract("Police shot dead two protesters in Basra on Sunday.\n", "2020-07-27")
    [beaten] = run_extract("Three villagers were beaten to death by a mob in Kano on Sunday.\n", "2020-07-27")
    [wounded] = run_extract("Gunmen shot two farmers in Kano on Sunday.\n", "2020-07-27")
    assert (shot.fatalities, beaten.fatalities, wounded.fatalities) == (2, 3, 0)


def test_riot_police_are_no_riot() -> None:
    text = "Riot police fired tear gas at students marching in Dhaka on Wednesday, witnesses said.\n"
    assert [r.event_type for r in run_extract(text, "2024-07-18")] == ["Protests"]


def test_protestors_spelt_with_an_o_are_protesters() -> None:
    [report] = run_extract("Security forces opened fire on protestors in Urmia on Monday, killing two.\n", "2022-09-20")
    assert (report.sub_event_type, report.actor2) == ("Excessive force against protesters", "Protesters (Iran)")


def test_a_common_noun_the_tagger_calls_a_name_is_no_place() -> None:
    [report] = run_extract("Gunmen killed five villagers on Monday and left their bodies in the bush, police said.\n", "2024-03-05")
    assert (report.location, report.country) == (None, None)


def test_a_groups_name_drops_its_article() -> None:
    [report] = run_extract("The Northern Alliance seized the town of Kutkai on Monday, a spokesman said.\n", "2023-11-14")
    assert report.actor1 == "Northern Alliance"


def test_who_held_the_ground_taken_is_actor_two() -> None:
    [overtaken] = run_extract("Rebels seized the town of Kutkai on Monday, a spokesman said.\n", "2024-03-05")
    [regained] = run_extract("Troops recaptured the town of Kidal from rebels on Monday.\n", "2024-03-05")
    assert (overtaken.actor2, regained.actor2) == ("Military Forces of Myanmar", "Unidentified Armed Group (Mali)")
    assert any(e.field == "actor2" and e.text == "seized" for e in overtaken.evidence)


def test_a_suicide_bomber_is_of_an_armed_group_and_the_soldiers_his_target() -> None:
    text = "A suicide bomber blew himself up at an army checkpoint near Gao on Friday, killing two soldiers, a military official said.\n"
    [report] = run_extract(text, "2024-03-09")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Suicide bomb", "Unidentified Armed Group (Mali)", "Military Forces of Mali")


def test_a_tolls_update_and_a_suicide_bomber_count_the_dead() -> None:
    text = ("Gunmen ambushed troops near Inates on Tuesday, killing 12 soldiers. The death toll from Tuesday's "
            "ambush has risen to 28, an army spokesman said on Thursday.\n")
    [ambush] = run_extract(text, "2024-03-08")
    [bomber] = run_extract("A suicide bomber blew himself up at a checkpoint near Gao on Friday, wounding one soldier.\n", "2024-03-09")
    assert (ambush.fatalities, bomber.fatalities) == (28, 1)
    assert ambush.fatalities_low == 12  # the figure told before the update


def test_an_armed_group_that_speaks_of_an_attack_it_is_not_named_for_is_its_claimant() -> None:
    text = "Gunmen attacked an army post near Menaka on Sunday, killing four soldiers, JNIM said in a statement.\n"
    [report] = run_extract(text, "2024-03-05")
    assert (report.actor1, report.actor2) == ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali")


def test_the_police_who_faced_a_crowd_are_actor_two() -> None:
    [report] = run_extract("Protesters threw stones at police during a march against fuel prices in Lagos on Monday.\n", "2024-07-18")
    assert (report.sub_event_type, report.actor1, report.actor2, report.assoc_actor_1) == (
        "Violent demonstration", "Rioters (Nigeria)", "Police Forces of Nigeria", [])


def test_the_injured_are_counted_apart_from_the_dead() -> None:
    text = ("Gunmen killed four soldiers and wounded 14 others at a checkpoint near Ansongo on Sunday. "
            "Separately, six people were injured when a bomb exploded in a market in Djenne on Monday.")
    reports = sorted(run_extract(text, "2025-03-14"), key=lambda r: r.event_date)
    assert [(r.fatalities, r.injuries) for r in reports] == [(4, 14), (0, 6)]
    assert [e.text for e in reports[0].evidence if e.field == "injuries"] == ["14 others"]


def test_those_who_died_are_the_toll_not_the_doers() -> None:
    text = "Twenty-eight people died when a truck bomb exploded at a market in Butembo on Sunday; the ADF later said its fighters had planted it."
    [report] = run_extract(text, "2025-03-14")
    assert (report.actor1, report.actor2, report.fatalities) == ("ADF: Allied Democratic Forces", "Civilians (Democratic Republic of Congo)", 28)


def test_the_dead_told_by_a_participle_are_the_toll() -> None:
    [report] = run_extract("Suspected ADF rebels raided a village near Oicha on Tuesday, leaving at least nine civilians killed, officials said.", "2025-02-05")
    assert (report.fatalities, report.actor2) == (9, "Civilians (Democratic Republic of Congo)")


def test_ground_handed_over_is_taken_by_whom_it_went_to() -> None:
    text = "Regime troops withdrew from Tal Rifaat in northern Syria on Sunday and handed the town over to the PKK/YPG, a war monitor said."
    [report] = run_extract(text, "2025-03-04")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Non-violent transfer of territory", "QSD: Syrian Democratic Forces", "Military Forces of Syria")


def test_some_of_a_rallys_participants_detained_is_force_against_the_rally() -> None:
    [report] = run_extract("Police broke up an anti-war rally in Yekaterinburg on Sunday and detained 21 of the participants, a monitoring group said.", "2025-03-04")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Protest with intervention", "Protesters (Russia)", "Police Forces of Russia")


def test_a_number_of_armed_individuals_near_a_town_and_its_state_is_one_event() -> None:
    text = "On Monday, near Tierra Blanca, Veracruz, soldiers were shot at by a number of armed individuals. No one was hurt."
    [report] = run_extract(text, "2025-03-04")
    assert (report.actor1, report.actor2, report.location, report.admin1) == ("Unidentified Armed Group (Mexico)", "Military Forces of Mexico", "Tierra Blanca", "Veracruz")


def test_a_suicide_bomber_is_no_bomber_aircraft() -> None:
    text = "A suicide bomber struck a wedding party in Jalalabad on Saturday, killing 12 guests, police said."
    [report] = run_extract(text, "2025-03-12")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Suicide bomb", "Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)")


def test_the_dead_of_both_sides_are_summed() -> None:
    text = "Gunmen attacked a gendarmerie post near Nguigmi on Tuesday, killing two gendarmes. Five assailants also died in the fighting, the ministry said."
    [report] = run_extract(text, "2025-03-18")
    assert report.fatalities == 7
    assert sorted(e.text for e in report.evidence if e.field == "fatalities") == ["Five assailants", "two gendarmes"]


def test_lives_claimed_are_the_toll() -> None:
    [report] = run_extract("A bomb exploded at a school in Konduga on Monday, claiming the lives of 12 pupils, police said.", "2025-03-18")
    assert report.fatalities == 12


def test_a_toll_risen_by_a_later_day_is_the_toll_of_the_days_event() -> None:
    text = ("An air strike hit a market in Haydan on Monday, killing 20 people, officials said. "
            "By Tuesday the death toll from the strike had risen to 47, the health ministry said.")
    [report] = run_extract(text, "2025-03-18")
    assert (report.fatalities, report.event_date) == (47, date(2025, 3, 17))


def test_a_named_dead_and_several_others_are_at_least_the_named() -> None:
    [report] = run_extract("Jihadists killed the village chief Amadou Diallo and several others in Djenne on Sunday, residents said.", "2025-03-18")
    assert report.fatalities == 1


def test_a_toll_over_several_attacks_is_no_events_toll() -> None:
    text = ("Gunmen killed 19 villagers in two separate attacks in the west of Burkina Faso over the weekend, residents said.\n\n"
            "At least 11 people were killed on Saturday at Solenzo, a security source said.\n\n"
            "Eight people died in a separate attack on Sunday at Koumbri, another source said.")
    assert sorted(r.fatalities for r in run_extract(text, "2025-03-17")) == [8, 11]


def test_with_people_killed_counts_the_dead_as_no_doer() -> None:
    [report] = run_extract("A car bomb exploded outside a police station in Tikrit on Sunday, with three guards killed.", "2025-03-10")
    assert (report.actor1, report.fatalities) == ("Unidentified Armed Group (Iraq)", 3)  # not the guards


def test_two_missiles_are_no_two_events() -> None:
    [report] = run_extract("Russian forces fired two ballistic missiles at Sumy on Wednesday, killing at least six civilians, officials said.", "2025-03-20")
    assert report.fatalities == 6


def test_a_weapon_after_with_is_no_absolute_clause() -> None:
    [report] = run_extract("On 12 March 2025, the Russian military forces shelled with heavy weapons the positions near Vuhledar.", "2025-03-18")
    assert (report.sub_event_type, report.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Russia")


def test_a_victim_named_by_surname_is_named_in_full() -> None:
    from sitrep import nlp
    from sitrep.extraction.roles import document_roles

    text = ("urban guerrillas yesterday murdered presidential candidate hernando perez villa in cali. the government "
            "condemned the murder of perez villa, a member of the liberal party.")
    assert [f.text for f in document_roles(nlp.parse(text)) if f.role == "victim"] == ["hernando perez villa"]


def test_a_verb_the_tagger_reads_into_a_number_still_tells_the_event() -> None:
    from spacy.tokens import Span

    from sitrep import nlp
    from sitrep.extraction.detect import find_mentions

    doc = nlp.parse("Gunmen stormed the college and kidnapped over 80 pupils from their dormitories.")
    kidnapped = next(t.i for t in doc if t.lower_ == "kidnapped")
    doc.ents = [Span(doc, kidnapped, kidnapped + 3, label="CARDINAL")]  # as the tagger reads "kidnapped over 100" in real news
    hits = [hit.token.lower_ for mention in find_mentions(doc) for hit in mention.hits]
    assert "kidnapped" in hits


def test_he_who_acted_is_not_the_sergeant_who_tells_of_it() -> None:
    from datetime import datetime

    from sitrep import nlp
    from sitrep.clean import clean_article
    from sitrep.extraction import read_mentions
    from sitrep.records import Article

    article = clean_article(Article(id="t", text="He opened fire on the guards, Sergeant Ali Traore told AFP.", published=datetime(2021, 9, 1)))
    [facts] = read_mentions(article, nlp.load()(article.text))
    assert facts.agents == []


def test_the_worst_such_incident_in_a_month_refers_to_no_event() -> None:
    from sitrep import nlp
    from sitrep.extraction.detect import find_mentions

    doc = nlp.parse("This was the worst such incident in a month at the square.")
    assert [hit.token.lower_ for mention in find_mentions(doc) for hit in mention.hits] == []
    doc = nlp.parse("The incident happened in Gao on Friday.")
    assert [hit.token.lower_ for mention in find_mentions(doc) for hit in mention.hits] == ["incident"]


def test_the_source_after_according_to_tells_no_act() -> None:
    from sitrep import nlp
    from sitrep.extraction.detect import find_mentions

    doc = nlp.parse("According to the UN peacekeeping mission, 12 civilians were killed in a raid on a camp near Bunia.")
    assert [hit.token.lower_ for mention in find_mentions(doc) for hit in mention.hits] == ["killed", "raid"]
