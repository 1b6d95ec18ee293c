"""The review page's table: every meeting as an editable row, and the edits back as corrections.

``review_frame`` draws the table (flagged meetings first); ``diff_edits``
turns what ``st.data_editor`` returns into one ``Correction`` per changed
cell, in the canonical text of ``fields.normalize_value``, for
``records.record_corrections``.
"""

from __future__ import annotations

import pandas as pd

from dashboard.analytics import meeting_dates
from dashboard.corrections.fields import EDITABLE_FIELDS, VISIBLE, Correction, normalize_value, topic_ids
from dashboard.preprocess import schema
from dashboard.preprocess.topics import TOPICS_BY_ID

__all__ = ["review_frame", "diff_edits"]


def review_frame(meetings: pd.DataFrame, meeting_topics: pd.DataFrame) -> pd.DataFrame:
    """The table the review page edits: one row per meeting, flagged ones first.

    Args:
        meetings: meetings with corrections applied and hidden ones kept (``apply_corrections``
            with ``drop_hidden=False``, so with a ``status`` column).
        meeting_topics: their topic rows.

    Returns:
        Columns ``meeting_id``, ``needs_review``, ``review_reasons``, ``status``, then
        ``EDITABLE_FIELDS``: ``date`` as datetime (NaT when unknown), ``partner_country_iso3`` as a
        code or None, ``topics`` as a list of the topic ids raised in the meeting. Flagged meetings
        come first, then the rest, each newest first with undated ones last.
    """
    raised = meeting_topics[meeting_topics["in_account"].fillna(False).astype(bool)]
    by_meeting: dict[str, list[str]] = {}
    for meeting_id, topic_id in zip(raised["meeting_id"], raised["topic_id"]):
        if topic_id in TOPICS_BY_ID:  # a topic dropped from the taxonomy cannot be picked any more
            by_meeting.setdefault(meeting_id, []).append(topic_id)
    status = meetings["status"] if "status" in meetings else pd.Series(VISIBLE, index=meetings.index)
    frame = pd.DataFrame({
        "meeting_id": meetings["meeting_id"].astype(str),
        "needs_review": meetings["needs_review"].fillna(False).astype(bool),
        "review_reasons": meetings["review_reasons"].fillna("").astype(str),
        "status": status.fillna(VISIBLE).astype(str),
        # The event each report counts in (not edited in the table: the page splits and joins events).
        "event_id": (meetings["event_id"].astype("string").fillna("") if "event_id" in meetings
                     else pd.Series("", index=meetings.index)).where(lambda s: s != "",
                                                                    schema.own_event_ids(meetings["meeting_id"])),
        "date": meeting_dates(meetings),  # the one rule: NaT unless a real yyyy-mm-dd day
        "partner_country_iso3": meetings["partner_country_iso3"].replace("", pd.NA).astype(object)
                                .where(lambda s: s.notna(), None),
        "partner_org_ar": meetings["partner_org_ar"].fillna("").astype(str),
        "event_type": meetings["event_type"].fillna("other").astype(str),
        "topics": pd.Series([topic_ids(by_meeting.get(m, [])) for m in meetings["meeting_id"]],
                            index=meetings.index, dtype=object),
        "visitor_name_ar": meetings["visitor_name_ar"].fillna("").astype(str),
        "visitor_title_ar": meetings["visitor_title_ar"].fillna("").astype(str),
    })
    order = frame.assign(_hidden=frame["status"] != VISIBLE, _flag=~frame["needs_review"])
    order = order.sort_values(["_hidden", "_flag", "date", "meeting_id"], ascending=[True, True, False, True],
                              na_position="last", kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def _cell_texts(frame: pd.DataFrame, field: str) -> pd.Series:
    """The canonical text of every cell of one editable column (vectorised where the type allows)."""
    column = frame[field]
    if field == "date":
        when = pd.to_datetime(column, errors="coerce")
        return when.dt.strftime("%Y-%m-%d").fillna("").astype(str)
    if field == "topics":
        return column.map(lambda v: ";".join(topic_ids(v)))
    text = column.astype(object).where(column.notna(), "").astype(str).str.split().str.join(" ")
    return text.str.upper() if field == "partner_country_iso3" else text


def diff_edits(before: pd.DataFrame, after: pd.DataFrame) -> list[Correction]:
    """The corrections a reviewer made in the review table: one per changed cell.

    Args:
        before: the table as drawn (``review_frame``).
        after: what ``st.data_editor`` returned (same rows, matched on ``meeting_id``).

    Returns:
        Corrections with ``old_value`` (from ``before``) and ``new_value`` in canonical text, in row
        order then ``EDITABLE_FIELDS`` order. A value that cannot be a correction (an unknown
        country code, a malformed date) raises ValueError.
    """
    left = before.set_index(before["meeting_id"].astype(str))
    right = after.set_index(after["meeting_id"].astype(str)).reindex(left.index)
    changes: list[tuple[int, int, Correction]] = []
    for order, field in enumerate(EDITABLE_FIELDS):
        if field not in right:
            continue
        old, new = _cell_texts(left, field), _cell_texts(right, field)
        changed = (old != new) & right["meeting_id"].notna()  # rows missing from ``after`` change nothing
        for position in changed.to_numpy().nonzero()[0]:
            meeting_id = left.index[position]
            changes.append((position, order, Correction(meeting_id, field, old.iloc[position],
                                                        normalize_value(field, new.iloc[position]))))
    changes.sort(key=lambda item: item[:2])
    return [item for _, _, item in changes if item.old_value != item.new_value]
