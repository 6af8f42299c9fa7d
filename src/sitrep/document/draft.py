"""The record of an event as the document layer builds it: the mentions that tell it and
each field chosen across them by the quality of its evidence (a date stated for the event
over the publication day, the most specific actor, the toll told as a toll)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from spacy.tokens import Token

from sitrep.data.lexicon import Term, country_names, cues, weapon_types
from sitrep.extraction.actors import ActorRef
from sitrep.extraction.arguments import Located, MentionFacts
from sitrep.extraction.dates import DateValue
from sitrep.extraction.fillers import RoleFiller
from sitrep.folding import fold
from sitrep.nlp import doc_text

SPECIFICITY = {"named": 3, "military": 2, "police": 2, "government": 2, "armed_group": 1, "civilian": 1, "protester": 1, "rioter": 1, "other": 0}
CONTEXT_GAP = timedelta(days=7)
"""How long before the news a vague date must end to be the context's, not the news's."""


@dataclass
class Draft:
    facts: list[MentionFacts]
    event_type: str
    sub_event_type: str
    rank: int
    lead: bool
    agents: list[ActorRef] = field(default_factory=list)
    patients: list[ActorRef] = field(default_factory=list)
    associates: list[ActorRef] = field(default_factory=list)
    date: Located | None = None
    places: list[Located] = field(default_factory=list)
    victims: list[Located] = field(default_factory=list)
    injured: Located | None = None
    """The first count of the hurt told of the event ("wounding 14 others")."""
    weapons: list[Term] = field(default_factory=list)
    targets: list[RoleFiller] = field(default_factory=list)
    quantities: dict[str, Located] = field(default_factory=dict)
    claims: list[Located] = field(default_factory=list)
    certainty: str | None = None
    operation: Located | None = None
    default_date: DateValue | None = None
    stated: Located | None = None
    """The first statement's date among its mentions' sentences (MentionFacts.stated)."""
    touched: int = 0
    links: list[tuple[str, Draft]] = field(default_factory=list)
    listed: list[Located] = field(default_factory=list)
    """Places named side by side where the event's first sentence tells it ("clashes in
    Kadugli and Dilling"): resolve makes an event of each (ACLED: one event a place)."""
    tolls: dict[int, Located] = field(default_factory=dict)
    """The toll told for each listed place, by the place's start ("one killed in X, two in Y")."""
    recounted: bool = False
    """Told as no event of its own (a tally of many, a scene described in the present):
    the story's background, whatever its date."""
    toll_side: frozenset[str] = frozenset()
    """Who the first toll counts: the kinds of the people it killed (ACLED sums the sides)."""
    earlier_toll: Located | None = None
    """The toll told before an update ("at first 12 ... the toll rose to 47"): the low bound."""
    other_side_toll: Located | None = None
    """Dead told apart, besides the first toll ("Five assailants also died", "10 other
    fighters were also killed"): added to the toll."""

    @property
    def dated_by(self) -> Located | None:
        """The date phrase the event is dated by: its own, else the statement's."""
        return self.date or self.stated

    @property
    def when(self) -> DateValue | None:
        return self.dated_by.value if self.dated_by is not None else self.default_date  # type: ignore[return-value]

    @property
    def actor1(self) -> ActorRef | None:
        return self.agents[0] if self.agents else None


def absorb(draft: Draft, fact: MentionFacts) -> None:
    """Add what a mention says to a draft; the first value read for a field stays."""
    draft.facts.append(fact)
    fact.agents.sort(key=lambda a: -SPECIFICITY[a.kind])
    if draft.agents and fact.agents and _more_specific(fact.agents[0], draft.agents[0]):
        draft.agents[0] = fact.agents[0]
    known = {a.name or a.kind for a in (*draft.agents, *draft.associates)}
    for agent in fact.agents:
        if agent.name is None and draft.agents:
            continue
        if (agent.name or agent.kind) not in known:
            (draft.associates if draft.agents else draft.agents).append(agent)
            known.add(agent.name or agent.kind)
    draft.associates += [a for a in fact.associates if a.name not in {x.name for x in (*draft.agents, *draft.associates)}]
    draft.patients += [p for p in fact.patients if p.name is None or p.name not in {x.name for x in draft.patients}]
    if fact.date is not None and draft.date is None and not _context_date(draft, fact):
        draft.date = fact.date
    draft.stated = draft.stated or fact.stated
    draft.places += fact.places
    if fact.injured is not None and draft.injured is None:
        draft.injured = Located(fact.injured, fact.injured.start, fact.injured.end, doc_text(fact.mention.sentence.doc)[fact.injured.start : fact.injured.end])
    if fact.victims is not None:
        text = doc_text(fact.mention.sentence.doc)[fact.victims.start : fact.victims.end]
        toll = Located(fact.victims, fact.victims.start, fact.victims.end, text)
        side = _side(fact)
        if draft.victims and not fact.updated and draft.other_side_toll is None and _besides_the_first(draft.toll_side, side, text, fact):
            draft.other_side_toll = toll
        else:
            if fact.updated and draft.victims and draft.earlier_toll is None:
                draft.earlier_toll = draft.victims[0]
            draft.victims.insert(0 if fact.updated else len(draft.victims), toll)  # a toll's update is the latest official figure
            draft.toll_side = side if len(draft.victims) == 1 or fact.updated else draft.toll_side
    draft.weapons += [w for w in fact.weapons if w.value not in {x.value for x in draft.weapons}]
    for key, value in fact.quantities.items():
        draft.quantities.setdefault(key, value)
    if fact.speaker is not None and fact.speaker.value not in {c.value for c in draft.claims}:
        draft.claims.append(fact.speaker)
    draft.certainty = draft.certainty or fact.certainty
    draft.operation = draft.operation or fact.operation


