"""Two pipeline runs started at once must not corrupt the store: the lock serialises them."""

from __future__ import annotations

import shutil
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dashboard import store
from dashboard.preprocess import schema
from dashboard.preprocess.pipeline import run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _run(articles: str, data: str) -> int:
    return run(Path(articles), Path(data), progress_stream=None, workers=1).meetings


def test_two_runs_at_once_leave_a_whole_store(tmp_path):
    articles, data = tmp_path / "articles", tmp_path / "data"
    shutil.copytree(SEEDS, articles)
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_run, [str(articles)] * 2, [str(data)] * 2))
    assert results == [5, 5]
    db = data / store.DB_NAME
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    meetings = store.read_table(db, "meetings")
    assert len(meetings) == 5 and meetings["meeting_id"].is_unique
    for table in schema.TABLES:
        assert (data / f"{table.name}.parquet").exists()
