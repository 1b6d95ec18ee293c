"""Topics raised in meetings: which topic rows count, meetings per topic, topics joined to their meeting.

A topic row counts when it was raised in the account of the meeting (``in_account``);
mentions found only in background paragraphs about the coalition count when asked for.
"""

from __future__ import annotations

import pandas as pd

from dashboard.analytics._frames import group, is_dated, keep, member, pick, text
from dashboard.analytics.partners import partner_labels

__all__ = ["topic_rows", "topics_for", "topic_counts", "topic_meetings"]


def topic_rows(meeting_topics: pd.DataFrame, include_background: bool) -> pd.DataFrame:
    """Topic rows that count: ``in_account`` only, unless background is included."""
    if include_background or "in_account" not in meeting_topics.columns:
        return meeting_topics
    return keep(meeting_topics, meeting_topics["in_account"].astype("boolean").fillna(False).to_numpy(dtype=bool))


def topics_for(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, include_background: bool) -> pd.DataFrame:
    """Topic rows of the given meetings; background-only mentions unless asked for are left out."""
    rows = keep(meeting_topics, member(meeting_topics["meeting_id"], meetings["meeting_id"]))
    return topic_rows(rows, include_background)


def topic_counts(meeting_topics: pd.DataFrame, lang: str = "ar",
                 include_background: bool = False) -> pd.DataFrame:
    """Distinct meetings per topic.

    Args:
        meeting_topics: ``meeting_topics`` table.
        lang: language of the ``topic`` column.
        include_background: also count topics found only in background
            paragraphs about the coalition (``in_account`` false).

    Returns:
        Columns ``topic_id, topic, topic_ar, topic_en, meetings``, most first.
    """
    rows = topic_rows(meeting_topics, include_background)
    cols = ["topic_id", "topic", "topic_ar", "topic_en", "meetings"]
    frame = pd.DataFrame({
        "topic_id": text(rows, "topic_id"), "meeting_id": text(rows, "meeting_id"),
        "topic_ar": text(rows, "topic_ar").replace("", pd.NA),
        "topic_en": text(rows, "topic_en").replace("", pd.NA),
    })
    frame = frame[frame["topic_id"] != ""]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "meetings" else "string") for c in cols})
    g = group(frame, "topic_id", meetings=("meeting_id", "nunique"),
              topic_ar=("topic_ar", "first"), topic_en=("topic_en", "first"))
    for c in ("topic_ar", "topic_en"):
        g[c] = g[c].astype("string").fillna("")
    topic = pick(g, "topic_ar", "topic_en", lang)
    g["topic"] = topic.where(topic != "", g["topic_id"])
    g["meetings"] = g["meetings"].astype("int64")
    g = g.sort_values(["meetings", "topic"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def topic_meetings(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str,
                   include_background: bool, with_partner: bool = True) -> pd.DataFrame:
    """Counted topic rows joined to their meeting (inner join: page filters on meetings apply).

    Returns:
        Columns ``meeting_id, topic_id, topic, date, dated`` and, when
        ``with_partner``, ``partner`` (``partner_labels``); one row per (meeting, topic).
    """
    rows = topic_rows(meeting_topics, include_background)
    topics = pd.DataFrame({
        "meeting_id": text(rows, "meeting_id"), "topic_id": text(rows, "topic_id"),
        "topic": pick(rows, "topic_ar", "topic_en", lang),
    })
    topics = topics[topics["topic_id"] != ""].drop_duplicates(["meeting_id", "topic_id"])
    topics["topic"] = topics["topic"].where(topics["topic"] != "", topics["topic_id"])
    m = pd.DataFrame({
        "meeting_id": text(meetings, "meeting_id"), "date": text(meetings, "date"),
        "dated": is_dated(meetings),
    })
    if with_partner:
        m["partner"] = partner_labels(meetings, lang)
    m = m.drop_duplicates("meeting_id")
    return topics.merge(m, on="meeting_id", how="inner")
