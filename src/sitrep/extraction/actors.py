"""Actor phrases → canonical ACLED-style actors.

"Islamic State gunmen" → Islamic State; "French fighter planes" → Military Forces of
France; "Authorities in neighbouring Turkey" → Police Forces of Turkey; "132 people" →
civilians, named after the event's country once it is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sitrep.data.lexicon import (
    actor_matcher,
    countries,
    country_matcher,
    cues,
    named_actors,
    platforms,
    role_nouns,
    vague_numbers,
    weapon_matcher,
)
from sitrep.nlp import doc_text

KIND_NAMES = {
    "military": ("Military Forces of {of_name}", 1),
    "police": ("Police Forces of {of_name}", 1),
    "government": ("Government of {of_name}", 1),
    "civilian": ("Civilians ({name})", 7),
    "armed_group": ("Unidentified Armed Group ({name})", 3),
    "protester": ("Protesters ({name})", 6),
    "rioter": ("Rioters ({name})", 5),
}
GANG_NAME = "Unidentified Gang ({name})"
CROWD_EVENTS = {"Protests": "protester", "Riots": "rioter"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "case", "punct", "appos", "npadvmod"}


@dataclass(frozen=True)
class ActorRef:
    """An actor read from the text; `name` is None until a country can name it."""

    name: str | None
    inter: int
    kind: str
    country: str | None
    start: int
    end: int
    text: str

    def named(self, fallback_country: str | None) -> ActorRef:
        """Civilians and unnamed armed groups take the event's country when they lack one."""
        if self.name is not None:
            return self
        iso2 = self.country or fallback_country
        country = countries().get(iso2) if iso2 else None
        template, inter = KIND_NAMES[self.kind]
        if self.kind == "armed_group" and set(re.findall(r"[a-z]+", self.text.lower())) & cues("gang_word"):
            template = GANG_NAME  # ACLED: "Unidentified Gang (Mexico)" for criminal gangs
        if country is None:
            bare = template.split(" (")[0].replace(" of {of_name}", "")
            return ActorRef(bare, inter, self.kind, None, self.start, self.end, self.text)
        name = template.format(name=country.name, of_name=country.of_name)
        return ActorRef(name, inter, self.kind, iso2, self.start, self.end, self.text)


def phrase_tokens(head: Token) -> list[Token]:
    """The head noun with its modifiers and an 'in/of X' complement, not its clauses."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("in", "of", "from") and child.i > head.i:
            tokens.extend(child.subtree)
    return _around(head, {t.i for t in tokens})


def _around(head: Token, chosen: set[int]) -> list[Token]:
    """The unbroken run of chosen tokens about the head: a comma the parse hangs on the head
    ("The coalition, formed by X, took") brings no words of the clause between."""
    start, end = head.i, head.i + 1
    while start - 1 in chosen:
        start -= 1
    while end in chosen:
        end += 1
    return list(head.doc[start:end])


def resolve_actor(head: Token) -> ActorRef | None:
    """The actor a noun phrase names. Armed men of a nationality ("Ugandan rebels") are
    unnamed: ACLED names an unidentified group by the event's country, and the text may
    name their group elsewhere."""
    if head.lower_ in cues("pronoun") or head.pos_ == "PRON":
        return None
    tokens = phrase_tokens(head)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc_text(head.doc)[start:end]
    named = named_in(text, start)
    if named:
        return replace(named[0], start=start, end=end, text=text)
    kind = _kind(head, tokens)
    if kind == "armed_group" and (group := _affiliation(head)) is not None:
        return replace(group, start=start, end=group.end, text=doc_text(head.doc)[start : group.end])
    iso2 = _owner_country(head, tokens) or (_pronoun_owner(head) if kind in ("military", "police") else None)
    if iso2 is not None and kind == "armed_group":
        return ActorRef(None, KIND_NAMES[kind][1], kind, None, start, end, text)
    if iso2 is not None and (kind in KIND_NAMES or kind is None and (head.ent_type_ in ("GPE", "NORP") or _is_munition(head, text, start))):
        return ActorRef(None, 1, kind or "military", iso2, start, end, text).named(None)
    if kind == "armed_group" and (name := _proper_name(head, tokens)) is not None:
        return ActorRef(_without_article(name.text), 3, "named", None, name.start_char, name.end_char, name.text)
    if kind in KIND_NAMES:
        return ActorRef(None, KIND_NAMES[kind][1], kind, None, start, end, text)
    if head.ent_type_ in ("ORG", "NORP", "PERSON") and kind is None and not _inside_a_named_actor(head) and not _is_munition(head, text, start):
        entity = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        return ActorRef(_without_article(entity.text), 3, "other", None, entity.start_char, entity.end_char, entity.text)
    return None


def _affiliation(head: Token) -> ActorRef | None:
    """"gunmen associated with ISWAP", "fighters linked to the Islamic State",
    "gunmen loyal to X": armed men of the group they are tied to (cue kind `affiliation`)."""
    for tie in head.children:
        if tie.dep_ in ("acl", "amod") and tie.lemma_.lower() in cues("affiliation"):
            for preposition in tie.children:
                if preposition.dep_ == "prep" and preposition.lower_ in ("with", "to"):
                    for group in preposition.children:
                        if group.dep_ == "pobj":
                            first, last = group.left_edge, group.right_edge
                            named = named_in(doc_text(head.doc)[first.idx : last.idx + len(last)], first.idx)
                            if named:
                                return named[0]
    return None


def _inside_a_named_actor(token: Token) -> bool:
    """"Islamic" of "an Islamic State (ISIS) attack" is a word of a name the actor table holds."""
    sentence = token.sent
    return any(hit.start <= token.idx < hit.end for hit in actor_matcher().find(doc_text(token.doc)[sentence.start_char : sentence.end_char], sentence.start_char))


def _is_munition(head: Token, text: str, start: int) -> bool:
    """"A Russian missile", "an Israeli drone": a state's munition was fired by its forces."""
    return any(w.start <= head.idx - start < w.end for w in weapon_matcher().find(text))


