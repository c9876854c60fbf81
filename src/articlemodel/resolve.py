"""Resolution across extractors: the links no single extractor can make.

- The dateline's place points to the Location that has a mention inside the dateline.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlemodel.models import Dateline, Location

__all__ = ["link_dateline"]


def link_dateline(dateline: Dateline | None, locations: Sequence[Location]) -> Dateline | None:
    """The dateline with ``location_id`` set to the Location mentioned in its place."""
    if dateline is None or dateline.place is None:
        return dateline
    start = dateline.mention.start
    end = start + len(dateline.place)
    for location in locations:
        if any(start <= m.start and m.end <= end for m in location.mentions):
            return dateline.model_copy(update={"location_id": location.id})
    return dateline
