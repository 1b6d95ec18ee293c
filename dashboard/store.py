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

# The pipeline writes the store (dashboard.preprocess.database); the dashboard reads it here.
from dashboard.preprocess.database import (  # noqa: F401  (re-exported: the store's one set of rules)
    DB_NAME, connect, has_pipeline_tables, replace_article_rows, stored_article_ids, write_rows,
)
from dashboard.preprocess.database import _create_sql, _insert  # noqa: F401


def _rows(frame: pd.DataFrame, table: schema.Table) -> list[tuple]:
    """Rows as plain Python values (None for missing, 0/1 for booleans), as sqlite3 wants them."""
    plain = frame[table.column_names].astype({c.name: "Int64" for c in table.columns if c.kind == "bool"})
    plain = plain.astype(object).where(plain.notna(), None)
    return list(plain.itertuples(index=False, name=None))


def write_tables(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Replace the pipeline tables named in ``frames`` in one transaction.

    Args:
        path: the SQLite file.
        frames: table name -> DataFrame conforming to ``schema``.
    """
    write_rows(path, {name: _rows(frame, schema.TABLES_BY_NAME[name]) for name, frame in frames.items()})


def replace_articles(path: Path, drop_ids: set[str], frames: dict[str, pd.DataFrame]) -> None:
    """Swap the rows of some articles in one transaction: delete ``drop_ids``, insert ``frames``.

    A re-run after adding one article touches that article's rows only, instead
    of rewriting every table (seconds at 10,000 articles).
    """
    replace_article_rows(path, drop_ids, {t.name: _rows(frames[t.name], t) for t in schema.TABLES})


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
