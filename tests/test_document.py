"""Document-level decisions on articles written for these tests: which mentions are one
event, which are several, and which are news, context or background."""
from __future__ import annotations

from datetime import date

from conftest import run_extract

from sitrep.clean.chrome import strip_chrome


def test_a_toll_without_its_doer_belongs_to_the_act_in_its_sentence() -> None:
    text = ("A health official in Kadugli said four people were killed and a dozen others hurt by SPLM-N "
            "shelling on the town's central market on Tuesday.")
    [report] = run_extract(text, "2025-02-12")
    assert (report.sub_event_type, report.fatalities, report.location) == ("Shelling/artillery/missile attack", 4, "Kadugli")


def test_it_said_by_the_army_is_the_army() -> None:
    [report] = run_extract("The Malian army said on Friday that it had recaptured the town of Ménaka from jihadists.", "2024-05-18")
    assert (report.sub_event_type, report.actor1) == ("Government regains territory", "Military Forces of Mali")


def test_a_munition_that_hits_tells_an_attack() -> None:
    [report] = run_extract("A rocket hit a block of flats in Kharkiv on Thursday, the regional governor said.", "2024-05-31")
    assert (report.sub_event_type, report.location) == ("Shelling/artillery/missile attack", "Kharkiv")


def test_an_undated_later_event_is_news_of_the_lead_days() -> None:
    text = ("Army troops and RSF fighters clashed in the town of Sinja on Wednesday, residents said.\n\n"
            "The army has pushed south along the Blue Nile for weeks. Aid groups have warned of hunger in the region.\n\n"
            "Meanwhile, a medical source in Kadugli said three children were killed by RSF shelling on a school.")
    reports = sorted(run_extract(text, "2025-03-06"), key=lambda r: r.sub_event_type)
    assert [(r.sub_event_type, r.location, r.date_from, r.date_to) for r in reports] == [
        ("Armed clash", "Singa", date(2025, 3, 5), date(2025, 3, 5)),
        ("Shelling/artillery/missile attack", "Kadugli", date(2025, 3, 4), date(2025, 3, 5)),
    ]


def test_an_undated_detail_joins_the_event_it_tells_more_of() -> None:
    text = ("Gunmen abducted 40 pupils from a boarding school in Gusau on Sunday, police said.\n\n"
            "Witnesses said the kidnappers arrived on motorcycles and abducted the pupils from their dormitories.")
    [report] = run_extract(text, "2024-06-11")
    assert (report.sub_event_type, report.location, report.date_from) == ("Abduction/forced disappearance", "Gusau", date(2024, 6, 9))
    assert sum(e.field == "event" for e in report.evidence) == 2


def test_a_second_strike_is_an_event_of_its_own() -> None:
    text = ("An RSF drone strike hit the main hospital in El Obeid on Monday, killing five patients, officials said.\n\n"
            "Doctors also reported a second RSF drone strike on a fuel depot in El Obeid, which caused no casualties.")
    reports = run_extract(text, "2025-04-08")
    assert sorted(r.fatalities for r in reports) == [0, 5]


def test_a_campaign_summed_up_is_no_event() -> None:
    text = ("Western navies have escorted cargo ships through the strait since the spring.\n\n"
            "British and American airstrikes in February failed to stop the militia's drone attacks on shipping, analysts say.")
    assert run_extract(text, "2024-06-20") == []


def test_a_scene_retold_in_the_present_is_no_news() -> None:
    text = ("The film follows a platoon cut off behind the lines.\n\n"
            "Trapped in a ruined farmhouse, the soldiers are easy prey for enemy bombers, which drop bombs on them night after night.")
    assert run_extract(text, "2024-02-02") == []


def test_a_teaser_cut_off_mid_sentence_is_chrome() -> None:
    lines = strip_chrome("Floods hit the capital\n\nHeavy rain flooded streets in the capital on Monday.\n\n"
                         "Gunmen Kill Ten At Market\n\nGunmen reportedly attacked a busy market in the north on...\n")
    assert lines == ["Floods hit the capital", "Heavy rain flooded streets in the capital on Monday."]


def test_a_paragraph_the_page_cut_off_is_still_the_story() -> None:
    paragraph = ("Troops are advancing on the capital after attacking several towns. The army on Saturday reported "
                 "heavy fighting around the town of Boda, some 30 kilometres west of the capital,")
    assert strip_chrome(f"Rebels close in on capital\n\nRebels shelled the airport on Friday.\n\n{paragraph}\n")[-1] == paragraph


def test_an_act_at_places_named_side_by_side_is_an_event_at_each() -> None:
    text = "Rebels captured the towns of Kutkai and Muse on Monday, killing ten soldiers, a rebel spokesman said."
    reports = run_extract(text, "2024-03-06")
    assert sorted((r.location, r.fatalities, r.sub_event_type) for r in reports) == [
        ("Kutkai", 10, "Non-state actor overtakes territory"), ("Muse", 0, "Non-state actor overtakes territory")]


def test_the_words_of_an_organisations_name_are_no_list_of_places() -> None:
    text = "The Centre for Peace, Democracy and Human Rights said gunmen killed six farmers near Beni on Sunday."
    [report] = run_extract(text, "2024-03-06")
    assert report.fatalities == 6


def test_a_town_and_its_region_are_one_place() -> None:
    [report] = run_extract("On Monday, rioters pelted stones at police officers in Srinagar, Jammu and Kashmir.", "2022-02-09")
    assert report.location == "Srinagar"


def test_a_toll_told_before_the_act_that_caused_it_is_its_toll() -> None:
    text = ("Four members of a village defence militia were killed and nine others wounded in Kaduna State, "
            "following an attack by bandits on Sunday night, a local official said.")
    [report] = run_extract(text, "2024-06-11")
    assert (report.event_type, report.fatalities, report.location) == ("Battles", 4, "Kaduna")


def test_a_commander_of_a_named_group_is_of_that_group() -> None:
    text = ("Ogaden commander Abdi Farah was killed in an ambush near Degehabur on Thursday. "
            "The Ogaden fighters later withdrew from the area.")
    [report] = run_extract(text, "2024-06-14")
    assert (report.event_type, report.actor2) == ("Battles", "Ogaden")


