"""Role fillers: the article's own words for who attacked, what was hit, who was harmed
and with what ("a guerrilla column", "the presidential farm", "a peasant", "dynamite").

The five roles are the MUC-4 template slots. Every noun phrase (several boundaries per
head noun: the noun, its modifiers, its "of" phrase, its whole subtree) is a candidate; a
linear model over its words, its head, its dependency path to the governing verb and its
neighbours says which role it fills, if any. A second model reads the whole text and says
whether it reports an incident at all, so a story about peace talks names no victims.
Both are trained by train/train_roles.py on MUC-4 train.jsonl. A whole document's fillers
(document_roles) are scored by the fine-tuned encoder too (encoder.py).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from sitrep import linear
from sitrep.data.lexicon import cues, role_nouns
from sitrep.extraction.encoder import (
    encoder_fillers,
    span_probability,
    word_probabilities,
)
from sitrep.extraction.fillers import RoleFiller, distinct, mention_key

MODEL_FILE = "roles.npz"
SPAN_MODEL = "roles.span"
INCIDENT_MODEL = "roles.incident"
NONE = "none"
FILLER_PROBABILITY = 0.2
CANDIDATE_PROBABILITY = 0.03
INCIDENT_PROBABILITY = 0.3
ENCODER_PROBABILITY = 0.8
ENCODER_WEIGHT = 0.5
JOINT_PROBABILITY = 0.35
NOUN_TAGS = ("NOUN", "PROPN")
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")
LEFT_MODIFIERS = ("compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod", "punct", "case")
RIGHT_MODIFIERS = ("compound", "appos", "amod")
LEADING_FUNCTION_WORDS = ("det", "predet", "punct", "cc")
MAX_PATH = 4
WINDOW = 6
MAX_NAME_WORDS_ADDED = 2


def candidates(doc: Doc, sentences: Iterable[Span] | None = None, heads: tuple[str, ...] | None = None) -> list[tuple[int, int, int]]:
    """(start, end, head) token spans of the noun phrases that may fill a role; `heads`
    (parts of speech) narrows them when only some roles are wanted."""
    parts = [doc[:]] if sentences is None else list(sentences)
    spans: set[tuple[int, int, int]] = set()
    for part in parts:
        for token in part:
            if _may_head(token, heads):
                spans.update(_boundaries(token))
        for span in (*part.noun_chunks, *part.ents):
            if _may_head(span.root, heads):
                spans.add((span.start, span.end, span.root.i))
    return sorted(spans)


def _may_head(token: Token, heads: tuple[str, ...] | None) -> bool:
    if heads is not None:
        return token.pos_ in heads
    return token.pos_ in NOUN_TAGS or token.pos_ == "NUM" and token.dep_ in ARGUMENT_DEPS


def _boundaries(head: Token) -> set[tuple[int, int, int]]:
    """The head alone, with its adjacent modifiers, with its "of" phrase, and its subtree."""
    left = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in LEFT_MODIFIERS or child.right_edge.i != left - 1:
            break
        left = child.left_edge.i
    right = head.i + 1
    for child in head.rights:
        if child.dep_ in RIGHT_MODIFIERS or child.dep_ == "prep" and child.lower_ == "of":
            right = max(right, child.right_edge.i + 1)
    start = head.left_edge.i
    while start < head.i and head.doc[start].dep_ in LEADING_FUNCTION_WORDS:
        start += 1
    return {
        (head.i, head.i + 1, head.i),
        (left, head.i + 1, head.i),
        (left, right, head.i),
        (start, head.i + 1, head.i),
        (start, head.right_edge.i + 1, head.i),
    }


def span_features(doc: Doc, start: int, end: int, head_index: int, shared: list[str]) -> dict[str, float]:
    """Indicators of a candidate's words and boundaries, beside its head's (`shared`)."""
    words = [w.lower_ for w in doc[start:end] if not w.is_punct]
    head = doc[head_index]
    features = [
        *shared, f"span={mention_key(doc[start:end].text)}", f"length={min(len(words), 5)}",
        f"first={words[0] if words else ''}", f"left_dep={doc[start].dep_}",
        f"prev={doc[start - 1].lower_ if start > 0 else '<s>'}", f"prev2={doc[start - 2].lower_ if start > 1 else '<s>'}",
        f"next={doc[end].lower_ if end < len(doc) else '</s>'}", f"next2={doc[end + 1].lower_ if end + 1 < len(doc) else '</s>'}",
        f"subtree={start == head.left_edge.i and end == head.right_edge.i + 1}", f"has_of={'of' in words}",
        *(f"word={w}" for w in words),
    ]
    return dict.fromkeys(features, 1.0)


def head_features(head: Token, sentence_index: int, frequency: Counter[str]) -> list[str]:
    """What a candidate's head says, the same for each of its boundaries (computed once)."""
    lemma = head.lemma_.lower()
    verb, path = _governor(head)
    features = [
        f"head={head.lower_}", f"lemma={lemma}", f"dep={head.dep_}", f"pos={head.pos_}", f"ent={head.ent_type_}",
        f"sentence={min(sentence_index, 6)}", f"frequency={min(frequency[lemma], 4)}",
        f"verb={verb}", f"path={path}", f"path_verb={path}:{verb}", f"lemma_verb={lemma}:{verb}", f"lemma_path={lemma}:{path}",
    ]
    if head.dep_ == "pobj":
        features += [f"prep={head.head.lower_}", f"prep_governor={head.head.lower_}:{head.head.head.lemma_.lower()}"]
    if head.dep_ in ("compound", "amod"):
        features.append(f"modifies={head.head.lemma_.lower()}")
    features += _nearby_verbs(head)
    governor = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if governor is not None:
        features.append(f"negated={any(c.dep_ == 'neg' for c in governor.children)}")
        features += [f"sibling={c.dep_}:{c.lemma_.lower()}" for c in governor.children if c.dep_ in ("nsubj", "dobj", "nsubjpass", "agent") and c.i != head.i]
    return features


