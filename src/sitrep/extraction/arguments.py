"""The arguments of a mention: who acted, on whom, how many died, where, when, with what.

Roles come from the dependency parse around the triggers; dates, places and weapons of a
sentence go to the nearest mention (a date just before "after"/"before" belongs to the
event after it: "came two days after army jets bombed the depot").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from spacy.tokens import Span, Token

from sitrep.data.lexicon import (
    Term,
    country_matcher,
    cues,
    measures,
    triggers,
    weapon_matcher,
    word_forms,
)
from sitrep.extraction.actors import ActorRef, resolve_actor, role_of
from sitrep.extraction.dates import DateValue, DayShift, day_shift, resolve_date
from sitrep.extraction.detect import Mention, TriggerHit
from sitrep.extraction.numbers import Count, count_conjuncts, parse_quantity
from sitrep.extraction.placenames import SPOTTED, names_something_else, spotted_places
from sitrep.guard import guarded
from sitrep.nlp import doc_text

CLIMB_DEPS = {"dobj", "pobj", "prep", "pcomp", "xcomp", "attr", "oprd", "nsubj", "nsubjpass", "conj", "compound", "appos"}
HANDOVER = "Non-violent transfer of territory"
SUFFERING_KINDS = ("civilian", "protester")
"""Who "of" names after an act is done to, not by: "the killing of two farmers"."""
CARRIED_DEPS = {"amod", "prep", "dobj", "oprd", "acomp", "advmod"}
"""How an adjective or a prepositional trigger hangs from the verb that carries it out."""
PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED_PLACES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
YEAR = re.compile(r"(?:19|20)\d\d")
TOLL_REACH = 3
"""How many sentences after its act a toll told on its own may come."""


@dataclass(frozen=True)
class CapitalOf:
    """A place named only as a country's capital."""

    iso2: str


@dataclass
class Located:
    """A value read from the text with its character span."""

    value: object
    start: int
    end: int
    text: str


@dataclass
class MentionFacts:
    mention: Mention
    agents: list[ActorRef] = field(default_factory=list)
    patients: list[ActorRef] = field(default_factory=list)
    associates: list[ActorRef] = field(default_factory=list)
    victims: Count | None = None
    injured: Count | None = None
    dates: list[Located] = field(default_factory=list)
    places: list[Located] = field(default_factory=list)
    weapons: list[Term] = field(default_factory=list)
    quantities: dict[str, Located] = field(default_factory=dict)
    speaker: Located | None = None
    certainty: str | None = None
    operation: Located | None = None
    stated: Located | None = None
    """When its sentence's statement was made ("the army announced on Sunday that it had
    captured ..."): the event's date where the text gives no other, as ACLED dates it."""
    updated: bool = False
    """Its count of the dead is a toll's latest figure ("the toll has risen to 28")."""
    shift: Located | None = None
    """A date told from another event's ("the previous day", "over the next few days"):
    the document layer dates it from the event it hangs on."""

    @property
    def date(self) -> Located | None:
        return self.dates[0] if self.dates else None


def _in_dated_past(place: Token, published: datetime | None) -> bool:
    """"after the battle of Mosul in 2017": a phrase on the way from the
    place up to its verb carries a year before the article's, so the place is history."""
    if published is None:
        return False
    for node in place.ancestors:
        dates = [c for c in node.children if c.ent_type_ == "DATE"]
        dates += [g for c in node.children if c.dep_ == "prep" for g in c.children if g.ent_type_ == "DATE"]
        if any((year := YEAR.fullmatch(d.text)) and int(year.group()) < published.year for d in dates):
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def gather(mentions: list[Mention], published: datetime | None) -> list[MentionFacts]:
    """Each mention's arguments; a mention whose roles cannot be read is dropped, and a
    sentence whose dates or places cannot be read keeps its mentions without them."""
    facts = [fact for fact in (guarded("roles", partial(_roles, m), None) for m in mentions) if fact is not None]
    by_sentence: dict[int, list[MentionFacts]] = {}
    for fact in facts:
        by_sentence.setdefault(fact.mention.sentence.start, []).append(fact)
    for group in by_sentence.values():
        guarded("sentence arguments", partial(_sentence_arguments, group, published), None)
    guarded("places lent between sentences", partial(_lend_places, by_sentence, published), None)
    guarded("tolls told apart", partial(_lend_tolls, by_sentence), None)
    return facts