def test_words_of_protest_told_of_an_armed_force_taking_a_town_tell_ground_taken() -> None:
    text = ("Rebels of the FLM marched into the town of Kidira on Tuesday after the garrison fled.\n\n"
            "Hundreds of traders marched through the market of Tambacounda on Wednesday to demand lower taxes.")
    reports = sorted(run_extract(text, "2024-03-07"), key=lambda r: r.date_from)
    assert [(r.event_type, r.location) for r in reports] == [("Battles", "Kidira"), ("Protests", "Tambacounda")]



def test_a_date_that_describes_a_thing_is_not_the_events() -> None:
    [report] = run_extract("Thousands marched in Dakar on Friday against the postponement of the elections scheduled for 25 February.", "2024-02-10")
    assert (report.date_from, report.date_to) == (date(2024, 2, 9), date(2024, 2, 9))
    [report] = run_extract("Students marched in Dakar to protest the postponement of the elections scheduled for 25 February.", "2024-02-10")
    assert report.date_from == date(2024, 2, 10)


def test_the_crowd_and_what_was_done_to_it_in_one_sentence_are_one_demonstration() -> None:
    text = "Police fired tear gas to disperse students protesting against exam fees in Lagos on Monday."
    [report] = run_extract(text, "2024-05-14")
    assert (report.sub_event_type, report.location) == ("Protest with intervention", "Lagos")


def test_a_district_and_a_province_do_not_tell_two_events_apart() -> None:
    text = ("Two soldiers were killed in a Taliban attack on Tuesday night in Nangarhar province, the ministry said. "
            "The incident happened in Achin district when a group of Taliban attacked a police post.")
    [report] = run_extract(text, "2020-01-01")
    assert (report.event_type, report.fatalities) == ("Battles", 2)


def test_a_demonstration_where_people_died_was_no_peaceful_one() -> None:
    [riot] = run_extract("A student was killed in Thies on Friday as protests against the election delay spread, a hospital said.", "2024-02-10")
    assert (riot.event_type, riot.sub_event_type, riot.fatalities) == ("Riots", "Violent demonstration", 1)
    text = "Two marchers were killed in Conakry on Tuesday when police fired on a protest against the junta, organisers said."
    [force] = run_extract(text, "2023-09-06")
    assert (force.sub_event_type, force.actor1, force.actor2) == ("Excessive force against protesters", "Police Forces of Guinea", "Protesters (Guinea)")


def test_one_more_generic_act_of_the_story_is_of_its_kind() -> None:
    text = ("A Russian missile attack on Odesa overnight killed four people, the regional governor said on Monday.\n\n"
            "Elsewhere, another person was killed in the town of Izmail.")
    reports = sorted(run_extract(text, "2025-06-23"), key=lambda r: r.fatalities)
    assert [(r.location, r.sub_event_type, r.fatalities) for r in reports] == [
        ("Izmayil", "Shelling/artillery/missile attack", 1), ("Odesa", "Shelling/artillery/missile attack", 4)]


def test_the_day_a_campaign_began_is_not_the_day_of_its_news() -> None:
    text = ("Turkish fighter jets killed at least three militants during an operation in northern Iraq, the defence "
            "ministry said on Sunday. Turkey launched the offensive against the militants in the Avashin valley on 3 May.")
    [report] = run_extract(text, "2019-08-04")
    assert (report.sub_event_type, report.date_from, report.fatalities) == ("Air/drone strike", date(2019, 8, 4), 3)


def test_deaths_counted_over_a_year_are_no_event() -> None:
    text = ("Gunmen killed six farmers near Beni in eastern DR Congo on Sunday, a local official said.\n\n"
            "The ADF rebel group is believed to have some 400 fighters. More than 300 people were killed by ADF "
            "militants last year in and around Beni, the United Nations said.")
    assert [r.fatalities for r in run_extract(text, "2024-03-04")] == [6]


def test_event_words_that_describe_a_named_thing_tell_no_event() -> None:
    text = ("Two protesters were shot dead by police in central Basra overnight, medics said on Monday. "
            "It was the first deadly incident for months at Freedom Square, which became a symbol of anti-government "
            "protests during months of unrest last year.")
    reports = run_extract(text, "2020-07-27")
    assert [(r.sub_event_type, r.fatalities) for r in reports] == [("Excessive force against protesters", 2)]


def test_two_names_that_bound_one_place_are_not_a_list() -> None:
    text = "A junta unit abandoned its outpost between Kutkai and Muse during a night attack by rebels on Tuesday."
    assert len(run_extract(text, "2023-11-01")) == 1


def test_last_night_and_the_morning_after_are_one_night() -> None:
    text = ("A Russian missile struck a tower block in Kharkiv on Saturday, the governor said.\n\n"
            "Russian missile strike last night on a tower block on Sumska Street in central Kharkiv. "
            "A large chunk torn out of the building.")
    assert len(run_extract(text, "2024-05-25")) == 1


def test_regions_named_together_are_no_list_of_event_places() -> None:
    text = "The army said on Saturday that dozens of its soldiers were killed in fierce battles in the provinces of Hama and Idlib."
    assert len(run_extract(text, "2024-11-30")) == 1


def test_unnamed_armed_men_may_be_the_named_group() -> None:
    text = ("Islamist insurgents have seized the town of Boni in central Mali, a spokesman for JNIM said on Wednesday. "
            "JNIM fighters marched into the town on Tuesday night after the garrison withdrew.")
    assert [(r.sub_event_type, r.actor1) for r in run_extract(text, "2024-05-22")] == [
        ("Non-state actor overtakes territory", "JNIM: Group for Support of Islam and Muslims")]


def test_the_previous_day_is_counted_from_the_event_before_it() -> None:
    text = ("On Friday, troops clashed with insurgents near Gao, the army said. "
            "The previous day, police arrested three suspected bomb-makers in Bamako.")
    reports = {r.sub_event_type: (r.date_from, r.date_to) for r in run_extract(text, "2024-03-10")}
    assert reports == {"Armed clash": (date(2024, 3, 8), date(2024, 3, 8)), "Arrests": (date(2024, 3, 7), date(2024, 3, 7))}


