"""The overview's headline numbers."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dashboard.analytics._frames import event_codes, member, text
from dashboard.analytics.partners import organisation_keys, partner_countries, partner_labels
from dashboard.analytics.time import dated_meetings
from dashboard.analytics.topics import topic_rows

__all__ = ["headline_figures"]


def headline_figures(meetings: pd.DataFrame, meeting_topics: pd.DataFrame) -> dict[str, Any]:
    """The numbers for the overview's ``st.metric`` row.

    Partners are counted by the rule of ``partners``: every state a meeting
    lists (as on the map) and organisations by their key (as in the filter).

    Args:
        meetings: ``meetings`` table (filtered as shown).
        meeting_topics: ``meeting_topics`` table; only ``in_account`` topics of
            these meetings count.

    Returns:
        ``meetings`` (int), ``partner_countries`` (distinct ISO3),
        ``organisations`` (distinct organisations), ``topics`` (distinct
        topics raised), ``undated`` (meetings without a date),
        ``latest_date`` (ISO text of the latest dated meeting, or None),
        ``latest_partner_ar`` / ``latest_partner_en`` (who it was with, or
        None) and ``latest_event_type`` (code, or None).
    """
    org = organisation_keys(meetings)
    rows = topic_rows(meeting_topics, include_background=False)
    in_meetings = member(text(rows, "meeting_id"), text(meetings, "meeting_id"))
    topic_ids = text(rows, "topic_id")[in_meetings]
    dated = dated_meetings(meetings)
    out: dict[str, Any] = {
        "meetings": int(len(meetings)),
        "partner_countries": int(partner_countries(meetings)["iso3"].nunique()),
        "organisations": int(org[org != ""].nunique()),
        "topics": int(topic_ids[topic_ids != ""].nunique()),
        "undated": int(len(meetings) - len(dated)),
        "latest_date": None,
        "latest_partner_ar": None,
        "latest_partner_en": None,
        "latest_event_type": None,
    }
    if len(dated):
        # First meeting on the latest date (argmax returns the first maximum).
        pos = int(np.argmax(text(dated, "date").to_numpy(dtype=object)))
        latest = dated.iloc[[pos]]
        out["latest_date"] = str(text(latest, "date").iloc[0])
        out["latest_partner_ar"] = str(partner_labels(latest, "ar").iloc[0])
        out["latest_partner_en"] = str(partner_labels(latest, "en").iloc[0])
        out["latest_event_type"] = str(event_codes(latest).iloc[0])
    return out
