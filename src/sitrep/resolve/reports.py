"""Drafts → EventReports: places geocoded, actors named canonically, dates made absolute,
background told from news, and every field tied to its evidence."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from functools import partial
from itertools import pairwise

from sitrep.clean.dateline import wire_dateline
from sitrep.data.lexicon import actor_matcher, country_matcher, cues
from sitrep.document import Draft
from sitrep.document.kinds import (
    EXCESSIVE_FORCE,
    NON_STATE_INTERS,
    STATE_FORCES_AT_HOME,
    TERRITORY_TAKEN,
)
from sitrep.extraction.actors import CROWD_EVENTS, KIND_NAMES, ActorRef, named_in
from sitrep.extraction.arguments import HANDOVER, CapitalOf, Located, place_candidates
from sitrep.extraction.numbers import Count
from sitrep.geo import kilometres
from sitrep.guard import guarded
from sitrep.records import Article, EventReport, Evidence, Relation
from sitrep.resolve.gazetteer import fold, gazetteer, strip_region_word
from sitrep.resolve.places import (
    DISTRICT_KINDS,
    Place,
    PlaceContext,
    article_context,
    building_town,
    capital_of,
    country_place,
    iso3,
    resolve_phrase,
    resolve_place,
)
from sitrep.resolve.villages import namesake_abroad, village_near

BACKGROUND_AGE = timedelta(days=365)
NEAR = re.compile(r"\b(near|outside|outskirts|north|south|east|west|around|close to)\b(?!.*\b(in|at)\b)")
ASIDE_LENGTH = 80
ASIDES = 3
AFTER_PLACE = re.compile(r"(?:\s+[a-z-]+)?\s*\([^()]{1,80}\)|,\s*[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)*(?=[,.;:)]|\s[a-z]|\s-\s)")
INHERITING_TYPES = {"Explosions/Remote violence", "Battles"}
INTERNATIONAL = "International"
"""ACLED's country name for actors of no one state."""
REGIONAL_KINDS = ("admin2", "district", "sea")
"""Places wider than a town: an event there is coded near its point (precision 2)."""
STATE_KINDS = ("military", "police", "government")
ARMED_ACTS = ("Battles", "Violence against civilians", "Explosions/Remote violence")
"""Acts some armed actor did: where the text names none, ACLED's "Unidentified Armed Group
(Country)" did it, cited by the word that tells the act. Air strikes are a state's."""
AIR_STRIKE = "Air/drone strike"
UNKNOWN_GROUP_INTER = 3
DONE_TO_CIVILIANS = ("Looting/property destruction", "Mob violence", "Arrests")
"""Besides violence against civilians, acts ACLED codes as done to civilians where the text
names no one they were done to (nine in ten of them in ACLED's data)."""
RIOT = "Violent demonstration"
SUBURB_KM = 10
"""How near a city's point a smaller town the text names must be to be a part of the city."""
STORY_TOWN_MENTIONS = 2
"""How often a story must name a town for it to be the story's town (`_story_town`)."""
FACED_CROWDS = ("Protest with intervention", RIOT)
"""Crowd events where the police or soldiers who faced the crowd are actor 2."""


def resolve_drafts(article: Article, drafts: list[Draft]) -> list[EventReport]:
    named = [hit.value for hit in country_matcher().find(article.text)] + _dateline_country(article.text)
    context = article_context(named, _place_phrases(article.text, drafts))
    drafts = [part for draft in drafts for part in _one_a_place(draft, article.text, context)]
    places = {id(d): _geocode(d, article.text, context) for d in drafts}
    dominant = Counter(p.iso2 for d in drafts for p, _ in places[id(d)]) or Counter(named) or Counter(context.countries[:1])
    fallback_country = dominant.most_common(1)[0][0] if dominant else _country_of_names(drafts, context)  # of ties, the first named
    story_town = _story_town(drafts, context) if any(not places[id(d)] for d in drafts) else None  # read only for an event placed nowhere
    ids = {id(d): f"{article.id}#{n}" for n, d in enumerate(drafts, 1)}
    reports = []
    for draft in drafts:
        _retaliated(draft)
    for draft in drafts:
        _same_foe(draft, drafts)
        _story_foe(draft, drafts)
    for index, draft in enumerate(drafts):
        _inherit_actors(draft, drafts[:index])
        report = guarded("report", partial(_report, article, draft, ids[id(draft)], places[id(draft)], fallback_country, context, story_town), None)
        if report is not None:
            report.related = [Relation(kind, ids[id(other)]) for kind, other in draft.links if id(other) in ids]
            reports.append(report)
    return reports


