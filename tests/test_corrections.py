"""Reviewers' corrections: stored in the SQLite store beside the pipeline's tables, kept by every
pipeline run, applied when the dashboard loads, undone without deleting anything."""

from __future__ import annotations

import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from dashboard import analytics, corrections, store
from dashboard.preprocess import pipeline, schema

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The seeds processed once; each test works on its own copy."""
    out = tmp_path_factory.mktemp("corrections_built") / "data"
    pipeline.run(SEEDS, out, progress_stream=None)
    return out


@pytest.fixture
def data_dir(built, tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(built, target)
    return target


@pytest.fixture
def db(data_dir) -> Path:
    return data_dir / store.DB_NAME


def _tables(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return store.read_table(db, "meetings"), store.read_table(db, "meeting_topics")


def _corrected(db: Path, **kwargs) -> tuple[pd.DataFrame, pd.DataFrame]:
    return corrections.apply_corrections(*_tables(db), corrections.list_corrections(db), **kwargs)


def _meeting(db: Path, country: str = "", org: str = "") -> str:
    meetings = store.read_table(db, "meetings")
    rows = meetings[meetings["partner_country_iso3"] == country] if country else \
        meetings[meetings["partner_org_en"].str.contains(org)]
    assert len(rows) == 1
    return rows["meeting_id"].iloc[0]


def _row(meetings: pd.DataFrame, meeting_id: str) -> pd.Series:
    return meetings.set_index("meeting_id").loc[meeting_id]


# --- storage ------------------------------------------------------------------


def test_a_correction_is_a_record_with_the_value_shown_before(db):
    egypt = _meeting(db, "EGY")
    first = corrections.record_correction(db, egypt, "visitor_title_ar", "سفير مصر", note="من موقع السفارة")
    second = corrections.record_correction(db, egypt, "visitor_title_ar", "سفير مصر لدى المملكة")
    log = corrections.list_corrections(db)
    assert list(log.columns) == schema.CORRECTIONS.column_names
    assert log["id"].tolist() == [second, first]  # newest first
    newest, oldest = log.iloc[0], log.iloc[1]
    assert oldest["old_value"].startswith("سفير جمهورية مصر العربية")  # the pipeline's value
    assert newest["old_value"] == "سفير مصر"  # the value shown when the second was made
    assert oldest["note"] == "من موقع السفارة" and pd.isna(oldest["undone_at"])
    assert oldest["created_at"].endswith("Z") and pd.Timestamp(oldest["created_at"]).tzinfo is not None
    # The same value again is no correction.
    assert corrections.record_correction(db, egypt, "visitor_title_ar", "سفير مصر لدى المملكة") is None


def test_pages_write_by_data_folder_the_dashboards_by_default(data_dir, db, monkeypatch):
    """The *_in functions take the data folder (the page never builds a database path)."""
    from dashboard import loading

    egypt = _meeting(db, "EGY")
    first = corrections.record_correction_in(data_dir, egypt, "event_type", "agreement", "a note")
    monkeypatch.setenv("IMCTC_DATA_DIR", str(data_dir))
    assert corrections.store_file() == db
    [second] = corrections.record_corrections_in(None, [corrections.Correction(egypt, "date", "", "2025-10-01")])
    assert corrections.undo_correction_in(None, first) and not corrections.undo_correction_in(data_dir, first)
    log = corrections.list_corrections(db)
    assert log["id"].tolist() == [second, first] and log["undone_at"].notna().tolist() == [False, True]
    loaded = loading.load_tables(data_dir)  # the one loader: corrections applied
    assert _row(loaded.meetings, egypt)["date"] == "2025-10-01" and loaded.data_dir == data_dir
    assert _row(loaded.meetings, egypt)["event_type"] != "agreement"
    assert isinstance(sqlite3.OperationalError("locked"), corrections.WRITE_ERRORS)


def test_the_corrections_table_is_not_a_pipeline_table():
    assert schema.CORRECTIONS not in schema.TABLES
    assert "corrections" not in schema.TABLES_BY_NAME
    dictionary = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    section = schema.data_dictionary_markdown().split("## `corrections`")[1]
    assert "## `corrections`" + section in dictionary  # regenerated since the table was added


def test_a_correction_survives_pipeline_reruns_and_shows_in_the_loaded_dataset(tmp_path, monkeypatch):
    import streamlit as st

    from dashboard import data

    articles, out = tmp_path / "articles", tmp_path / "data"
    shutil.copytree(SEEDS, articles)
    pipeline.run(articles, out, progress_stream=None)
    db = out / store.DB_NAME
    egypt = _meeting(db, "EGY")
    corrections.record_correction(db, egypt, "date", "2025-10-01", note="from the embassy's site")

    pipeline.run(articles, out, progress_stream=None)  # nothing changed
    # A new article: the store's rows of that article are swapped in (store.replace_articles).
    text = (articles / "000_6aeaa9831898bf53.txt").read_text(encoding="utf-8")
    (articles / "005_extra.txt").write_text(text + "\n\nوأكد الجانبان أهمية التعاون.", encoding="utf-8")
    pipeline.run(articles, out, progress_stream=None)
    # A full rewrite of the pipeline's tables (store.write_tables) keeps it too.
    store.write_tables(db, {name: store.read_table(db, name) for name in schema.TABLES_BY_NAME})

    log = corrections.list_corrections(db)
    assert log[["meeting_id", "field", "new_value"]].values.tolist() == [[egypt, "date", "2025-10-01"]]
    assert _row(store.read_table(db, "meetings"), egypt)["date"] == ""  # the pipeline's own table is untouched

    monkeypatch.setenv("IMCTC_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("IMCTC_DATA_DIR", str(out))
    st.cache_data.clear()
    st.cache_resource.clear()
    dataset = data.load_dataset()
    row = _row(dataset.meetings, egypt)
    assert (row["date"], row["date_basis"], bool(row["needs_review"])) == ("2025-10-01", "corrected", False)
    assert len(dataset.corrections) == 1

    # The cache key follows the corrections: a new one shows on the next load, without clearing caches.
    corrections.record_correction(db, egypt, "event_type", "agreement")
    assert _row(data.load_dataset().meetings, egypt)["event_type"] == "agreement"
    corrections.undo_correction(db, int(corrections.list_corrections(db)["id"].max()))
    assert _row(data.load_dataset().meetings, egypt)["event_type"] == "visit_received"


# --- undo ---------------------------------------------------------------------


def test_undo_restores_the_previous_value_and_deletes_nothing(db):
    egypt = _meeting(db, "EGY")
    first = corrections.record_correction(db, egypt, "partner_country_iso3", "JOR")
    second = corrections.record_correction(db, egypt, "partner_country_iso3", "ARE")
    assert _row(_corrected(db)[0], egypt)["partner_country_en"] == "United Arab Emirates"

    assert corrections.undo_correction(db, second) is True
    assert corrections.undo_correction(db, second) is False  # already undone
    row = _row(_corrected(db)[0], egypt)
    assert (row["partner_country_iso3"], row["partner_country_ar"]) == ("JOR", "الأردن")

    corrections.undo_correction(db, first)
    row = _row(_corrected(db)[0], egypt)
    assert (row["partner_country_iso3"], row["partner_country_ar"], row["partner_country_en"]) == (
        "EGY", "مصر", "Egypt")
    log = corrections.list_corrections(db)
    assert len(log) == 2 and log["undone_at"].notna().all()
    # A new correction after an undo starts from the value shown again (the pipeline's).
    third = corrections.record_correction(db, egypt, "partner_country_iso3", "")
    assert corrections.list_corrections(db).set_index("id").loc[third, "old_value"] == "EGY"


# --- hide and merge -------------------------------------------------------------


def test_hide_leaves_a_meeting_out_of_every_chart_and_restore_brings_it_back(db):
    un_office = _meeting(db, org="Counter-Terrorism")
    meetings, topics = _corrected(db)
    assert analytics.headline_figures(meetings, topics)["meetings"] == 5

    hide = corrections.record_correction(db, un_office, "status", "hidden", note="a press release, not a meeting")
    meetings, topics = _corrected(db)
    assert un_office not in set(meetings["meeting_id"]) and un_office not in set(topics["meeting_id"])
    assert analytics.headline_figures(meetings, topics)["meetings"] == 4
    assert un_office in set(store.read_table(db, "meetings")["meeting_id"])  # nothing deleted
    everything, _ = _corrected(db, drop_hidden=False)
    assert _row(everything, un_office)["status"] == "hidden"

    corrections.undo_correction(db, hide)
    meetings, topics = _corrected(db)
    assert analytics.headline_figures(meetings, topics)["meetings"] == 5
    assert un_office in set(topics["meeting_id"])

    # Restoring by a later correction works as well as an undo.
    corrections.record_correction(db, un_office, "status", "hidden")
    corrections.record_correction(db, un_office, "status", "visible")
    assert un_office in set(_corrected(db)[0]["meeting_id"])


def test_merge_hides_the_duplicate_and_its_topics_join_the_meeting(db):
    maldives, denmark = _meeting(db, "MDV"), _meeting(db, "DNK")
    _, before = _corrected(db)
    corrections.record_correction(db, maldives, "status", f"merged_into:{denmark}")
    meetings, topics = _corrected(db)
    assert maldives not in set(meetings["meeting_id"]) and len(meetings) == 4
    raised = lambda frame, mid: set(frame[(frame["meeting_id"] == mid) & frame["in_account"]]["topic_id"])  # noqa: E731
    assert raised(topics, denmark) == raised(before, denmark) | raised(before, maldives)
    assert not topics.duplicated(["meeting_id", "topic_id"]).any()
    everything, _ = _corrected(db, drop_hidden=False)
    assert _row(everything, maldives)["status"] == f"merged_into:{denmark}"

    with pytest.raises(ValueError):
        corrections.record_correction(db, maldives, "status", f"merged_into:{maldives}")
    with pytest.raises(ValueError):
        corrections.record_correction(db, maldives, "status", "merged_into:no-such-meeting")


def test_a_merge_chain_ends_in_the_last_visible_meeting_and_a_cycle_hides_both(db):
    maldives, denmark, malaysia = _meeting(db, "MDV"), _meeting(db, "DNK"), _meeting(db, "MYS")
    corrections.record_correction(db, maldives, "status", f"merged_into:{denmark}")
    corrections.record_correction(db, denmark, "status", f"merged_into:{malaysia}")
    meetings, topics = _corrected(db)
    assert set(meetings["meeting_id"]).isdisjoint({maldives, denmark})
    assert set(topics["meeting_id"]) <= set(meetings["meeting_id"])
    corrections.record_correction(db, malaysia, "status", f"merged_into:{maldives}")
    meetings, topics = _corrected(db)
    assert len(meetings) == 2 and set(topics["meeting_id"]) <= set(meetings["meeting_id"])


# --- values and review flags ------------------------------------------------------


def test_a_date_clears_unknown_date_and_emptying_it_brings_it_back(db):
    egypt = _meeting(db, "EGY")
    assert _row(store.read_table(db, "meetings"), egypt)["review_reasons"] == "unknown_date"
    corrections.record_correction(db, egypt, "date", pd.Timestamp("2025-10-01"))
    row = _row(_corrected(db)[0], egypt)
    assert (row["date"], row["date_basis"], row["review_reasons"], bool(row["needs_review"])) == (
        "2025-10-01", "corrected", "", False)
    denmark = _meeting(db, "DNK")
    corrections.record_correction(db, denmark, "date", "")
    row = _row(_corrected(db)[0], denmark)
    assert (row["date"], row["date_basis"], row["review_reasons"], bool(row["needs_review"])) == (
        "", "unknown", "unknown_date", True)


def test_other_fields_leave_the_flag_alone_and_reviewed_clears_it(db):
    un_office = _meeting(db, org="Counter-Terrorism")
    corrections.record_correction(db, un_office, "visitor_name_ar", "فلان")
    assert bool(_row(_corrected(db)[0], un_office)["needs_review"])
    corrections.record_correction(db, un_office, "reviewed", "true")
    row = _row(_corrected(db)[0], un_office)
    assert (row["review_reasons"], bool(row["needs_review"]), row["visitor_name_ar"]) == ("", False, "فلان")


def test_organisation_and_topics_corrections(db):
    malaysia = _meeting(db, "MYS")
    extracted = _tables(db)[1]
    background = set(extracted[(extracted["meeting_id"] == malaysia) & ~extracted["in_account"]]["topic_id"])
    assert "regional_security" in background
    corrections.record_correction(db, malaysia, "partner_org_ar", "unodc")
    corrections.record_correction(db, malaysia, "topics", ["cyber", "military", "cyber"])
    meetings, topics = _corrected(db)
    row = _row(meetings, malaysia)
    assert (row["partner_org_ar"], row["partner_org_en"]) == ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
                                                              "UN Office on Drugs and Crime")
    mine = topics[topics["meeting_id"] == malaysia].set_index("topic_id")
    assert set(mine.index[mine["in_account"]]) == {"cyber", "military"}
    assert mine.loc["cyber", "evidence"] == "" and mine.loc["cyber", "topic_en"] == "Cyber"
    assert set(mine.index[~mine["in_account"]]) == background  # background rows stay background
    assert corrections.list_corrections(db).iloc[0]["new_value"] == "military;cyber"  # taxonomy order
    # An organisation the gazetteer does not know is kept as written, for both languages.
    corrections.record_correction(db, malaysia, "partner_org_ar", "وزارة الداخلية الماليزية")
    row = _row(_corrected(db)[0], malaysia)
    assert row["partner_org_ar"] == row["partner_org_en"] == "وزارة الداخلية الماليزية"


@pytest.mark.parametrize(("field", "value"), [
    ("partner_country_iso3", "XXX"), ("date", "2025-02-30"), ("date", "1/10/2025"), ("event_type", "party"),
    ("topics", ["weather"]), ("status", "gone"), ("host_name_ar", "x"),
])
def test_invalid_corrections_are_refused(db, field, value):
    with pytest.raises(ValueError):
        corrections.record_correction(db, _meeting(db, "EGY"), field, value)
    assert corrections.list_corrections(db).empty


def test_an_unknown_meeting_is_refused(db):
    with pytest.raises(ValueError):
        corrections.record_correction(db, "0000000000000000-m1", "date", "2025-01-01")


def test_apply_does_not_modify_its_inputs(db):
    corrections.record_correction(db, _meeting(db, "EGY"), "date", "2025-10-01")
    corrections.record_correction(db, _meeting(db, "MDV"), "topics", ["cyber"])
    meetings, topics = _tables(db)
    copies = meetings.copy(), topics.copy()
    corrections.apply_corrections(meetings, topics, corrections.list_corrections(db))
    pd.testing.assert_frame_equal(meetings, copies[0])
    pd.testing.assert_frame_equal(topics, copies[1])


def test_apply_with_no_corrections_returns_the_tables_unchanged(db):
    meetings, topics = _tables(db)
    out_meetings, out_topics = corrections.apply_corrections(meetings, topics, corrections.list_corrections(db))
    pd.testing.assert_frame_equal(out_meetings, meetings)
    pd.testing.assert_frame_equal(out_topics, topics)


# --- the review table ----------------------------------------------------------------


def test_review_frame_lists_flagged_meetings_first(db):
    frame = corrections.review_frame(*_corrected(db, drop_hidden=False))
    flagged = {_meeting(db, "EGY"), _meeting(db, org="Counter-Terrorism")}
    assert set(frame["meeting_id"][:2]) == flagged
    assert frame["needs_review"].tolist() == [True, True, False, False, False]
    assert list(frame.columns[-len(corrections.EDITABLE_FIELDS):]) == list(corrections.EDITABLE_FIELDS)


def test_diff_edits_gives_one_correction_per_changed_cell(db):
    before = corrections.review_frame(*_corrected(db, drop_hidden=False))
    assert corrections.diff_edits(before, before.copy()) == []
    after = before.copy()
    egypt = before.index[before["meeting_id"] == _meeting(db, "EGY")][0]
    after.loc[egypt, "date"] = pd.Timestamp("2025-10-01")
    after.loc[egypt, "partner_country_iso3"] = "jor"
    after.at[egypt, "topics"] = ["media"]
    after.loc[0, "visitor_title_ar"] = "  مبعوث   خاص "
    after = after.iloc[::-1]  # rows are matched on meeting_id, not position
    changes = corrections.diff_edits(before, after)
    got = [(c.meeting_id, c.field, c.new_value) for c in changes]
    egypt_id = before.loc[egypt, "meeting_id"]
    assert (egypt_id, "date", "2025-10-01") in got
    assert (egypt_id, "partner_country_iso3", "JOR") in got
    assert (egypt_id, "topics", "media") in got
    assert (before.loc[0, "meeting_id"], "visitor_title_ar", "مبعوث خاص") in got
    assert len(got) == 4
    corrections.record_corrections(db, changes, note="checked against the embassy's site")
    assert len(corrections.list_corrections(db)) == 4
    assert corrections.diff_edits(corrections.review_frame(*_corrected(db, drop_hidden=False)), after) == []

    bad = before.copy()
    bad.loc[0, "partner_country_iso3"] = "ZZZ"
    with pytest.raises(ValueError):
        corrections.diff_edits(before, bad)


# --- two sessions at once -------------------------------------------------------------


def test_concurrent_sessions_lose_no_correction(db):
    meeting_ids = store.read_table(db, "meetings")["meeting_id"].tolist()

    def session(worker: int) -> list[int]:
        return [corrections.record_correction(db, meeting_ids[(worker + n) % len(meeting_ids)], "visitor_name_ar",
                                              f"reviewer {worker} edit {n}") for n in range(5)]

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = [i for batch in pool.map(session, range(6)) for i in batch]
    log = corrections.list_corrections(db)
    assert len(ids) == len(set(ids)) == len(log) == 30
    # Each record's old value is the value some earlier record (or the pipeline) set: a chain, none lost.
    for meeting_id, rows in log.sort_values("id").groupby("meeting_id"):
        assert rows["old_value"].iloc[1:].tolist() == rows["new_value"].iloc[:-1].tolist()


def test_state_stamp_changes_with_every_write(db):
    stamps = [corrections.state_stamp(db)]
    new_id = corrections.record_correction(db, _meeting(db, "EGY"), "event_type", "other")
    stamps.append(corrections.state_stamp(db))
    corrections.undo_correction(db, new_id)
    stamps.append(corrections.state_stamp(db))
    assert len(set(stamps)) == 3
    with sqlite3.connect(db) as conn:  # WAL readers see it as well
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 1


def test_a_corrected_country_replaces_the_pipelines_list_of_partner_states(db):
    maldives = _meeting(db, "MDV")
    corrections.record_correction(db, maldives, "partner_country_iso3", "BHR")
    row = _row(_corrected(db)[0], maldives)
    assert (row["partner_country_iso3"], row["partner_countries_iso3"]) == ("BHR", "BHR")


def test_joining_a_report_to_another_event_counts_them_once_and_splitting_undoes_it(db):
    from dashboard.analytics.events import event_view
    egypt, maldives = _meeting(db, "EGY"), _meeting(db, "MDV")
    articles = store.read_table(db, "articles")
    corrections.record_correction(db, egypt, "event_id", corrections.EVENT_PREFIX + maldives)
    meetings, topics = _corrected(db)
    assert _row(meetings, egypt)["event_id"] == _row(meetings, maldives)["event_id"]
    events, _ = event_view(meetings, topics, articles)
    assert len(events) == len(meetings) - 1
    assert events.set_index("event_id").loc[corrections.EVENT_PREFIX + maldives, "reports"] == 2
    corrections.record_correction(db, egypt, "event_id", f"{corrections.EVENT_PREFIX}{egypt}-split")
    events, _ = event_view(*_corrected(db), articles)
    assert len(events) == len(meetings)
    with pytest.raises(ValueError):
        corrections.record_correction(db, egypt, "event_id", "not-an-event")