def _lend_tolls(by_sentence: dict[int, list[MentionFacts]]) -> None:
    """A toll told in a sentence of its own ("Hospital officials later put the death toll
    at 12") is the latest count of the dead of the last act told before it, within
    TOLL_REACH sentences."""
    if not by_sentence:
        return
    doc = next(iter(by_sentence.values()))[0].mention.sentence.doc
    since, last = TOLL_REACH + 1, None
    for sentence in doc.sents:
        if sentence.start in by_sentence:
            since, last = 0, by_sentence[sentence.start][-1]
            continue
        since += 1
        if last is not None and since <= TOLL_REACH and (update := _toll_update(sentence)) is not None:
            last.victims, last.updated = update, True


def _sentence_arguments(group: list[MentionFacts], published: datetime | None) -> None:
    """Dates, places, weapons and attribution of one sentence, given to its mentions."""
    sentence = group[0].mention.sentence
    for located, anchor, root in _date_phrases(sentence, published):
        if _of_statement(root):
            if isinstance(located.value, DayShift):
                continue
            for fact in group:
                fact.stated = fact.stated or located
            continue
        spans_days = isinstance(located.value, DateValue) and located.value.start != located.value.end
        if _dates_a_thing(root, group) or spans_days and _bounds_a_superlative(root):
            continue
        owner = _nearest(group, anchor) if isinstance(anchor, tuple) else _owner(group, root) or _nearest(group, anchor)
        if isinstance(located.value, DayShift):
            owner.shift = owner.shift or located
        else:
            owner.dates.append(located)
    for located, root in _place_phrases(sentence, group):
        if not _in_dated_past(root, published):
            (_owner(group, root) or _nearest(group, located.start)).places.append(located)
    for term in weapon_matcher().find(sentence.text, sentence.start_char):
        _weapon_owner(group, term).weapons.append(term)
    update = _toll_update(sentence)
    if update is not None:
        owner = _nearest(group, update.start)
        owner.victims, owner.updated = update, True
        text = doc_text(sentence.doc)
        owner.dates = [d for d in owner.dates if not text[max(0, d.start - 3) : d.start].lower().startswith("by")]  # "By Tuesday the toll had risen to 47": when it was counted
    lives = _lives_taken(sentence)
    if lives is not None and (owner := _nearest(group, lives.start)).victims is None:
        owner.victims = lives
    bomber = _self_detonation(sentence)
    if bomber is not None and (owner := _nearest(group, bomber.start)).victims is None:
        owner.victims = bomber
    speaker, certainty = _attribution(sentence)
    operation = next((Located(e.text, e.start_char, e.end_char, e.text) for e in sentence.ents if e.text.startswith("Operation ")), None)
    for fact in group:
        fact.speaker = speaker
        fact.certainty = certainty
        fact.operation = operation


def _toll_update(sentence: Span) -> Count | None:
    """"The death toll from Tuesday's ambush has risen to 28", "hospital officials put the
    death toll at 12": the latest count of the dead."""
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma in cues("toll_change"):
            counted, preposition = [c for c in verb.children if c.dep_ == "nsubj"], "to"
        elif lemma in cues("toll_setting"):
            counted, preposition = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")], "at"
        else:
            continue
        if not any(t.lemma_.lower() in cues("toll") for s in counted for t in s.subtree):
            continue
        targets = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition for p in c.children if p.dep_ == "pobj"]
        counts = [count for t in targets if (count := count_conjuncts(t)) is not None]
        if counts:
            return counts[0]
    return None


def _lives_taken(sentence: Span) -> Count | None:
    """"claiming the lives of 12 pupils", "took the lives of five soldiers": the dead."""
    for lives in sentence:
        if lives.lemma_.lower() == "life" and lives.dep_ == "dobj" and lives.head.lemma_.lower() in cues("life_taking"):
            people = [p for c in lives.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            counts = [count for person in people if (count := count_conjuncts(person)) is not None]
            if counts:
                return counts[0]
    return None


def _self_detonation(sentence: Span) -> Count | None:
    """"A suicide bomber blew himself up": the bomber is a death ACLED counts."""
    for verb in sentence:
        reflexive = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("himself", "herself", "themselves")]
        if verb.lemma_.lower() == "blow" and reflexive and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            pronoun = reflexive[0]
            return Count(1, None, None, pronoun.idx, pronoun.idx + len(pronoun))
    return None