def _dateline_country(text: str) -> list[str]:
    """The country a wire dateline's town is in, after those the text names: it bounds
    where the story's places are."""
    dateline = wire_dateline(text)
    town = guarded("place", partial(resolve_place, dateline[0]), None) if dateline else None
    return [town.iso2] if town is not None else []


def _one_a_place(draft: Draft, text: str, context: PlaceContext) -> list[Draft]:
    """An act at places named side by side is an event at each, when none of them is a
    region ("in Srinagar, Jammu and Kashmir" names one town and its region). A name the
    gazetteer does not know is taken for the village it most often is. Each takes the toll
    told for it ("one killed in X, two in Y"); where none is told place by place, the toll
    stays with the first place. A region in the list says where the towns lie: "in Kadugli
    and Dilling areas of South Kordofan State" is two events, one in each town."""
    regions = [(a.start, b.end) for a, b, name in _names_joined(draft.listed, text) if _is_region(name, context)]
    towns = [p for p in draft.listed if not any(start <= p.start and p.end <= end for start, end in regions)]
    if len(towns) < 2 or _region_after_town(draft.listed, context):
        return [draft]
    names = {fold(town.text) for town in towns}
    others = [p for p in draft.places if all(p.start != q.start for q in towns) and fold(p.text) not in names]  # nor the list told again
    parts = []
    for index, place in enumerate(towns):
        part = replace(draft, places=[place, *others], listed=[place], agents=list(draft.agents), patients=list(draft.patients), associates=list(draft.associates))
        if place.start in draft.tolls:
            part.victims = [draft.tolls[place.start]]
        elif index or draft.tolls:
            part.victims = []
        parts.append(part)
    return parts


def _names_joined(listed: list[Located], text: str) -> list[tuple[Located, Located, str]]:
    """Each listed name, and each two joined by "and" ("Jammu and Kashmir"), with the
    listed names it spans."""
    joined = [(a, b, text[a.start : b.end]) for a, b in pairwise(listed) if text[a.end : b.start].strip() == "and"]
    return [(located, located, located.text) for located in listed] + joined


def _region_after_town(listed: list[Located], context: PlaceContext) -> bool:
    """"near Tierra Blanca, Veracruz": a name after a town that is the town's region (here also
    a city's name) says where the town lies; it is no second place."""
    for town, after in pairwise(listed):
        resolved = guarded("place", partial(resolve_phrase, town.text, context), None)
        region = resolved[2].admin1 if resolved is not None else None
        if region is not None and fold(region) != fold(town.text) and fold(region) == fold(strip_region_word(after.text)[0]):
            return True
    return False


def _is_region(name: str, context: PlaceContext) -> bool:
    """A region or a country known by that very name, with or without its region word
    ("Benue State"), not a namesake found by spelling."""
    resolved = guarded("place", partial(resolve_phrase, name, context), None)
    return resolved is not None and not resolved[2].is_settlement and fold(resolved[2].name) in (fold(name), fold(strip_region_word(name)[0]))


def _place_phrases(text: str, drafts: list[Draft]) -> list[str]:
    return [_with_aside(text, located).text for draft in drafts for located in draft.places if not isinstance(located.value, CapitalOf)]


def _with_aside(text: str, located: Located) -> Located:
    """A place name with the region that follows it: "Santa Rita (Paraiba)", "Tijaban city
    (Kech district, Balochistan)", "Las Ordenitas, Michoacan", "Zee Hpyu Kone village, Pale
    township (Yinmarbin district, Sagaing region)"."""
    end = located.end
    if located.text.count("(") > located.text.count(")"):
        closing = text.find(")", end, end + ASIDE_LENGTH)
        end = closing + 1 if closing >= 0 else end
    for _ in range(ASIDES):
        aside = AFTER_PLACE.match(text, end)
        if aside is None:
            break
        end = aside.end()
    return Located(located.value, located.start, end, text[located.start : end])


def _geocode(draft: Draft, text: str, context: PlaceContext) -> list[tuple[Place, Located]]:
    """Places of a draft, each cited by the words that name it; a name of a list stands
    alone ("Kidira, Bakel and Goudiry": Bakel is no region of Kidira). A village no
    gazetteer holds comes after them, at the point of the place named with it; a name
    listed among towns is a village's."""
    found, unknown = [], []
    for located in draft.places:
        value = located.value
        if isinstance(value, CapitalOf):
            capital = capital_of(value.iso2)
            if capital is not None:
                found.append((capital, located))
            continue
        phrase = located if any(located is item for item in draft.listed) else _with_aside(text, located)
        resolved = guarded("place", partial(resolve_phrase, phrase.text, context), None)
        if resolved is None:
            unknown.append(located)
            continue
        offset, part, place = resolved
        found.append((place, Located(place.name, located.start + offset, located.start + offset + len(part), part)))
    found = [namesake_abroad(place, where, text, found) or (place, where) for place, where in found]
    regions = [place for place, _ in found if place.kind in ("country", *DISTRICT_KINDS) and context.holds(place)]
    region = next((p for p in regions if p.kind != "country"), regions[0] if regions else None) or _story_region(context)
    listed = {(item.start, item.end) for item in draft.listed}
    villages = [village for located in unknown if (village := village_near(located, text, found, region, (located.start, located.end) in listed)) is not None]
    return found + villages


