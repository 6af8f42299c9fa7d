"""Event mentions: trigger words in the parse, grouped when the syntax ties them to one event.

"Isis killed two soldiers in an ambush attack" is one mention (kill + ambush + attack);
"Army jets bomb a base after rebels kill 12 villagers" is two: a relation word
("after", "following", "amid", "follow") separates events.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.data.lexicon import Trigger, cues, role_nouns, triggers, word_forms

CLAUSE_BOUNDARIES = {"advcl", "ccomp", "parataxis", "csubj", "acl"}
QUANTITY_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
NAME_ENTITIES = {"FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
POS_GROUPS = {"NOUN": {"NOUN", "PROPN"}, "VERB": {"VERB", "AUX"}, "ADJ": {"ADJ"}}


@dataclass
class TriggerHit:
    token: Token
    start: Token
    trigger: Trigger


@dataclass
class Mention:
    """One or more triggers in one sentence that report a single event."""

    hits: list[TriggerHit]
    sentence: Span
    sentence_index: int = 0
    quoted: bool = False
    hypothetical: bool = False
    negated: bool = False
    relation_word: Token | None = None

    @property
    def related(self) -> bool:
        return self.relation_word is not None

    @property
    def head(self) -> TriggerHit:
        """The most specific trigger names the event's type."""
        return max(self.hits, key=lambda h: (h.trigger.rank, -h.token.i))

    @property
    def role(self) -> str:
        roles = {h.trigger.role for h in self.hits}
        return "event" if "event" in roles else "kill" if "kill" in roles else "anaphor"

    @property
    def tokens(self) -> list[Token]:
        return [h.token for h in self.hits]

    @property
    def start_char(self) -> int:
        return min(h.start.idx for h in self.hits)

    @property
    def end_char(self) -> int:
        return max(h.token.idx + len(h.token) for h in self.hits)