def test_protesters_throwing_petrol_bombs_is_a_violent_demonstration() -> None:
    [report] = run_extract("Protesters threw stones and petrol bombs at police in Basra on Sunday, a security source said.", "2020-07-27")
    assert (report.event_type, report.sub_event_type) == ("Riots", "Violent demonstration")


def test_what_a_strike_was_retribution_for_is_no_news_of_the_day() -> None:
    text = ("Iran's Revolutionary Guard fired ballistic missiles at targets near Erbil on Monday, state media said. "
            "Tehran also struck sites in Syria on Monday night, claiming it was targeting militants in retribution "
            "for recent terror attacks in Iran.")
    assert [r.sub_event_type for r in run_extract(text, "2024-01-16")] == ["Shelling/artillery/missile attack"]


def test_the_act_that_raised_a_toll_is_the_news() -> None:
    text = ("Opposition officials said the number of fatalities had increased to five after a protester was shot "
            "dead by security forces in the city of Shiraz.")
    [report] = run_extract(text, "2019-11-17")
    assert (report.background, report.sub_event_type, report.location) == (False, "Excessive force against protesters", "Shiraz")


def test_a_town_that_fell_was_taken_and_took_nothing() -> None:
    text = ("Rebels launched an offensive in northern Shan State on 27 October. Kutkai, where the district "
            "administration is based, fell on 12 November. Share prices fell on Monday.")
    [report] = run_extract(text, "2023-11-14")
    assert (report.sub_event_type, report.actor1, report.date_from) == (
        "Non-state actor overtakes territory", "Unidentified Armed Group (Myanmar)", date(2023, 11, 12))  # not the town


def test_a_toll_counted_town_by_town_is_an_event_a_town() -> None:
    text = ("Officials said the number of dead had risen to five after a protester was shot dead by security forces "
            "in the city of Shiraz, adding to four protesters killed in the town of Kazerun.")
    reports = sorted(run_extract(text, "2019-11-17"), key=lambda r: r.fatalities)
    assert [(r.location, r.fatalities, r.sub_event_type) for r in reports] == [
        ("Shiraz", 1, "Excessive force against protesters"), ("Kazerun", 4, "Excessive force against protesters")]


def test_a_quote_that_counts_the_dead_town_by_town_details_the_news_not_its_cause() -> None:
    text = ("Security forces opened fire on protesters in West Azerbaijan province on Monday, killing three people, officials "
            "said. The protests began after a young woman was beaten to death in police custody last week. "
            "\"One person was killed in Urmia, two were killed in Piranshahr and ten people were injured in Oshnavieh,\" "
            "a local official said.")
    force = [(r.location, r.fatalities) for r in run_extract(text, "2022-09-20") if r.sub_event_type == "Excessive force against protesters"]
    assert [fatalities for _, fatalities in force] == [1, 2, 0] and len({location for location, _ in force}) == 3


def test_the_group_named_as_the_doer_in_the_next_sentence_did_it() -> None:
    text = ("Suspected Ugandan rebels killed twelve villagers near Kasindi in eastern Congo on Monday, local officials said. "
            "Fighters of the ADF carried out the killings before fleeing into the forest, the administrator said.")
    [report] = run_extract(text, "2025-04-15")
    assert (report.actor1, report.actor2) == ("ADF: Allied Democratic Forces", "Civilians (Democratic Republic of Congo)")


def test_unnamed_armed_men_of_a_nationality_are_named_by_the_events_country() -> None:
    [report] = run_extract("Suspected Ugandan rebels killed twelve villagers near Kasindi in eastern Congo on Monday.", "2025-04-15")
    assert report.actor1 == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_the_group_an_official_blames_is_the_doer_not_the_state_of_the_place() -> None:
    drone = run_extract("Two engineers were killed by a drone strike in northern Mali on Monday; the army blamed an Islamist faction.", "2025-04-15")
    assert [(r.sub_event_type, r.actor1) for r in drone] == [("Air/drone strike", "Unidentified Armed Group (Mali)")]
    [market] = run_extract("A bomb tore through a market in Gamboru on Friday, killing nine traders. The army blamed the attack on Boko Haram.", "2025-04-15")
    assert (market.actor1, market.fatalities) == ("Boko Haram", 9)


def test_a_wire_dateline_names_no_actor_nor_place_but_bounds_the_country() -> None:
    [report] = run_extract("KINSHASA (Reuters) - Gunmen killed eight farmers near Beni on Tuesday, officials said.", "2025-04-16")
    assert (report.actor1, report.location, report.country) == ("Unidentified Armed Group (Democratic Republic of Congo)", "Beni", "Democratic Republic of Congo")
    [strike] = run_extract("BEIRUT (Reuters) — An air strike on a fuel depot killed six people on Friday, residents said.", "2025-04-16")
    assert strike.actor1 != "Reuters" and all(e.text != "Reuters" for e in strike.evidence)


def test_a_home_hit_makes_its_civilians_the_target() -> None:
    [report] = run_extract("A Russian missile struck a five-storey residential building in Vovchansk on Tuesday, the regional governor said.", "2025-02-05")
    assert (report.actor1, report.actor2) == ("Military Forces of Russia", "Civilians (Ukraine)")
    assert [e.text for e in report.evidence if e.field == "actor2"] == ["a five-storey residential building"]


def test_a_base_hit_names_no_civilians() -> None:
    [report] = run_extract("A Russian missile struck a military barracks in Vovchansk on Tuesday, the regional governor said.", "2025-02-05")
    assert report.actor2 == "Military Forces of Ukraine"


def test_a_crew_hit_at_sea_is_of_no_one_state() -> None:
    text = "Houthi forces fired an anti-ship missile at a cargo vessel in the Gulf of Aden on Monday, killing two crew members, a maritime agency said."
    [report] = run_extract(text, "2025-01-14")
    assert (report.location, report.country, report.geo_precision) == ("Gulf of Aden", "Yemen", 2)
    assert (report.actor1, report.actor2) == ("Ansar Allah", "Civilians (International)")