def _country_of_names(drafts: list[Draft], context: PlaceContext) -> str | None:
    """Where the text names no country and no event place, the country of a place the
    events' sentences name in another role: "a convoy of trucks heading to Menaka" was not
    attacked in Menaka, but in Mali."""
    for draft in drafts:
        for fact in draft.facts:
            for name in place_candidates(fact.mention.sentence):
                resolved = guarded("place", partial(resolve_phrase, name.text, context), None)
                if resolved is not None:
                    return resolved[2].iso2
    return None


def _unnamed_attackers(actor: ActorRef) -> bool:
    """"Unidentified persons threw a grenade": people the text cannot name who did an
    armed act are an unidentified armed group, not civilians (cue kind `unnamed_doer`)."""
    return actor.kind == "civilian" and actor.name is None and bool(set(actor.text.lower().split()) & cues("unnamed_doer"))


def _names_a_place(name: str, context: PlaceContext) -> bool:
    """A name the tagger took for an organisation or a person that is, word for word, a
    place of the article's countries (not a namesake found by spelling)."""
    resolved = guarded("place", partial(resolve_phrase, name, context), None)
    return resolved is not None and resolved[1] == name.strip() and context.holds(resolved[2]) and bool(gazetteer().lookup(name))


def _story_town(drafts: list[Draft], context: PlaceContext) -> tuple[Place, Located] | None:
    """The town a story keeps returning to, in its countries: named more often than any
    other anywhere in the text, and more than once (a town named once, for a battle there
    years ago, is no scene of the story). An event the story places nowhere happened
    there, as a coder reads it ("clashes between police and demonstrators left five dead"
    in a story whose every scene is in one city), at precision 2."""
    doc = next((fact.mention.sentence.doc for draft in drafts for fact in draft.facts), None)
    if doc is None:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, tuple[Place, Located]] = {}
    for sentence in doc.sents:
        for name in place_candidates(sentence):
            resolved = guarded("place", partial(resolve_phrase, name.text, context), None)
            if resolved is None or not resolved[2].is_settlement or resolved[2].near is not None or not context.holds(resolved[2]):
                continue
            offset, part, town = resolved
            counts[town.name] += 1
            first.setdefault(town.name, (town, Located(town.name, name.start_char + offset, name.start_char + offset + len(part), part)))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < STORY_TOWN_MENTIONS or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return first[ranked[0][0]]


def _story_region(context: PlaceContext) -> Place | None:
    """The one first-level region of its lead country a story names ("Nineveh governorate"):
    where a village it names without a place of its own lies ("raided Safsaf village")."""
    lead = context.countries[:1]
    places = {place.name: place for name in context.regions if (place := resolve_place(name, lead)) is not None and place.kind == "admin1" and place.iso2 in lead}
    return next(iter(places.values())) if len(places) == 1 else None


def _retaliated(draft: Draft) -> None:
    """"Jets struck militant hideouts in retaliation for an assault on an army post that
    killed seven soldiers": the act retaliated for was done by those the retaliation
    struck, to the retaliating state's own forces, unless the text names its sides."""
    for kind, cause in draft.links:
        if kind != "retaliation_for" or cause is draft:
            continue
        struck = [p for p in draft.patients if p.kind in ("armed_group", "named")]
        if not cause.agents and struck:
            cause.agents = [struck[0]]
        avenger = draft.agents[0].country if draft.agents and draft.agents[0].kind in ("military", "police") else None
        cause.patients = [
            replace(p, country=avenger) if avenger and p.kind in ("military", "police") and p.name is None and p.country is None else p
            for p in cause.patients
        ]


def _same_foe(draft: Draft, drafts: list[Draft]) -> None:
    """"A rebel commander was killed in X" told beside "the army killed a rebel commander in
    Y": fighting against a named side with no doer told was fought by whoever the story
    says fought that side, before or after it."""
    if draft.event_type != "Battles" or draft.agents or not draft.patients or draft.patients[0].name is None:
        return
    foe = draft.patients[0].name
    draft.agents = next(
        ([other.agents[0]] for other in drafts
         if other.event_type == "Battles" and other.agents and other.agents[0].name not in (None, foe) and other.patients and other.patients[0].name == foe),
        [],
    )


