"""EventReports across articles → Events: one real-world event, many reports.

`compare` says whether two reports can be one event and how strongly they look it;
`cluster` assigns reports to events, blocking on country and day; `combine` makes an
Event's values, disagreements and certainty from its reports; `links` ties events to
the events they answer or follow and to named operations."""
from sitrep.merge.cluster import Merger, event_id_for
from sitrep.merge.combine import combine
from sitrep.merge.links import event_links

__all__ = ["Merger", "combine", "event_id_for", "event_links"]
