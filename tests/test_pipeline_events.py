"""Counting events end to end: a syndicated copy of a seed article is one more report, not one more meeting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
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


PAKISTAN = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
            "المغيدي، في مقر التحالف بالرياض يوم 3 مارس 2025، وزير الدفاع الباكستاني خواجة آصف، وبحث الجانبان "
            "تبادل المعلومات الاستخباراتية ومكافحة تمويل الإرهاب.\n")


def _sorted_rows(output: Path, name: str, key: list[str]):
    return pq.read_table(output / f"{name}.parquet").to_pandas().sort_values(key).reset_index(drop=True)


def test_a_report_with_an_event_of_its_own_is_appended_and_earlier_groupings_stay(articles, tmp_path):
    output = tmp_path / "data"
    _copy_of_the_maldives_story(articles)
    run(articles, output, progress_stream=None)
    (articles / "zz_pakistan.txt").write_text(PAKISTAN, encoding="utf-8")
    run(articles, output, progress_stream=None)
    # No earlier event changed: the new event's rows are added at the end of the files.
    for name in ("meeting_events", "events", "event_topics"):
        assert pq.ParquetFile(output / f"{name}.parquet").num_row_groups == 2, name
    grouping = _sorted_rows(output, "meeting_events", ["meeting_id"])
    assert "copy" in set(grouping["grouped_by"])  # the copy grouped by the first run keeps how it joined
    full = tmp_path / "full"
    run(articles, full, progress_stream=None)
    for name, key in (("meeting_events", ["meeting_id"]), ("events", ["event_id"]),
                      ("event_topics", ["event_id", "topic_id"])):
        pd.testing.assert_frame_equal(_sorted_rows(output, name, key), _sorted_rows(full, name, key))
        stored = store.read_table(output / store.DB_NAME, name).sort_values(key).reset_index(drop=True)
        assert len(stored) == len(_sorted_rows(full, name, key)), name


def test_grouping_in_a_process_of_its_own_writes_what_grouping_in_the_run_writes(articles, tmp_path, monkeypatch):
    from dashboard.preprocess import pipeline

    _copy_of_the_maldives_story(articles)
    run(articles, tmp_path / "here", progress_stream=None, workers=1)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)  # workers, and grouping in a forked process
    run(articles, tmp_path / "forked", progress_stream=None, workers=2)
    for name in ("meeting_events", "events", "event_topics"):
        for ext in ("csv", "parquet"):
            assert (tmp_path / "here" / f"{name}.{ext}").read_bytes() == \
                (tmp_path / "forked" / f"{name}.{ext}").read_bytes(), name
        assert store.read_table(tmp_path / "forked" / store.DB_NAME, name).equals(
            store.read_table(tmp_path / "here" / store.DB_NAME, name)), name


def test_signatures_are_made_once_and_again_only_for_other_code(articles, tmp_path, monkeypatch):
    from dashboard.preprocess import event_outputs, signature

    output = tmp_path / "data"
    run(articles, output, progress_stream=None)
    first = pq.read_table(output / "article_signatures.parquet")
    assert first.num_rows == 5 and all(first["signature"].to_pylist())
    signed = []
    original = signature.text_signatures
    monkeypatch.setattr(signature, "text_signatures", lambda texts: signed.extend(texts) or original(texts))
    (articles / "zz_pakistan.txt").write_text(PAKISTAN, encoding="utf-8")
    run(articles, output, progress_stream=None)
    assert len(signed) == 1  # only the added article's text
    assert pq.ParquetFile(output / "article_signatures.parquet").num_row_groups == 2
    monkeypatch.setattr(event_outputs, "_signature_version", lambda: b"other code")
    (output / "meeting_events.parquet").unlink()  # the event tables are made again, with new signatures
    run(articles, output, progress_stream=None)
    assert len(signed) == 7
    again = dict(zip(*pq.read_table(output / "article_signatures.parquet").to_pydict().values()))
    assert len(again) == 6 and all(again[a] == s for a, s in zip(*first.to_pydict().values()))