def _story_foe(draft: Draft, drafts: list[Draft]) -> None:
    """"Rebels shelled the port on Monday ... Two US air strikes later hit the airport":
    a state's strike on no one named was made on the armed group the story's lead act is
    by or against, not on unnamed men."""
    if draft.event_type != "Explosions/Remote violence" or not draft.agents or draft.agents[0].kind != "military":
        return
    if any(p.name is not None or p.kind != "armed_group" for p in draft.patients):
        return
    doers = {a.name for a in draft.agents} | {a.name for a in draft.associates}
    lead = next((other for other in drafts if other.lead), None)
    if lead is None or lead is draft:
        return
    foe = next((actor for actor in (*lead.agents[:1], *lead.patients) if actor.inter in NON_STATE_INTERS and actor.name is not None and actor.name not in doers), None)
    if foe is not None:
        draft.patients = [foe]


def _inherit_actors(draft: Draft, earlier: list[Draft]) -> None:
    """'The first strikes took place a month ago': the same campaign's actors, unless named.
    Fighting told with no side named is fought by the doer of the story's lead act ("heavy
    fighting around the city" in a story of Russian strikes), not against its victims."""
    if draft.event_type not in INHERITING_TYPES or (draft.agents and draft.patients):
        return
    for previous in reversed(earlier):
        same_kind = previous.sub_event_type == draft.sub_event_type
        if not same_kind and not (draft.event_type == "Battles" and previous.lead and previous.event_type in INHERITING_TYPES):
            continue
        own_patients = {p.name for p in draft.patients}
        if not draft.agents and previous.agents and previous.agents[0].name not in own_patients:
            draft.agents = [previous.agents[0]]
        if same_kind and not draft.patients and previous.patients:
            draft.patients = [previous.patients[0]]
        return


def _report(
    article: Article, draft: Draft, report_id: str, places: list[tuple[Place, Located]], fallback: str | None, context: PlaceContext,
    story_town: tuple[Place, Located] | None = None,
) -> EventReport:
    """The record of one event: each field from its part below, with the evidence it came
    from. An event placed nowhere is in the story's town (`_story_town`), if it has one."""
    location = _location(places, context, article.text)
    from_story = location is None and story_town is not None
    location = story_town if from_story else location
    country_iso = location[0].iso2 if location else fallback
    if location and location[0].kind == "sea":
        draft.patients = [_seafarers(p) for p in draft.patients]
    if draft.actor1 is not None and draft.event_type in ARMED_ACTS and _unnamed_attackers(draft.actor1):
        draft.agents[0] = replace(draft.actor1, inter=UNKNOWN_GROUP_INTER, kind="armed_group")
    actor1, patients = _sides(draft, country_iso)
    if actor1 is not None and actor1.kind in ("other", "named") and _names_a_place(actor1.text, context):
        actor1 = None  # "the Tal Afar attack": where, not who
    if actor1 is None or actor1.kind == "armed_group" and draft.actor1 is not None and draft.actor1.name is None:
        actor1 = _claimant(draft, country_iso) or actor1
    elif actor1.kind == "military" and draft.actor1 is not None and draft.actor1.name is None and draft.actor1.country is None:
        actor1 = _reporting_state(draft, country_iso) or actor1
    if actor1 is None and draft.event_type in ARMED_ACTS and draft.sub_event_type != AIR_STRIKE:
        actor1 = _told_by_trigger(draft, "armed_group", UNKNOWN_GROUP_INTER, country_iso)
    sub_event_type = _who_took(draft.sub_event_type, _inter(actor1, country_iso))
    if not patients and (holder := _state_opponent(draft, sub_event_type, actor1, country_iso)) is not None:
        patients = [holder]
    if not patients and (draft.event_type == "Violence against civilians" or sub_event_type in DONE_TO_CIVILIANS):
        harmed = _told_by_trigger(draft, "civilian", KIND_NAMES["civilian"][1], country_iso)
        at_sea = location is not None and location[0].kind == "sea"
        patients = [_seafarers(replace(harmed, name=None, country=None)) if at_sea else harmed]
    actor2 = patients[0] if patients else None
    associates = [a.named(country_iso) for a in draft.associates]
    claim = _claim(draft, actor1)
    when = draft.when
    victims = draft.victims[0].value if draft.victims else None
    if victims is not None and draft.other_side_toll is not None:
        victims = victims + draft.other_side_toll.value  # type: ignore[operator]
    country = _country(country_iso)
    point = location[0] if location and location[0].kind != "country" else None
    report = EventReport(
        report_id=report_id,
        article_id=article.id,
        event_type=draft.event_type,
        sub_event_type=sub_event_type,
        event_date=when.day if when else None,
        date_from=when.start if when else None,
        date_to=when.end if when else None,
        date_precision=when.precision if when else None,
        actor1=actor1.name if actor1 else None,
        actor1_type=_inter(actor1, country_iso),
        assoc_actor_1=[a.name for a in associates if a.name],
        actor2=actor2.name if actor2 else None,
        actor2_type=_inter(actor2, country_iso),
        assoc_actor_2=[p.name for p in patients[1:] if p.name],
        country=country.name if country else None,
        iso3=iso3(country_iso) if country_iso else None,
        admin1=point.admin1 if point else None,
        admin2=point.admin2 if point else None,
        admin3=point.admin3 if point else None,
        location=point.name if point else None,
        latitude=point.latitude if point else None,
        longitude=point.longitude if point else None,
        geo_precision=(2 if from_story else _precision(location, article.text)) if location else (3 if country_iso else None),
        fatalities=victims.low if isinstance(victims, Count) and victims.low is not None else (victims.value if victims else 0),
        fatalities_low=_low_bound(victims, draft.earlier_toll),
        fatalities_high=victims.high if victims else None,
        injuries=draft.injured.value.value if draft.injured else None,  # type: ignore[attr-defined]
        weapons=[w.value for w in draft.weapons],
        targets=[t.text for t in draft.targets],
        quantities={k: int(v.value) for k, v in draft.quantities.items()},  # type: ignore[call-overload]
        operation=str(draft.operation.value) if draft.operation else None,
        claimed_by=str(claim.value) if claim else None,
        certainty=_certainty(draft, actor1, claim),
        background=_is_background(draft, article),
        evidence=_evidence(article.text, draft, location, [actor1, *patients[:1]], associates, patients[1:], claim),
        confidence=_confidence(draft, location is not None),
    )
    report.notes = report.summary()
    return report


