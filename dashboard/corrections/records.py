"""The corrections log in the SQLite store: record, undo, list. The only SQL about corrections.

A correction is a record (``schema.CORRECTIONS``): which meeting, which field,
the value shown before, the new value, when, a note, and when it was undone.
Records are only ever added; an undo sets ``undone_at``. The ``corrections``
table lives in the same store as the pipeline's tables but is not one of them
(``schema.TABLES``), so a pipeline run, which replaces only its own tables,
never touches it.

Writes are short ``BEGIN IMMEDIATE`` transactions on a WAL store with a busy timeout
(``store.connect``), so two sessions correcting at once both get their record in.

Each function takes the store file (``data/dashboard.db``); the ``*_in`` ones
take the data folder instead (the dashboard's, ``config.data_dir()``, when
None), so a page never builds a database path: ``record_correction_in``,
``record_corrections_in``, ``undo_correction_in``; a page catches
``WRITE_ERRORS`` and never imports sqlite3.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from dashboard import config, store
from dashboard.corrections.fields import MERGED_PREFIX, VISIBLE, Correction, normalize_value, topic_ids
from dashboard.preprocess import schema
from dashboard.preprocess.topics import TOPICS_BY_ID

__all__ = ["TABLE", "WRITE_ERRORS", "record_correction", "record_corrections", "undo_correction", "list_corrections", "state_stamp",
           "store_file", "record_correction_in", "record_corrections_in", "undo_correction_in"]

TABLE = schema.CORRECTIONS
#: What a write may raise that a page should show rather than crash on: a value the field cannot take
#: (ValueError), or the store refusing the write (locked past the busy timeout, read-only, full).
WRITE_ERRORS: tuple[type[Exception], ...] = (ValueError, sqlite3.Error)


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(store._create_sql(TABLE))


def _pipeline_value(conn: sqlite3.Connection, meeting_id: str, field: str) -> str:
    """The pipeline's value of a field (before any correction). Raises KeyError for an unknown meeting."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meetings'").fetchone()
    column = field if field in schema.MEETINGS.column_names else "meeting_id"  # field is one of FIELDS
    row = conn.execute(f'SELECT "{column}" FROM meetings WHERE meeting_id = ?', (meeting_id,)).fetchone() \
        if exists else None
    if row is None:
        raise KeyError(f"no meeting {meeting_id!r} in the store")
    if field == "topics":
        rows = conn.execute("SELECT topic_id FROM meeting_topics WHERE meeting_id = ? AND in_account = 1",
                            (meeting_id,)).fetchall()
        return ";".join(topic_ids([r[0] for r in rows if r[0] in TOPICS_BY_ID]))
    if field == "status":
        return VISIBLE
    if field == "reviewed":
        return ""
    if field == "event_id" and (column != "event_id" or not row[0]):
        return schema.own_event_ids(meeting_id)  # a store from before events: each report was its own
    return "" if row[0] is None else str(row[0])


def _current_value(conn: sqlite3.Connection, meeting_id: str, field: str) -> str:
    latest = conn.execute(
        "SELECT new_value FROM corrections WHERE meeting_id = ? AND field = ? AND undone_at IS NULL "
        "ORDER BY id DESC LIMIT 1", (meeting_id, field)).fetchone()
    return latest[0] if latest else _pipeline_value(conn, meeting_id, field)


def _write(db: Path):
    """A connection in autocommit mode, for explicit short BEGIN IMMEDIATE transactions."""
    conn = store.connect(Path(db))
    conn.isolation_level = None
    return conn