def _lend_places(by_sentence: dict[int, list[MentionFacts]], published: datetime | None) -> None:
    """A paragraph goes on where it last said it was: a sentence that names where but tells
    no event ("Russian forces fired heavy weapons at Kharkiv.") lends its places to the
    events of later sentences of its paragraph that name none ("Around four civilians
    were killed."), until another sentence names a place; an event whose sentence names
    places for another of its events shares them ("clashed with Houthi forces and took
    over Al Fulayhah"), but not with an event a relation word brings in ("in
    retaliation for an attack in Mir Ali")."""
    if not by_sentence:
        return
    doc = next(iter(by_sentence.values()))[0].mention.sentence.doc
    text = doc_text(doc)
    pending: list[Located] = []
    previous_end = 0
    for sentence in doc.sents:
        words = sentence.text.strip()
        start = text.index(words, sentence.start_char) if words else sentence.start_char
        if "\n" in text[previous_end:start]:
            pending = []
        previous_end = start + len(words)
        group = by_sentence.get(sentence.start)
        if group is None:
            pending = [located for located, root in _place_phrases(sentence, []) if not _in_dated_past(root, published)] or pending
        elif any(fact.places for fact in group):
            pending = [place for fact in group for place in fact.places]
            told_here = [fact for fact in group if fact.mention.relation_word is None]
            shared = [place for fact in told_here for place in fact.places]
            for fact in told_here:
                if not fact.places:
                    fact.places.extend(shared)
        else:
            for fact in group:
                fact.places.extend(pending)