def _location(places: list[tuple[Place, Located]], context: PlaceContext, text: str) -> tuple[Place, Located] | None:
    """The event's place: the surest in the article's countries, else the surest anywhere,
    else a town, else the first; one named in brackets or inside another's name comes last.
    A village no gazetteer holds is the place where nothing surer than the region or town
    it is named with was found."""
    known = [found for found in places if found[0].near is None]
    ranked = sorted(known, key=lambda found: (_in_brackets(text, found[1].start), _within_another(text, found[1]) or _describes_a_thing(text, found[1]), not context.holds(found[0])))
    chosen = (
        _surest([found for found in ranked if context.holds(found[0])], context)
        or _surest(ranked, context)
        or next(((p, loc) for p, loc in ranked if p.is_settlement), None)
        or (ranked[0] if ranked else None)
    )
    chosen = _part_of(chosen, [found for found in ranked if not _in_brackets(text, found[1].start)]) if chosen is not None else None
    villages = [found for found in places if found[0].near is not None and context.holds(found[0])]
    return next((v for v in villages if chosen is None or chosen[0].kind in ("country", *DISTRICT_KINDS) or chosen[0].name == v[0].near), chosen)


def _part_of(chosen: tuple[Place, Located], places: list[tuple[Place, Located]]) -> tuple[Place, Located]:
    """"Gunmen raided a market in Lagos ... the raid on Surulere": a smaller town the event's
    words also name, part of the city chosen (a few kilometres from its point), is the more
    precise place ACLED codes; not one named in brackets ("(Shevchenkivskyi district of
    Kharkiv)"), an aside on where the place lies."""
    town = chosen[0]
    if not town.is_settlement or town.latitude is None or town.longitude is None:
        return chosen
    parts = [
        (place, located) for place, located in places
        if place.is_settlement and place.name != town.name and place.latitude is not None and place.longitude is not None
        and place.population < town.population and kilometres(town.latitude, town.longitude, place.latitude, place.longitude) <= SUBURB_KM
    ]
    return parts[0] if parts else chosen


def _is_background(draft: Draft, article: Article) -> bool:
    """Told as no event of its own, undated outside the lead, or over a year before the news."""
    when = draft.when
    undated_aside = when is None and not draft.lead
    too_old = when is not None and article.published is not None and when.end < article.published.date() - BACKGROUND_AGE
    return draft.recounted or undated_aside or too_old


