"""The SQLite store the dashboard reads: the pipeline's tables, replaced in one transaction.

Each pipeline run replaces the pipeline's tables inside a single transaction, so
a reader sees either the old tables or the new ones, never a mix, and tables
that belong to users (corrections, added later) are never touched by a run.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from dashboard.preprocess import schema

if TYPE_CHECKING:  # imported where used: a pipeline run writes the store without pandas
    import pandas as pd

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


def _rows(frame: pd.DataFrame, table: schema.Table) -> list[tuple]:
    """Rows as plain Python values (None for missing, 0/1 for booleans), as sqlite3 wants them."""
    plain = frame[table.column_names].astype({c.name: "Int64" for c in table.columns if c.kind == "bool"})
    plain = plain.astype(object).where(plain.notna(), None)
    return list(plain.itertuples(index=False, name=None))


def _insert(conn: sqlite3.Connection, table: schema.Table, rows: Sequence[Sequence]) -> None:
    placeholders = ", ".join("?" for _ in table.columns)
    conn.executemany(f'INSERT INTO "{table.name}" VALUES ({placeholders})', rows)


def write_tables(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Replace the pipeline tables named in ``frames`` in one transaction.

    Args:
        path: the SQLite file.
        frames: table name -> DataFrame conforming to ``schema``.
    """
    write_rows(path, {name: _rows(frame, schema.TABLES_BY_NAME[name]) for name, frame in frames.items()})


def write_rows(path: Path, rows: dict[str, Sequence[Sequence]]) -> None:
    """Replace the pipeline tables named in ``rows`` in one transaction.

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
        if not {t.name for t in schema.TABLES} <= names:
            return None
        return {row[0] for row in conn.execute("SELECT article_id FROM articles")}
    finally:
        conn.close()


def has_pipeline_tables(path: Path) -> bool:
    """The store holds every pipeline table (what ``stored_article_ids`` checks, without reading ids)."""
    if not path.exists():
        return False
    conn = connect(path)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    return {t.name for t in schema.TABLES} <= names


def replace_articles(path: Path, drop_ids: set[str], frames: dict[str, pd.DataFrame]) -> None:
    """Swap the rows of some articles in one transaction: delete ``drop_ids``, insert ``frames``.

    A re-run after adding one article touches that article's rows only, instead
    of rewriting every table (seconds at 10,000 articles).
    """
    replace_article_rows(path, drop_ids, {t.name: _rows(frames[t.name], t) for t in schema.TABLES})


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
            for table in schema.TABLES:
                if drop_ids and "article_id" in table.column_names:
                    conn.execute(f'DELETE FROM "{table.name}" WHERE article_id IN (SELECT article_id FROM dropped)')
                elif drop_ids:  # meeting ids start with their article id
                    conn.execute(f'DELETE FROM "{table.name}" WHERE substr(meeting_id, 1, instr(meeting_id, '
                                 f"'-') - 1) IN (SELECT article_id FROM dropped)")
                _insert(conn, table, rows.get(table.name, ()))
    finally:
        conn.close()


def read_table(path: Path, name: str) -> pd.DataFrame:
    """One pipeline table as a DataFrame with the contract's dtypes (empty if absent)."""
    table = schema.TABLES_BY_NAME[name]
    if not path.exists():
        return schema.empty_frame(table)
    import pandas as pd

    conn = connect(path)
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
        if not exists:
            return schema.empty_frame(table)
        frame = pd.read_sql_query(f'SELECT * FROM "{name}"', conn)
    finally:
        conn.close()
    for column in table.columns:
        if column.kind == "bool":
            frame[column.name] = frame[column.name].astype("Int64").astype("boolean")
    return schema.conform(table, frame)
