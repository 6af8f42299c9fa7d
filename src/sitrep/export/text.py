"""Events and reports as text for a terminal: the table of `sitrep events` and the pages of
`sitrep show` (the chosen values beside each report's, the evidence of each field)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sitrep.records import Event, EventReport

FLEXIBLE = (("sub-event type", 28, 14), ("actor1", 34, 13), ("actor2", 30, 13), ("country", 12, 11), ("location", 14, 10))
"""The columns that give way on a narrow terminal: (title, width they like, least width: the
longest common word fits)."""
BREAK_AFTER = re.compile(r"(?<=/)|(?<=\s)")
"""Where a cell may wrap: after a space or a slash ("Shelling/ artillery/ missile attack")."""


def table(rows: Iterable[tuple[str, EventReport, int]], width: int = 160) -> Iterable[str]:
    """The header, then one row of (id, report or merged report, sources) on as many lines
    as its longest cell needs, within `width` characters; names wrap between words."""
    rows = list(rows)
    id_width = max([len("id"), *(len(key) for key, _, _ in rows)])
    fixed = id_width + 1 + 10 + 1 + 5 + 1 + 4
    if fixed + len(FLEXIBLE) + sum(least for _, _, least in FLEXIBLE) > width:
        yield from _stacked(rows, id_width, width)
        return
    spare = width - fixed - len(FLEXIBLE) - sum(least for _, _, least in FLEXIBLE)
    give = sum(liked - least for _, liked, least in FLEXIBLE)
    widths = [least + min(liked - least, (liked - least) * spare // give) for _, liked, least in FLEXIBLE]
    yield " ".join([f"{'id':<{id_width}}", f"{'date':<10}", *(f"{title:<{w}.{w}}" for (title, _, _), w in zip(FLEXIBLE, widths)), f"{'dead':>5}", f"{'src':>4}"])
    for key, r, sources in rows:
        cells = [wrap(c or "", w) for c, w in zip((r.sub_event_type, r.actor1, r.actor2, r.country, r.location), widths)]
        for line in range(max(len(c) for c in cells)):
            first = line == 0
            yield " ".join([f"{key if first else '':<{id_width}}", f"{str(r.event_date or '') if first else '':<10}",
                            *(f"{c[line] if line < len(c) else '':<{w}}" for c, w in zip(cells, widths)),
                            f"{r.fatalities if first else '':>5}", f"{sources if first else '':>4}"]).rstrip()


def _stacked(rows: list[tuple[str, EventReport, int]], id_width: int, width: int) -> Iterable[str]:
    """A terminal too narrow for the columns: each row as its id, date, type, dead and
    sources, then who did it to whom and where, indented and wrapped between words."""
    yield f"{'id':<{id_width}} {'date':<10} {'dead':>5} {'src':>4}  sub-event type"
    for key, r, sources in rows:
        yield f"{key:<{id_width}} {str(r.event_date or ''):<10} {r.fatalities:>5} {sources:>4}  {r.sub_event_type}"
        told = f"{r.actor1 or '?'} → {r.actor2 or '-'}; " + ", ".join(p for p in (r.location, r.country) if p)
        yield from (f"    {line}" for line in wrap(told, max(20, width - 4)))


def wrap(text: str, width: int) -> list[str]:
    """The text in lines of at most `width`, broken after spaces and slashes; a word longer
    than the width is cut only then."""
    lines = [""]
    for word in (w for w in BREAK_AFTER.split(text) if w):
        if len(lines[-1]) + len(word.rstrip()) > width and lines[-1]:
            lines[-1] = lines[-1].rstrip()
            lines.append("")
        while len(word.rstrip()) > width:
            lines[-1], word = word[:width], word[width:]
            lines.append("")
        lines[-1] += word
    return [line.rstrip() for line in lines]


def shorten(text: str, width: int) -> str:
    """The text within `width`, cut after a whole word and marked with "…"."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def copy_line(copy: dict[str, Any]) -> str:
    """A syndicated copy of a stored article: another outlet that carried the story."""
    return f"also reported by: {copy['outlet'] or '-'}  {copy['published'] or ''}  {copy['url'] or copy['source_path']}  ({copy['copy_id']})"


SIDE_BY_SIDE = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                "geo_precision", "fatalities", "weapons", "claimed_by", "certainty")
REPORT_FIELDS = ("event_type", "sub_event_type", "event_date", "date_from", "date_to", "date_precision", "actor1",
                 "actor1_type", "assoc_actor_1", "actor2", "actor2_type", "country", "iso3", "location", "latitude",
                 "longitude", "geo_precision", "fatalities", "weapons", "quantities", "operation", "claimed_by",
                 "certainty", "background", "related")
COLUMN = (16, 32)
"""The narrowest and widest column of the side-by-side table; a value wider wraps between words."""
SHOWN_REPORTS = 4
"""Reports beside the event in the side-by-side table; each is shown in full below it."""


def render_event(event: Event, reports: list[EventReport], width: int = 160) -> str:
    """The chosen values beside each report's (wrapped to fit `width`), then the
    disagreements with who says what."""
    merged = event.merged.to_dict()
    lines = [f"{event.event_id}: {event.merged.notes}",
             f"  {event.source_count} sources, {event.independent_sources} independent ({event.corroboration}); certainty {event.merged.certainty}"
             f"; first reported {event.first_reported or '-'}", ""]
    beside = reports[:SHOWN_REPORTS]
    columns = [r.to_dict() for r in beside]
    column = max(COLUMN[0], min(COLUMN[1], (width - 19) // (1 + len(beside)) - 1))
    rows = [("field", ["event", *(r.report_id for r in beside)])]
    rows += [(name, [_cell(merged[name]), *(_cell(c[name]) for c in columns)]) for name in SIDE_BY_SIDE]
    for name, cells in rows:
        wrapped = [wrap(cell, column) for cell in cells]
        for depth in range(max(map(len, wrapped))):
            label = name if depth == 0 else ""
            lines.append(f"  {label:<16} " + " ".join(f"{(w[depth] if depth < len(w) else ''):<{column}}" for w in wrapped).rstrip())
    if len(reports) > len(beside):
        lines.append(f"  (and {len(reports) - len(beside)} more reports, below)")
    for name, claims in event.disagreements.items():
        said = "; ".join(f"{claim.value} by {', '.join(claim.outlets)}" for claim in claims)
        lines.append(f"  disagreement on {name}: {said}")
    for link in event.links:
        lines.append(f"  {link.relation}: {link.event_id or link.operation}")
    lines.append("  sources:")
    for source in event.sources:
        copy = f" (copy of {source.copy_of})" if source.copy_of else ""
        lines.append(f"    {str(source.published or ''):<26} {source.outlet or '-':<24} {source.url or source.article_id}{copy}")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def render_report(report: EventReport, article: dict[str, object]) -> str:
    """A report's fields, its source, and the characters each field was read from."""
    fields = report.to_dict()
    lines = [f"{report.report_id}: {report.notes}", ""]
    for name in REPORT_FIELDS:
        value = fields[name]
        if value not in (None, [], {}, ""):
            lines.append(f"  {name:<16} {value}")
    lines += ["", f"source: {article.get('id')}  {article.get('outlet') or ''}  {article.get('url') or ''}  published {article.get('published') or '(no date)'}"]
    lines.append("evidence:")
    for item in report.evidence:
        label = "sentence" if item.field == "event" else item.field
        lines.append(f"  [{item.start}:{item.end}] {label:<16} {item.text}")
    return "\n".join(lines)