def test_unnamed_armed_men_struck_are_the_one_group_the_story_names() -> None:
    text = ("Turkish jets struck Kurdish militant positions in the mountains of northern Iraq on Sunday, the defence ministry said. "
            "The ministry said the positions were used by the PKK.")
    [report] = run_extract(text, "2025-03-03")
    assert (report.actor1, report.actor2) == ("Military Forces of Turkey", "PKK: Kurdistan Workers' Party")


def test_protesters_who_threw_rocks_were_rioting_though_police_killed_two() -> None:
    text = ("Police shot dead two protesters in Kayes on Friday as demonstrations against fuel prices spread, a hospital source said.\n\n"
            "The government raised fuel prices by a third last month. Unions have called for a general strike next week.\n\n"
            "Later, young men hurled rocks at the officers outside the governor's office and set tyres alight, witnesses said.")
    [report] = run_extract(text, "2025-04-12")
    assert (report.sub_event_type, report.actor1, report.actor2, report.fatalities) == ("Violent demonstration", "Rioters (Mali)", "Police Forces of Mali", 2)


def test_a_battle_with_one_side_named_was_fought_against_the_states_forces() -> None:
    [report] = run_extract("Russian troops fought their way into Vovchansk on Tuesday, the governor said.", "2025-02-05")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Armed clash", "Military Forces of Russia", "Military Forces of Ukraine")


def test_strikes_a_state_led_are_its_own() -> None:
    [report] = run_extract("Two US-led air strikes hit a radar site near Salif on Wednesday, a Houthi television channel said.", "2025-01-16")
    assert (report.sub_event_type, report.actor1, report.country) == ("Air/drone strike", "Military Forces of the United States", "Yemen")


def test_security_forces_facing_a_crowd_police_it() -> None:
    [report] = run_extract("Security forces in Senegal used tear gas to break up a march by opposition supporters in Thies on Friday, witnesses said.", "2025-03-08")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Protest with intervention", "Protesters (Senegal)", "Police Forces of Senegal")


