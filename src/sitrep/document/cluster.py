"""Mentions → one draft per real event in the article.

A mention joins an earlier draft when it refers back ("the aerial raid", "today's
operation", an empty "a massive attack") or shares identifying facts (the same death toll,
the same named victim, the same named perpetrator); it starts a draft of its own when its
date, actors, place or type tell a different event."""
from __future__ import annotations

import re
from itertools import groupby

from spacy.tokens import Doc

from sitrep.data.lexicon import country_matcher, cues
from sitrep.document.draft import (
    SPECIFICITY,
    Draft,
    absorb,
    marked,
    overlap,
    place_key,
    weapon_act,
)
from sitrep.document.kinds import (
    DEMONSTRATIONS,
    GENERIC_RANK,
    NON_STATE_INTERS,
    SPECIFIC_RANK,
    mention_type,
)
from sitrep.extraction.actors import ActorRef
from sitrep.extraction.arguments import Located, MentionFacts
from sitrep.extraction.dates import DateValue
from sitrep.extraction.detect import TriggerHit
from sitrep.extraction.numbers import count_of
from sitrep.folding import fold

RESTATE_DISTANCE = 2
NIGHT = re.compile(r"\b(night|overnight)\b", re.IGNORECASE)
NOT_PLACES = ("ORG", "NORP", "PERSON")
"""Entities the place finder may take for a place ("the Syrian Observatory", "Shia"), which
cannot tell one event's place from another's."""
TALLY_COUNT = 10
"""Acts counted from this many up, on no day told, are a tally, not an event."""


def cluster(facts: list[MentionFacts], lead_end: int, published: DateValue | None, headline_end: int = 0) -> tuple[list[Draft], dict[int, Draft]]:
    """The drafts, and the draft each fact joined (by the fact's id). `published` is the
    date a lead event without a date of its own is taken to have; the headline's mentions
    (before `headline_end`) come last and join the story's events, starting one only when
    the story tells none."""
    drafts: list[Draft] = []
    owner: dict[int, Draft] = {}
    in_headline = {id(f) for f in facts if f.mention.sentence.start_char < headline_end}
    ordered = _acts_before_harms([f for f in facts if id(f) not in in_headline]) + [f for f in facts if id(f) in in_headline]
    for step, fact in enumerate(ordered, 1):
        mention = fact.mention
        if mention.negated or mention.hypothetical or _counts_many(fact):
            continue
        event_type, sub_event_type, rank = mention_type(fact)
        headline = id(fact) in in_headline and bool(drafts)
        anaphoric = headline or _is_anaphoric(fact)
        target = _best_draft(drafts, fact, event_type, rank, lead_end, anaphoric)
        detail_only = headline or _names_a_kind(fact) or (mention.quoted or mention.role == "anaphor") and not (_tells_another(fact) or weapon_act(fact))
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
    return drafts, owner


def told_events(drafts: list[Draft]) -> list[Draft]:
    """The drafts that tell an event: those told clearly, and, beside one, the plausible."""
    strong = [d for d in drafts if _is_clear(d)]
    return [d for d in drafts if d in strong or strong and _is_plausible(d)]


def _counts_many(fact: MentionFacts) -> bool:
    """"monitors counted at least 40 Russian raids and 30 by government jets": acts counted by
    the dozen, on no day told, are a tally of many events, not one (news-dev: aggregates are
    no event); "12 airstrikes on Monday" is still the day's news, and "dropped 20 bombs"
    counts the weapons of one act."""
    sentence = fact.mention.sentence
    if any(e.label_ in ("DATE", "TIME") for e in sentence.ents):
        return False
    return any(
        hit.start.i == hit.token.i and hit.token.tag_ == "NNS" and (count := count_of(hit.token)) is not None and count.value >= TALLY_COUNT
        for hit in fact.mention.hits
    )


def _names_a_kind(fact: MentionFacts) -> bool:
    """"Freedom Square, which became a symbol of the protests of last year": event
    nouns in a relative clause that describes a named thing name a kind of event, and tell
    none of their own."""
    for hit in fact.mention.hits:
        clause = next((node for node in hit.token.ancestors if node.dep_ == "relcl"), None)
        if hit.token.pos_ != "NOUN" or clause is None or clause.head.pos_ != "PROPN":
            return False
    return True


