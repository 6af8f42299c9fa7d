"""The curated tables in data/, compiled once into the lookups the extractor uses."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.data import load_table, split_list
from sitrep.folding import fold, fold_with_offsets


@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]
    pos: str
    event_type: str
    sub_event_type: str
    role: str
    rank: int
    takes_ground: bool = False
    """The word tells this event only when what it takes is ground (triggers.csv's object)."""


@dataclass(frozen=True)
class SubEventType:
    """A row of ACLED's taxonomy: a sub-event type under its event type, and their family."""

    event_type: str
    sub_event_type: str
    family: str


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    of_name: str


@dataclass(frozen=True)
class NamedActor:
    canonical: str
    inter: int
    country: str | None


@dataclass(frozen=True)
class Term:
    """A lexicon hit in the text."""

    start: int
    end: int
    text: str
    value: str


class AliasMatcher:
    """Finds aliases in text at word boundaries; longest alias first, all-capital ones by case,
    the others folded (`sitrep.folding`: "TÜRKİYE" and "Turkiye" find "Türkiye").

    Regular expressions rather than token patterns, because the tokenizer splits names such
    as "F-15Es" or "Deir ez-Zor" unpredictably, and because hits must carry exact offsets.
    """

    def __init__(self, aliases: dict[str, str], plural: bool = False, whole_names: bool = False) -> None:
        """`whole_names`: a name is not found inside a longer one ("National Liberation
        Army" of "Kayin National Liberation Army")."""
        self._whole_names = whole_names
        suffix = r"(?:s|es|'s|’s)?" if plural else r"(?:'s|’s)?"
        exact = sorted((a for a in aliases if a.isupper() or len(a) <= 3), key=len, reverse=True)
        loose = sorted({fold(a) for a in aliases if a not in exact}, key=len, reverse=True)
        self._exact_values = {a: aliases[a] for a in exact}
        self._loose_values = {fold(a): v for a, v in aliases.items() if a not in self._exact_values}
        self._exact = _alternation(exact, suffix)
        self._loose = _alternation(loose, suffix)

    def find(self, text: str, offset: int = 0) -> list[Term]:
        hits: list[Term] = []
        if self._loose is not None:
            folded = fold_with_offsets(text)
            for match in self._loose.finditer(folded.text):
                start, end = folded.span(*match.span())
                hits.append(Term(offset + start, offset + end, text[start:end], self._loose_values[match.group("alias")]))
        if self._exact is not None:
            for match in self._exact.finditer(text):
                hits.append(Term(offset + match.start(), offset + match.end(), match.group(0), self._exact_values[match.group("alias")]))
        if self._whole_names:
            hits = [hit for hit in hits if not _inside_a_name(text, hit.start - offset, hit.text)]
        return _non_overlapping(hits)


def _inside_a_name(text: str, start: int, found: str) -> bool:
    """A name of three or more capitalised words right after another capitalised word that
    is no article, possessive or country ("Sudan's Rapid Support Forces", "Sudanese Armed
    Forces"); a shorter one may follow a part of its own name spelt otherwise ("Harakat
    al-Shabaab")."""
    if len(found.split()) < 3 or not found[:1].isupper():
        return False
    before = text[max(0, start - 40) : start]
    words = before.split()
    if not (before[-1:].isspace() and words and re.fullmatch(r"[A-Z][\w'’]*", words[-1])):
        return False
    previous = words[-1]
    return previous not in ("The", "A", "An") and not previous.endswith(("'s", "’s")) and not country_matcher().find(previous)


def _alternation(aliases: list[str], suffix: str) -> re.Pattern[str] | None:
    if not aliases:
        return None
    body = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w-])(?<![\w-]\()(?P<alias>{body}){suffix}(?![\w-])")  # not the "US" of a party's "CPN(US)"


def _non_overlapping(hits: list[Term]) -> list[Term]:
    kept: list[Term] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def word_forms(lemma: str, text: str) -> set[str]:
    """The lemma and the bare stems of a word: the lemmatiser gives "staged" → "stag"."""
    word = text.lower()
    stems = {word[: -len(end)] + add for end, add in (("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", "")) if word.endswith(end)}
    return {lemma.lower(), word, *stems}


@cache
def triggers() -> dict[str, list[Trigger]]:
    """Triggers indexed by their last lemma, the one that anchors the match."""
    index: dict[str, list[Trigger]] = {}
    for row in load_table("triggers.csv"):
        trigger = Trigger(
            tuple(row["phrase"].lower().split()),
            row["pos"],
            row["event_type"],
            row["sub_event_type"],
            row["role"],
            int(row["rank"]),
            row.get("object") == "place",
        )
        index.setdefault(trigger.lemmas[-1], []).append(trigger)
    for candidates in index.values():
        candidates.sort(key=lambda t: len(t.lemmas), reverse=True)
    return index


@cache
def taxonomy() -> tuple[SubEventType, ...]:
    """ACLED's sub-event types, in ACLED's order."""
    return tuple(SubEventType(row["event_type"], row["sub_event_type"], row["family"]) for row in load_table("taxonomy.csv"))


@cache
def families() -> dict[str, str]:
    """Event type → its family."""
    return {row.event_type: row.family for row in taxonomy()}


@cache
def family_types(family: str) -> frozenset[str]:
    """The event types of a family; a family taxonomy.csv does not name is a typo, not an empty family."""
    found = frozenset(event_type for event_type, own in families().items() if own == family)
    if not found:
        raise ValueError(f"taxonomy.csv names no family {family!r} (families: {', '.join(sorted(set(families().values())))})")
    return found


@cache
def _cue_kinds() -> dict[str, frozenset[str]]:
    """Kind → its words, every kind cues.csv declares."""
    kinds: dict[str, set[str]] = {}
    for row in load_table("cues.csv"):
        kinds.setdefault(row["kind"], set()).add(row["lemma"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def cues(kind: str) -> frozenset[str]:
    """The words of a kind; a kind cues.csv does not declare is a typo, not an empty list."""
    try:
        return _cue_kinds()[kind]
    except KeyError:
        raise ValueError(f"cues.csv declares no kind {kind!r} (kinds: {', '.join(sorted(_cue_kinds()))})") from None


@cache
def role_nouns() -> dict[str, str]:
    return {row["noun"].lower(): row["kind"] for row in load_table("roles.csv")}


@cache
def countries() -> dict[str, Country]:
    return {row["iso2"]: Country(row["iso2"], row["name"], row["of_name"]) for row in load_table("countries.csv")}


@cache
def country_matcher() -> AliasMatcher:
    """Country names and demonyms → ISO alpha-2."""
    aliases: dict[str, str] = {}
    for row in load_table("countries.csv"):
        for alias in split_list(row["aliases"]) + split_list(row["demonyms"]) + [row["name"]]:
            aliases[alias] = row["iso2"]
    return AliasMatcher(aliases)


@cache
def country_names() -> frozenset[str]:
    """Folded names (not demonyms) that denote a country as a place."""
    names = set()
    for row in load_table("countries.csv"):
        names.update(fold(a) for a in split_list(row["aliases"]) + [row["name"]])
    return frozenset(names)


@cache
def named_actors() -> dict[str, NamedActor]:
    return {
        row["canonical"]: NamedActor(row["canonical"], int(row["type"]), row["country"] or None)
        for row in load_table("actors.csv")
    }


@cache
def actor_matcher() -> AliasMatcher:
    aliases = {alias: row["canonical"] for row in load_table("actors.csv") for alias in split_list(row["aliases"])}
    return AliasMatcher(aliases, whole_names=True)


@cache
def weapon_matcher() -> AliasMatcher:
    aliases = {alias: row["canonical"] for row in load_table("weapons.csv") for alias in split_list(row["aliases"])}
    return AliasMatcher(aliases, plural=True)


@cache
def weapon_types() -> dict[str, tuple[str, str]]:
    """Weapons that decide what a generic attack is (weapons.csv's `makes`): canonical name →
    (event type, sub-event type)."""
    event_type = {row.sub_event_type: row.event_type for row in taxonomy()}
    return {row["canonical"]: (event_type[row["makes"]], row["makes"]) for row in load_table("weapons.csv") if row.get("makes")}


@cache
def platforms() -> frozenset[str]:
    """Canonical names of aircraft, drones and vehicles: a platform acting is an armed force."""
    return frozenset(row["canonical"] for row in load_table("weapons.csv") if row["kind"] == "platform")


@cache
def _quantity_kinds() -> dict[str, dict[str, str]]:
    """Kind → word → value, every kind quantities.csv declares, its words in the table's order."""
    kinds: dict[str, dict[str, str]] = {}
    for row in load_table("quantities.csv"):
        kinds.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return kinds


def _quantities(kind: str) -> dict[str, str]:
    try:
        return _quantity_kinds()[kind]
    except KeyError:
        raise ValueError(f"quantities.csv declares no kind {kind!r} (kinds: {', '.join(sorted(_quantity_kinds()))})") from None


@cache
def vague_numbers() -> dict[str, int]:
    return {word: int(value) for word, value in _quantities("vague").items()}


@cache
def measures() -> dict[str, str]:
    return _quantities("measure")


@cache
def bounds() -> dict[str, str]:
    """Words → "lower" (the count is a lower bound: "more than 90") or "upper" ("up to 3,000")."""
    return _quantities("bound")


@cache
def scales() -> dict[str, int]:
    return {word: int(value) for word, value in _quantities("scale").items()}


@cache
def date_numbers() -> dict[str, int]:
    return {word: int(value) for word, value in _quantities("number").items()}


@cache
def time_units() -> dict[str, int]:
    """A unit of a date phrase → its days."""
    return {word: int(value) for word, value in _quantities("time_unit").items()}


@cache
def holidays() -> dict[str, tuple[int, int]]:
    """Name → (month, day), longer names first."""
    found: dict[str, tuple[int, int]] = {}
    for word, value in _quantities("holiday").items():
        month, day = value.split("-")
        found[word] = (int(month), int(day))
    return found


MAX_CHROME_LINE = 200
"""Chrome patterns only ever remove lines this short: a paragraph that mentions "cookie
policy" is still a paragraph."""


@cache
def chrome_patterns() -> dict[str, re.Pattern[str]]:
    """Site chrome by kind: `line` (a line to drop) and `section` (a heading such as "Related
    stories" whose list follows)."""
    groups: dict[str, list[str]] = {"line": [], "section": []}
    for row in load_table("chrome.csv"):
        groups[row["kind"]].append(row["pattern"])
    return {kind: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) for kind, pats in groups.items()}


def is_chrome(line: str) -> bool:
    """A short line that a chrome pattern of either kind matches."""
    return len(line) <= MAX_CHROME_LINE and any(pattern.search(line) for pattern in chrome_patterns().values())


@cache
def acled_regions() -> dict[str, str]:
    """ISO alpha-2 → the region ACLED files the country under."""
    return {row["iso2"]: row["region"] for row in load_table("acled_regions.csv")}


@cache
def outlet_scales() -> dict[str, str]:
    """An outlet's name or alias, folded → its reach (ACLED's source scale)."""
    return {fold(name): row["scale"] for row in load_table("outlets.csv") for name in [row["outlet"], *split_list(row["aliases"])]}


@cache
def note_templates() -> dict[str, str]:
    """Sub-event type → how an ACLED-style note tells it (taxonomy.csv's `note`)."""
    return {row["sub_event_type"]: row["note"] for row in load_table("taxonomy.csv")}