def _evidence(
    text: str, draft: Draft, location: tuple[Place, Located] | None, sides: list[ActorRef | None],
    associates: list[ActorRef], others_acted_on: list[ActorRef], claim: Located | None,
) -> list[Evidence]:
    """Where each field was read: the event's sentences and trigger, its place, actors, date,
    toll, weapons, targets, quantities and claim."""
    evidence: list[Evidence] = []

    def cite(field: str, located: Located | ActorRef | None) -> None:
        if located is None:
            return
        item = Evidence(field, located.start, located.end, text[located.start : located.end])
        if item not in evidence:
            evidence.append(item)

    for fact in draft.facts:
        sentence = fact.mention.sentence
        told = sentence.text.rstrip()
        cite("event", Located(None, sentence.start_char, sentence.start_char + len(told), told))
    head = draft.facts[0].mention.head
    cite("event_type", Located(None, head.start.idx, head.token.idx + len(head.token), ""))
    if location is not None:
        cite("location", location[1])
        cite("country", location[1])
    for field_name, actor in zip(("actor1", "actor2"), sides):
        cite(field_name, actor)
    for actor in associates:
        cite("assoc_actor_1", actor)
    for actor in others_acted_on:
        cite("assoc_actor_2", actor)
    cite("event_date", draft.dated_by)
    cite("fatalities", draft.victims[0] if draft.victims else None)
    cite("fatalities", draft.other_side_toll)
    cite("injuries", draft.injured)
    evidence += [Evidence("weapons", w.start, w.end, w.text) for w in draft.weapons]
    evidence += [Evidence("targets", t.start, t.end, t.text) for t in draft.targets]
    for key, quantity in draft.quantities.items():
        cite(f"quantities.{key}", quantity)
    cite("claimed_by", claim)
    return evidence


def _sides(draft: Draft, country_iso: str | None) -> tuple[ActorRef | None, list[ActorRef]]:
    """Actor 1 and the actors acted on, named for the event's country. In a protest or a
    riot the crowd is actor 1, the police or soldiers who faced it actor 2, and whoever
    else acted is associated with it; force used against protesters is the force's act,
    done to the crowd (news-dev's convention); a
    suicide bomber is of an armed group, and state forces told beside him were his target."""
    actor1 = draft.actor1.named(country_iso) if draft.actor1 else None
    patients_read = [p.named(country_iso) for p in draft.patients]
    crowd_kind = CROWD_EVENTS.get(draft.event_type)
    if crowd_kind is not None:
        crowd = _told_by_trigger(draft, crowd_kind, 0, country_iso)
        draft.associates = [a for a in draft.associates if a.kind not in ("protester", "rioter")]  # the crowd itself, or the force's target
        forces = [_policing(a) for a in (*draft.agents, *draft.patients) if a.kind in ("police", "military")]
        force = next((f for f in forces if f.kind == "police"), forces[0] if forces else None)  # the police, where the text also names them, faced the crowd
        if draft.sub_event_type == EXCESSIVE_FORCE and force is not None:
            actor1, patients_read = force.named(country_iso), [crowd, *(p for p in patients_read if p.kind != "protester")]
        elif force is not None and draft.sub_event_type in FACED_CROWDS:
            named_force = force.named(country_iso)
            patients_read = [named_force, *(p for p in patients_read if p.name != named_force.name and p.kind not in ("protester", "civilian"))]
            actor1 = crowd
        else:
            if actor1 is not None and actor1.kind not in ("protester", "rioter", "civilian"):
                draft.associates.insert(0, draft.actor1)  # type: ignore[arg-type]  # "hundreds of people" who protest are the crowd itself
            actor1 = crowd
            if draft.event_type == "Protests":
                patients_read = [p for p in patients_read if p.kind != "civilian"]  # "a protest over the killing of a student": its cause, not its target
            if draft.sub_event_type == RIOT and (draft.victims or draft.injured) and all(p.kind in ("civilian", "protester", "rioter") for p in patients_read):
                patients_read = [_told_by_trigger(draft, "police", STATE_FORCES_AT_HOME, country_iso)]  # people killed or hurt at a riot faced the police the text implies
    if draft.sub_event_type == "Suicide bomb" and actor1 is not None and actor1.kind in STATE_KINDS:
        struck = [p for p in patients_read if p.kind in STATE_KINDS]  # "blew himself up at a military checkpoint"
        patients_read = [*struck, actor1, *(p for p in patients_read if p not in struck)]  # the bomber is of an armed group; the forces were the target
        actor1 = _told_by_trigger(draft, "armed_group", 3, country_iso)
    taken = {actor1.name if actor1 else None}
    place_names = {located.text for located in draft.places}
    patients = []
    for patient in patients_read:
        if patient.kind == "other" and patient.text in place_names:
            continue
        patient = _as_civilians(patient, country_iso) if draft.event_type == "Violence against civilians" else patient
        if patient.name not in taken:
            patients.append(patient)
            taken.add(patient.name)
    return actor1, patients