def _acts_before_harms(facts: list[MentionFacts]) -> list[MentionFacts]:
    """"Three guards were killed following an attack by gunmen": a harm told without its doer
    is read after the acts of its sentence, so that it can be their toll."""
    return [f for _, told in groupby(facts, key=lambda f: f.mention.sentence_index) for f in sorted(told, key=bare_harm)]


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
    if fact.mention.quoted and draft.facts[0].mention.related:
        return False  # a quote details the news, not a cause told in passing ("after being tortured")
    if tells_a_new_one(fact) and not any(f.mention.sentence_index == fact.mention.sentence_index for f in draft.facts):
        return False
    if event_type != draft.event_type and min(rank, draft.rank) > GENERIC_RANK:
        return False
    if fact.date is not None and draft.date is not None and not overlap(fact.date.value, draft.date.value) and not (event_type == draft.event_type and _one_night(fact.date, draft.date)):
        return False
    if not anaphoric and draft.actor1 is not None and fact.agents and distinct_actors(draft.actor1, fact.agents[0]):
        return False
    return anaphoric or _harm_beside_act(draft, fact) or not elsewhere(draft, fact)


def _one_night(a: Located, b: Located) -> bool:
    """"A missile hit the block last night" and "a missile struck the block on Saturday": a
    night is of two days, the one before and the one it ends in (for acts of one kind)."""
    nights = [d for d in (a, b) if NIGHT.search(d.text)]
    if not nights:
        return False
    first, second = sorted((a.value, b.value), key=lambda v: v.start)  # type: ignore[union-attr]
    return (second.start - first.end).days <= 1  # type: ignore[union-attr]


def elsewhere(draft: Draft, fact: MentionFacts) -> bool:
    """The mention names places and none of them is one the event was told at: another
    place, another event ("Each named place is its own event", ACLED). Places of different
    levels tell nothing apart: "Achin district" may lie in "Nangarhar province"."""
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
    key = place_key(place)
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if key is None or span is None or span.root.ent_type_ in NOT_PLACES:
        return set()
    generic = cues("settlement") | cues("region_word") | cues("town_part") | cues("place_qualifier") | cues("district_word") | cues("article")
    words = {w for w in fold(key).replace("'s", " ").split() if w not in generic and len(w) > 2}
    return {w for w in words if not country_matcher().find(w)}


def distinct_actors(a: ActorRef, b: ActorRef) -> bool:
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
    if fact.date is not None and draft.when is not None and overlap(fact.date.value, draft.when):
        score += 1
    if _one_demonstration(draft, fact):
        score += 2
    same_kind = fact.mention.head.trigger.event_type == draft.event_type
    if same_kind and {place_key(p) for p in fact.places} & {place_key(p) for p in draft.places} - {None}:
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
    return bare_harm(fact) and not all(bare_harm(f) for f in beside) or all(bare_harm(f) for f in draft.facts) and fact.mention.role == "event"


def bare_harm(fact: MentionFacts) -> bool:
    """A killing or wounding with no doer as its subject ("were killed", "injured by")."""
    head = fact.mention.head
    active = any(c.dep_ == "nsubj" for t in fact.mention.tokens for c in t.children)
    return fact.mention.role == "kill" and head.trigger.rank <= GENERIC_RANK and not active


def _same_actor(mentioned: ActorRef, known: ActorRef) -> bool:
    """"Police in Mali" and, later, "officers": an unnamed actor of the same kind is the same;
    "the insurgents" and "the Taliban": unnamed armed men may be a named armed group."""
    if mentioned.name == known.name or mentioned.name is None and mentioned.kind == known.kind:
        return True
    unnamed, named = sorted((mentioned, known), key=lambda actor: actor.name is not None)
    return unnamed.name is None and unnamed.kind == "armed_group" and named.kind == "named" and named.inter in NON_STATE_INTERS


def _same_name(name: str, others: set[str]) -> bool:
    return any(name in other or other in name for other in others)


def tells_a_new_one(fact: MentionFacts) -> bool:
    """"a second strike on the camp", "In a separate attack", "Elsewhere, ...", "Meanwhile,
    ..."; not "enraged by yet another attack by the gangs", the latest of a series: the one told."""
    latest = any(t.lower_ == "another" and t.i > 0 and t.doc[t.i - 1].lower_ == "yet" for word in fact.mention.tokens for t in word.children)
    return not latest and marked(fact, cues("another_event"), fact.mention.tokens)


def _is_clear(draft: Draft) -> bool:
    """Clearly a conflict event: an armed or state actor, people harmed, or a weapon, told
    by an event word (not a back-reference such as "a raid on pensioners"); a specific
    trigger (an air raid, an IED, an ambush) with a place or a date; or a dated or located
    demonstration ("activists demonstrated in Uppsala", not "the manager protested
    the decision"). War words in sport, business or culture news have none of these."""
    telling = [f for f in draft.facts if f.mention.role != "anaphor" or weapon_act(f)]
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
