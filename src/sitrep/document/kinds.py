"""An event's type by ACLED's precedence: each mention's own (a specific trigger wins; a
generic attack is typed by who did it, to whom and with what), then the whole event's
(armed men killed by an unorganised crowd is mob violence), then the trained model's
refinement within a family."""
from __future__ import annotations

from itertools import pairwise
from typing import Any

from sitrep.data.lexicon import Term, cues, family_types, weapon_types
from sitrep.document.draft import Draft, marked
from sitrep.extraction import subevent
from sitrep.extraction.actors import ActorRef, set_off_on_himself
from sitrep.extraction.arguments import MentionFacts
from sitrep.extraction.detect import takes_ground

GENERIC_RANK = 3
REFINE_PROBABILITY = 0.6
RETYPE_PROBABILITY = 0.5
DEMONSTRATIONS = family_types("Demonstrations")
VIOLENCE = family_types("Political violence")
AIR_RANK = 7
SPECIFIC_RANK = 8
SUICIDE_RANK = 10
EXCESSIVE_FORCE = "Excessive force against protesters"
OVERTAKEN = ("Battles", "Non-state actor overtakes territory")
"""Resolve tells it from ground regained by who took it."""
TERRITORY_TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
STATE_FORCES_AT_HOME = 1
"""ACLED's inter code of a state's forces in their own country (8: abroad)."""
NON_STATE_INTERS = (2, 3, 4)
"""ACLED's inter codes of rebels, political militias and identity militias."""
ARMED_INTERS = (1, *NON_STATE_INTERS, 8)
"""ACLED's inter codes of armed forces: state forces, rebels, militias, abroad."""
CONTEXT_SENTENCES = 2


def mention_type(fact: MentionFacts) -> tuple[str, str, int]:
    """ACLED type by precedence: arresting protesters is a protest with intervention; a
    specific trigger wins; a generic attack or killing is typed by who did it (aircraft: air
    strike) and to whom (civilians: violence against civilians; armed men: armed clash)."""
    head = fact.mention.head.trigger
    if head.sub_event_type == "Arrests" and any(p.kind == "protester" for p in fact.patients):
        return "Protests", "Protest with intervention", head.rank
    if _blew_himself_up(fact):
        return "Explosions/Remote violence", "Suicide bomb", SUICIDE_RANK
    if _forces_harm_protesters(fact):
        return "Protests", EXCESSIVE_FORCE, max(head.rank, SPECIFIC_RANK)
    if head.event_type in DEMONSTRATIONS and _armed_force_takes_ground(fact):
        return *OVERTAKEN, SPECIFIC_RANK
    if head.event_type in VIOLENCE and fact.agents and all(a.kind in ("protester", "rioter") for a in fact.agents):
        return "Riots", "Violent demonstration", head.rank  # "the protesters threw stones and petrol bombs"
    if head.rank > GENERIC_RANK:
        return head.event_type, head.sub_event_type, head.rank
    return (*_generic_type(fact.agents, fact.patients, fact.weapons, head), head.rank)


def _blew_himself_up(fact: MentionFacts) -> bool:
    """"The bomber blew himself up", "detonated his vest": an explosion a man set off on
    himself is a suicide bombing, whatever word tells it."""
    return any(
        hit.trigger.event_type == "Explosions/Remote violence" and (set_off_on_himself(hit.token) or set_off_on_himself(hit.start))
        for hit in fact.mention.hits
    )


def _armed_force_takes_ground(fact: MentionFacts) -> bool:
    """"Troops occupied the town", "the rebels marched into the city": words of protest,
    told of an armed force and of ground, tell ground taken."""
    armed = any(a.kind in ("military", "armed_group") or a.kind == "named" and a.inter in ARMED_INTERS for a in fact.agents)
    return armed and takes_ground(fact.mention.head.token)


