"""Events and reports as text for a terminal: the table of `sitrep events` and the pages of
`sitrep show` (the chosen values beside each report's, the evidence of each field)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitrep.records import Event, EventReport

TABLE_HEADER = (f"{'id':<28} {'date':<10} {'sub-event type':<28} {'actor1':<34} {'actor2':<30} {'country':<12} {'location':<14} "
                f"{'dead':>5} {'src':>4}")


def table(rows: Iterable[tuple[str, EventReport, int]]) -> Iterable[str]:
    """The header, then one line a row of (id, report or merged report, sources)."""
    yield TABLE_HEADER
    for key, r, sources in rows:
        yield (f"{key:<28.28} {str(r.event_date or ''):<10} {r.sub_event_type:<28.28} {r.actor1 or '':<34.34} "
               f"{r.actor2 or '':<30.30} {r.country or '':<12.12} {r.location or '':<14.14} {r.fatalities:>5} {sources:>4}")


def copy_line(copy: dict[str, Any]) -> str:
    """A syndicated copy of a stored article: another outlet that carried the story."""
    return f"also reported by: {copy['outlet'] or '-'}  {copy['published'] or ''}  {copy['url'] or copy['source_path']}  ({copy['copy_id']})"


SIDE_BY_SIDE = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                "geo_precision", "fatalities", "weapons", "claimed_by", "certainty")
REPORT_FIELDS = ("event_type", "sub_event_type", "event_date", "date_from", "date_to", "date_precision", "actor1",
                 "actor1_type", "assoc_actor_1", "actor2", "actor2_type", "country", "iso3", "location", "latitude",
                 "longitude", "geo_precision", "fatalities", "weapons", "quantities", "operation", "claimed_by",
                 "certainty", "background", "related")
COLUMN = 24


def render_event(event: Event, reports: list[EventReport]) -> str:
    """The chosen values beside each report's, then the disagreements with who says what."""
    merged = event.merged.to_dict()
    lines = [f"{event.event_id}: {event.merged.notes}",
             f"  {event.source_count} sources, {event.independent_sources} independent ({event.corroboration}); certainty {event.merged.certainty}"
             f"; first reported {event.first_reported or '-'}", ""]
    columns = [r.to_dict() for r in reports]
    lines.append(f"  {'field':<16} {'event':<{COLUMN}} " + " ".join(f"{r.report_id:<{COLUMN}.{COLUMN}}" for r in reports))
    for name in SIDE_BY_SIDE:
        cells = [_cell(merged[name]), *(_cell(c[name]) for c in columns)]
        lines.append(f"  {name:<16} " + " ".join(f"{cell:<{COLUMN}.{COLUMN}}" for cell in cells))
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
    lines += ["", f"source: {article.get('id')}  {article.get('outlet') or ''}  {article.get('url') or ''}  published {article.get('published')}"]
    lines.append("evidence:")
    for item in report.evidence:
        label = "sentence" if item.field == "event" else item.field
        lines.append(f"  [{item.start}:{item.end}] {label:<16} {item.text}")
    return "\n".join(lines)
