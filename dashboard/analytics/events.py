"""Count events, not reports: the meetings table seen one row per event.

The pipeline groups the reports of one real meeting under an ``event_id``
(``dashboard.preprocess.events``); a reviewer may split a report out or merge
two events (corrections on ``event_id``). Every chart, headline figure, slide
and export counts events: ``event_view`` turns the corrected meetings into one
row per event, with the meetings table's columns (so every chart builder works
on it unchanged) plus ``event_id``, ``reports`` and ``outlets``, and maps the
topic rows onto it (a topic counts once per event, raised by any of its reports).
"""

from __future__ import annotations

import pandas as pd

from dashboard.preprocess.events import BASIS_RANK, build_events
from dashboard.preprocess.schema import own_event_ids

__all__ = ["COUNT_MODES", "event_view", "event_reports", "event_of", "with_event_ids"]

# What the charts count: real meetings (events), or how much was written about them (reports).
COUNT_MODES = ("events", "reports")


def with_event_ids(meetings: pd.DataFrame) -> pd.DataFrame:
    """``meetings`` with every report's ``event_id``: a report with none (tables written before events
    existed, a report the grouping never saw) is its own event."""
    own = own_event_ids(meetings["meeting_id"])
    if "event_id" not in meetings.columns:
        return meetings.assign(event_id=own)
    ids = meetings["event_id"].astype("string")
    if ids.notna().all() and (ids != "").all():
        return meetings
    return meetings.assign(event_id=ids.where(ids.notna() & (ids != ""), own))


def event_view(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, articles: pd.DataFrame
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(meetings, meeting_topics) with one meeting row per event.

    Args:
        meetings: the corrected ``meetings`` table (hidden and merged reports already left out).
        meeting_topics: its topic rows.
        articles: the ``articles`` table (published date and outlet of each report).
    Returns:
        The event rows, keyed by the meeting id of each event's best-grounded report, with its
        partner, type, date and place, names filled from any report, ``reports`` and ``outlets``
        counts and ``first_reported``; and the topic rows of the events, keyed the same way.
    """
    meetings = with_event_ids(meetings)
    if meetings.empty:
        return meetings.assign(reports=pd.Series(dtype="Int64"), outlets=pd.Series(dtype="Int64")), meeting_topics
    events, event_topics = build_events(meetings, articles, meeting_topics)
    representative = events["meeting_ids"].str.split(";").str[0]
    rows = meetings.set_index("meeting_id").loc[representative.to_numpy()].reset_index()
    taken = events.drop(columns=["meeting_ids"]).set_index("event_id").loc[rows["event_id"].to_numpy()].reset_index(drop=True)
    for column in taken.columns:
        rows[column] = taken[column].to_numpy()
    rows["reports"] = rows["reports"].astype("Int64")
    rows["outlets"] = rows["outlets"].astype("Int64")
    if event_topics.empty:
        return rows, meeting_topics.iloc[0:0]
    key = dict(zip(events["event_id"], representative))
    topics = event_topics.assign(meeting_id=event_topics["event_id"].map(key))
    if "evidence" in meeting_topics.columns:
        # The sentence of the best-grounded report, else of the first report that raised the topic.
        evidence = meeting_topics.set_index(["meeting_id", "topic_id"])["evidence"]
        own = evidence.reindex(list(zip(topics["meeting_id"], topics["topic_id"]))).to_numpy()
        first = topics["meeting_ids"].str.split(";").str[0]
        other = evidence.reindex(list(zip(first, topics["topic_id"]))).to_numpy()
        topics["evidence"] = pd.Series(own).fillna(pd.Series(other)).fillna("").to_numpy()
    columns = [c for c in meeting_topics.columns if c in topics.columns]
    return rows, topics[columns].reset_index(drop=True)


def event_of(meetings: pd.DataFrame, meeting_id: str) -> str:
    """The event a report belongs to ("" for an unknown meeting)."""
    rows = with_event_ids(meetings)
    found = rows.loc[rows["meeting_id"] == meeting_id, "event_id"]
    return str(found.iloc[0]) if len(found) else ""


def event_reports(meetings: pd.DataFrame, articles: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """Every report of one event, side by side: its meeting row with the article's file, outlet and
    published date, the best-grounded report first."""
    meetings = with_event_ids(meetings)
    rows = meetings[meetings["event_id"] == event_id]
    info = articles.set_index("article_id")[["file", "outlet", "published_date", "source_url"]]
    rows = rows.join(info, on="article_id")
    rank = rows["date_basis"].astype("string").map(BASIS_RANK).fillna(BASIS_RANK["unknown"])
    return rows.assign(_rank=rank).sort_values(["_rank", "published_date", "meeting_id"]).drop(
        columns="_rank").reset_index(drop=True)
