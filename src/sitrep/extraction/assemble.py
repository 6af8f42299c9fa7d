"""Mentions → one draft per real event in the article.

A mention joins an earlier draft when it refers back ("the aerial raid", "today's
operation", an empty "a massive attack") or shares identifying facts (the same death toll,
the same named victim, the same named perpetrator); it starts a draft of its own when its
date, actors or type tell a different event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby
from typing import Any

from spacy.tokens import Doc, Span, Token

from sitrep.data.lexicon import Term, country_matcher, country_names, cues, family_types, weapon_types
from sitrep.extraction import subevent
from sitrep.extraction.actors import ActorRef
from sitrep.extraction.arguments import Located, MentionFacts
from sitrep.extraction.dates import DateValue, shifted
from sitrep.extraction.detect import TriggerHit, takes_ground
from sitrep.extraction.roles import RoleFiller
from sitrep.folding import fold
from sitrep.nlp import doc_text

GENERIC_RANK = 3
RESTATE_DISTANCE = 2
REFINE_PROBABILITY = 0.6
RETYPE_PROBABILITY = 0.5
DEMONSTRATIONS = family_types("Demonstrations")
VIOLENCE = family_types("Political violence")
AIR_RANK = 7
SPECIFIC_RANK = 8
TERRITORY_TAKEN = ("Battles", "Non-state actor overtakes territory")
"""Resolve tells it from ground regained by who took it."""
ARMED_INTERS = (1, 2, 3, 4, 8)
"""ACLED's inter codes of armed forces: state forces, rebels, militias, abroad."""
CONTEXT_GAP = timedelta(days=7)
"""How long before the news a vague date must end to be the context's, not the news's."""
CONTEXT_SENTENCES = 2
TALLY_SPAN = timedelta(days=27)
"""Acts in the plural dated no closer than a month are a campaign summed up."""
NOT_PLACES = ("ORG", "NORP", "PERSON")
"""Entities the place finder may take for a place ("the Syrian Observatory", "Shia"), which
cannot tell one event's place from another's."""
LISTED_ENTITIES = ("", "GPE", "LOC", "FAC", "ORG", "PERSON")
"""What the small model tags a village it does not know: anything but a people or a number."""
SPECIFICITY = {"named": 3, "military": 2, "police": 2, "government": 2, "armed_group": 1, "civilian": 1, "protester": 1, "rioter": 1, "other": 0}


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
    Al-Dali and Al-Mazmum"): resolve makes an event of each (ACLED: one event a place)."""
    recounted: bool = False
    """Told as no event of its own (a tally of many, a scene described in the present):
    the story's background, whatever its date."""

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


def assemble(facts: list[MentionFacts], lead_end: int, published: DateValue | None, headline_end: int = 0) -> list[Draft]:
    """`published` is the date a lead event without a date of its own is taken to have; the
    headline's mentions (before `headline_end`) come last and join the story's events,
    starting one only when the story tells none."""
    drafts: list[Draft] = []
    owner: dict[int, Draft] = {}
    in_headline = {id(f) for f in facts if f.mention.sentence.start_char < headline_end}
    ordered = _acts_before_harms([f for f in facts if id(f) not in in_headline]) + [f for f in facts if id(f) in in_headline]
    for step, fact in enumerate(ordered, 1):
        mention = fact.mention
        if mention.negated or mention.hypothetical:
            continue
        event_type, sub_event_type, rank = mention_type(fact)
        headline = id(fact) in in_headline and bool(drafts)
        anaphoric = headline or _is_anaphoric(fact)
        target = _best_draft(drafts, fact, event_type, rank, lead_end, anaphoric)
        detail_only = headline or (mention.quoted or mention.role == "anaphor") and not (_tells_another(fact) or _weapon_act(fact))
        if target is None and detail_only or mention.quoted and not _has_facts(fact):
            continue
        if target is None:
            lead = mention.sentence.start_char < lead_end and not mention.related
            target = Draft([], event_type, sub_event_type, rank, lead=lead, default_date=published if lead else None)
            drafts.append(target)
        told_beside = any(f.mention.sentence_index == mention.sentence_index for f in target.facts) and mention.role == "event"
        if rank > target.rank and (not (detail_only or anaphoric) or told_beside or event_type == target.event_type):
            target.event_type, target.sub_event_type, target.rank = event_type, sub_event_type, rank
        absorb(target, fact)
        owner[id(fact)] = target
        target.touched = step
    for draft in drafts:
        _settle_type(draft, _context(draft, facts))
    strong = [d for d in drafts if _is_clear(d)]
    kept = [d for d in drafts if d in strong or strong and _is_plausible(d)]
    _link(facts, owner, kept)
    for draft in kept:
        draft.recounted = _is_tally(draft) or _is_described(draft)
    kept = _place_asides(kept, published)
    for draft in kept:
        draft.listed = _listed_places(draft, draft.facts[0].mention.sentence.doc)
    return kept