def _forces_harm_protesters(fact: MentionFacts) -> bool:
    """Police or soldiers killing or shooting protesters is excessive force against them
    (ACLED), whatever word tells it ("police opened fire on a march, killing two protesters")."""
    harm = any(h.trigger.role == "kill" or h.trigger.event_type in VIOLENCE for h in fact.mention.hits)
    return harm and any(p.kind == "protester" for p in fact.patients) and any(a.kind in ("police", "military") for a in fact.agents)


def _generic_type(agents: list[ActorRef], patients: list[ActorRef], weapons: list[Term], default: Any) -> tuple[str, str]:
    """A generic attack or killing is typed by who did it and to whom."""
    words = [[w.lower().rstrip("s") for w in a.text.split()] for a in agents if a.kind != "armed_group"]  # a bomber who blew himself up is no aircraft
    agent_words = {w for said in words for w in said} | {f"{a} {b}" for said in words for a, b in pairwise(said)}  # "the air force"
    if agent_words & cues("air_agent") or any(w.value in ("Hellfire missile", "drone") for w in weapons):
        return "Explosions/Remote violence", "Air/drone strike"
    decided = [weapon_types()[w.value] for w in weapons if w.value in weapon_types()]
    if decided:
        return decided[0]
    kinds = {p.kind for p in patients}
    if kinds and "civilian" not in kinds and kinds != {"other"}:
        return "Battles", "Armed clash"
    return default.event_type, default.sub_event_type


def settle_type(draft: Draft, context: str) -> None:
    """ACLED's precedence over the whole event, then the classifier's refinement."""
    if draft.event_type == "Battles" and _unorganised_side(draft) or _crowd_violence(draft):
        draft.event_type, draft.sub_event_type = "Riots", "Mob violence"
    if draft.event_type == "Protests" and _protesters_destroy(draft):
        draft.event_type, draft.sub_event_type = "Riots", "Violent demonstration"
    if draft.sub_event_type == "Abduction/forced disappearance" and _deaths(draft):
        draft.sub_event_type = "Attack"  # ACLED: people killed in a raid that also took some away were attacked
    if draft.event_type == "Protests" and draft.sub_event_type != EXCESSIVE_FORCE and _deaths(draft):
        forces = any(a.kind in ("police", "military") for a in draft.agents)
        draft.event_type, draft.sub_event_type = ("Protests", EXCESSIVE_FORCE) if forces else ("Riots", "Violent demonstration")
    if draft.rank <= GENERIC_RANK:
        draft.event_type, draft.sub_event_type = _generic_type(draft.agents, draft.patients, draft.weapons, draft)
        if draft.sub_event_type == "Air/drone strike":
            draft.rank = AIR_RANK
    _classify(draft, context)


def context_of(draft: Draft, facts: list[MentionFacts]) -> str:
    """The draft's sentences and the event-less sentences that follow them ("Police
    intervened and dispersed them."): what a coder reads to type the event."""
    sentences = list(draft.facts[0].mention.sentence.doc.sents)
    mentioned = {f.mention.sentence_index for f in facts}
    own = {f.mention.sentence_index for f in draft.facts}
    chosen = set(own)
    for index in own:
        following = index + 1
        while following < len(sentences) and following not in mentioned and following - index <= CONTEXT_SENTENCES:
            chosen.add(following)
            following += 1
    return " ".join(sentences[i].text.strip() for i in sorted(chosen))


def _unorganised_side(draft: Draft) -> bool:
    """ACLED: a battle is fought between organised armed groups; rioters or civilians
    fighting make it mob violence."""
    unorganised = ("rioter", "civilian", "protester")
    return any(side and all(a.kind in unorganised for a in side) for side in (draft.agents, draft.patients))