def record_correction(db: Path, meeting_id: str, field: str, new_value: Any, note: str = "") -> int | None:
    """Store a correction; the value shown until now becomes its ``old_value``.

    Args:
        db: the SQLite store (``data/dashboard.db``).
        meeting_id: the meeting corrected.
        field: one of ``FIELDS``.
        new_value: the new value (a list of topic ids for ``topics``; a date or ISO text for ``date``).
        note: the reviewer's note.

    Returns:
        The new correction's id; None when the value is already the one shown (nothing stored).

    Raises:
        ValueError: unknown field, invalid value, unknown meeting, or a merge into itself or an
            unknown meeting.
    """
    value = normalize_value(field, new_value)
    conn = _write(db)
    try:
        conn.execute("BEGIN IMMEDIATE")  # read the old value and insert under one write lock
        try:
            _ensure_table(conn)
            try:
                old = _current_value(conn, meeting_id, field)
            except KeyError as exc:
                raise ValueError(str(exc)) from None
            if value.startswith(MERGED_PREFIX):
                target = value[len(MERGED_PREFIX):]
                if target == meeting_id:
                    raise ValueError("a meeting cannot be merged into itself")
                if not conn.execute("SELECT 1 FROM meetings WHERE meeting_id = ?", (target,)).fetchone():
                    raise ValueError(f"no meeting {target!r} to merge into")
            if value == old:
                conn.execute("ROLLBACK")
                return None
            cursor = conn.execute(
                "INSERT INTO corrections (meeting_id, field, old_value, new_value, created_at, note, undone_at) "
                "VALUES (?, ?, ?, ?, ?, ?, NULL)", (meeting_id, field, old, value, _utc_now(), str(note or "").strip()))
            conn.execute("COMMIT")
            return int(cursor.lastrowid)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def record_corrections(db: Path, corrections: Iterable[Correction], note: str = "") -> list[int]:
    """Store several corrections (e.g. every cell changed in the review table); returns their ids.

    ``old_value`` of each is read from the store, not taken from the ``Correction`` (another session
    may have changed the value since the table was drawn).
    """
    ids = []
    for item in corrections:
        new_id = record_correction(db, item.meeting_id, item.field, item.new_value, note or item.note)
        if new_id is not None:
            ids.append(new_id)
    return ids


def undo_correction(db: Path, correction_id: int) -> bool:
    """Mark a correction undone (it is kept). Returns False when it was already undone or does not exist."""
    conn = _write(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        _ensure_table(conn)
        cursor = conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ? AND undone_at IS NULL",
                              (_utc_now(), int(correction_id)))
        conn.execute("COMMIT")
        return cursor.rowcount == 1
    finally:
        conn.close()


def list_corrections(db: Path) -> pd.DataFrame:
    """Every correction, newest first, with ``schema.CORRECTIONS``' columns and dtypes."""
    db = Path(db)
    if not db.exists():
        return schema.empty_frame(TABLE)
    conn = store.connect(db)
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corrections'").fetchone()
        if not exists:
            return schema.empty_frame(TABLE)
        frame = pd.read_sql_query("SELECT * FROM corrections ORDER BY id DESC", conn)
    finally:
        conn.close()
    return schema.conform(TABLE, frame)


def state_stamp(db: Path) -> str:
    """Changes whenever a correction is added or undone: part of the dashboard's cache key."""
    db = Path(db)
    if not db.exists():
        return "none"
    conn = store.connect(db)
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corrections'").fetchone()
        if not exists:
            return "none"
        top, undone = conn.execute("SELECT max(id), count(undone_at) FROM corrections").fetchone()
        return f"{top}:{undone}"
    finally:
        conn.close()


# --------------------------------------------------------------------------
# The same, by data folder (what the pages call)
# --------------------------------------------------------------------------


def store_file(data_dir: Path | None = None) -> Path:
    """The SQLite store of a data folder (the dashboard's, ``config.data_dir()``, when None)."""
    return Path(config.data_dir() if data_dir is None else data_dir) / store.DB_NAME


def record_correction_in(data_dir: Path | None, meeting_id: str, field: str, new_value: Any,
                         note: str = "") -> int | None:
    """``record_correction`` in the store of ``data_dir`` (the dashboard's when None)."""
    return record_correction(store_file(data_dir), meeting_id, field, new_value, note)


def record_corrections_in(data_dir: Path | None, corrections: Iterable[Correction], note: str = "") -> list[int]:
    """``record_corrections`` in the store of ``data_dir`` (the dashboard's when None)."""
    return record_corrections(store_file(data_dir), corrections, note)


def undo_correction_in(data_dir: Path | None, correction_id: int) -> bool:
    """``undo_correction`` in the store of ``data_dir`` (the dashboard's when None)."""
    return undo_correction(store_file(data_dir), correction_id)