def named_in(text: str, offset: int) -> list[ActorRef]:
    """The actors of the actor table that a text names, each cited by its own words."""
    return [
        ActorRef(actor.canonical, actor.inter, "named", actor.country, hit.start, hit.end, hit.text)
        for hit in actor_matcher().find(text, offset)
        for actor in (named_actors()[hit.value],)
    ]


def _owner_country(head: Token, tokens: list[Token]) -> str | None:
    """The country whose actor the phrase names: "Malian troops", "police in Mali"; but "a
    drone strike in northern Mali" is a strike there, by whoever flew the drone (an act's
    "in X" says where, not whose)."""
    if role_of(head) is None:
        where = {t.i for child in head.children if child.dep_ == "prep" and child.lower_ == "in" for t in child.subtree}
        tokens = [t for t in tokens if t.i not in where]
    if not tokens:
        return None
    hits = country_matcher().find(doc_text(head.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])])
    return hits[0].value if hits else None


def _pronoun_owner(head: Token) -> str | None:
    """"The Turkish defence ministry hailed its forces' capture of the town", "... said its
    forces captured": "its" forces are those of the country of the subject above them."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
        return None
    for verb in (a for a in head.ancestors if a.pos_ in ("VERB", "AUX")):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i != head.i), None)
        if subject is not None:
            hits = country_matcher().find(doc_text(head.doc)[subject.left_edge.idx : subject.idx + len(subject)])
            return hits[0].value if hits else None
    return None


def _without_article(name: str) -> str:
    """"the Brotherhood Alliance" is named "Brotherhood Alliance", as ACLED names it."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in cues("article") else name


def _proper_name(head: Token, tokens: list[Token]) -> Span | None:
    """"CODECO militiamen", "fighters from the Mai-Mai": an armed group we have no entry for
    (not "Congo rebels": a place names no group; nor "Bengali insurgents": a people names
    none)."""
    for entity in head.doc.ents:
        before = tokens[0].i <= entity.start and entity.end <= head.i
        member_of = entity.root.dep_ == "pobj" and entity.root.head.lower_ in ("from", "of") and entity.root.head.head.i == head.i
        creed = entity.label_ == "NORP" and (entity.root.pos_ == "ADJ" or len(entity) == 1) or len(entity) == 1 and not _is_name(entity[0])  # "Islamist insurgents", "Kurdish militants" name what, not who
        if (before or member_of) and entity.label_ in ("ORG", "NORP", "PERSON") and not creed and not country_matcher().find(entity.text):
            return entity
    names = _group_name(head, tokens) or [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and _is_name(t) and t.ent_type_ not in ("PERSON", "GPE", "LOC", "NORP") and not country_matcher().find(t.text)]
    return head.doc[names[0].i : names[-1].i + 1] if names else None