def test_the_group_that_claims_is_the_group_last_named() -> None:
    text = ("JNIM fighters seized an army post near Lere in central Mali on Friday, the group said in a statement.\n\n"
            "Government officials in Bamako declined to comment on the losses.\n\n"
            "In the same statement, the group said it had shelled a second base near Dioura on Saturday.")
    shelling = next(r for r in run_extract(text, "2025-03-10") if r.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_its_forces_are_those_of_the_ministry_that_speaks_of_them() -> None:
    text = "The Turkish defence ministry said its forces captured the village of Tal Halaf in northern Syria from Kurdish militants on Sunday."
    [report] = run_extract(text, "2025-03-10")
    assert (report.actor1, report.country) == ("Military Forces of Turkey", "Syria")


def test_protesters_who_riot_are_the_rioters_not_their_associates() -> None:
    [report] = run_extract("Protesters burned a bank branch in Mashhad on Tuesday, witnesses said.", "2025-03-12")
    assert (report.sub_event_type, report.actor1, report.assoc_actor_1) == ("Violent demonstration", "Rioters (Iran)", [])


def test_a_word_of_a_groups_name_is_no_actor_of_its_own() -> None:
    text = "Three Iraqi soldiers died in an Islamic State (ISIS) raid on a checkpoint near Tuz Khurmatu on Monday night, a security source said."
    [report] = run_extract(text, "2025-03-12")
    assert (report.actor1, report.actor2, report.assoc_actor_1) == ("Islamic State", "Military Forces of Iraq", [])


def test_the_same_act_told_again_later_joins_the_event() -> None:
    text = ("Al-Shabaab fighters stormed a hotel in Kismayo on Sunday, killing nine people, police said.\n\n"
            "The siege lasted several hours. Security forces later regained control of the building.\n\n"
            "A car bomb exploded at the gate of the hotel in Kismayo, witnesses said.")
    [report] = run_extract(text, "2025-03-17")
    assert (report.sub_event_type, report.actor1, report.fatalities, report.location) == ("Remote explosive/landmine/IED", "Al Shabaab", 9, "Kismayo")


def test_a_wire_datelines_day_dates_the_story() -> None:
    text = "ADEN, March 14 (Reuters) - An air strike hit a fuel depot in the port of Hodeidah, killing three workers, residents said."
    [report] = run_extract(text, "2025-03-18")
    assert (report.event_date, report.location, report.country) == (date(2025, 3, 14), "Al Hudaydah", "Yemen")


def test_fighting_with_no_side_named_is_fought_by_the_lead_acts_doer() -> None:
    text = ("A Russian missile struck a residential building in Kupiansk on Saturday, the regional governor said.\n\n"
            "Rescuers were searching the rubble for survivors.\n\n"
            "Heavy clashes were reported near Vovchansk on Saturday, the general staff said.")
    clash = next(r for r in run_extract(text, "2025-03-16") if r.sub_event_type == "Armed clash")
    assert (clash.actor1, clash.actor2, clash.location) == ("Military Forces of Russia", "Military Forces of Ukraine", "Vovchansk")


def test_rioters_who_burned_a_police_post_faced_the_police() -> None:
    [report] = run_extract("Angry protesters set fire to a police post in Shiraz on Saturday, witnesses said.", "2025-03-10")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Violent demonstration", "Rioters (Iran)", "Police Forces of Iran")
    assert [e.text for e in report.evidence if e.field == "actor2"] == ["police post"]


def test_a_foreign_force_claiming_responsibility_is_the_doer() -> None:
    text = ("Missiles struck a compound near Sulaimaniyah on Monday night, and Iran's Revolutionary Guard claimed responsibility "
            "for the strikes, according to state media.")
    [report] = run_extract(text, "2025-03-11")
    assert (report.actor1, report.country, report.certainty) == ("Military Forces of Iran", "Iraq", "claimed")


def test_jets_reported_by_a_foreign_ministry_are_its_forces() -> None:
    [report] = run_extract("Eight jets hit two depots near Sirte on Tuesday, according to the Italian defence ministry.", "2025-03-25")
    assert (report.sub_event_type, report.actor1, report.country) == ("Air/drone strike", "Military Forces of Italy", "Libya")


def test_dozens_of_gunmen_are_an_armed_group() -> None:
    [report] = run_extract("Dozens of gunmen on motorcycles abducted 30 villagers from Kaura Namoda in Zamfara State on Sunday, residents said.", "2024-06-11")
    assert (report.sub_event_type, report.actor1) == ("Abduction/forced disappearance", "Unidentified Armed Group (Nigeria)")


def test_a_group_that_claims_the_attack_is_the_source_whoever_reports_the_claim() -> None:
    text = ("A suicide bomber blew himself up at an army checkpoint outside Menaka on Sunday, wounding two soldiers, the army said.\n\n"
            "On Monday the jihadist group, Islamic State Sahel Province, claimed the attack, according to a news agency.")
    [report] = run_extract(text, "2024-06-11")
    assert report.claimed_by is not None and report.claimed_by.endswith("Islamic State Sahel Province")
    assert report.certainty == "claimed"


def test_a_village_in_a_named_state_is_no_namesake_city_abroad() -> None:
    [report] = run_extract("Gunmen killed seven farmers in Mombasi, Kano State on Sunday, police said.", "2024-06-11")
    assert (report.location, report.admin1, report.country, report.fatalities) == ("Mombasi", "Kano", "Nigeria", 7)


def test_fighting_against_a_named_side_with_no_doer_is_fought_by_whoever_fought_that_side() -> None:
    text = ("An Arakan Army commander was killed on Friday near Kyauktaw, a local news outlet reported.\n\n"
            "On Tuesday, Myanmar troops killed another Arakan Army officer near Mrauk-U.")
    reports = run_extract(text, "2024-06-11")
    assert sorted((r.location, r.actor1, r.actor2) for r in reports) == [
        ("Kyauktaw", "Military Forces of Myanmar", "AA: Arakan Army"), ("Mrauk U", "Military Forces of Myanmar", "AA: Arakan Army")]


def test_ground_the_state_took_was_taken_from_the_group_its_sentence_names() -> None:
    [report] = run_extract("Sudanese troops recaptured the town of Um Rawaba on Sunday, driving out Rapid Support Forces fighters.", "2025-01-14")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Government regains territory", "Military Forces of Sudan", "Rapid Support Forces")


def test_an_armed_act_with_no_doer_named_was_done_by_an_unidentified_armed_group() -> None:
    [report] = run_extract("Twelve villagers died in an attack on a market near Djibo on Saturday, a security source said.", "2025-01-14")
    assert (report.sub_event_type, report.actor1, report.country) == ("Attack", "Unidentified Armed Group (Burkina Faso)", "Burkina Faso")
    assert [e.text for e in report.evidence if e.field == "actor1"] == ["attack"]
    [strike] = run_extract("An air strike hit a fuel depot near Djibo on Saturday, a security source said.", "2025-01-14")
    assert (strike.sub_event_type, strike.actor1) == ("Air/drone strike", None)


def test_partners_in_a_joint_act_are_associates_not_targets() -> None:
    [raid] = run_extract("The French air force said its jets struck a fuel depot near Maiduguri on Monday, in a combined raid with Dutch jets.", "2025-03-16")
    assert (raid.actor1, raid.assoc_actor_1, raid.actor2) == ("Military Forces of France", ["Military Forces of the Netherlands"], None)
    [attack] = run_extract("Malian troops attacked a village near Mopti alongside Wagner fighters on Monday, killing 20 civilians.", "2025-03-16")
    assert (attack.actor1, attack.assoc_actor_1, attack.actor2) == ("Military Forces of Mali", ["Wagner Group"], "Civilians (Mali)")


def test_whose_the_thing_struck_was_is_struck_too() -> None:
    [strike] = run_extract("An air strike hit a base belonging to al-Shabaab near Jilib on Monday.", "2025-03-16")
    assert (strike.sub_event_type, strike.actor2) == ("Air/drone strike", "Al Shabaab")


def test_the_period_a_superlative_ranks_over_is_no_date() -> None:
    [report] = run_extract("A car bomb at a bus station in Gao, the deadliest attack this year, killed 12 people.", "2025-03-16")
    assert (report.date_from, report.date_to) == (date(2025, 3, 16), date(2025, 3, 16))
    [protest] = run_extract("The largest protest on Friday drew thousands to the streets of Dakar.", "2025-03-16")
    assert protest.date_from == date(2025, 3, 14)


def test_a_name_listed_among_towns_is_a_village_the_gazetteer_lacks() -> None:
    text = ("Security forces opened fire on protesters in West Azerbaijan province on Monday, killing three people, officials "
            "said. \"One person was killed in Urmia, two were killed in Kharzabad and ten people were injured in Oshnavieh,\" "
            "a local official said.")
    village = next(r for r in run_extract(text, "2022-09-20") if r.fatalities == 2)
    assert (village.location, village.admin1, village.geo_precision) == ("Kharzabad", "West Azerbaijan", 2)


def test_armed_men_tied_to_a_named_group_are_that_group() -> None:
    text = ("U.S. forces conducted an airstrike near Jilib on Monday, killing 10 fighters associated with al-Shabaab. "
            "The strike came as Islamic State fighters clashed with Puntland forces in the north.")
    strike = next(r for r in run_extract(text, "2025-03-16") if r.sub_event_type == "Air/drone strike")
    assert (strike.actor1, strike.actor2, strike.fatalities) == ("Military Forces of the United States", "Al Shabaab", 10)


def test_ground_taken_from_unnamed_fighters_was_theirs_not_the_states() -> None:
    text = "Kenyan troops took control of the port town of Kismayo on Sunday after days of fighting with the militants who had held it, officials said."
    report = next(r for r in run_extract(text, "2012-10-01") if not r.background)
    assert (report.actor1, report.actor2, report.location) == ("Military Forces of Kenya", "Unidentified Armed Group (Somalia)", "Kismayo")


def test_people_named_by_their_work_are_civilians() -> None:
    [report] = run_extract("Two engineers were killed by a drone strike in northern Mali on Sunday; the army blamed an Islamist faction.", "2025-03-18")
    assert (report.actor1, report.actor2, report.fatalities) == ("Unidentified Armed Group (Mali)", "Civilians (Mali)", 2)


def test_a_destination_is_no_place_of_the_event_but_tells_its_country() -> None:
    [report] = run_extract("Militants attacked a convoy of trucks heading to Menaka on Friday, killing two drivers.", "2025-03-18")
    assert (report.location, report.country, report.actor1, report.actor2) == (None, "Mali", "Unidentified Armed Group (Mali)", "Civilians (Mali)")


def test_a_bomber_who_set_off_his_own_vest_is_a_man_and_a_suicide_bombing() -> None:
    [man] = run_extract("The bomber detonated his vest at a checkpoint near Gao on Monday, killing two soldiers.", "2025-03-18")
    assert (man.sub_event_type, man.actor1, man.actor2) == ("Suicide bomb", "Unidentified Armed Group (Mali)", "Military Forces of Mali")
    [aircraft] = run_extract("A bomber dropped its bombs on the market in Gao on Monday, killing two people.", "2025-03-18")
    assert (aircraft.sub_event_type, aircraft.actor1) == ("Air/drone strike", "Military Forces of Mali")


def test_people_killed_in_a_raid_that_also_took_some_away_were_attacked() -> None:
    [report] = run_extract("Gunmen stormed a village near Gusau on Sunday, killing nine people and kidnapping 20 others, residents said.", "2025-03-18")
    assert (report.sub_event_type, report.fatalities, report.actor2) == ("Attack", 9, "Civilians (Nigeria)")


def test_criminal_gangs_are_named_as_acled_names_them() -> None:
    [gang] = run_extract("Gang members shot dead two men in Culiacan on Sunday, police said.", "2025-03-18")
    assert (gang.actor1, gang.actor2, gang.fatalities) == ("Unidentified Gang (Mexico)", "Civilians (Mexico)", 2)
    [armed] = run_extract("Armed men killed two farmers near Culiacan on Sunday.", "2025-03-18")
    assert armed.actor1 == "Unidentified Armed Group (Mexico)"


def test_a_coalition_a_state_led_struck_as_that_state() -> None:
    [report] = run_extract("Saudi-led coalition air raids targeted a village in Sadah governorate on Monday, residents said.", "2025-03-18")
    assert (report.sub_event_type, report.actor1, report.assoc_actor_1, report.country) == ("Air/drone strike", "Military Forces of Saudi Arabia", [], "Yemen")


def test_an_alliance_whose_members_are_listed_acts_as_one() -> None:
    text = ("The Northern Alliance, made up of the Kachin Independence Army (KIA), the Arakan Army (AA) and the Shan "
            "State Army (SSA), seized the town of Laukkai in Shan State on Friday.")
    [report] = run_extract(text, "2023-11-04")
    assert (report.actor1, report.assoc_actor_1) == ("Northern Alliance", [])


def test_members_of_a_security_force_are_that_force() -> None:
    text = "Gunmen ambushed a convoy near Damaturu on Friday and killed 14 Nigerian security force members, police said."
    [report] = run_extract(text, "2023-11-04")
    assert (report.actor2, report.fatalities) == ("Military Forces of Nigeria", 14)


def test_the_killings_told_again_give_the_village_they_happened_in() -> None:
    text = ("Attackers armed with knives killed nine farmers on Monday near Butembo in eastern Congo, officials said.\n\n"
            "The killings took place in the village of Kabingo, some 40 km north of Butembo, a local official said.")
    [report] = run_extract(text, "2019-03-04")
    assert (report.location, report.admin1, report.fatalities) == ("Kabingo", "Nord-Kivu", 9)


def test_crimes_a_group_is_accused_of_are_no_event() -> None:
    text = ("Gunmen killed 12 villagers near Oicha on Monday, officials said.\n\n"
            "The militia stands accused of widespread abuses such as torture and rape.")
    assert [r.sub_event_type for r in run_extract(text, "2019-03-04")] == ["Attack"]


def test_the_group_that_says_it_took_a_town_did_not_lose_it() -> None:
    text = ("ADF rebels in the east of Congo have seized the small border town of Kasindi, the rebel group and local aid "
            "workers said on Friday, sending 5,000 people fleeing.")
    [report] = run_extract(text, "2022-06-13")
    assert (report.actor1, report.actor2) == ("ADF: Allied Democratic Forces", "Military Forces of the Democratic Republic of Congo")


def test_a_town_and_country_dateline_in_title_case_is_no_actor() -> None:
    text = ("Herat, Afghanistan: The Taliban attacked a police post in Badghis province on Tuesday, killing four officers, "
            "police and the group said.")
    [report] = run_extract(text, "2019-12-24")
    assert (report.actor1, report.assoc_actor_1, report.fatalities) == ("Taliban", [], 4)


def test_ground_handed_over_went_to_the_group_its_sentence_names() -> None:
    text = ("The army's 88th Infantry Battalion, based near Hpakant in Kachin State, capitulated on Friday after a week of "
            "fighting, a KIA spokesman told reporters on Sunday.")
    [report] = run_extract(text, "2024-03-10")
    assert (report.sub_event_type, report.actor1, report.actor2) == (
        "Non-violent transfer of territory", "KIA: Kachin Independence Army", "Military Forces of Myanmar")


def test_a_states_strike_on_no_one_named_hit_the_group_the_story_is_about() -> None:
    text = ("Houthi rebels fired two missiles at a tanker off the coast of Mokha on Monday, killing one sailor, the US military said.\n\n"
            "Hours later, US warplanes struck a radar site near the port of Salif, the military said.")
    strike = next(r for r in run_extract(text, "2024-03-05") if r.sub_event_type == "Air/drone strike")
    assert (strike.actor1, strike.actor2) == ("Military Forces of the United States", "Ansar Allah")


def test_unnamed_gunmen_of_the_lead_are_the_one_group_the_story_names() -> None:
    text = ("Gunmen stormed a hotel in Kismayo on Friday, killing nine people, police said.\n\n"
            "Lawmakers and businessmen from the capital often stay at the hotel.\n\n"
            "Kismayo has been relatively calm in recent months, and many families had returned.\n\n"
            "Residents said members of al-Shabaab had been seen near the hotel hours earlier.")
    [report] = run_extract(text, "2024-03-09")
    assert (report.actor1, report.actor2) == ("Al Shabaab", "Civilians (Somalia)")


def test_people_killed_at_a_riot_faced_the_police_the_text_implies() -> None:
    text = ("Young protesters hurled stones and burned tyres in Thies on Saturday during a demonstration against the postponed "
            "vote, and a 20-year-old student died of his wounds, hospital sources said.")
    [report] = run_extract(text, "2024-02-11")
    assert (report.sub_event_type, report.actor1, report.actor2, report.fatalities) == (
        "Violent demonstration", "Rioters (Senegal)", "Police Forces of Senegal", 1)


def test_a_strike_in_coordination_with_a_partner_has_it_as_associate() -> None:
    text = "US forces carried out an airstrike near Jamaame on Tuesday in coordination with the Somali army, killing five al-Shabaab fighters."
    [report] = run_extract(text, "2024-03-06")
    assert (report.actor1, report.assoc_actor_1, report.actor2) == ("Military Forces of the United States", ["Military Forces of Somalia"], "Al Shabaab")
    text = ("American drones hit a militant camp near Jamaame on Tuesday, killing five al-Shabaab fighters, the Pentagon said. "
            "The strike was in conjunction with the Somali government.")
    [report] = run_extract(text, "2024-03-06")
    assert report.assoc_actor_1 == ["Government of Somalia"]


def test_a_man_fatally_stabbed_is_a_death() -> None:
    [report] = run_extract("A man was fatally stabbed outside a mosque in Leeds on Friday, police said.", "2024-03-09")
    assert (report.sub_event_type, report.fatalities) == ("Attack", 1)


def test_where_the_incident_happened_is_the_events_place() -> None:
    text = ("A suicide bomber killed a soldier at an army checkpoint outside a northern Malian town on Friday.\n\n"
            "The incident happened in Gao, a garrison town on the Niger river.")
    [report] = run_extract(text, "2013-02-09")
    assert (report.sub_event_type, report.location) == ("Suicide bomb", "Gao")



def test_the_people_an_abduction_is_of_were_abducted() -> None:
    [report] = run_extract("Police confirmed the abduction of 12 farmers near Funtua in Kaduna State on Monday.", "2021-09-02")
    assert (report.actor1, report.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_a_protest_over_a_killing_targets_no_one_and_its_people_are_the_crowd() -> None:
    [report] = run_extract("Hundreds of people protested in Lahore on Friday against the killing of a young lawyer last week.", "2022-03-05")
    assert (report.sub_event_type, report.actor1, report.assoc_actor_1, report.actor2) == ("Peaceful protest", "Protesters (Pakistan)", [], None)


def test_the_act_a_strike_avenged_was_done_by_those_it_struck_to_the_avenger() -> None:
    text = ("Pakistan's air force has struck militant hideouts in Afghanistan in retaliation for an assault on an army post "
            "that killed seven soldiers on Saturday, officials said.")
    strike, cause = run_extract(text, "2024-03-18")
    assert (strike.sub_event_type, strike.actor1) == ("Air/drone strike", "Military Forces of Pakistan")
    assert (cause.actor1, cause.actor2, cause.fatalities) == ("Unidentified Armed Group (Afghanistan)", "Military Forces of Pakistan", 7)


def test_others_also_killed_add_to_the_toll_of_the_one_named_first() -> None:
    text = ("A rebel commander was killed on Friday near Nekemte in the Oromia region, the military said. The military said that "
            "more than 10 other rebel fighters were also killed in the operation.")
    [report] = run_extract(text, "2024-07-14")
    assert (report.location, report.fatalities) == ("Nekemte", 11)


def test_a_town_within_the_city_named_for_the_event_is_its_more_precise_place() -> None:
    text = ("Armed men raided a market in Lagos on Sunday, killing nine people. "
            "The raid on Surulere lasted several hours, residents said.")
    [report] = run_extract(text, "2024-11-19")
    assert (report.location, report.admin1) == ("Surulere", "Lagos")


def test_a_riot_faced_the_police_the_text_names_and_the_crowd_is_no_partner_of_its_own() -> None:
    text = ("Three demonstrators died overnight in clashes between protesters and Iraqi security forces in the centre of "
            "Basra, hospital and police sources said.\n\n"
            "The crowd had set off from the main square towards the governor's office, complaining about power cuts.\n\n"
            "According to medics, security forces tried to hold back the crowd with tear gas. Protesters hurled rocks and "
            "firebombs at the police, a police source said.")
    [report] = run_extract(text, "2020-07-28")
    assert (report.sub_event_type, report.actor1, report.assoc_actor_1, report.actor2, report.fatalities) == (
        "Violent demonstration", "Rioters (Iraq)", [], "Police Forces of Iraq", 3)


def test_rebels_seen_storming_a_ship_stormed_it_and_the_red_sea_is_yemens() -> None:
    text = "Yemeni Houthi fighters were seen storming a car carrier in the Red Sea on Sunday, according to footage the group published."
    [report] = run_extract(text, "2023-11-20")
    assert (report.actor1, report.location, report.country) == ("Ansar Allah", "Red Sea", "Yemen")


def test_a_hijacked_ship_is_an_abduction_of_its_crew() -> None:
    [report] = run_extract("Pirates hijacked a bulk carrier off the coast of Puntland in Somalia on Sunday, officials said.", "2023-11-20")
    assert report.sub_event_type == "Abduction/forced disappearance"


def test_a_sea_that_names_a_kind_of_ship_is_not_where_it_was_hit() -> None:
    text = ("Two crew members were killed when a Houthi missile hit a Red Sea bulk carrier on Wednesday, the US military said. "
            "The carrier was hit in the Gulf of Aden, about 50 miles off Aden.")
    [report] = run_extract(text, "2024-03-07")
    assert (report.location, report.fatalities) == ("Gulf of Aden", 2)


def test_violence_against_civilians_with_no_victim_named_was_done_to_civilians() -> None:
    [report] = run_extract("Gunmen stormed a wedding party near Kidal on Monday, witnesses said.", "2023-11-20")
    assert (report.sub_event_type, report.actor2) == ("Attack", "Civilians (Mali)")
    [report] = run_extract("Pirates hijacked a bulk carrier in the Gulf of Aden on Sunday, officials said.", "2023-11-20")
    assert (report.sub_event_type, report.actor2) == ("Abduction/forced disappearance", "Civilians (International)")
    [report] = run_extract("A Houthi missile hit a cargo ship in the Gulf of Aden late on Tuesday, the US military said.", "2024-03-07")
    assert report.actor2 == "Civilians (International)"  # a ship is a place of civilians, its crew


def test_arrests_and_looting_with_no_one_named_were_done_to_civilians() -> None:
    [report] = run_extract("Police carried out a wave of arrests in Karachi on Monday.", "2022-03-08")
    assert (report.sub_event_type, report.actor2) == ("Arrests", "Civilians (Pakistan)")
    [report] = run_extract("Soldiers ransacked shops in Kidal on Monday, residents said.", "2022-03-08")
    assert (report.sub_event_type, report.actor2) == ("Looting/property destruction", "Civilians (Mali)")


def test_a_person_harmed_named_by_name_is_a_civilian() -> None:
    [report] = run_extract("Karim B. was shot dead by a policeman in Marseille on Tuesday.", "2023-06-30")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Attack", "Police Forces of France", "Civilians (France)")


def test_raids_counted_by_the_dozen_are_a_tally_not_an_event() -> None:
    text = ("Syrian warplanes struck a market in Idlib on Wednesday, killing 19 people, activists said.\n\n"
            "Monitors counted at least 40 Russian raids and 30 by government jets across the province, the group said.")
    [report] = run_extract(text, "2020-01-15")
    assert (report.actor1, report.assoc_actor_1, report.fatalities) == ("Military Forces of Syria", [], 19)
    [report] = run_extract("French fighter planes dropped 20 bombs on an Islamic State depot near Raqqa on Sunday.", "2015-11-16")
    assert report.sub_event_type == "Air/drone strike"  # the weapons of one act, counted


def test_yet_another_attack_is_the_one_told() -> None:
    text = ("Gang members raided a market in Mushin, Lagos, on Tuesday, killing 12 residents, police said.\n\n"
            "Residents were enraged by yet another attack by the gangs on their streets, witnesses said.")
    [report] = run_extract(text, "2024-11-19")
    assert (report.location, report.fatalities) == ("Mushin", 12)


def test_an_event_placed_nowhere_is_in_the_town_the_story_keeps_returning_to() -> None:
    """A coder places "clashes left four dead" where every scene of the story is, though
    its own sentence names no place: at precision 2, citing the town's first mention; a
    story of two towns named as often places it nowhere."""
    story = ("Clashes between riot police and opposition supporters left four demonstrators dead on Tuesday, doctors said.\n\n"
             "Opposition leaders in Kisumu said the protests would go on until the results were annulled.\n\n"
             "Traders in Kisumu kept their shops closed for a third day.")
    reports = run_extract(story, "2025-03-12")
    assert reports and {(r.location, r.country, r.geo_precision) for r in reports} == {("Kisumu", "Kenya", 2)}
    cited = next(e for e in reports[0].evidence if e.field == "location")
    assert cited.start == story.index("Kisumu") and story[cited.start : cited.end] == "Kisumu"
    two_towns = run_extract(story.replace("Traders in Kisumu", "Traders in Nakuru"), "2025-03-12")
    assert two_towns and {r.location for r in two_towns} == {None}


def test_a_place_or_a_people_is_no_actor() -> None:
    """"The Tal Afar attack" says where, not who; "Bengali insurgents" name a people, not
    a group: both are ACLED's unidentified armed group of the country."""
    [attack] = run_extract("Iraqi officials said the Tal Afar attack had killed nine soldiers on Monday.", "2025-03-12")
    assert (attack.actor1, attack.actor2) == ("Unidentified Armed Group (Iraq)", "Military Forces of Iraq")
    [raid] = run_extract("Extremist Bengali insurgents stormed an army camp in Rathedaung on Friday, killing four soldiers, the military said.", "2025-03-12")
    assert (raid.actor1, raid.actor2, raid.location) == ("Unidentified Armed Group (Myanmar)", "Military Forces of Myanmar", "Rathedaung")


def test_the_dead_a_blast_left_and_a_toll_told_on_its_own() -> None:
    """"left at least nine people dead": the dead are the adjective's subject; a toll in
    a sentence with no act of its own ("hospital officials later put the death toll at
    12") is the latest count of the act told just before it."""
    [left] = run_extract("A car bomb in Mogadishu on Tuesday left at least nine people dead, police said.", "2025-03-12")
    assert (left.fatalities, left.fatalities_low) == (9, 9)
    story = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday, police said.\n\n"
             "Hospital officials later put the death toll at 12.\n\nThe mayor said the toll could rise.")
    [counted] = run_extract(story, "2025-03-12")
    cited = next(e for e in counted.evidence if e.field == "fatalities")
    assert counted.fatalities == 12 and story[cited.start : cited.end] == "12"


def test_people_the_text_cannot_name_who_throw_a_grenade_are_attackers() -> None:
    """"Unidentified persons threw a grenade": an unidentified armed group, and the people
    it hurt are the civilians, not the other way round."""
    [report] = run_extract("Unidentified persons threw a grenade into a tea stall in Quetta on Monday, wounding five people.", "2025-03-12")
    assert (report.sub_event_type, report.actor1, report.actor2, report.injuries) == ("Grenade", "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)", 5)


def test_armed_security_personnel_are_a_force() -> None:
    """"Armed" makes unnamed men an armed group, but not men its other words name a force."""
    [report] = run_extract("Armed security personnel fired live rounds to break up a student march in Kano on Friday, killing two.", "2025-03-12")
    assert (report.sub_event_type, report.actor1, report.actor2) == ("Excessive force against protesters", "Police Forces of Nigeria", "Protesters (Nigeria)")


def test_an_event_placed_nowhere_is_in_the_country_the_story_names_most() -> None:
    """Not the first country named ("selling the copper mines to China"), but the one the
    story keeps naming."""
    story = ("Riot police clashed with opposition supporters on Tuesday, leaving dozens injured.\n\n"
             "The protesters accuse the president of selling the copper mines to China.\n\n"
             "Zambia's government said the protests were illegal.\n\nZambia's opposition leader said the movement would go on.")
    reports = run_extract(story, "2025-03-12")
    assert reports and {r.country for r in reports} == {"Zambia"}
