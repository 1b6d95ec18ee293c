"""Counting events end to end: a syndicated copy of a seed article is one more report, not one more meeting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import store
from dashboard.loading import load_tables
from dashboard.preprocess.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MALDIVES = "000_6aeaa9831898bf53.txt"


def _copy_of_the_maldives_story(folder: Path) -> None:
    # Another outlet's page: its own dateline and furniture around the same wire text.
    text = (SEEDS / MALDIVES).read_text(encoding="utf-8")
    (folder / "wire_copy_maldives.txt").write_text("الرياض (واس)\n\n" + text + "\n\nاقرأ أيضاً\nشارك الخبر\n",
                                                   encoding="utf-8")


def _events(output: Path):
    return pq.read_table(output / "events.parquet").to_pandas()


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_wire_copy_joins_the_event_of_its_story(articles, tmp_path):
    _copy_of_the_maldives_story(articles)
    output = tmp_path / "data"
    run(articles, output, progress_stream=None)
    events = _events(output)
    assert len(events) == 5
    maldives = events.set_index("partner_country_iso3").loc["MDV"]
    assert (maldives["reports"], maldives["date"]) == (2, "2025-11-23")
    tables = load_tables(output)
    assert len(tables.meetings) == 6 and len(tables.events) == 5


def test_an_added_copy_joins_the_existing_event_without_regrouping(articles, tmp_path):
    output = tmp_path / "data"
    run(articles, output, progress_stream=None)
    before = _events(output).set_index("event_id")
    _copy_of_the_maldives_story(articles)
    run(articles, output, progress_stream=None)
    after = _events(output).set_index("event_id")
    assert set(after.index) == set(before.index)  # every event keeps its id; none is added
    assert after["reports"].sum() == 6
    grouping = pq.read_table(output / "meeting_events.parquet").to_pandas()
    assert "copy" in set(grouping["grouped_by"])
    # The store, changed only where the event changed, says the same as the files.
    stored = store.read_table(output / store.DB_NAME, "events").set_index("event_id")
    assert stored["reports"].to_dict() == after["reports"].to_dict()
    assert len(store.read_table(output / store.DB_NAME, "meeting_events")) == 6


def test_the_dashboard_counts_events_and_the_reports_view_counts_reports(articles, tmp_path, monkeypatch):
    import streamlit as st

    _copy_of_the_maldives_story(articles)
    output = tmp_path / "data"
    run(articles, output, progress_stream=None)
    monkeypatch.setenv("IMCTC_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("IMCTC_DATA_DIR", str(output))
    st.cache_data.clear()
    st.cache_resource.clear()
    counted = {}
    for mode in ("events", "reports"):
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.query_params["lang"] = "en"
        if mode == "reports":
            at.query_params["count"] = "reports"
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        counted[mode] = {m.label: m.value for m in at.metric}["Meetings"]
    assert counted == {"events": "5", "reports": "6"}
