"""Site chrome removal: link lines, comment notices, story lists, stray captions.

A line survives when it reads as part of the story: it ends like a sentence, or it is
the headline. Patterns for chrome are data (data/chrome.csv), and only ever remove short
lines: a paragraph that mentions "cookie policy" is still a paragraph.
"""
from __future__ import annotations

import re

from sitrep.data.lexicon import MAX_CHROME_LINE, chrome_patterns

SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")
INNER_SENTENCE_END = re.compile(r"\w[.!?]['\"’”]* [A-Z]")
CUT_PARAGRAPH_WORDS = 20
"""A line this long with a whole sentence in it is the story's, though the page cut its end."""
LIST_ITEM = re.compile(r"^(\d+[.)]|[-*•·])\s")
TRUNCATED = re.compile(r"\w\s?(\.\.\.|…)$")
"""A line cut off after a word ("attacked a wedding in central Mali on..."): a teaser of
another story, as listing pages show them."""


def strip_chrome(raw: str) -> list[str]:
    """The story's lines, in order, with chrome and blank lines removed."""
    patterns = chrome_patterns()
    kept: list[str] = []
    in_section = False
    for raw_line in raw.splitlines():
        indented = raw_line[:1] in (" ", "\t")
        line = " ".join(raw_line.split())
        if not line:
            continue
        if len(line) <= MAX_CHROME_LINE and patterns["section"].search(line):
            in_section = True
            continue
        if in_section:
            if indented or LIST_ITEM.match(line) or not _is_sentence(line):
                continue
            in_section = False
        if len(line) <= MAX_CHROME_LINE and patterns["line"].search(line):
            continue
        if kept and (not _is_sentence(line) or _is_headline_link(line)):
            continue
        kept.append(line)
    return kept


def _is_sentence(line: str) -> bool:
    """A sentence, or a paragraph of sentences whose end the page cut off."""
    if TRUNCATED.search(line) or len(line.split()) < 3:
        return False
    return bool(SENTENCE_END.search(line)) or len(line.split()) >= CUT_PARAGRAPH_WORDS and bool(INNER_SENTENCE_END.search(line))


def _is_headline_link(line: str) -> bool:
    """Title Case lines ending in '?' are teasers for other stories, not the story."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3 or not line.endswith("?"):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75