def rioted(draft: Draft) -> None:
    """ACLED: force used on peaceful protesters is excessive force; protesters who threw
    rocks or set up barricades were rioting, whoever died ("clashes" alone leave it open). Read
    once the story's other sentences are linked to the event ("Later, young men hurled
    rocks at the officers")."""
    if draft.sub_event_type == EXCESSIVE_FORCE and _crowd_fought(draft):
        draft.event_type, draft.sub_event_type = "Riots", "Violent demonstration"


def _crowd_fought(draft: Draft) -> bool:
    return any(hit.trigger.event_type == "Riots" for fact in draft.facts for hit in fact.mention.hits)


def _deaths(draft: Draft) -> bool:
    """"A student was killed as protests spread": a demonstration where people died was no
    peaceful one: force used on it if its police or soldiers acted, else a violent one."""
    toll = draft.victims[0].value if draft.victims else None
    return toll is not None and (toll.low or toll.value or 0) > 0


def _protesters_destroy(draft: Draft) -> bool:
    """ACLED: demonstrators who burn, loot or vandalise make a violent demonstration."""
    return any(h.trigger.sub_event_type == "Looting/property destruction" for f in draft.facts for h in f.mention.hits)


def _crowd_violence(draft: Draft) -> bool:
    """ACLED: an attack by a crowd ("a group of locals killed a suspected thief") is mob violence."""
    if draft.sub_event_type != "Attack" or not draft.agents:
        return False
    crowd = cues("crowd")
    return all(a.kind in ("civilian", "rioter", "protester") and set(a.text.lower().split()) & {*crowd, *(w + "s" for w in crowd)} for a in draft.agents)


def _classify(draft: Draft, text: str) -> None:
    """The trained model may refine a draft's type within its family (a protest the police
    broke up, a riot) unless a specific rule typed it (forces firing on protesters), or
    retype a generic act of violence as another kind of violence; it never overrides a
    specific trigger's family, nor makes a protest of a generic "attack"."""
    prediction = subevent.predict(text)
    if prediction is None:
        return
    event_type, sub_event_type, probability = prediction
    same_family = event_type == draft.event_type or {event_type, draft.event_type} <= DEMONSTRATIONS
    violent_retype = draft.rank <= GENERIC_RANK and event_type in VIOLENCE and draft.event_type in VIOLENCE and not _victims_disagree(draft, event_type)
    refine = same_family and draft.rank < SPECIFIC_RANK and probability >= REFINE_PROBABILITY
    if refine or violent_retype and probability >= RETYPE_PROBABILITY:
        draft.event_type, draft.sub_event_type = event_type, sub_event_type


def _victims_disagree(draft: Draft, event_type: str) -> bool:
    """Who was harmed decides between a battle and violence against civilians (ACLED); the
    model's guess does not overrule it."""
    kinds = {p.kind for p in draft.patients} - {"other"}
    civilian = bool(kinds) and kinds <= {"civilian", "protester"}
    armed = bool(kinds) and not kinds & {"civilian", "protester"}
    return event_type == "Battles" and civilian or event_type == "Violence against civilians" and armed


def one_more_of_the_kind(drafts: list[Draft]) -> None:
    """"Tehran also struck sites in Syria", "Elsewhere, another person was killed": a generic
    act with no weapon of its own, told as one more of the story's events, is of the kind
    of the story's lead event."""
    lead = next((d for d in drafts if d.lead and d.rank > GENERIC_RANK), None)
    if lead is None or lead.event_type not in VIOLENCE:
        return
    for draft in drafts:
        if draft is not lead and draft.rank <= GENERIC_RANK and draft.event_type in VIOLENCE and not draft.weapons and tells_one_more(draft.facts[0]):
            draft.event_type, draft.sub_event_type = lead.event_type, lead.sub_event_type


def tells_one_more(fact: MentionFacts) -> bool:
    """"Tehran also struck sites in Syria", "Elsewhere, another person was killed": one
    more event of the kind the story tells."""
    arguments = [c for t in fact.mention.tokens for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return marked(fact, cues("one_more"), [*fact.mention.tokens, *arguments])