def _acts_before_harms(facts: list[MentionFacts]) -> list[MentionFacts]:
    """"Three guards were killed following an attack by gunmen": a harm told without its doer
    is read after the acts of its sentence, so that it can be their toll."""
    return [f for _, told in groupby(facts, key=lambda f: f.mention.sentence_index) for f in sorted(told, key=_bare_harm)]


def _listed_places(draft: Draft, doc: Doc) -> list[Located]:
    """A place of the sentence that first tells the event and the names joined to it by
    "and" or commas outside brackets (the place finder may miss the later ones: it takes
    them for its list's tail); not the words of an organisation's name ("Centre for Peace,
    Democracy and ...")."""
    fact = _telling(draft)[0]
    for place in fact.places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or _place_key(place) is None or _inside_a_longer_name(span):
            continue
        depth = _bracket_depth(fact.mention.sentence, place.start)
        listed = [t for t in span.root.conjuncts if t.pos_ == "PROPN" and t.ent_type_ in LISTED_ENTITIES and _bracket_depth(fact.mention.sentence, t.idx) == depth]
        names = [name for t in listed if _place_key(name := _proper_name(t)) and not _inside_a_longer_name(t.doc[t.i : t.i + 1])]
        if names:
            return sorted([place, *names], key=lambda p: p.start)
    return []


def _bracket_depth(sentence: Span, char: int) -> int:
    """How many brackets are open at a character of the sentence: "Zorblax (Marib, Marib)"
    names a town and, in brackets, where it lies, not three places."""
    before = sentence.doc.text[sentence.start_char : char]
    return before.count("(") - before.count(")")


def _inside_a_longer_name(span: Span) -> bool:
    entity = next((e for e in span.doc.ents if e.start <= span.root.i < e.end), None)
    return entity is not None and (entity.start < span.start - 1 or entity.end > span.end + 1)


def _proper_name(token: Token) -> Located:
    """The name a proper noun ends ("Al-Mazmum", "Rih Kaw Dar")."""
    first = token
    while first.i > 0 and (first.nbor(-1).pos_ == "PROPN" or first.nbor(-1).text == "-" and first.i > 1) and first.nbor(-1).head.i in (token.i, first.i):
        first = first.nbor(-1)
    text = token.doc.text[first.idx : token.idx + len(token)]
    return Located(text, first.idx, token.idx + len(token), text)


def _telling(draft: Draft) -> list[MentionFacts]:
    return [f for f in draft.facts if f.mention.role != "anaphor" or _weapon_act(f)] or draft.facts


def _is_tally(draft: Draft) -> bool:
    """"American and British airstrikes in January", "drone and missile attacks on shipping":
    acts told in the plural over a month or more, at no town and with no toll, are a
    campaign summed up, not an event a coder can code (news-dev: aggregates are no event)."""
    when = draft.when
    if when is None or when.end - when.start < TALLY_SPAN or draft.victims or any(_place_key(p) for p in draft.places):
        return False
    return all(h.token.tag_ in ("NNS", "NNPS") for f in _telling(draft) for h in f.mention.hits if h.trigger.role == "event")


def _is_described(draft: Draft) -> bool:
    """"the soldiers are sitting ducks for German planes, who drop bombs": an undated event
    first told in the present tense is a story retold (a review, an analysis), not news,
    which is told in the past; the lead, which may be a headline in the present ("Jets
    carry out raids"), only when all of it is."""
    if draft.date is not None:
        return False
    told = _telling(draft) if draft.lead else _telling(draft)[:1]
    verbs = [_tense_verb(h.token) for f in told for h in f.mention.hits]
    return bool(verbs) and all(v is not None and v.tag_ in ("VBZ", "VBP") and not _has_past_aux(v) for v in verbs)


