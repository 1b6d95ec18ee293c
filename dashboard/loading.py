"""The tables as the dashboard sees them: read from the store, the reviewers' corrections applied.

The one loader. ``dashboard.data`` (the Streamlit cache layer) and the export
command line both call ``load_tables``; nothing else reads the pipeline's
tables and applies corrections on its own. No Streamlit here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import analytics, corrections, store
from dashboard.analytics.events import event_view, with_event_ids
from dashboard.preprocess import pipeline, schema

__all__ = ["TABLE_NAMES", "LoadedTables", "load_tables", "counted_tables", "has_store", "store_stamp"]

#: The pipeline's tables the dashboard reads.
TABLE_NAMES = ("articles", "meetings", "meeting_topics", "mentioned_countries", "evidence", "article_texts",
               "meeting_events")


@dataclass(frozen=True)
class LoadedTables:
    """The pipeline's tables, with ``meetings`` and ``meeting_topics`` corrected.

    ``meetings`` and ``meeting_topics`` have the reviewers' corrections applied, hidden and merged
    meetings left out: one row per report. ``events`` and ``event_topics`` are the same, one row per
    event (what every chart counts, unless the reports view is chosen). The review page also needs the log and every meeting
    (``review_meetings``, with a ``status`` column, and their own topics). ``data_dir`` is the folder
    they were read from, where corrections to them are written.
    """

    articles: pd.DataFrame
    meetings: pd.DataFrame
    meeting_topics: pd.DataFrame
    mentioned_countries: pd.DataFrame
    evidence: pd.DataFrame
    article_texts: pd.DataFrame
    report: dict
    corrections: pd.DataFrame
    review_meetings: pd.DataFrame
    review_topics: pd.DataFrame
    data_dir: Path
    events: pd.DataFrame = None  # ``analytics.event_view``: one meetings row per event, with reports and outlets
    event_topics: pd.DataFrame = None


def load_tables(data_dir: Path) -> LoadedTables:
    """Read the store of ``data_dir`` and apply the corrections (missing tables read as empty ones)."""
    data_dir = Path(data_dir)
    db = corrections.store_file(data_dir)
    tables = {name: store.read_table(db, name) for name in TABLE_NAMES}
    report_path = data_dir / pipeline.REPORT_FILE
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    log = corrections.list_corrections(db)
    pipeline_meetings, pipeline_topics = with_events(tables["meetings"], tables.pop("meeting_events")), \
        tables["meeting_topics"]
    tables["meetings"], tables["meeting_topics"] = corrections.apply_corrections(
        pipeline_meetings, pipeline_topics, log)
    review_meetings, review_topics = corrections.apply_corrections(pipeline_meetings, pipeline_topics, log,
                                                                   drop_hidden=False)
    # Every chart counts events: the reports of one real meeting, one row.
    events, event_topics = event_view(tables["meetings"], tables["meeting_topics"], tables["articles"])
    return LoadedTables(**tables, report=report, corrections=log, review_meetings=review_meetings,
                        review_topics=review_topics, data_dir=data_dir, events=events, event_topics=event_topics)


def counted_tables(tables: LoadedTables, filters: analytics.Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(meetings, topic rows) that charts, slides and exports count: one row per event, or per report
    in the reports view (``filters.count``)."""
    if filters.count == "reports":
        return tables.meetings, tables.meeting_topics
    return tables.events, tables.event_topics


def with_events(meetings: pd.DataFrame, meeting_events: pd.DataFrame) -> pd.DataFrame:
    """Each report's ``event_id`` (its own when the store has no grouping yet), and the review reason
    ``possible_same_event`` where the grouping was unsure."""
    if meeting_events.empty:
        return with_event_ids(meetings)
    grouping = meeting_events.set_index("meeting_id")
    meetings = with_event_ids(meetings.assign(event_id=meetings["meeting_id"].map(grouping["event_id"])))
    unsure = meetings["meeting_id"].map(grouping["possible_same_event"]).fillna("") != ""
    if not unsure.any():
        return meetings
    return meetings.assign(review_reasons=schema.flag_possible_same_event(meetings["review_reasons"], unsure),
                           needs_review=meetings["needs_review"].fillna(False) | unsure)


def has_store(data_dir: Path) -> bool:
    """True when ``data_dir`` holds a store with every pipeline table (else the pipeline must run first)."""
    return store.stored_article_ids(corrections.store_file(data_dir)) is not None


def store_stamp(data_dir: Path) -> str:
    """Changes whenever the store's tables or its corrections may have: part of the dashboard's cache key."""
    db = corrections.store_file(data_dir)
    if not db.exists():
        return "none"
    # Corrections go to the WAL file, so the main file's stat does not show them: ask the table.
    stat = db.stat()
    return f"{stat.st_mtime_ns}:{stat.st_size}:{corrections.state_stamp(db)}"