def _nearby_verbs(head: Token) -> list[str]:
    """The verbs just before and after a head in its sentence, read without the parse,
    which fails on lowercased wire text ("murdered university student mario flores" is
    parsed with "flores" as its root)."""
    sentence = head.sent
    before = next((t for t in reversed(sentence[: head.i - sentence.start]) if t.pos_ == "VERB"), None)
    after = next((t for t in sentence[head.i - sentence.start + 1 :] if t.pos_ == "VERB"), None)
    features = []
    if before is not None and head.i - before.i <= WINDOW:
        features.append(f"verb_before={before.lemma_.lower()}")
    if after is not None and after.i - head.i <= WINDOW:
        features.append(f"verb_after={after.lemma_.lower()}")
    return features


def _governor(token: Token) -> tuple[str, str]:
    """The nearest verb above a token and the dependency labels on the way to it."""
    path: list[str] = []
    while token.head.i != token.i and len(path) < MAX_PATH:
        path.append(token.dep_)
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower(), "/".join(path)
    return "", "/".join(path)


def candidate_features(
    doc: Doc, sentences: Iterable[Span] | None = None, heads: tuple[str, ...] | None = None
) -> list[tuple[tuple[int, int, int], dict[str, float]]]:
    sentence_starts = [sentence.start for sentence in doc.sents]
    frequency = Counter(t.lemma_.lower() for t in doc if t.pos_ in NOUN_TAGS)
    by_head: dict[int, list[str]] = {}
    rows = []
    for start, end, head in candidates(doc, sentences, heads):
        if not mention_key(doc[start:end].text):
            continue
        if head not in by_head:
            by_head[head] = head_features(doc[head], bisect_right(sentence_starts, head) - 1, frequency)
        rows.append(((start, end, head), span_features(doc, start, end, head, by_head[head])))
    return rows


def role_fillers(doc: Doc, sentences: Iterable[Span] | None = None, heads: tuple[str, ...] | None = None) -> list[RoleFiller]:
    """Every candidate likely enough to fill a role, in the given sentences (default all)."""
    fillers = [f for f in _scored_candidates(doc, sentences, heads) if f.probability >= FILLER_PROBABILITY]
    return distinct(_whole_names(doc, fillers))


def _scored_candidates(doc: Doc, sentences: Iterable[Span] | None, heads: tuple[str, ...] | None) -> list[RoleFiller]:
    """Each candidate with each role the linear model gives it some chance of."""
    model = linear.load(MODEL_FILE, SPAN_MODEL)
    rows = candidate_features(doc, sentences, heads)
    if model is None or not rows:
        return []
    probabilities = model.probabilities([features for _, features in rows])
    fillers = []
    for ((start, end, _), _), row in zip(rows, probabilities):
        for role, probability in zip(model.labels, row):
            if role != NONE and probability >= CANDIDATE_PROBABILITY:
                span = doc[start:end]
                fillers.append(RoleFiller(role, span.start_char, span.end_char, span.text, float(probability)))
    return fillers


