"""The review page under AppTest, on the seeds: it runs in both languages, lists flagged meetings
first, and its buttons (Undo, Not a meeting) write corrections that every page then sees.

AppTest cannot edit data_editor cells; what an edit turns into is tested on the pure functions
(tests/test_corrections.py: diff_edits, record_corrections)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import corrections, store
from dashboard.preprocess import pipeline

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review_built") / "data"
    pipeline.run(ROOT / "seeds", out, progress_stream=None)
    return out


@pytest.fixture
def data_dir(built, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the processed seeds per test (corrections written by one test stay in it)."""
    import streamlit as st

    target = tmp_path / "data"
    shutil.copytree(built, target)
    monkeypatch.setenv("IMCTC_DATA_DIR", str(target))
    st.cache_data.clear()
    st.cache_resource.clear()
    return target


def _review(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("dashboard/pages/review.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _editor(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def _meeting(db: Path, country: str = "", org: str = "") -> str:
    meetings = store.read_table(db, "meetings")
    rows = meetings[meetings["partner_country_iso3"] == country] if country else \
        meetings[meetings["partner_org_en"].str.contains(org)]
    return rows["meeting_id"].iloc[0]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_review_page_lists_flagged_meetings_first(data_dir, lang):
    db = data_dir / store.DB_NAME
    at = _review(lang=lang)
    assert at.title[0].value == ("المراجعة" if lang == "ar" else "Review")
    table = _editor(at)
    assert len(table) == 5
    # Egypt's and the UN office's meetings say only "today", with no published date: unknown_date.
    assert set(table["meeting_id"][:2]) == {_meeting(db, "EGY"), _meeting(db, org="Counter-Terrorism")}
    assert table["needs_review"].tolist() == [True, True, False, False, False]
    assert set(table["review_reasons"][:2]) == {"تاريخ غير معروف" if lang == "ar" else "Unknown date"}
    assert table["date"][:2].isna().all() and table["date"][2:].notna().all()
    assert at.button(key="review_save").disabled  # nothing edited yet
    assert "review_undo_1" not in [b.key for b in at.button]


def test_undo_button_restores_the_old_value(data_dir):
    db = data_dir / store.DB_NAME
    egypt = _meeting(db, "EGY")
    corrections.record_correction(db, egypt, "date", "2025-10-01", note="from the embassy")
    at = _review()
    table = _editor(at).set_index("meeting_id")
    assert table.loc[egypt, "date"] == pd.Timestamp("2025-10-01")
    assert not table.loc[egypt, "needs_review"]  # the date was the reason it was flagged
    assert any("from the embassy" in m.value for m in at.markdown)

    at.button(key="review_undo_1").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert corrections.list_corrections(db)["undone_at"].notna().all()  # marked undone, not deleted
    table = _editor(at).set_index("meeting_id")
    assert pd.isna(table.loc[egypt, "date"]) and table.loc[egypt, "needs_review"]
    assert at.button(key="review_undo_1").disabled


def test_not_a_meeting_hides_it_from_the_charts_and_undo_restores_it(data_dir):
    db = data_dir / store.DB_NAME
    at = _review(lang="en")
    chosen = at.selectbox(key="review_meeting").value
    at.button(key="review_hide").click().run()
    assert not at.exception, [e.value for e in at.exception]
    log = corrections.list_corrections(db)
    assert log[["meeting_id", "field", "new_value"]].values.tolist() == [[chosen, "status", "hidden"]]
    assert _editor(at).set_index("meeting_id").loc[chosen, "status"] == "Hidden: not a meeting"

    at.switch_page("dashboard/pages/overview.py").run()
    assert {m.label: m.value for m in at.metric}["Meetings"] == "4"

    at.switch_page("dashboard/pages/review.py").run()
    at.button(key="review_undo_1").click().run()
    at.switch_page("dashboard/pages/overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert {m.label: m.value for m in at.metric}["Meetings"] == "5"


IMAGE_LINK = "![](http://host/x.png)"


def test_text_from_articles_reaches_notices_escaped_never_as_markdown(data_dir):
    db = data_dir / store.DB_NAME
    egypt, maldives = _meeting(db, "EGY"), _meeting(db, "MDV")
    corrections.record_correction(db, maldives, "visitor_name_ar", IMAGE_LINK)
    corrections.record_correction(db, maldives, "partner_org_ar", IMAGE_LINK)
    corrections.record_correction(db, egypt, "status", corrections.MERGED_PREFIX + maldives)
    at = _review(lang="en")
    at.selectbox(key="review_meeting").set_value(egypt).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [e.value for kind in (at.info, at.success, at.warning, at.error, at.markdown) for e in kind]
    assert any("Merged into" in text for text in shown)
    # The link reaches the page only with its Markdown signs escaped: a browser shows it, never fetches it.
    assert not any(IMAGE_LINK in text for text in shown), shown
    assert any(r"\!\[\]\(http\://host/x\.png\)" in text for text in shown), shown