def _of_statement(root: Token) -> bool:
    """"..., the Syrian Civil Defence said on Monday": the date of the saying, not of the event."""
    verb = next((node for node in (root, *root.ancestors) if node.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in cues("speech")


def _dates_a_thing(root: Token, group: list[MentionFacts]) -> bool:
    """"to protest the postponement of the elections scheduled for February 25": a date in
    a clause that describes a noun dates that noun, not an event of the sentence."""
    triggers = {h.token.i for fact in group for h in fact.mention.hits}
    for node in (root, *root.ancestors):
        if node.i in triggers:
            return False
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            return not any(t.i in triggers for t in node.subtree) and node.head.i not in triggers
    return False


def _bounds_a_superlative(root: Token) -> bool:
    """"the deadliest attack this year", "the worst fighting since 2019": the period a
    superlative ranks over, not the event's date (the caller asks only of periods: "the
    largest protest on Friday" is dated)."""
    for node in (root, *root.ancestors):
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.pos_ == "NOUN" and any(c.tag_ == "JJS" or c.lower_ == "most" for c in node.subtree if c.head.i == node.i or c.head.head.i == node.i):
            return True
    return False


def _owner(group: list[MentionFacts], root: Token) -> MentionFacts | None:
    """The mention a phrase belongs to in the parse: the first trigger (or the verb that
    governs a trigger) among the phrase's ancestors."""
    node = root
    while True:
        owners = []
        for fact in group:
            anchors = {t.i for h in fact.mention.hits for t in (h.token, h.start)}
            heads = {t.head.i for h in fact.mention.hits for t in (h.token, h.start) if t.dep_ in ("dobj", "nsubj", "nsubjpass")}
            if node.i in anchors or node.i in heads:
                owners.append(fact)
        if owners:
            return owners[0] if len(owners) == 1 else _nearest(owners, root.idx)
        if node.head.i == node.i:
            return None
        node = node.head


def _nearest(group: list[MentionFacts], char: int | tuple[int, str]) -> MentionFacts:
    """Nearest mention; with a direction ('after'), the nearest mention on that side."""
    position, side = char if isinstance(char, tuple) else (char, "")
    candidates = [f for f in group if side != "after" or f.mention.start_char > position] or group
    return min(candidates, key=lambda f: min(abs(f.mention.start_char - position), abs(f.mention.end_char - position)))


def _weapon_owner(group: list[MentionFacts], term: Term) -> MentionFacts:
    """A platform inside an actor phrase ("army jets") belongs to that actor's event."""
    for fact in group:
        if any(a.start <= term.start < a.end for a in (*fact.agents, *fact.associates)):
            return fact
    return _nearest(group, term.start)


def _roles(mention: Mention) -> MentionFacts:
    facts = MentionFacts(mention)
    lethal = cues("lethal")
    for hit in mention.hits:
        token = hit.token
        holders = {token.i: token, hit.start.i: hit.start}
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in cues("occurrence"):
            holders[token.head.i] = token.head
        verb = hit.start if hit.start.pos_ in ("VERB", "AUX") else _carrying_verb(hit) or token
        if verb.pos_ in ("VERB", "AUX"):
            own_subject = any(c.dep_.startswith("nsubj") for c in verb.children)
            subject_holder = verb.head if verb.dep_ in ("conj", "xcomp", "advcl") and not own_subject else verb
            seen_doing = verb.dep_ == "xcomp" and subject_holder is not verb and subject_holder.lemma_.lower() in cues("perception")  # "rebels were seen storming a ship"
            subjects = [c for c in subject_holder.children if c.dep_ == "nsubj" or seen_doing and c.dep_ == "nsubjpass"]
            if hit.trigger.takes_ground and verb.lemma_.lower() == "fall" or token.lemma_.lower() == "die" or _absolute(verb):
                subjects = []  # "Kutkai fell on Sunday": the ground taken; "28 people died": the dead, not who killed them
            facts.agents += _actors(_without_members(subjects, verb))
            if subjects and subjects[0].pos_ == "PRON" and subjects[0].lower_ not in ("he", "she") and not facts.agents:
                facts.agents += _speaker_actors(subject_holder, cues("speech"))
            facts.agents += _actors(p for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "agent" for p in c.children)
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i != token.i]
            facts.patients += _actors(objects) + [owner for owner in _actors(_owners(objects)) if owner.name is not None]
            if hit.trigger.takes_ground:  # "recaptured the town from the rebels": who held it
                facts.patients += _actors(p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj")
            if hit.trigger.sub_event_type == HANDOVER and (receivers := _receivers(mention.sentence, token)):
                facts.patients += facts.agents
                facts.agents = receivers
        else:
            modifiers = [c for holder in {token.i: token, hit.start.i: hit.start}.values() for c in holder.children]
            facts.agents += _actors(c for c in modifiers if c.dep_ in ("compound", "amod", "nmod", "poss") and (c.ent_type_ or role_of(c)))
            if hit.trigger.event_type == "Explosions/Remote violence" and (leaders := _actors(_leaders(modifiers))):
                unstated = [a for a in facts.agents if a.name is None and a.country is None and a.kind == "military"]
                facts.agents = leaders + [a for a in facts.agents if a not in unstated]  # "Saudi-led coalition air raids": the Saudis' coalition
            facts.agents += _actors(p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children)
            of_whom = _actors(p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)
            facts.agents += [a for a in of_whom if a.kind not in SUFFERING_KINDS]  # "an offensive of the army"
            facts.patients += [a for a in of_whom if a.kind in SUFFERING_KINDS]  # "the abduction of 73 students"
            objects = []
            _governor_roles(token, facts)
        carrier = {token.head.i: token.head} if token.dep_ == "dobj" else {}  # "carried out an airstrike in coordination with X"
        partners = [p for holder in {**holders, verb.i: verb, **carrier}.values() for p in _partners(holder)]
        facts.associates += _actors(partners)
        targets = _actors(
            p
            for holder in holders.values()
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in cues("target_preposition")
            for p in c.children
            if p.dep_ == "pobj" and p not in partners
        )
        between = any(c.dep_ == "prep" and c.lower_ == "between" for holder in holders.values() for c in holder.children)
        if between and not facts.agents and len(targets) > 1:
            facts.agents.append(targets.pop(0))  # "clashes between the army and a militia": the first side acts
        facts.patients += targets
        if token.lemma_.lower() in lethal or _done_to_death(verb, objects):
            victims = objects
            if token.lemma_.lower() == "die":
                victims = [c for c in token.children if c.dep_ == "nsubj"]
            elif token.pos_ == "ADJ":
                own = [c for c in token.children if c.dep_ == "nsubj"]  # "left at least nine people dead"
                victims = own or [c for c in token.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            elif _reduced_relative(token):
                victims = [token.head]  # "leaving nine civilians killed", "five people killed in the blast"
            elif _absolute(token):
                victims = [c for c in token.children if c.dep_ == "nsubj"]
            for victim in victims:
                count = count_conjuncts(victim)
                if count is not None and (facts.victims is None or count.value > facts.victims.value):
                    facts.victims = count
                facts.patients += _actors([victim])
        if token.lemma_.lower() in cues("injuring") and token.pos_ == "VERB":
            hurt = [token.head] if _reduced_relative(token) else [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            facts.injured = _largest(facts.injured, hurt)
        _quantities(token, facts)
    facts.agents = _unique(facts.agents)
    facts.patients = [p for p in _unique(facts.patients) if (p.name not in {a.name for a in facts.agents} or p.name is None) and not _the_doer_again(p, facts.agents)]
    if any(_several_acts(hit.token) for hit in mention.hits):
        facts.victims = None  # "killed at least 27 people in two separate attacks": the sum of two events' tolls
    return facts


def _the_doer_again(patient: ActorRef, agents: list[ActorRef]) -> bool:
    """"ADF fighters took the town, the armed group said": "the group" beside a named group
    that acts is that group, not the one it acted on (cue kind `group_anaphor`)."""
    words = patient.text.lower().split()
    return (
        patient.name is None and patient.kind == "armed_group" and len(words) > 1 and words[0] == "the"
        and words[-1] in cues("group_anaphor") and any(a.name is not None and a.kind != "military" for a in agents)
    )


def _without_members(subjects: list[Token], verb: Token) -> list[Token]:
    """"A coalition made up of X, Y and Z took the town": the parse may make Y a second
    subject; a group whose members a clause lists (cue kind `membership`) acts as
    one, so a subject inside that clause is no doer of its own."""
    listed = [
        clause for subject in subjects for clause in subject.children
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in cues("membership")
    ]
    return [s for s in subjects if not any(clause.i < s.i < verb.i for clause in listed)]


def _several_acts(word: Token) -> bool:
    """"killed 27 people in two separate attacks", "in three raids": the toll is told over
    several events at once (not "fired two missiles", nor "two demonstrators")."""
    if word.pos_ != "NOUN" or word.tag_ != "NNS" or role_of(word) is not None or word.dep_ != "pobj" or word.head.lower_ not in ("in", "during", "across"):
        return False
    counts = [parse_quantity(c.text) for c in word.children if c.dep_ == "nummod"]
    return any(c.lower_ == "separate" for c in word.children) or any(n is not None and n > 1 for n in counts)


def _absolute(verb: Token) -> bool:
    """"with three guards killed": a participle after "with" whose subject suffered it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    with_ = verb.head.lower_ == "with" or any(c.lower_ == "with" and subjects and c.i < subjects[0].i for c in verb.children)  # not "forces shelled with heavy weapons"
    return verb.tag_ == "VBN" and with_ and bool(subjects) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _reduced_relative(verb: Token) -> bool:
    """"12 civilians killed in the raid": a participle that tells of the noun before it (not
    "a statement that a child was killed", a clause of its own)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _largest(known: Count | None, people: list[Token]) -> Count | None:
    """The largest count among the people a harm verb names, or the one known."""
    for person in people:
        count = count_conjuncts(person)
        if count is not None and (known is None or count.value > known.value):
            known = count
    return known


def _done_to_death(verb: Token, objects: list[Token]) -> bool:
    """"Police shot dead two protesters", "were beaten to death", "was fatally stabbed": the
    parse may hang "dead" on the object ("dead two protesters") or the verb."""
    on_object = any(c.lower_ == "dead" for o in objects for c in o.children if c.dep_ == "amod")
    on_verb = any(
        c.lower_ in ("dead", "fatally", "mortally") or c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children
    )
    return verb.pos_ in ("VERB", "AUX") and (on_object or on_verb)


def _carrying_verb(hit: TriggerHit) -> Token | None:
    """A trigger that is neither verb nor noun is done by the verb its phrase hangs from:
    "militants set a tricycle ablaze", "the military set 200 houses on fire"."""
    if hit.token.pos_ not in ("ADJ", "ADV") and hit.start.pos_ != "ADP":
        return None
    node = hit.start
    while node.dep_ in CARRIED_DEPS and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _owners(struck: list[Token]) -> list[Token]:
    """Whose the thing struck was: "a depot used by ISWAP", "positions held by the
    Houthis", "a base belonging to al-Shabaab" (cue kind `owning`). The caller keeps named
    owners only: "areas controlled by opposition fighters" is too often background."""
    owning = cues("owning")
    return [
        p
        for thing in struck
        for verb in thing.children
        if verb.dep_ == "acl" and verb.lemma_.lower() in owning
        for c in verb.children
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _partners(holder: Token) -> list[Token]:
    """Who acted with the doer: "a combined raid with Dutch jets", "together with
    militiamen", "alongside Wagner fighters", "in coordination with the army" (cue kind
    `partner_word`)."""
    partner_words = cues("partner_word")
    joint = any(c.dep_ in ("amod", "advmod") and c.lower_ in partner_words for c in holder.children)
    partners = [
        p
        for c in holder.children
        if c.dep_ == "prep" and (c.lower_ == "alongside" or c.lower_ == "with" and (joint or any(a.lower_ in partner_words for a in c.children)))
        for p in c.children
        if p.dep_ == "pobj"
    ]
    copula = holder.head if holder.dep_ == "nsubj" and holder.head.lemma_ == "be" else None
    return partners + [  # "in coordination with X", and "the raid was in conjunction with X"
        partner
        for phrase_holder in (holder, *([copula] if copula is not None else []))
        for c in phrase_holder.children if c.dep_ == "prep" and c.lower_ == "in"
        for manner in c.children if manner.dep_ == "pobj" and manner.lower_ in partner_words
        for with_ in manner.children if with_.dep_ == "prep" and with_.lower_ == "with"
        for partner in with_.children if partner.dep_ == "pobj"
    ]


def _governor_roles(noun: Token, facts: MentionFacts) -> None:
    """A noun trigger's actor is the subject of the verb that carries it out."""
    light, join, speech = cues("light_verb"), cues("join_verb"), cues("speech")
    relation = cues("relation")
    node = noun
    while node.dep_ in CLIMB_DEPS and node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass") and not word_forms(node.head.lemma_, node.head.text) & light:
            return
        node = node.head
        forms = word_forms(node.lemma_, node.text)
        if forms & relation:
            return
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i != noun.i]
            if forms & join:
                facts.associates += _actors(c for c in node.children if c.dep_ == "dobj")
            if not forms & (light | join):
                return
            if node.i == noun.head.i and noun.dep_ == "nsubj":
                facts.patients += _actors(c for c in node.children if c.dep_ == "dobj")
            agents = _actors(subjects) or _actors(p for c in node.children if c.dep_ == "agent" for p in c.children)
            if subjects and not agents and subjects[0].pos_ == "PRON":
                agents = _speaker_actors(node, speech)
            if agents:
                facts.agents += agents
                return


def _speaker_actors(verb: Token, speech: frozenset[str]) -> list[ActorRef]:
    """'IS fighters said they carried out the massacre': 'they' is the speaker."""
    node = verb
    while node.dep_ in ("ccomp", "conj", "xcomp") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in speech:
            return _actors(c for c in node.children if c.dep_ == "nsubj")
    return []


def _receivers(sentence: Span, word: Token) -> list[ActorRef]:
    """"handed over the airport and two towns to the YPG": ground handed over is taken by
    whom it went to (ACLED's actor 1); the first "to" after the word names them, wherever
    the parse hangs it in a long list of places."""
    after = (t for t in sentence if t.i > word.i and t.lower_ == "to" and t.dep_ in ("prep", "dative"))
    return _actors(p for to in after for p in to.children if p.dep_ == "pobj")[:1]


def _leaders(modifiers: list[Token]) -> list[Token]:
    """"US-led air strikes": the state or group that led the strikes flew them (a
    "French-led mission" is a campaign, no one act)."""
    return [
        leader for modifier in modifiers if modifier.dep_ == "amod" and modifier.lower_ in cues("led_by")
        for leader in modifier.children if leader.dep_ in ("npadvmod", "compound", "nmod") and leader.ent_type_ in ("GPE", "NORP", "ORG")
    ]


def _actors(heads: object) -> list[ActorRef]:
    found: list[ActorRef] = []
    for head in heads:  # type: ignore[attr-defined]
        for member in [head, *head.conjuncts]:
            if member.i >= head.i and not (member.i > head.i and _speaker_misread(member)):
                actor = resolve_actor(member)
                if actor is not None:
                    found.append(actor)
    return found


def _speaker_misread(member: Token) -> bool:
    """"took the town of X, the armed group and aid workers said": the parse may join the
    speakers to the object; a conjunct right before a verb of saying that has no
    subject of its own is that verb's subject."""
    after = member.right_edge.i + 1
    if after >= len(member.doc):
        return False
    verb = member.doc[after]
    return verb.lemma_.lower() in cues("speech") and not any(c.dep_.startswith("nsubj") for c in verb.children)


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str | None, ActorRef] = {}
    for actor in actors:
        key = actor.name or f"{actor.kind}:{actor.country}"
        seen.setdefault(key, actor)
    return list(seen.values())


def _quantities(token: Token, facts: MentionFacts) -> None:
    """Counted nouns near a trigger: '20 bombs', 'over 35 targets', 'dozens arrested'."""
    measure_of = measures()
    scope = list(token.subtree) + ([token.head, *token.head.subtree] if token.pos_ != "VERB" else [])
    for noun in scope:
        quantity = measure_of.get(noun.lemma_.lower())
        if quantity is None:
            continue
        count = count_conjuncts(noun)
        if count is not None and quantity not in facts.quantities:
            text = doc_text(noun.doc)[count.start : count.end]
            facts.quantities[quantity] = Located(count.low or count.value, count.start, count.end, text)
    if facts.mention.head.trigger.sub_event_type == "Arrests" and token.pos_ == "VERB":
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            count = count_conjuncts(obj)
            if count is not None:
                facts.quantities["arrested"] = Located(count.value, count.start, count.end, doc_text(token.doc)[count.start : count.end])


DatePhrase = tuple[Located, int | tuple[int, str], Token]


def _date_phrases(sentence: Span, published: datetime | None) -> list[DatePhrase]:
    found = []
    for entity in _date_entities(sentence):
        start = entity.start
        while start > sentence.start and sentence.doc[start - 1].lower_ in cues("date_qualifier"):
            start -= 1
        phrase = sentence.doc[start : entity.end]
        value: DateValue | DayShift | None = resolve_date(phrase.text, published) or day_shift(phrase.text)
        if value is None:
            continue
        located = Located(value, phrase.start_char, phrase.end_char, phrase.text)
        following = sentence.doc[entity.end] if entity.end < sentence.end else None
        if following is not None and following.lower_ in ("after", "before"):
            found.append((located, (phrase.end_char, "after"), entity.root))
        else:
            found.append((located, phrase.start_char, entity.root))
    return _merge_same_day(found)


def _date_entities(sentence: Span) -> list[Span]:
    """Date entities, split at commas: the tagger joins "Wednesday, days" into one; and the
    words of relative time it often leaves untagged ("an attack overnight killed five")."""
    parts = [sentence.doc[t.i : t.i + 1] for t in sentence if t.ent_iob_ == "O" and t.lower_ in cues("date_word")]
    for entity in sentence.ents:
        if entity.label_ not in ("DATE", "TIME", "EVENT"):
            continue
        start = entity.start
        for token in entity:
            if token.is_punct and token.text == ",":
                if token.i > start:
                    parts.append(sentence.doc[start : token.i])
                start = token.i + 1
        if start < entity.end:
            parts.append(sentence.doc[start : entity.end])
    return sorted(parts, key=lambda part: part.start)


def _merge_same_day(found: list[DatePhrase]) -> list[DatePhrase]:
    """'5.30pm today' is one moment, not two dates."""
    merged: list[DatePhrase] = []
    for item in found:
        previous = merged[-1][0] if merged else None
        located = item[0]
        if previous is not None and isinstance(previous.value, DateValue) and previous.value == located.value and located.start - previous.end <= 2:
            continue
        merged.append(item)
    return merged


def _place_phrases(sentence: Span, group: list[MentionFacts]) -> list[tuple[Located, Token]]:
    actor_spans = [(a.start, a.end) for f in group for a in (*f.agents, *f.patients, *f.associates)]
    places: list[tuple[Located, Token]] = []
    for entity in place_candidates(sentence):
        root = entity.root
        in_pp = root.dep_ in ("pobj", "nmod") or root.dep_ == "compound" and root.head.dep_ == "pobj"
        if any(s <= entity.start_char and entity.end_char <= e for s, e in actor_spans) and not in_pp and entity.label_ != SPOTTED:
            continue
        if not _is_place_role(root) and entity.label_ != SPOTTED:
            continue
        places.append((Located(entity.text, entity.start_char, entity.end_char, entity.text), root))
    places += _capitals(sentence)
    return sorted(places, key=lambda p: p[0].start)


def place_candidates(sentence: Span) -> list[Span]:
    """Place entities, proper names after a place preposition that the tagger took for
    people or organisations ("near Gao"), and names the parser missed but their
    surroundings give away (placenames.py), which replace the pieces of them the
    tagger found ("San Fernando" of "San Fernando del Valle de Catamarca"). The gazetteer
    decides later which are places."""
    candidates = [e for e in sentence.ents if e.label_ in PLACE_LABELS]
    for entity in sentence.ents:
        if entity.label_ in MISLABELLED_PLACES and entity.root.pos_ == "PROPN" and entity.root.dep_ == "pobj" and not _members_of(entity.root):
            candidates.append(entity)
    settlements = cues("settlement") | cues("region_word")
    for token in sentence:
        names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and (token.ent_iob_ == "O" or _swallowed(token)):
            first = min([token, *names], key=lambda t: t.i)
            candidates.append(sentence.doc[first.i : token.i + 1])
        elif token.lemma_.lower() in settlements and names and token.dep_ in ("pobj", "appos", "conj"):
            candidates.append(sentence.doc[names[0].i : names[-1].i + 1])
    spotted = spotted_places(sentence)
    named = [c for c in candidates + spotted if not c.text.islower()]  # "in the bush", "in solidarity": no names
    kept = {(c.start_char, c.end_char): c for c in named if not _piece_of(c, spotted) and not names_something_else(c)}
    return sorted(kept.values(), key=lambda s: s.start_char)


def _members_of(name: Token) -> bool:
    """'members of Congress': an organisation, though a town in Arizona bears its name."""
    preposition = name.head
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in cues("partitive")


def _piece_of(candidate: Span, names: list[Span]) -> bool:
    return any(n.start_char <= candidate.start_char and candidate.end_char <= n.end_char and len(candidate) < len(n) for n in names)


def _swallowed(token: Token) -> bool:
    """A place the tagger swallowed into a mislabelled entity with its preposition: the
    organisation "Belgorod at Kharkiv"."""
    preposition = token.head
    return token.ent_type_ in MISLABELLED_PLACES and preposition.ent_iob_ == "I" and preposition.lower_ != "of"


def _is_place_role(root: Token) -> bool:
    node = root
    while node.dep_ in ("conj", "appos", "compound", "nmod") and node.head.i != node.i:
        if node.dep_ == "nmod" and node.head.pos_ != "PROPN":
            return False
        node = node.head
    if node.dep_ in ("dobj", "nsubjpass") and root.ent_type_ in PLACE_LABELS:
        return True
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    if preposition.lower_ not in cues("place_preposition"):
        return False
    return not any(t.lemma_.lower() in ("base", "from", "launch") for t in (preposition.head, preposition.head.head))


def _capitals(sentence: Span) -> list[tuple[Located, Token]]:
    """'the French capital' names a city: the country's capital, found later by the gazetteer."""
    found = []
    for token in sentence:
        if token.lemma_.lower() != "capital" or token.dep_ != "pobj":
            continue
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]
        modifiers += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for modifier in modifiers:
            hits = country_matcher().find(modifier.text)
            if hits:
                start = min(t.idx for t in (token, *token.subtree))
                end = max(t.idx + len(t) for t in (token, *token.subtree))
                found.append((Located(CapitalOf(hits[0].value), start, end, doc_text(sentence.doc)[start:end]), token))
    return found


def _attribution(sentence: Span) -> tuple[Located | None, str | None]:
    """Who says so ('according to X', 'X said') and how sure the text is."""
    speech = cues("speech")
    speaker: Located | None = None
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 < sentence.end and sentence.doc[token.i + 1].lower_ == "to":
            target = next((c for c in sentence.doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if target is not None:
                speaker = _phrase(target)
        elif token.lemma_.lower() in speech and token.pos_ == "VERB" and speaker is None:
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if subject is not None:
                speaker = _phrase(subject)
                if _claims_an_act(token):
                    break  # "with the Guard claiming responsibility for the attacks, according to state media": the claimant
    certainty = None
    lemmas = {t.lemma_.lower() for t in sentence}
    if lemmas & cues("reported"):
        certainty = "reported"
    elif lemmas & cues("confirmed"):
        certainty = "confirmed"
    return speaker, certainty


def _claims_an_act(verb: Token) -> bool:
    """"claimed responsibility", "claimed the attack": the subject owns the act, whoever
    reports the claim; "claimed that the village was shelled" only reports."""
    return verb.lemma_.lower() == "claim" and any(
        c.dep_ == "dobj" and (c.lemma_.lower() == "responsibility" or c.pos_ == "NOUN" and any(t.pos in ("NOUN", "any") for t in triggers().get(c.lemma_.lower(), [])))
        for c in verb.children
    )


def _phrase(head: Token) -> Located:
    """A speaker's name, with a stray left neighbour the parser cut off ("IS/dep fighters")."""
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "punct") and t.lower_ not in ("the", "a", "an")]
    tokens = [t for t in tokens if t.i <= head.i or t.head.i <= head.i]
    left = head.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if left is not None and left.dep_ == "dep" and left.head.i == head.head.i and left.text[:1].isupper():
        tokens.insert(0, left)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Located(doc_text(head.doc)[start:end], start, end, doc_text(head.doc)[start:end])
