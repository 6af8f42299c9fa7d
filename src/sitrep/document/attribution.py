"""Who did it, when the event's own words leave the doer unnamed: the armed group the text
holds responsible in the event's sentences or the one after.

"Suspected rebels killed twelve villagers near Kasindi on Monday. Fighters of the ADF
carried out the killings, the administrator said." "A bomb tore through a market in Gamboru;
the army blamed Boko Haram." ACLED codes the group the text attributes the act to (by a
claim, an official's blame, or as the doer in the next sentence) as actor 1, where the
event's words name no other doer; a state's forces are never taken for the doer because
the event is in their country."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.data.lexicon import cues
from sitrep.document.draft import Draft
from sitrep.document.kinds import (
    NON_STATE_INTERS,
    STATE_FORCES_AT_HOME,
    TERRITORY_TAKEN,
)
from sitrep.extraction.actors import ActorRef, named_in, resolve_actor, role_of
from sitrep.extraction.arguments import HANDOVER
from sitrep.nlp import doc_text

DEFINITE = re.compile(r"\bthe\s+(?:\w+\s+)?\w+$", re.IGNORECASE)
"""A claimant named by a definite description: "the group", "the militant group"."""
ATTRIBUTED_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def attribute(events: list[Draft], doc: Doc) -> None:
    """Give each violent event the group an official blames for it ("the army blamed an
    Islamist faction"), where its own words name no doer, or only unnamed armed men or an
    aircraft of no stated country (whose state the place does not tell); else,
    for unnamed armed men, the one armed group its sentences (and the sentence after each)
    name, if they name exactly one that it was not done to, else, for the story's lead
    act, the one armed group the whole story names. An event with no doer at all
    takes no group merely named: the group beside an air strike is more often its target."""
    sentences = list(doc.sents)
    text = doc_text(doc)
    for draft in events:
        window = [sentences[i] for i in _window(draft, len(sentences))]
        if draft.sub_event_type == HANDOVER and not draft.agents:
            _the_receiver(draft, window, text)
        if draft.event_type not in ATTRIBUTED_TYPES:
            continue
        _attribute_doer(draft, window, text)
        _name_the_targets(draft, window, text)


def _the_receiver(draft: Draft, window: list[Span], text: str) -> None:
    """"The brigade based near X capitulated on Monday, a KIA spokesman said": ground handed
    over with no receiver told went to the one armed group the event's sentences name."""
    group = _the_one_group(window, text, {p.name for p in draft.patients if p.name})
    if group is not None:
        draft.agents.insert(0, group)


def _attribute_doer(draft: Draft, window: list[Span], text: str) -> None:
    doer = draft.actor1
    if not (doer is None or _unnamed(doer, ("armed_group", "military"))):
        return
    armed_men = doer is not None and doer.kind == "armed_group"
    acted_on = {p.name for p in draft.patients if p.name}
    whole_story = [span for span in window[0].doc.sents] if draft.lead and armed_men else []
    group = (
        _blamed(window) or _the_group_claiming(draft, text)
        or (_the_one_group(window, text, acted_on) or _the_one_group(whole_story, text, acted_on) if armed_men else None)
    )
    if group is None:
        return
    draft.patients = [p for p in draft.patients if p.name is None or p.name != group.name]
    if doer is None:
        draft.agents.insert(0, group)
    else:
        draft.agents[0] = group


def _name_the_targets(draft: Draft, window: list[Span], text: str) -> None:
    """"Jets struck Kurdish militant positions ... positions used by the PKK": unnamed armed men
    struck are the one armed group the event's sentences name, other than its doer; and
    ground a state's forces took was taken from that group ("troops recaptured the town,
    driving out Rapid Support Forces fighters")."""
    doer = {draft.actor1.name} if draft.actor1 is not None and draft.actor1.name else set()
    if not draft.patients and draft.sub_event_type in TERRITORY_TAKEN and draft.actor1 is not None and draft.actor1.inter == STATE_FORCES_AT_HOME:
        group = _the_one_group(window, text, doer) or _unnamed_fighters(window, draft.actor1)
        draft.patients = [group] if group is not None else []
        return
    for index, patient in enumerate(draft.patients):
        if _unnamed(patient, ("armed_group",)) and (group := _the_one_group(window, text, doer)) is not None:
            draft.patients[index] = group
            return


def _the_group_claiming(draft: Draft, text: str) -> ActorRef | None:
    """"JNIM fighters seized an army post ... the group said it had shelled a second base":
    "the group" that claims an event is the armed group the text last named before it."""
    for claim in draft.claims:
        words = claim.text.lower().split()
        if not words or words[-1] not in cues("group_anaphor") or not DEFINITE.search(text[max(0, claim.start - 5) : claim.start] + claim.text):
            continue
        named = [actor for actor in named_in(text[: claim.start], 0) if actor.inter in NON_STATE_INTERS]
        if named:
            return replace(named[-1], start=claim.start, end=claim.end, text=claim.text)
    return None


def _unnamed(actor: ActorRef, kinds: tuple[str, ...]) -> bool:
    """Armed men or an aircraft the text names neither by group nor by country."""
    return actor.name is None and actor.country is None and actor.kind in kinds


def _window(draft: Draft, count: int) -> list[int]:
    told = {fact.mention.sentence_index for fact in draft.facts}
    return sorted({i for index in told for i in (index, index + 1) if i < count})


def _blamed(window: list[Span]) -> ActorRef | None:
    """"X blamed the bombing on Y", "accused Y of the attack": Y, an armed group named or
    not."""
    for sentence in window:
        for token in sentence:
            if token.lemma_.lower() in cues("blame") and token.pos_ == "VERB":
                for accused in _accused(token):
                    actor = resolve_actor(accused)
                    if actor is not None and (actor.kind == "armed_group" or actor.kind == "named" and actor.inter in NON_STATE_INTERS):
                        return actor
    return None


def _accused(verb: Token) -> list[Token]:
    """The one blamed: the object of "on" after blame (which the parser may hang on the
    blamed act: "blamed [the attack on X]"), else the verb's direct object."""
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    on = [
        pobj for holder in (verb, *objects) for child in holder.children if child.dep_ == "prep" and child.lower_ == "on"
        for pobj in child.children if pobj.dep_ == "pobj"
    ]
    return on or objects


def _unnamed_fighters(window: list[Span], doer: ActorRef) -> ActorRef | None:
    """Unnamed armed men the event's sentences tell of ("after days of fighting with the
    militants who had held it"), not the doer's own words."""
    for sentence in window:
        for token in sentence:
            if doer.start <= token.idx < doer.end or token.pos_ != "NOUN" or role_of(token) != "armed_group":
                continue
            actor = resolve_actor(token)
            if actor is not None and actor.kind == "armed_group" and actor.name is None:
                return actor
    return None


def _the_one_group(window: list[Span], text: str, other_side: set[str | None]) -> ActorRef | None:
    """The one armed group the sentences name, if exactly one, other than the event's other side."""
    groups: dict[str, ActorRef] = {}
    for sentence in window:
        for actor in named_in(text[sentence.start_char : sentence.end_char], sentence.start_char):
            if actor.inter in NON_STATE_INTERS and actor.name not in other_side:
                groups.setdefault(actor.name, actor)  # type: ignore[arg-type]
    return next(iter(groups.values())) if len(groups) == 1 else None