def find_mentions(doc: Doc) -> list[Mention]:
    quotes = quoted_ranges(doc.text)
    mentions: list[Mention] = []
    for index, sentence in enumerate(doc.sents):
        hits = [hit for token in sentence if (hit := _match(token)) is not None]
        for group in _group(hits):
            mention = Mention(group, sentence, index)
            first = min(h.start.idx for h in group)
            mention.quoted = any(a <= first < b for a, b in quotes)
            mention.hypothetical = any(_is_hypothetical(h.token) for h in group)
            negated = [h for h in group if _is_negated(h.token)]
            mention.negated = len(negated) == len(group) or any(h.trigger.role == "event" for h in negated)  # "not injuring anyone" denies harm only
            mention.relation_word = next((w for h in group if (w := _relation_word(h.token)) is not None), None)
            mentions.append(mention)
    return mentions


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; an unclosed quote runs to the paragraph end."""
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, char in enumerate(text):
        if char == "\n" and open_at is not None and text[i - 1 : i] != "\n" and text[i + 1 : i + 2] == "\n":
            ranges.append((open_at, i))
            open_at = None
        elif char == "“" or (char == '"' and open_at is None):
            open_at = i if open_at is None else open_at
        elif (char == "”" or char == '"') and open_at is not None:
            ranges.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(text)))
    return [(a, b) for a, b in ranges if b - a > 30 or " " not in text[a:b] or len(text[a:b].split()) > 4]


def _match(token: Token) -> TriggerHit | None:
    if token.ent_type_ in QUANTITY_ENTITIES and token.pos_ != "VERB":
        return None  # the tagger may swallow the verb before a number ("kidnapped over 100" as one number)
    if token.ent_type_ in NAME_ENTITIES and token.ent_iob_ != "O" and _lemma(token) not in ("attack", "airstrike"):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() in role_nouns():
        return None  # "riot police", "protest marshals": a kind of force or person, no event
    if _is_source(token):
        return None  # "according to the UN peacekeeping mission": who tells, not what happened
    for trigger in _triggers_of(token):
        if trigger.pos != "any" and token.pos_ not in POS_GROUPS[trigger.pos]:
            continue
        if token.dep_ == "prep" and not any(c.dep_ == "pobj" and c.ent_type_ not in QUANTITY_ENTITIES for c in token.children):
            continue  # "fired at least 20 workers"; "fired ... on 18 February" is when, not at what
        if trigger.takes_ground and not takes_ground(token):
            continue  # "seized the town" is territory taken, "seized weapons" is not
        if trigger.role == "anaphor" and token.dep_ == "attr":
            continue  # "this was the worst such incident in a month" sizes an event up, refers to none
        start = _phrase_start(token, trigger.lemmas)
        if start is not None:
            return TriggerHit(token, start, trigger)
    return None


def _is_source(token: Token) -> bool:
    """A word of the phrase after "according to", which names who tells of the event."""
    return any(a.lower_ == "to" and a.head.lower_ == "according" for a in token.ancestors)


def takes_ground(token: Token) -> bool:
    """What the word takes is ground: a named place, a town or region, a base or position
    ("captured Douentza", "took control of two army bases", "the town fell to the rebels",
    "the town was retaken", "the capture of the airport")."""
    anchors = [token, token.head] if token.dep_ in ("dobj", "prt", "prep", "pobj") else [token]
    taken = []
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr") or child.dep_ == "nsubj" and _lemma(anchor) == "fall":
                taken.append(child)
            if child.dep_ == "pobj" and anchor.dep_ == "prep":
                taken.append(child)  # "swept into the city"
            if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "into" and anchor.pos_ == "VERB"):
                taken += [c for c in child.children if c.dep_ == "pobj"]  # "marched into the city"
    taken += [c for t in list(taken) for c in t.conjuncts]
    for head in taken:
        for part in (head, *(c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for c in c.children if c.dep_ == "pobj")):
            if _is_ground(part):
                return True
    return False


def _is_ground(token: Token) -> bool:
    if token.ent_type_ in PLACE_ENTITIES:
        return True  # the small model often tags an unknown village a person or an organisation: any name but a people's will do
    if token.ent_type_ == "NORP" or token.like_num:
        return False
    named = token.pos_ == "PROPN" or token.is_title and token.i != token.sent.start
    return named or bool(word_forms(token.lemma_, token.text) & (cues("settlement") | cues("region_word") | cues("held_ground")))  # "bases" is lemmatised "basis"


def _triggers_of(token: Token) -> list[Trigger]:
    """By the lemma, else, for a verb, by a bare stem: the lemmatiser gives "raped" → "rap"."""
    found = triggers().get(_lemma(token))
    if found or token.pos_ != "VERB":
        return found or []
    return next((triggers()[form] for form in sorted(word_forms(token.lemma_, token.text)) if form in triggers()), [])


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return "airstrike" if lemma in ("airstrikes", "air-strike") else lemma


def _phrase_start(token: Token, lemmas: tuple[str, ...]) -> Token | None:
    """Where a multi-word trigger begins: adjacent words, or a verb and its object (also
    the last of several: "fired 122mm, 120mm and 82mm mortars"), particle or preposition
    ("fired mortars at the positions"), or a preposition and its object ("with a banner")."""
    if len(lemmas) == 1:
        return token
    doc = token.doc
    first = token.i - len(lemmas) + 1
    if first >= 0 and tuple(_lemma(t) for t in doc[first : token.i + 1]) == lemmas:
        return doc[first]
    governed = token
    while governed.dep_ in ("conj", "appos") and governed.head.i != governed.i:
        governed = governed.head
    if len(lemmas) == 2 and governed.dep_ in ("dobj", "prt", "prep", "pobj") and _lemma(governed.head) == lemmas[0]:
        return governed.head
    return None


def _group(hits: list[TriggerHit]) -> list[list[TriggerHit]]:
    """Union triggers joined by the parse without a clause boundary or relation word between."""
    parent = list(range(len(hits)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    position = {token.i: index for index, hit in enumerate(hits) for token in (hit.start, hit.token)}
    for index, hit in enumerate(hits):
        target = _governing_trigger(hit.token, position)
        if target is not None and hit.trigger.takes_ground == hits[target].trigger.takes_ground:
            parent[find(index)] = find(target)  # ground taken is an event of its own (ACLED): "the bombing came as troops retook the town"
    groups: dict[int, list[TriggerHit]] = {}
    for index, hit in enumerate(hits):
        groups.setdefault(find(index), []).append(hit)
    return sorted(groups.values(), key=lambda g: min(h.token.i for h in g))


def _governing_trigger(token: Token, position: dict[int, int]) -> int | None:
    relation = cues("relation")
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        earlier = [i for i in position if i < token.i and token.doc[i].pos_ in ("NOUN", "PROPN")]
        if earlier:
            return position[max(earlier)]
    node = token
    naming = cues("speech")
    while node.head.i != node.i:
        if (node.dep_ in CLAUSE_BOUNDARIES and not _tells_same_event(node)) or _lemma(node) in relation:
            return None
        if node.i != token.i and node.pos_ == "VERB" and _lemma(node) in naming | {"call"}:
            return None
        if node.dep_ == "conj" and node.pos_ == "VERB" and any(c.dep_.startswith("nsubj") for c in node.children):
            return None
        node = node.head
        if _lemma(node) in relation:
            return None
        if node.i in position:
            return position[node.i]
    return None


def _tells_same_event(node: Token) -> bool:
    """'..., killing six civilians': a participle without subject tells the same event's
    result; '11 people were killed when Russian aircraft bombed a market': a when-clause
    tells how it happened."""
    if node.dep_ != "advcl":
        return False
    if node.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in node.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in node.children)


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    node = token
    while node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


def _is_hypothetical(token: Token) -> bool:
    hypothetical = cues("hypothetical")
    report_nouns = cues("report_noun")
    modals = cues("modal")
    for node in _ancestors(token):
        if node.lemma_.lower() in hypothetical and node.i != token.i and node.dep_ != "amod":
            return True
        if any(c.dep_ == "aux" and c.lower_ in modals for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.i != token.i and node.pos_ == "NOUN" and node.lemma_.lower() in report_nouns:
            return True
        if node.i != token.i and node.lemma_.lower() in cues("charge") and _bare_noun(token):
            return True
    return False


def _bare_noun(token: Token) -> bool:
    """"rape" of "accused of abuses including rape": a crime named, not an act told ("the
    attack", "Monday's raid" and "attacking the village" tell one)."""
    return token.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in token.children)


