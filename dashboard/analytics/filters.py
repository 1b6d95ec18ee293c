"""Filters shared by every page, and their round trip through the URL query string.

Pure pandas: pages read widgets into a ``Filters``, call ``apply_filters`` and
hand the result to the chart builders. ``member`` (Arrow's fast ``isin`` for text)
lives in ``_frames`` with the other shared helpers and is public here too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from dashboard.analytics._frames import keep, meeting_dates, member
from dashboard.analytics.partners import organisation_keys, with_countries
from dashboard.preprocess.schema import EVENT_TYPES

__all__ = ["Filters", "member", "apply_filters", "FILTER_QUERY_KEYS", "filters_from_query", "filters_to_query"]


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: tuple[str, ...] = ()  # ISO3 codes
    organisations: tuple[str, ...] = ()  # organisation keys (partners.organisation_keys: the English name)
    event_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # topic ids
    include_undated: bool = True
    include_background: bool = False
    lang: str = "ar"
    # What the charts count: "events" (real meetings, however many reports) or "reports" (coverage).
    count: str = "events"


def apply_filters(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The meetings that pass every filter (vectorised; the input is not modified).

    Args:
        meetings: the meetings table.
        meeting_topics: the meeting_topics table (for the topic filter).
        filters: the current selection.
    Returns:
        The passing rows (``meetings`` itself when every row passes: pandas
        copies on write, so the caller may still change what it gets).
    """
    passing = pd.Series(True, index=meetings.index)
    when = meeting_dates(meetings)
    undated = when.isna()
    if filters.date_from:
        passing &= undated | (when >= pd.Timestamp(filters.date_from))
    if filters.date_to:
        passing &= undated | (when <= pd.Timestamp(filters.date_to))
    if not filters.include_undated:
        passing &= ~undated
    partner_filters = []
    if filters.countries:
        partner_filters.append(with_countries(meetings, filters.countries))
    if filters.organisations:
        partner_filters.append(member(organisation_keys(meetings), filters.organisations))
    if partner_filters:
        # A country and an organisation chosen together mean "either of these partners".
        passing &= np.logical_or.reduce(partner_filters)
    if filters.event_types:
        passing &= meetings["event_type"].isin(filters.event_types).fillna(False)
    if filters.topics:
        rows = meeting_topics[member(meeting_topics["topic_id"], filters.topics)]
        if not filters.include_background:
            rows = rows[rows["in_account"].fillna(False).astype(bool)]
        passing &= member(meetings["meeting_id"], rows["meeting_id"])
    return keep(meetings, passing.to_numpy(dtype=bool))


# --- URL query string --------------------------------------------------------

#: The query-string keys the filters own; other keys (a page's own, e.g. the slide shown) are left alone.
FILTER_QUERY_KEYS = frozenset({"lang", "from", "to", "country", "org", "event", "topic", "undated", "background",
                               "count"})


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def _split_names(value: str | None) -> tuple[str, ...]:
    """Organisation names, comma-separated: a comma followed by a space is part of a name ("UN
    Educational, Scientific and Cultural Organization"); ``filters_to_query`` joins with a bare comma."""
    return tuple(v.strip() for v in re.split(r",(?! )", value or "") if v.strip())


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def filters_from_query(params: Mapping[str, str]) -> Filters:
    """Filters from a query string; unknown or malformed values are ignored, never an error."""
    event_types = tuple(e for e in _split(params.get("event")) if e in EVENT_TYPES)
    return Filters(
        date_from=_date(params.get("from")),
        date_to=_date(params.get("to")),
        countries=tuple(c.upper() for c in _split(params.get("country")) if len(c) == 3 and c.isalpha()),
        organisations=_split_names(params.get("org")),
        event_types=event_types,
        topics=_split(params.get("topic")),
        include_undated=params.get("undated", "1") != "0",
        include_background=params.get("background", "0") == "1",
        lang="en" if params.get("lang") == "en" else "ar",
        count="reports" if params.get("count") == "reports" else "events",
    )


def filters_to_query(filters: Filters) -> dict[str, str]:
    """The query-string form of ``filters`` (defaults left out, so links stay short)."""
    query: dict[str, str] = {}
    if filters.lang != "ar":
        query["lang"] = filters.lang
    if filters.date_from:
        query["from"] = filters.date_from.isoformat()
    if filters.date_to:
        query["to"] = filters.date_to.isoformat()
    for key, values in (("country", filters.countries), ("org", filters.organisations),
                        ("event", filters.event_types), ("topic", filters.topics)):
        if values:
            query[key] = ",".join(values)
    if not filters.include_undated:
        query["undated"] = "0"
    if filters.include_background:
        query["background"] = "1"
    if filters.count == "reports":
        query["count"] = "reports"
    return query
