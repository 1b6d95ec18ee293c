"""Every page under Streamlit's AppTest, on the seeds: no exception, filters change what charts show,
and no figure a page builds carries reshaped Arabic or an unisolated mixed-direction label."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.rtl import find_layout_problems

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
PAGES = ["overview", "partner_map", "timeline", "topics", "partner", "articles", "data_tables"]


pytestmark = pytest.mark.usefixtures("app_env")


def _app(page: str = "overview", **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"dashboard/pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _values(array) -> list:
    """A trace array from a figure's JSON: plotly sends numbers as base64 typed arrays."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array or [])


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_and_its_figures_read_right(page, lang):
    at = _app(page, lang=lang)
    for spec in _figures(at):
        assert find_layout_problems(go.Figure(spec)) == []
    if page in ("overview", "partner_map", "timeline", "topics"):
        assert _figures(at), f"{page} drew no chart"


def test_overview_headline_figures_on_the_seeds():
    at = _app()
    values = {m.label: m.value for m in at.metric}
    assert values["الاجتماعات"] == "5"
    assert values["الدول الشريكة"] == "4"
    assert values["آخر زيارة"] == "25 نوفمبر 2025"


def test_map_shows_the_maldives_and_lists_organisations_beside_it():
    at = _app("partner_map")
    choropleth = next(t for spec in _figures(at) for t in spec["data"] if t["type"] == "choropleth")
    assert "MDV" in choropleth["locations"]
    assert at.session_state["flt_country"] == []
    organisations = at.dataframe[0].value
    assert "مكتب الأمم المتحدة لمكافحة الإرهاب" in organisations.iloc[:, 0].tolist()


def test_an_empty_list_beside_the_map_says_so_in_the_interface_language():
    at = _app("partner_map", country="MDV")  # the Maldives: a country, no organisation
    assert len(at.dataframe) == 1  # the countries table; no empty organisations table
    assert "لا توجد بيانات" in [c.value for c in at.caption]


def test_country_filter_changes_every_chart_and_the_url():
    at = _app("timeline")
    before = _figures(at)[0]
    at.multiselect(key="flt_country").set_value(["MDV"]).run()
    after = _figures(at)[0]
    points_before = sum(len(_values(t.get("x"))) for t in before["data"])
    points_after = sum(len(_values(t.get("x"))) for t in after["data"])
    assert (points_before, points_after) == (3, 1)
    assert at.query_params["country"] in ("MDV", ["MDV"])


def test_shared_link_opens_the_same_view():
    at = _app("overview", lang="en", country="DNK,EGY", undated="0")
    values = {m.label: m.value for m in at.metric}
    # Egypt's meeting is undated and undated meetings are excluded by the link.
    assert values["Meetings"] == "1"
    assert values["Latest visit"] == "25 Nov 2025"


def test_a_dense_timeline_groups_markers_and_says_so(monkeypatch):
    import streamlit as st

    from dashboard.analytics import time as timeline

    assert not any("اجتماع على الخط الزمني" in c.value for c in _app("timeline").caption)
    monkeypatch.setattr(timeline, "TIMELINE_MAX_MARKERS", 2)  # the seeds' 3 dated meetings no longer fit
    st.cache_resource.clear()  # built figures are shared per data version and filters, not per code constant
    at = _app("timeline")
    note = next(c.value for c in at.caption if "اجتماع على الخط الزمني" in c.value)
    assert note.startswith("3 ") and "سنة" in note
    timeline = _figures(at)[0]
    counts = [int(row[1]) for trace in timeline["data"] for row in trace["customdata"]]
    assert sum(counts) == 3


def test_the_timeline_pages_its_partner_rows(monkeypatch):
    from dashboard.analytics import time as timeline
    from dashboard.rtl import strip_bidi_controls

    assert not _app("timeline").selectbox  # three partner rows fit on one page
    monkeypatch.setattr(timeline, "TIMELINE_ROWS_PER_PAGE", 2)
    at = _app("timeline")
    rows = at.selectbox(key="timeline_rows")
    assert [strip_bidi_controls(o) for o in rows.options] == ["1–2 من 3", "3–3 من 3"]
    assert all("\u2066" in o for o in rows.options)  # the range is isolated left to right

    def partners(app) -> set[str]:
        return {strip_bidi_controls(y) for trace in _figures(app)[0]["data"] for y in trace["y"]}

    assert partners(at) == {"الدنمارك", "المالديف"}  # the two latest meetings: 25 and 23 November
    rows.set_value(1).run()
    assert partners(at) == {"ماليزيا"}


def test_undated_meetings_are_listed_under_the_timeline():
    at = _app("timeline")
    undated = at.dataframe[0].value
    assert len(undated) == 2  # Egypt and the UN office: the text says only "today"
    assert any("مصر" in str(v) for v in undated.iloc[:, 1])


def test_background_toggle_adds_background_only_topics():
    at = _app("topics")

    def total_bars(app):
        bars = next(t for spec in _figures(app) for t in spec["data"] if t["type"] == "bar")
        return sum(_values(bars["x"] if bars.get("orientation") == "h" else bars["y"]))

    account_only = total_bars(at)
    at.toggle(key="flt_background").set_value(True).run()
    assert total_bars(at) > account_only


def test_article_text_is_escaped_and_values_marked():
    at = _app("articles")
    rendered = [e.proto.body for e in at.get("html") if "article-text" in e.proto.body]
    assert rendered and '<mark class="evidence"' in rendered[0]
    assert 'dir="rtl"' in rendered[0]


def test_pages_share_one_dataset_and_leave_it_as_it_was():
    """The loaded tables are one object shared by every run and session (no per-run copy), so no page
    may assign into them."""
    import pandas as pd

    from dashboard import data

    _app()
    dataset = data.load_dataset()
    frames = ("articles", "meetings", "meeting_topics", "mentioned_countries", "evidence", "article_texts",
              "corrections", "review_meetings", "review_topics")
    before = {name: getattr(dataset, name).copy(deep=True) for name in frames}
    for page in [*PAGES, "review", "upload", "present"]:
        _app(page, lang="en")
    assert data.load_dataset() is dataset
    for name in frames:
        pd.testing.assert_frame_equal(getattr(dataset, name), before[name], obj=name)
