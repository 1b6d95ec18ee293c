"""The pipeline's side of the SQLite store: it writes its tables there, each run in one transaction.

A reader sees either the old tables or the new ones, never a mix; tables that belong to
users (corrections) are never touched by a run. The dashboard reads through
``dashboard.store``; the pipeline writes through this module, so ``preprocess`` depends on no
module above it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Sequence

from dashboard.preprocess import schema

DB_NAME = "dashboard.db"


def connect(path: Path) -> sqlite3.Connection:
    """Open the store with settings that let readers work while a run writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _create_sql(table: schema.Table) -> str:
    columns = ", ".join(f'"{c.name}" {schema._SQL_TYPES[c.kind]}' for c in table.columns)
    key = ", ".join(f'"{k}"' for k in table.key)
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" ({columns}, PRIMARY KEY ({key}))'


def _insert(conn: sqlite3.Connection, table: schema.Table, rows: Sequence[Sequence]) -> None:
    placeholders = ", ".join("?" for _ in table.columns)
    conn.executemany(f'INSERT INTO "{table.name}" VALUES ({placeholders})', rows)


def write_rows(path: Path, rows: dict[str, Sequence[Sequence]]) -> None:
    """Replace the pipeline tables named in ``rows`` in one transaction (a table that is not
    ``stored`` is only dropped: its rows are not consumed).

    Args:
        path: the SQLite file.
        rows: table name -> rows as tuples in the contract's column order (None for missing).
    """
    conn = connect(path)
    try:
        with conn:  # one transaction: all tables change together, or none does
            for name, table_rows in rows.items():
                table = schema.TABLES_BY_NAME[name]
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
                if not table.stored:  # kept only as Parquet (a store written before keeps no copy)
                    continue
                conn.execute(_create_sql(table))
                _insert(conn, table, table_rows)
    finally:
        conn.close()


def stored_article_ids(path: Path) -> set[str] | None:
    """Article ids in the store, or None when it has no complete set of pipeline tables."""
    if not path.exists():
        return None
    conn = connect(path)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {t.name for t in schema.STORED_TABLES} <= names:
            return None
        return {row[0] for row in conn.execute("SELECT article_id FROM articles")}
    finally:
        conn.close()


def _table_names(path: Path) -> set[str]:
    """The tables the store holds (none when there is no store)."""
    if not path.exists():
        return set()
    conn = connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def has_pipeline_tables(path: Path) -> bool:
    """The store holds every pipeline table (what ``stored_article_ids`` checks, without reading ids)."""
    return {t.name for t in schema.STORED_TABLES} <= _table_names(path)


def replace_article_rows(path: Path, drop_ids: set[str], rows: dict[str, Sequence[Sequence]]) -> None:
    """``replace_articles`` with plain rows (tuples in column order). With no ``drop_ids`` the new
    rows are only inserted: adding an article costs its own rows, whatever the size of the store."""
    conn = connect(path)
    try:
        with conn:
            if drop_ids:
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS dropped (article_id TEXT PRIMARY KEY)")
                conn.execute("DELETE FROM dropped")
                conn.executemany("INSERT OR IGNORE INTO dropped VALUES (?)", ((i,) for i in drop_ids))
            for table in schema.STORED_TABLES:
                if drop_ids and "article_id" in table.column_names:
                    conn.execute(f'DELETE FROM "{table.name}" WHERE article_id IN (SELECT article_id FROM dropped)')
                elif drop_ids:  # meeting ids start with their article id
                    conn.execute(f'DELETE FROM "{table.name}" WHERE substr(meeting_id, 1, instr(meeting_id, '
                                 f"'-') - 1) IN (SELECT article_id FROM dropped)")
                _insert(conn, table, rows.get(table.name, ()))
    finally:
        conn.close()


def has_event_tables(path: Path) -> bool:
    """The store holds the event tables (a store written before events existed does not)."""
    return {t.name for t in schema.EVENT_TABLES} <= _table_names(path)


def replace_keyed_rows(path: Path, changes: dict[str, tuple[str, set[str], Sequence[Sequence]]]) -> None:
    """In one transaction, for each table: delete the rows whose ``column`` is in ``keys``, insert ``rows``.

    Args:
        changes: table name -> (key column, key values whose rows go, rows to insert).
    """
    conn = connect(path)
    try:
        with conn:
            for name, (column, keys, rows) in changes.items():
                table = schema.TABLES_BY_NAME[name]
                conn.execute(_create_sql(table))
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone (key TEXT PRIMARY KEY)")
                conn.execute("DELETE FROM gone")
                conn.executemany("INSERT OR IGNORE INTO gone VALUES (?)", ((k,) for k in keys))
                conn.execute(f'DELETE FROM "{name}" WHERE "{column}" IN (SELECT key FROM gone)')
                _insert(conn, table, rows)
    finally:
        conn.close()
