"""The SQLite store the dashboard reads: the pipeline's tables, replaced in one transaction.

Each pipeline run replaces the pipeline's tables inside a single transaction, so
a reader sees either the old tables or the new ones, never a mix, and tables
that belong to users (corrections, added later) are never touched by a run.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

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


def _sql_value(value):
    if value is pd.NA or value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars: sqlite3 would store them as blobs
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    return value


def write_tables(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Replace the pipeline tables named in ``frames`` in one transaction.

    Args:
        path: the SQLite file.
        frames: table name -> DataFrame conforming to ``schema``.
    """
    conn = connect(path)
    try:
        with conn:  # one transaction: all tables change together, or none does
            for name, frame in frames.items():
                table = schema.TABLES_BY_NAME[name]
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
                conn.execute(_create_sql(table))
                placeholders = ", ".join("?" for _ in table.columns)
                rows = (tuple(_sql_value(v) for v in row) for row in frame[table.column_names].itertuples(index=False))
                conn.executemany(f'INSERT INTO "{name}" VALUES ({placeholders})', rows)
    finally:
        conn.close()


def read_table(path: Path, name: str) -> pd.DataFrame:
    """One pipeline table as a DataFrame with the contract's dtypes (empty if absent)."""
    table = schema.TABLES_BY_NAME[name]
    if not path.exists():
        return schema.empty_frame(table)
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