def _tense_verb(token: Token) -> Token | None:
    """The finite verb that carries a trigger's tense: itself, or the verb it hangs from."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and node.tag_ in ("VBZ", "VBP", "VBD"):
            return node
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") for c in node.children):
            return next(c for c in node.children if c.dep_ in ("aux", "auxpass"))
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _has_past_aux(verb: Token) -> bool:
    """"has killed", "have been wounded": the present perfect tells news."""
    return verb.lemma_ == "have" or any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.head.children)


def _place_asides(drafts: list[Draft], published: DateValue | None) -> list[Draft]:
    """An event told later in a story without a date of its own either tells more of a
    dated event of its kind, where nothing (another place, another named actor) sets it
    apart ("The gunmen stormed the school at noon"), and joins it; or it is news of the
    same days ("Meanwhile, a relief committee said six people were killed by shelling on
    the camp"), dated the day of the story's lead event or the day before, as a coder dates
    it from the report. One first told in the pluperfect ("had been killed") or as another
    event's cause is the story's background or context, and stays undated."""
    news = next((d.when for d in drafts if d.lead and d.when is not None), published)
    kept: list[Draft] = []
    for draft in drafts:
        founding = draft.facts[0]
        aside = draft.when is None and not draft.lead and not (_told_as_past(founding) or founding.mention.related)
        host = next((d for d in sorted(kept, key=lambda d: not d.lead) if _tells_more_of(d, draft)), None) if aside else None
        if host is not None:
            for fact in draft.facts:
                absorb(host, fact)
            if draft.rank > host.rank:
                host.event_type, host.sub_event_type, host.rank = draft.event_type, draft.sub_event_type, draft.rank
            continue
        if aside and news is not None:
            draft.default_date = DateValue(news.end - timedelta(days=1), news.end, "range")
        kept.append(draft)
    return kept


def _tells_more_of(host: Draft, aside: Draft) -> bool:
    if host.when is None or not _same_kind(host, aside):
        return False
    if host.actor1 is not None and aside.actor1 is not None and _distinct_actors(host.actor1, aside.actor1):
        return False
    return not any(_elsewhere(host, fact) or _tells_a_new_one(fact) for fact in aside.facts)


def _tells_a_new_one(fact: MentionFacts) -> bool:
    """"a second strike on the camp", "In a separate attack", "Elsewhere, ...", "Meanwhile, ..."."""
    markers = cues("another_event")
    modifiers = [c for t in fact.mention.tokens for c in t.children if c.dep_ in ("amod", "det", "advmod")]
    openers = [t for t in fact.mention.sentence if t.dep_ == "advmod" and t.head.dep_ == "ROOT"]
    return any(t.lemma_.lower() in markers or t.lower_ in markers for t in (*modifiers, *openers))


def _same_kind(a: Draft, b: Draft) -> bool:
    """The same event type, or both demonstrations; a bare killing told apart ("videos of
    him killing hostages") is no more of an air strike."""
    return a.event_type == b.event_type or {a.event_type, b.event_type} <= DEMONSTRATIONS


def _told_as_past(fact: MentionFacts) -> bool:
    """"had been killed", "had seized": the pluperfect tells what came before the news."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for t in fact.mention.tokens for c in (*t.children, *t.head.children))


def _settle_type(draft: Draft, context: str) -> None:
    """ACLED's precedence over the whole event, then the classifier's refinement."""
    if draft.event_type == "Battles" and _unorganised_side(draft) or _crowd_violence(draft):
        draft.event_type, draft.sub_event_type = "Riots", "Mob violence"
    if draft.event_type == "Protests" and _protesters_destroy(draft):
        draft.event_type, draft.sub_event_type = "Riots", "Violent demonstration"
    if draft.rank <= GENERIC_RANK:
        draft.event_type, draft.sub_event_type = _generic_type(draft.agents, draft.patients, draft.weapons, draft)
        if draft.sub_event_type == "Air/drone strike":
            draft.rank = AIR_RANK
    _classify(draft, context)


def _link(facts: list[MentionFacts], owner: dict[int, Draft], kept: list[Draft]) -> None:
    """"X came days after Y", "X follows Y", "X in retaliation for Y": X is linked to Y."""
    for index, fact in enumerate(facts):
        word = fact.mention.relation_word
        subordinate = owner.get(id(fact))
        if word is None or subordinate not in kept:
            continue
        governor = _governing_draft(facts, index, owner, kept, subordinate)
        if governor is None:
            continue
        lemmas = {t.lemma_.lower() for t in fact.mention.sentence}
        kind = "retaliation_for" if lemmas & cues("retaliation") else "follows"
        earlier = word.lemma_.lower() not in ("before", "precede")
        if not earlier:
            governor, subordinate = subordinate, governor
        if (kind, subordinate) not in governor.links:
            governor.links.append((kind, subordinate))
        _date_by_gap(fact.mention.sentence.text, governor, subordinate, earlier)


def _date_by_gap(sentence: str, governor: Draft, subordinate: Draft, earlier: bool) -> None:
    """"The strike came a day after drones hit Belgorod": the undated event is dated from
    the other one and the gap."""
    undated, anchor = (subordinate, governor) if earlier else (governor, subordinate)
    if undated.date is None and anchor.when is not None:
        undated.default_date = shifted(sentence, anchor.when, earlier) or undated.default_date


def _governing_draft(facts: list[MentionFacts], index: int, owner: dict[int, Draft], kept: list[Draft], subordinate: Draft) -> Draft | None:
    """The event in the same sentence's main clause, else the one just told ("It follows...")."""
    fact = facts[index]
    same_sentence = [f for f in facts if f.mention.sentence.start == fact.mention.sentence.start and not f.mention.related]
    for candidate in [*same_sentence, *reversed(facts[:index])]:
        draft = owner.get(id(candidate))
        if draft is not None and draft is not subordinate and draft in kept:
            return draft
    return None


def _context(draft: Draft, facts: list[MentionFacts]) -> str:
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


def _is_clear(draft: Draft) -> bool:
    """Clearly a conflict event: an armed or state actor, people harmed, or a weapon, told
    by an event word (not a back-reference such as "a raid on pensioners"); a specific
    trigger (an air raid, an IED, an ambush) with a place or a date; or a dated or located
    demonstration ("activists demonstrated in Uppsala", not "the manager protested
    the decision"). War words in sport, business or culture news have none of these."""
    telling = [f for f in draft.facts if f.mention.role != "anaphor" or _weapon_act(f)]
    kinds = {a.kind for f in telling for a in (*f.agents, *f.patients, *f.associates)}
    if kinds - {"other"} or any(f.weapons or (f.victims and f.victims.value) for f in telling):
        return True
    harmed = {p.kind for f in telling if any(h.trigger.role == "kill" for h in f.mention.hits) for p in f.patients}
    if harmed - {"other"}:
        return True
    if draft.rank >= SPECIFIC_RANK and (draft.places or draft.date is not None):
        return True
    if draft.event_type in DEMONSTRATIONS and (draft.places or draft.date is not None):
        return not all(_objects_to(h) for f in telling for h in f.mention.hits)
    return False


def _objects_to(hit: TriggerHit) -> bool:
    """'protested the decision' objects to something; 'staged a demonstration ... to
    protest the policies' still tells of a demonstration."""
    return hit.token.pos_ == "VERB" and hit.trigger.lemmas == ("protest",) and any(c.dep_ == "dobj" for c in hit.token.children)


def _is_plausible(draft: Draft) -> bool:
    """Weaker evidence, trusted only in an article that reports a clear conflict event
    ("The first strikes took place in Syria a month ago")."""
    if draft.event_type in DEMONSTRATIONS:
        return bool(draft.places or draft.agents)
    located = bool(draft.places)
    dated = draft.date is not None
    return draft.rank > GENERIC_RANK and located or draft.rank >= SPECIFIC_RANK and dated or located and dated


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
    if fact.victims is not None:
        text = doc_text(fact.mention.sentence.doc)[fact.victims.start : fact.victims.end]
        draft.victims.append(Located(fact.victims, fact.victims.start, fact.victims.end, text))
    draft.weapons += [w for w in fact.weapons if w.value not in {x.value for x in draft.weapons}]
    for key, value in fact.quantities.items():
        draft.quantities.setdefault(key, value)
    if fact.speaker is not None and fact.speaker.value not in {c.value for c in draft.claims}:
        draft.claims.append(fact.speaker)
    draft.certainty = draft.certainty or fact.certainty
    draft.operation = draft.operation or fact.operation


def _context_date(draft: Draft, fact: MentionFacts) -> bool:
    """A vague date well before the news, read in a later sentence of a lead event that
    told of something done ("A rocket attack on a market killed four people ... the
    deadliest attack since rebels began shelling the town in March"), dates the campaign
    the article recalls, not the news: the news keeps its own day. ("Armies are fighting
    insurgents ... since 2012" tells of nothing done: the date is the story's.)"""
    news = draft.default_date
    date = fact.date.value if fact.date is not None else None
    if not draft.lead or news is None or not isinstance(date, DateValue) or date.precision == "day" or not draft.facts[:-1]:
        return False
    return date.end < news.start - CONTEXT_GAP and _tells_something_done(draft.facts[0])


def _tells_something_done(fact: MentionFacts) -> bool:
    """A count of victims, or an event word in the past ("killed", "was hit", "an attack that left")."""
    return fact.victims is not None or any(h.token.tag_ in ("VBD", "VBN") or h.token.head.tag_ in ("VBD", "VBN") for h in fact.mention.hits)


def _more_specific(new: ActorRef, old: ActorRef) -> bool:
    """A named actor over a kind; "US drone" over "an MQ-9 drone" (the same kind, with a country)."""
    if SPECIFICITY[new.kind] != SPECIFICITY[old.kind]:
        return SPECIFICITY[new.kind] > SPECIFICITY[old.kind]
    return new.kind == old.kind and old.name is None and old.country is None and (new.name is not None or new.country is not None)


def mention_type(fact: MentionFacts) -> tuple[str, str, int]:
    """ACLED type by precedence: arresting protesters is a protest with intervention; a
    specific trigger wins; a generic attack or killing is typed by who did it (aircraft: air
    strike) and to whom (civilians: violence against civilians; armed men: armed clash)."""
    head = fact.mention.head.trigger
    if head.sub_event_type == "Arrests" and any(p.kind == "protester" for p in fact.patients):
        return "Protests", "Protest with intervention", head.rank
    if _forces_harm_protesters(fact):
        return "Protests", "Excessive force against protesters", max(head.rank, SPECIFIC_RANK)
    if head.event_type in DEMONSTRATIONS and _armed_force_takes_ground(fact):
        return *TERRITORY_TAKEN, SPECIFIC_RANK
    if head.rank > GENERIC_RANK:
        return head.event_type, head.sub_event_type, head.rank
    return (*_generic_type(fact.agents, fact.patients, fact.weapons, head), head.rank)


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
    agent_words = {w.lower().rstrip("s") for a in agents for w in a.text.split()}
    if agent_words & cues("air_agent") or any(w.value in ("Hellfire missile", "drone") for w in weapons):
        return "Explosions/Remote violence", "Air/drone strike"
    decided = [weapon_types()[w.value] for w in weapons if w.value in weapon_types()]
    if decided:
        return decided[0]
    kinds = {p.kind for p in patients}
    if kinds and "civilian" not in kinds and kinds != {"other"}:
        return "Battles", "Armed clash"
    return default.event_type, default.sub_event_type


def _restates(draft: Draft, fact: MentionFacts, rank: int, lead_end: int) -> bool:
    """A generic mention with no actor of its own ("four militants were killed"), or the
    lead restating the headline, adds to an event rather than starting one."""
    nearby = fact.mention.sentence_index - max(f.mention.sentence_index for f in draft.facts) <= RESTATE_DISTANCE
    if rank <= GENERIC_RANK and nearby and not fact.mention.related and all(SPECIFICITY[a.kind] < 2 for a in fact.agents):
        return not fact.patients or not draft.patients or any(_same_side(p, q) for p in fact.patients for q in draft.patients)
    in_lead = fact.mention.sentence.start_char < lead_end
    return in_lead and draft.lead and draft.sub_event_type == fact.mention.head.trigger.sub_event_type


def _same_side(a: ActorRef, b: ActorRef) -> bool:
    """Could be the same victims: the same name, or both civilians, or both combatants."""
    if a.name is not None and a.name == b.name:
        return True
    if "other" in (a.kind, b.kind):
        return False
    return (a.kind == "civilian") == (b.kind == "civilian")


def _best_draft(drafts: list[Draft], fact: MentionFacts, event_type: str, rank: int, lead_end: int, anaphoric: bool) -> Draft | None:
    scored = []
    for draft in drafts:
        if not _compatible(draft, fact, event_type, rank, anaphoric):
            continue
        evidence = _shared_evidence(draft, fact)
        if not (anaphoric or evidence >= 2 or _restates(draft, fact, rank, lead_end)):
            continue
        same_kind = anaphoric and draft.sub_event_type == fact.mention.head.trigger.sub_event_type
        recent = draft.touched == max(d.touched for d in drafts)
        scored.append((evidence + same_kind + 0.5 * draft.lead + 0.75 * recent, draft))
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _weapon_act(fact: MentionFacts) -> bool:
    """"A rocket hit a tower block", "hit the camp with mortar fire": a verb that alone
    only refers back tells an event when a munition that decides the type does it."""
    head = fact.mention.head.token
    return head.pos_ == "VERB" and any(w.value in weapon_types() for w in fact.weapons)


def _has_facts(fact: MentionFacts) -> bool:
    """Quotes are mostly opinion; a quoted mention counts only when it states a checkable fact."""
    return bool(fact.weapons or fact.victims or fact.date or fact.places or fact.quantities)


def _is_anaphoric(fact: MentionFacts) -> bool:
    """Refers back: a definite or possessed trigger noun, a back-reference word, or no facts at all."""
    mention = fact.mention
    if _tells_another(fact):
        return False
    if mention.role == "anaphor" or mention.quoted or _known_perpetrator(fact):
        return True
    head = mention.head.token
    if head.dep_ == "attr" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
        return True
    if any(c.dep_ in ("det", "poss") and c.lower_ in cues("anaphoric") or c.dep_ == "poss" for c in head.children):
        return True
    return not (fact.agents or fact.patients or fact.date or fact.places or fact.victims)


def _known_perpetrator(fact: MentionFacts) -> bool:
    """"The gunmen fought security forces for hours": a definite, unnamed perpetrator and no
    new date or place: the attackers just told of, in the same event."""
    definite = ("the ", "these ", "those ")
    return bool(fact.agents) and fact.date is None and not fact.places and all(
        a.name is None and a.text.lower().startswith(definite) for a in fact.agents
    )


def _tells_another(fact: MentionFacts) -> bool:
    """"(The strike came) a day after Ukrainian drones hit an oil depot in Belgorod": an
    event word tied to another event, with its own actor and place, tells that event."""
    return fact.mention.related and bool(fact.agents) and bool(fact.places)


def _compatible(draft: Draft, fact: MentionFacts, event_type: str, rank: int, anaphoric: bool) -> bool:
    if _tells_a_new_one(fact) and not any(f.mention.sentence_index == fact.mention.sentence_index for f in draft.facts):
        return False
    if event_type != draft.event_type and min(rank, draft.rank) > GENERIC_RANK:
        return False
    if fact.date is not None and draft.date is not None and not _overlap(fact.date.value, draft.date.value):
        return False
    if not anaphoric and draft.actor1 is not None and fact.agents and _distinct_actors(draft.actor1, fact.agents[0]):
        return False
    return anaphoric or _harm_beside_act(draft, fact) or not _elsewhere(draft, fact)


def _elsewhere(draft: Draft, fact: MentionFacts) -> bool:
    """The mention names places and none of them is one the event was told at: another
    place, another event ("Each named place is its own event", ACLED). Places of different
    levels tell nothing apart: "Darqad district" may lie in "Takhar province"."""
    doc = fact.mention.sentence.doc
    own = [(words, _level(place)) for place in fact.places if (words := _name_words(place, doc))]
    told = [(words, _level(place)) for place in draft.places if (words := _name_words(place, doc))]
    if any(a & b for a, _ in own for b, _ in told):
        return False
    return any(level == other for _, level in own for _, other in told)


def _level(place: Located) -> str:
    """A district, a region or a town, by the word the text names it with."""
    words = set(fold(place.text).split())
    if words & cues("district_word"):
        return "district"
    return "region" if words & cues("region_word") else "town"


def _name_words(place: Located, doc: Doc) -> set[str]:
    """The words of a place's name that name it: "Aleppo city", "southern Aleppo" and
    "Syria's Aleppo" share "aleppo"; "city", "province", "southern" name nothing."""
    key = _place_key(place)
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if key is None or span is None or span.root.ent_type_ in NOT_PLACES:
        return set()
    generic = cues("settlement") | cues("region_word") | cues("town_part") | cues("place_qualifier") | cues("district_word") | cues("article")
    words = {w for w in fold(key).replace("'s", " ").split() if w not in generic and len(w) > 2}
    return {w for w in words if not country_matcher().find(w)}


def _distinct_actors(a: ActorRef, b: ActorRef) -> bool:
    """Two identified actors with different names; "insurgents" may still be JNIM."""
    identified = all(x.name is not None and SPECIFICITY[x.kind] >= 2 for x in (a, b))
    return identified and a.name != b.name


def _shared_evidence(draft: Draft, fact: MentionFacts) -> float:
    score = 0.0
    if _harm_beside_act(draft, fact):
        score += 2
    if fact.victims is not None and fact.victims.value > 1 and any(v.value.value == fact.victims.value for v in draft.victims):
        score += 3
    draft_names = {p.name for p in draft.patients if p.name and p.kind == "other"}
    if any(p.kind == "other" and p.name and _same_name(p.name, draft_names) for p in fact.patients):
        score += 3
    if draft.actor1 is not None and fact.agents and _same_actor(fact.agents[0], draft.actor1):
        score += 2
    if fact.date is not None and draft.when is not None and _overlap(fact.date.value, draft.when):
        score += 1
    if _one_demonstration(draft, fact):
        score += 2
    same_kind = fact.mention.head.trigger.event_type == draft.event_type
    if same_kind and {_place_key(p) for p in fact.places} & {_place_key(p) for p in draft.places} - {None}:
        score += 2
    return score


def _one_demonstration(draft: Draft, fact: MentionFacts) -> bool:
    """"Police fired tear gas to disperse students protesting on Wednesday": the crowd and
    what was done to it, told in one sentence, are one demonstration."""
    beside = any(f.mention.sentence_index == fact.mention.sentence_index for f in draft.facts)
    return beside and {draft.event_type, fact.mention.head.trigger.event_type} <= DEMONSTRATIONS


def _harm_beside_act(draft: Draft, fact: MentionFacts) -> bool:
    """"Six people were killed and others injured by RSF shelling on the camp": a harm told
    without its doer, in the sentence of an act, is that act's toll, however the parse ties
    the words (the small model often makes the act a conjunct of the harm)."""
    sentence = fact.mention.sentence_index
    beside = [f for f in draft.facts if f.mention.sentence_index == sentence]
    if not beside:
        return False
    return _bare_harm(fact) and not all(_bare_harm(f) for f in beside) or all(_bare_harm(f) for f in draft.facts) and fact.mention.role == "event"


def _bare_harm(fact: MentionFacts) -> bool:
    """A killing or wounding with no doer as its subject ("were killed", "injured by")."""
    head = fact.mention.head
    active = any(c.dep_ == "nsubj" for t in fact.mention.tokens for c in t.children)
    return fact.mention.role == "kill" and head.trigger.rank <= GENERIC_RANK and not active


def _place_key(place: Located) -> str | None:
    """Town names compare by their text; a country is too broad to identify an event."""
    if not isinstance(place.value, str) or fold(place.value) in country_names():
        return None
    return place.value.lower()


def _same_actor(mentioned: ActorRef, known: ActorRef) -> bool:
    """"Police in Mali" and, later, "officers": an unnamed actor of the same kind is the same."""
    return mentioned.name == known.name or (mentioned.name is None and mentioned.kind == known.kind)


def _same_name(name: str, others: set[str]) -> bool:
    return any(name in other or other in name for other in others)


def _overlap(a: object, b: object) -> bool:
    assert isinstance(a, DateValue) and isinstance(b, DateValue)
    return a.start <= b.end and b.start <= a.end