def _whole_names(doc: Doc, fillers: list[RoleFiller]) -> list[RoleFiller]:
    """A victim named in part is named in full where the text also gives the name with
    more name words: "jaramillo" → "bernardo jaramillo ossa" of "candidate bernardo
    jaramillo ossa" (MUC-4 keys and readers both want the full name). The longest name
    wins; of two as long, the one the words end ("X" → "Y X" rather than "X Z")."""
    whole = []
    for filler in fillers:
        words = mention_key(filler.text).split()
        if filler.role == "victim" and words and (names := _names_around(doc, words)):
            span = max(names, key=lambda name: (len(name), name[-1].lower_ == words[-1]))
            filler = RoleFiller(filler.role, span.start_char, span.end_char, span.text, filler.probability)
        whole.append(_bare_name(doc, filler))
    return whole


def _bare_name(doc: Doc, filler: RoleFiller) -> RoleFiller:
    """A victim's name without the title before it or the age after it: "ambassador jesus
    fernandez" and "maria elena diaz, 34" are "jesus fernandez" and "maria elena diaz"
    (cue kind `person_title`)."""
    span = doc.char_span(filler.start, filler.end, alignment_mode="expand")
    if filler.role != "victim" or span is None:
        return filler
    titles = cues("person_title")
    first, last = 0, len(span)
    while first < last - 1 and span[first].lower_ in titles and span[first + 1].pos_ in NOUN_TAGS:
        first += 1
    while last > first + 1 and (span[last - 1].like_num or span[last - 1].is_punct):
        last -= 1
    if (first, last) == (0, len(span)):
        return filler
    bare = span[first:last]
    return RoleFiller(filler.role, bare.start_char, bare.end_char, bare.text, filler.probability)


def _names_around(doc: Doc, words: list[str]) -> list[Span]:
    """Every occurrence of the words in the text with the name words on either side."""
    lowered = [t.lower_ for t in doc]
    longer = []
    for first in range(len(lowered) - len(words) + 1):
        if lowered[first : first + len(words)] != words:
            continue
        start, end = first, first + len(words)
        while start > max(0, first - MAX_NAME_WORDS_ADDED) and _is_name_word(doc[start - 1]):
            start -= 1
        while end < min(len(doc), first + len(words) + MAX_NAME_WORDS_ADDED) and _is_name_word(doc[end]):
            end += 1
        if end - start > len(words):
            longer.append(doc[start:end])
    return longer


def _is_name_word(token: Token) -> bool:
    """A word that may be part of a person's name: no title, no role noun, no function word."""
    return (
        token.is_alpha and not token.is_stop and token.pos_ in ("PROPN", "NOUN", "ADJ", "X") and token.tag_ != "NNS"
        and not {token.lower_, token.lemma_.lower()} & (cues("person_title") | role_nouns().keys())
    )


def incident_probability(text: str) -> float:
    """How likely the text reports an attack, a bombing, a kidnapping or another incident."""
    model = linear.load(MODEL_FILE, INCIDENT_MODEL)
    if model is None:
        return 1.0
    return float(model.probabilities([linear.word_features(text)])[0][model.labels.index("incident")])


def document_roles(doc: Doc) -> list[RoleFiller]:
    """The role fillers of a whole article; none when it reports no incident. Each noun
    phrase is scored by both models, the linear one's probability and the encoder's
    (encoder.py) averaged; a run of words the encoder alone is sure of is a filler too,
    since the parse proposes no phrase for some ("dynamite and grenades")."""
    if incident_probability(doc.text) < INCIDENT_PROBABILITY:
        return []
    words = word_probabilities(doc.text)
    fillers = [
        RoleFiller(f.role, f.start, f.end, f.text, joint)
        for f in _scored_candidates(doc, None, None)
        if (joint := (1 - ENCODER_WEIGHT) * f.probability + ENCODER_WEIGHT * span_probability(words, f.role, f.start, f.end)) >= JOINT_PROBABILITY
    ]
    return distinct(_whole_names(doc, fillers + encoder_fillers(words, doc.text, ENCODER_PROBABILITY)))