def _side(fact: MentionFacts) -> frozenset[str]:
    """Whether a toll counts armed men or those they attacked."""
    kinds = {p.kind for p in fact.patients} - {"other"}
    return frozenset({"attackers"} if kinds == {"armed_group"} else {"attacked"} if kinds and "armed_group" not in kinds else set())


def _besides_the_first(first: frozenset[str], side: frozenset[str], toll: str, fact: MentionFacts) -> bool:
    """Dead told as more ("also") count besides the first toll, not instead of it: the other
    side's ("Two gendarmes were killed ... Five assailants also died"), or others besides
    those counted, on either side ("a commander was killed ... 10 other fighters were also
    killed")."""
    if not any(t.lower_ in cues("one_more") for t in fact.mention.sentence):
        return False
    other_side = bool(first) and bool(side) and first != side
    return other_side or re.search(r"\bothers?\b", toll, re.IGNORECASE) is not None


def _context_date(draft: Draft, fact: MentionFacts) -> bool:
    """A vague date well before the news, read in a later sentence of a lead event that
    told of something done ("A rocket attack on a market killed four people ... the
    deadliest attack since rebels began shelling the town in March"), dates the campaign
    the article recalls, not the news: the news keeps its own day. ("Armies are fighting
    insurgents ... since 2012" tells of nothing done: the date is the story's.) So does any
    date given to the campaign the news is part of ("the army launched the offensive on 3 May")."""
    news = draft.default_date
    date = fact.date.value if fact.date is not None else None
    campaign = fact.mention.role == "anaphor" and fact.mention.head.token.lemma_.lower() in cues("campaign")
    exact = isinstance(date, DateValue) and date.precision == "day" and not campaign
    if not draft.lead or news is None or not isinstance(date, DateValue) or exact or not draft.facts[:-1]:
        return False
    gap = timedelta(0) if campaign else CONTEXT_GAP
    return date.end < news.start - gap and _tells_something_done(draft.facts[0])


def _tells_something_done(fact: MentionFacts) -> bool:
    """A count of victims, or an event word in the past ("killed", "was hit", "an attack that left")."""
    return fact.victims is not None or any(h.token.tag_ in ("VBD", "VBN") or h.token.head.tag_ in ("VBD", "VBN") for h in fact.mention.hits)


def _more_specific(new: ActorRef, old: ActorRef) -> bool:
    """A named actor over a kind; "US drone" over "an MQ-9 drone" (the same kind, with a country)."""
    if SPECIFICITY[new.kind] != SPECIFICITY[old.kind]:
        return SPECIFICITY[new.kind] > SPECIFICITY[old.kind]
    return new.kind == old.kind and old.name is None and old.country is None and (new.name is not None or new.country is not None)


def telling(draft: Draft) -> list[MentionFacts]:
    return [f for f in draft.facts if f.mention.role != "anaphor" or weapon_act(f)] or draft.facts


def weapon_act(fact: MentionFacts) -> bool:
    """"A rocket hit a tower block", "hit the camp with mortar fire": a verb that alone
    only refers back tells an event when a munition that decides the type does it."""
    head = fact.mention.head.token
    return head.pos_ == "VERB" and any(w.value in weapon_types() for w in fact.weapons)


def place_key(place: Located) -> str | None:
    """Town names compare by their text; a country is too broad to identify an event."""
    if not isinstance(place.value, str) or fold(place.value) in country_names():
        return None
    return place.value.lower()


def overlap(a: object, b: object) -> bool:
    assert isinstance(a, DateValue) and isinstance(b, DateValue)
    return a.start <= b.end and b.start <= a.end


def marked(fact: MentionFacts, markers: frozenset[str], told: list[Token]) -> bool:
    """A word of `markers` modifies one of the `told` words or opens the mention's sentence."""
    modifiers = [c for t in told for c in t.children if c.dep_ in ("amod", "det", "advmod")]
    openers = [t for t in fact.mention.sentence if t.dep_ == "advmod" and t.head.dep_ == "ROOT"]
    return any(t.lemma_.lower() in markers or t.lower_ in markers for t in (*modifiers, *openers))