def _as_civilians(patient: ActorRef, country_iso: str | None) -> ActorRef:
    """A person named by name whom violence against civilians harmed ("Karim B. was shot
    dead by a policeman") is, as ACLED codes them, civilians: the name stays in the
    evidence. (A man named as killed by an air strike may be the militant it hunted.)"""
    if patient.kind != "other":
        return patient
    return ActorRef(None, KIND_NAMES["civilian"][1], "civilian", None, patient.start, patient.end, patient.text).named(country_iso)


def _policing(force: ActorRef) -> ActorRef:
    """"Security forces" facing a crowd police it: ACLED codes them Police Forces of X at a
    demonstration, Military Forces of X in a battle."""
    if force.kind != "military" or "security" not in force.text.lower().split():
        return force
    return replace(force, name=None, kind="police", inter=KIND_NAMES["police"][1])


def _seafarers(patient: ActorRef) -> ActorRef:
    """Civilians hit at sea, a ship's crew, are of no one state: ACLED codes them
    "Civilians (International)", not by the coast the sea is coded to."""
    if patient.kind != "civilian" or patient.name is not None or patient.country is not None:
        return patient
    return replace(patient, name=KIND_NAMES["civilian"][0].format(name=INTERNATIONAL))


def _state_opponent(draft: Draft, sub_event_type: str, taker: ActorRef | None, country_iso: str | None) -> ActorRef | None:
    """Ground an armed group takes, or that is handed over, was held by the state's forces
    where the text names no holder; a battle an armed group or a foreign army fought in a
    country, against no side named, was fought against that country's forces ("Russian
    troops fought their way into the town"). ACLED codes them actor 2; cited by the word
    that tells the event."""
    fought = sub_event_type == "Armed clash" and taker is not None
    if sub_event_type not in (TERRITORY_TAKEN[1], HANDOVER) and not fought or country_iso is None:
        return None
    holder = _told_by_trigger(draft, "military", STATE_FORCES_AT_HOME, country_iso)
    return None if taker is not None and taker.name == holder.name else holder


def _told_by_trigger(draft: Draft, kind: str, inter: int, country_iso: str | None) -> ActorRef:
    """An actor the event's word implies ("protesters" of a protest, the bomber of a suicide
    bombing), named for the event's country and cited by that word."""
    head = draft.facts[0].mention.head
    return ActorRef(None, inter, kind, None, head.start.idx, head.token.idx + len(head.token), head.token.text).named(country_iso)


def _who_took(sub_event_type: str, actor1_inter: int | None) -> str:
    """Ground taken is regained when the state's own forces take it, and overtaken when a
    rebel group or a foreign state's forces do (ACLED codes both alike); with no actor
    known, the word says which ("recaptured", "captured")."""
    if sub_event_type not in TERRITORY_TAKEN or actor1_inter is None:
        return sub_event_type
    return TERRITORY_TAKEN[0] if actor1_inter == STATE_FORCES_AT_HOME else TERRITORY_TAKEN[1]


def _surest(places: list[tuple[Place, Located]], context: PlaceContext) -> tuple[Place, Located] | None:
    """A town found by its own name (or a big one, or one in a region the article names),
    else a region: in the article's countries first."""
    return next(((p, loc) for p, loc in places if p.is_settlement and context.trusts(p)), None) or next(((p, loc) for p, loc in places if p.kind == "admin1"), None)


def _precision(location: tuple[Place, Located], text: str) -> int:
    """ACLED: 1 the named town, 2 near it or part of a region (a district), 3 a province or
    the country."""
    place, located = location
    if not place.is_settlement:
        return 3
    if place.near is not None:
        return 2 if place.latitude is not None else 3
    if place.kind in REGIONAL_KINDS or _in_brackets(text, located.start):
        return 2
    before = text[max(0, located.start - 25) : located.start].lower()
    return 2 if NEAR.search(before) else 1


def _in_brackets(text: str, start: int) -> bool:
    """A place named inside brackets stands in for the one before them, too small to be
    known ("Boulwogdo (Bouroum, Namentenga)"): the event is near it, not in it."""
    opening = text.rfind("(", max(0, start - ASIDE_LENGTH), start)
    return opening >= 0 and ")" not in text[opening:start]


