"""The "Add articles" page under AppTest, on a copy of the seeds in a temporary folder.

AppTest cannot drive ``st.file_uploader``, so the page is tested with pasted text; files go through
the same ``dashboard.ingest.add_articles`` and are tested in tests/test_ingest.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
PAGE = "dashboard/pages/upload.py"
INDONESIA = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
             "المغيدي، في مقر التحالف بالرياض اليوم، سفير جمهورية إندونيسيا لدى المملكة عبد العزيز أحمد.")


@pytest.fixture
def articles(tmp_path, monkeypatch) -> Path:
    import streamlit as st

    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    monkeypatch.setenv("IMCTC_ARTICLES_DIR", str(folder))
    monkeypatch.setenv("IMCTC_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    return folder


def _page(lang: str = "ar") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at: AppTest, column: str):
    """The first table with ``column`` (AppTest does not expose a dataframe's key)."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def _paste(at: AppTest, text: str, published: str = "") -> AppTest:
    at.text_area(key="upload_paste").set_value(text)
    at.text_input(key="upload_published").set_value(published)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang, title", [("ar", "إضافة مقالات"), ("en", "Add articles")])
def test_the_page_runs(articles, lang, title):
    at = _page(lang)
    assert at.title[0].value == title
    assert at.text_area(key="upload_paste").label == ("أو الصق نص المقال" if lang == "ar" else
                                                       "Or paste the article's text")


def test_pasted_text_adds_a_meeting_that_shows_in_the_dataset(articles):
    # Later than every seed meeting (the last is 25 Nov 2025): the date filter must widen to show it.
    at = _paste(_page("en"), INDONESIA, "2025-12-20")
    stored = list(articles.glob("pasted_*.txt"))
    assert len(stored) == 1
    assert at.success[0].value == "Articles added: 1"
    context = at.session_state["_context"]
    for meetings in (context.dataset.meetings, context.meetings):  # all, and what the filters let through
        indonesia = meetings[meetings["partner_country_iso3"] == "IDN"]
        assert indonesia["date"].tolist() == ["2025-12-20"]
    new_meetings = _table(at, "Meeting id")
    assert new_meetings["Partner"].tolist() == ["Indonesia"]
    assert "Indonesia" in at.multiselect(key="flt_country").options


def test_a_duplicate_paste_is_reported(articles):
    at = _paste(_page("en"), INDONESIA, "2025-10-05")
    (stored,) = articles.glob("pasted_*.txt")
    at = _paste(at, INDONESIA + "\n\n", "2025-10-05")
    assert list(articles.glob("pasted_*.txt")) == [stored]
    duplicates = _table(at, "Details")
    assert duplicates["Details"].tolist() == [f"pasted text is already in the collection as {stored.name}"]
    assert at.info[0].value == "No new article was added."


def test_nothing_to_add_is_said_in_arabic(articles):
    at = _paste(_page("ar"), "   ")
    assert at.warning[0].value == "لم يُرفع ملف ولم يُلصق نص."
    assert sorted(p.name for p in articles.iterdir() if not p.name.startswith(".")) == sorted(
        p.name for p in (ROOT / "seeds").iterdir())
