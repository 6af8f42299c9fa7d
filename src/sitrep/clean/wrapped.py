"""Hard-wrapped paragraphs (a line break every 60-80 characters, as in e-mail, wire feeds and
plain-text archives) joined back into one line each: the chrome filter reads a line that
ends without a full stop as page furniture, and the parser would end a sentence at every
break, so a wrapped story lost half its lines.

A run of lines is wrapped prose when each line but the last is long, none ends a sentence
by itself more often than not, and the lines after a break mostly go on in lower case ("...
near Menaka on Tuesday, killing / nine soldiers"): a list of headlines or menu items, also
long and without full stops, starts each line with a capital.
"""
from __future__ import annotations

import re

MIN_WRAPPED_LINE = 40
"""Characters: a shorter line ends its paragraph (or is a heading, a menu item)."""
SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def unwrap(text: str) -> str:
    """The text with each hard-wrapped paragraph on one line; everything else as it was."""
    blocks = re.split(r"(\n[ \t]*\n)", text)
    return "".join(_joined(block) if index % 2 == 0 else block for index, block in enumerate(blocks))


def _joined(block: str) -> str:
    lines = block.split("\n")
    if len(lines) < 2 or not _wrapped(lines):
        return block
    return " ".join(line.strip() for line in lines if line.strip())


def _wrapped(lines: list[str]) -> bool:
    broken = [line.rstrip() for line in lines[:-1]]
    following = [line.lstrip() for line in lines[1:] if line.strip()]
    if not following or any(len(line) < MIN_WRAPPED_LINE for line in broken):
        return False
    ended = sum(bool(SENTENCE_END.search(line)) for line in broken)
    going_on = sum(line[0].islower() for line in following)
    return ended * 2 <= len(broken) and going_on * 2 >= len(following)