def _describes_a_thing(text: str, located: Located) -> bool:
    """"a Red Sea bulk carrier": a sea or region named as a modifier says what kind of thing
    was hit, where a place named on its own ("the carrier was hit in the Gulf of Aden")
    says where."""
    before = text[max(0, located.start - 4) : located.start].lower().split()
    following = text[located.end : located.end + ASIDE_LENGTH].split()
    return (
        before[-1:] in (["a"], ["an"]) and bool(following) and following[0].isalpha() and following[0].islower()
        and fold(following[0]) not in cues("region_word") | cues("settlement")
    )


def _within_another(text: str, located: Located) -> bool:
    """A building or a part of a town, in the place named next: "the Caglayan courthouse
    in Sisli" is in Sisli, not in Caglayan; "the Mount Hope neighborhood of San Diego" is
    in San Diego, not in Mount Hope, West Virginia; "the Shevchenkivskyi district of Kharkiv"
    is in Kharkiv."""
    following = text[located.end : located.end + ASIDE_LENGTH].split()
    if building_town(located.text) is not None or bool(following) and fold(following[0]) in cues("building"):
        return True
    words = [fold(word) for word in located.text.split()[-1:] + following[:2]]
    if any(word in cues("town_part") and after in ("of", "in") for word, after in pairwise(words)):
        return True
    of_a_town = following[:1] == ["of"] and not {fold(w.strip(",.;:()")) for w in following[1:4]} & cues("region_word")
    return fold(located.text.split()[-1]) in cues("district_word") and of_a_town  # "the Shevchenkivskyi district of Kharkiv", not "Achin district of Nangarhar province"


def _country(iso2: str | None) -> Place | None:
    return country_place(iso2) if iso2 else None


def _inter(actor: ActorRef | None, event_country: str | None) -> int | None:
    """State forces acting outside their own country are external forces (8)."""
    if actor is None:
        return None
    if actor.inter == 1 and actor.country and event_country and actor.country != event_country:
        return 8
    return actor.inter


def _reporting_state(draft: Draft, country_iso: str | None) -> ActorRef | None:
    """"Eight jets hit two depots, according to the Italian defence ministry": aircraft of no
    stated country, reported by a foreign state's defence body, are that state's forces, not
    those of the state where they struck."""
    for claim in draft.claims:
        countries = [hit.value for hit in country_matcher().find(claim.text)]
        words = {word.lower() for word in claim.text.split()}
        if countries and countries[0] != country_iso and words & cues("defence_body"):
            return ActorRef(None, STATE_FORCES_AT_HOME, "military", countries[0], claim.start, claim.end, claim.text).named(None)
    return None


def _low_bound(toll: Count | None, earlier: Located | None) -> int | None:
    """The least the dead may be: the toll's own bound ("at least"), or the figure told
    before the toll was updated ("had risen to 47" after "12 were killed")."""
    if toll is None:
        return None
    bounds = [b for b in (toll.low, earlier.value.value if earlier is not None else None) if b is not None]  # type: ignore[attr-defined]
    return min(bounds) if bounds else None


def _claimant(draft: Draft, country_iso: str | None) -> ActorRef | None:
    """"Al-Shabaab claimed responsibility for the attack": an armed group, or a foreign
    state's forces ("Iran's Revolutionary Guard claimed responsibility for the missile
    strike"), that speaks of an event whose doer the text leaves unnamed is its claimed
    perpetrator (ACLED codes it actor 1, the claim noted in claimed_by)."""
    return next(
        (actor for claim in draft.claims for actor in named_in(claim.text, claim.start)
         if actor.inter in NON_STATE_INTERS or actor.inter == STATE_FORCES_AT_HOME and actor.country not in (None, country_iso)),
        None,
    )


def _claim(draft: Draft, actor1: ActorRef | None) -> Located | None:
    """A perpetrator's own claim ("IS fighters said they carried out") outranks other sources."""
    own = next((c for c in draft.claims if _is_self_claim(c, actor1)), None)
    return own or (draft.claims[0] if draft.claims else None)


def _is_self_claim(claim: Located, actor1: ActorRef | None) -> bool:
    if actor1 is None or actor1.name is None:
        return False
    return actor1.name in {hit.value for hit in actor_matcher().find(str(claim.value))}


def _certainty(draft: Draft, actor1: ActorRef | None, claim: Located | None) -> str:
    if draft.certainty in ("reported", "confirmed"):
        return draft.certainty
    return "claimed" if claim is not None and _is_self_claim(claim, actor1) else "reported"


def _confidence(draft: Draft, located: bool) -> float:
    known = [draft.actor1 is not None, bool(draft.patients), draft.date is not None, located]
    return round(0.4 + 0.15 * sum(known), 2)