def _relation_word(token: Token) -> Token | None:
    """The word that introduces the event as the cause or context of another ("after
    gunmen massacre...", "before today's strikes", "follow US airstrikes"), if any: such an
    event is not the article's lead event, and the word says how the two are linked. The
    subject of "follow" or "come" is the later event, not a related one."""
    relation = cues("relation")
    node, previous = token, token
    while True:
        if node.i != token.i and node.lemma_.lower() in relation and node.pos_ in ("ADP", "SCONJ", "VERB", "NOUN"):
            subject_side = node.pos_ == "VERB" and previous.dep_ in ("nsubj", "nsubjpass")
            return None if subject_side or _causes_harm(node, node.head) else node
        marker = next((c for c in node.children if c.dep_ == "mark" and c.lemma_.lower() in relation), None)
        if marker is not None:
            return None if _causes_harm(marker, node.head) else marker
        if node.dep_ in CLAUSE_BOUNDARIES or node.head.i == node.i:
            return None
        node, previous = node.head, node


def _causes_harm(relation_word: Token, harm: Token) -> bool:
    """"Three guards were killed following an attack on the post", "the death toll rose to
    five after a protester was shot dead": the act after the word is what killed them or
    raised the toll, not another event (unlike "in retaliation for an attack"). `harm` is
    what the word's clause hangs from."""
    if harm.i == relation_word.i or relation_word.lemma_.lower() in cues("retaliation"):
        return False
    if _toll_rises(harm):
        return True
    hit = _match(harm)
    no_doer = not any(c.dep_ == "nsubj" for c in harm.children) or harm.lemma_.lower() == "die"
    return hit is not None and hit.trigger.role == "kill" and no_doer


def _toll_rises(verb: Token) -> bool:
    """"the number of fatalities has increased to five", "the death toll rose to 12"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    counted = [s for s in subjects if s.lemma_.lower() in cues("toll") or any(c.lemma_.lower() in cues("toll") for c in s.subtree)]
    return verb.lemma_.lower() in cues("toll_change") and bool(counted)


def _is_negated(token: Token) -> bool:
    negation = cues("negation")
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for node in {token, verb}:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
    return any(node.lemma_.lower() in negation for node in _ancestors(token)[1:4])