def role_of(token: Token) -> str | None:
    """The role a noun names; the tagger leaves some plurals unlemmatised ("militiamen")."""
    roles = role_nouns()
    for form in (token.lemma_.lower(), token.lower_, singular(token.lower_)):
        if form in roles:
            return roles[form]
    return None


def singular(word: str) -> str:
    for plural, single in (("men", "man"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + single
    return word


def _kind(head: Token, tokens: list[Token]) -> str | None:
    """What the head noun names; else what a modifier says ("army convoy"; "police chief
    John Doe" and "Ogaden commander Abdi" are of the force their title names, "British
    militant John Doe" is a person); aircraft are military."""
    roles = role_nouns()
    armed = any((t.lower_ in ("armed", "gunmen") or t.lower_ in cues("gang_word")) and t.i < head.i for t in tokens)  # "gang members"
    whole = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
    counted = head.pos_ == "NUM" or head.lower_ in vague_numbers()
    if (head.lemma_.lower() in cues("partitive") or counted) and whole is not None and role_of(whole) is not None:
        return role_of(whole)  # "members of a militia", "21 of the participants", "dozens of gunmen"
    if whole is not None and any(t.lower_ == "armed" for t in whole.lefts):
        return "armed_group"  # "a group of armed men", "an unknown number of armed individuals"
    modifiers = [t for t in tokens if t.i < head.i and t.dep_ in ("compound", "amod")]
    forces = [roles[t.lemma_.lower()] for t in reversed(modifiers) if roles.get(t.lemma_.lower()) in ("military", "police", "armed_group")]
    if head.lemma_.lower() in cues("partitive") and forces:
        return forces[0]  # "army unit members", "militia members": what they are members of
    kind = role_of(head)
    if armed and kind in (None, "civilian") and not forces or _suicide_attacker(head):
        return "armed_group"  # not "armed security personnel": a force named by its modifier
    if kind is not None:
        return kind
    text = doc_text(head.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if any(w.start <= head.idx - tokens[0].idx < w.end and w.value in platforms() for w in weapon_matcher().find(text)):
        return "military"
    if head.pos_ == "PROPN" and head.ent_type_ != "PERSON":
        return None
    if head.ent_type_ == "PERSON":
        state = (roles[t.lemma_.lower()] for t in modifiers if roles.get(t.lemma_.lower()) in ("military", "police"))
        return next(state, "armed_group" if _group_name(head, tokens) else None)
    return forces[0] if forces else None


def _suicide_attacker(head: Token) -> bool:
    """"A suicide bomber", or a bomber who "detonated his vest" or "blew himself up", is a
    man of an armed group, not a bomber aircraft ("the bomber dropped its load" is one)."""
    if any(child.lower_ == "suicide" for child in head.children if child.dep_ in ("compound", "amod", "nmod")):
        return True
    return head.dep_ == "nsubj" and head.lemma_.lower() == "bomber" and set_off_on_himself(head.head)


def set_off_on_himself(verb: Token) -> bool:
    """"blew himself up", "detonated his vest": the doer set the explosive off on his own
    body (cue kinds `personal_pronoun`, `worn_explosive`)."""
    personal, worn = cues("personal_pronoun"), cues("worn_explosive")
    return any(
        c.dep_ == "dobj" and (c.lower_ in personal or c.lemma_.lower() in worn and any(p.dep_ == "poss" and p.lower_ in personal for p in c.children))
        for c in verb.children
    )


def _group_name(person: Token, tokens: list[Token]) -> list[Token]:
    """The name before a person's title that is no country, people nor a word for a force
    ("Ogaden" of "Ogaden commander Abdi", not "Rebel commander", "Opposition leader" at a
    sentence start, nor "Kurdish militant leader")."""
    titles = [t for t in tokens if t.i < person.i and t.lemma_.lower() in cues("title")]
    return [
        t for t in tokens
        if titles and t.i < titles[0].i and t.dep_ in ("compound", "amod") and _is_name(t)
        and t.ent_type_ not in ("PERSON", "GPE") and not (t.ent_type_ == "NORP" and t.pos_ == "ADJ")
        and role_of(t) is None and not country_matcher().find(t.text)
    ]


def _is_name(token: Token) -> bool:
    """A proper noun not at a sentence's start, or a word the text capitalises where no
    sentence starts ("Suicide attackers struck": "suicide" is no name)."""
    if token.pos_ == "PROPN" and not token.is_sent_start:
        return True
    return any(t.text == token.text and not t.is_sent_start for t in token.doc if t.text[:1].isupper())
