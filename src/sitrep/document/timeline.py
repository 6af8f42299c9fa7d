"""News, context and background, decided per event: what a relation word ties to another
event ("in retaliation for", "a day after"), what is told later in the story without a
date (more of an event, or news of the same days), and what is no event a coder would
code (a campaign summed up, a scene retold in the present)."""
from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Token

from sitrep.data.lexicon import cues
from sitrep.document.cluster import distinct_actors, elsewhere, tells_a_new_one
from sitrep.document.draft import Draft, absorb, overlap, place_key, telling
from sitrep.document.kinds import DEMONSTRATIONS, VIOLENCE
from sitrep.extraction.actors import ActorRef
from sitrep.extraction.arguments import MentionFacts
from sitrep.extraction.dates import DateValue, shifted

TALLY_SPAN = timedelta(days=27)
"""Acts in the plural dated no closer than a month are a campaign summed up."""


def link(facts: list[MentionFacts], owner: dict[int, Draft], kept: list[Draft]) -> None:
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


def date_from_the_day_before(drafts: list[Draft]) -> None:
    """"On Friday, troops cleared two villages. The previous day, police arrested three
    bomb-makers": a date told from another event's is counted from the event told last
    before it with a day of its own, not from the day of publication."""
    ordered = sorted(drafts, key=lambda d: d.facts[0].mention.sentence.start_char)
    for index, draft in enumerate(ordered):
        shift = next((f.shift for f in draft.facts if f.shift is not None), None)
        if shift is None or draft.dated_by is not None:
            continue
        told_at = next(f for f in draft.facts if f.shift is shift).mention.sentence.start_char
        anchor = next((d.when for d in reversed(ordered[:index]) if d.dated_by is not None and d.facts[0].mention.sentence.start_char < told_at), None)
        if anchor is not None:
            draft.default_date = shift.value.after(anchor)  # type: ignore[union-attr]


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


def place_asides(drafts: list[Draft], published: DateValue | None) -> list[Draft]:
    """An event told later in a story without a date of its own either tells more of a
    dated event of its kind, where nothing (another place, another named actor) sets it
    apart ("The gunmen stormed the school at noon"), and joins it; or it is news of the
    same days ("Meanwhile, a doctor said four people were killed by shelling on the
    market"), dated the day of the story's lead event or the day before, as a coder dates
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
    if host.actor1 is not None and aside.actor1 is not None and distinct_actors(host.actor1, aside.actor1) and not _facing(host.actor1, aside.actor1):
        return False
    return not any(elsewhere(host, fact) or tells_a_new_one(fact) for fact in aside.facts)


def _facing(one: ActorRef, other: ActorRef) -> bool:
    """A crowd and the police or soldiers facing it are the two sides of one demonstration:
    "police fired on the protesters", then "protesters threw rocks at the officers"."""
    kinds = {one.kind, other.kind}
    return bool(kinds & {"protester", "rioter"}) and bool(kinds & {"police", "military"})


def _same_kind(a: Draft, b: Draft) -> bool:
    """The same event type, or both demonstrations; a bare killing told apart ("videos of
    him killing hostages") is no more of an air strike."""
    return a.event_type == b.event_type or {a.event_type, b.event_type} <= DEMONSTRATIONS


def _told_as_past(fact: MentionFacts) -> bool:
    """"had been killed", "had seized": the pluperfect tells what came before the news."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for t in fact.mention.tokens for c in (*t.children, *t.head.children))


def is_tally(draft: Draft) -> bool:
    """"coalition airstrikes in March", "drone and missile attacks on shipping":
    acts told in the plural over a month or more, at no town and with no toll, are a
    campaign summed up, not an event a coder can code (news-dev: aggregates are no event);
    so are deaths alone counted over such a span ("more than 300 people were killed by the
    militia last year")."""
    when = draft.when
    if when is None or when.end - when.start < TALLY_SPAN:
        return False
    if all(f.mention.role == "kill" for f in telling(draft)):
        return True
    if draft.victims or any(place_key(p) for p in draft.places):
        return False
    return all(h.token.tag_ in ("NNS", "NNPS") for f in telling(draft) for h in f.mention.hits if h.trigger.role == "event")


def is_described(draft: Draft) -> bool:
    """"the hero hides as enemy planes drop bombs on the village": an undated event
    first told in the present tense is a story retold (a review, an analysis), not news,
    which is told in the past; the lead, which may be a headline in the present ("Jets
    carry out raids"), only when all of it is."""
    if draft.date is not None:
        return False
    told = telling(draft) if draft.lead else telling(draft)[:1]
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


def join_restatements(drafts: list[Draft]) -> list[Draft]:
    """A later event with no doer, toll or place of its own beyond an earlier one's, on the
    same days, is the same act told again in other words ("a grenade exploded at the hotel
    gate" after "al-Shabab stormed the hotel, killing 15"): it joins the earlier one, and
    the more specific type of the two stands. "A second blast", another place or another
    doer keep it apart."""
    kept: list[Draft] = []
    for draft in drafts:
        host = next((d for d in kept if _restates_event(d, draft)), None)
        if host is None:
            kept.append(draft)
            continue
        for fact in draft.facts:
            absorb(host, fact)
        if draft.rank > host.rank:
            host.event_type, host.sub_event_type, host.rank = draft.event_type, draft.sub_event_type, draft.rank
    return kept


def _restates_event(host: Draft, draft: Draft) -> bool:
    if draft.lead or draft.recounted or draft.victims or host.when is None or draft.when is None or not overlap(host.when, draft.when):
        return False
    if not (host.event_type in VIOLENCE and draft.event_type in VIOLENCE):
        return False
    if draft.actor1 is not None and (host.actor1 is None or distinct_actors(host.actor1, draft.actor1) or draft.actor1.name != host.actor1.name):
        return False
    own = {key for place in draft.places if (key := place_key(place))}
    told = {key for place in host.places if (key := place_key(place))}
    return bool(own) and own <= told and not any(tells_a_new_one(fact) for fact in draft.facts)
