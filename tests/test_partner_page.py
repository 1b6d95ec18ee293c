"""The partner profile page under AppTest, on the seeds, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.rtl import find_layout_problems

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")

pytestmark = pytest.mark.usefixtures("app_env")


def _partner_page(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("dashboard/pages/partner.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at: AppTest, header: str):
    """The first table with a column named ``header``."""
    return next(df.value for df in at.dataframe if header in df.value.columns)


def test_maldives_profile_in_arabic():
    at = _partner_page(country="MDV")
    assert at.title[0].value == "ملف الشريك: المالديف"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["الاجتماعات"] == "1"
    assert metrics["آخر اجتماع"] == "23 نوفمبر 2025" and metrics["أول اجتماع"] == "23 نوفمبر 2025"
    history = _table(at, "الشخصية")
    assert history["الشخصية"].tolist() == ["إبراهيم حلمي"]
    assert history["صفتها"].tolist() == ["رئيس قوة الدفاع الوطني المالديفية"]
    assert history["التاريخ"].tolist() == ["23 نوفمبر 2025"]
    # The sources link opens the report on the Sources page.
    assert history["المصادر"].iloc[0].startswith("articles?article=")
    people = _table(at, "الاسم")
    assert people["الاسم"].tolist() == ["إبراهيم حلمي"]
    for chart in at.get("plotly_chart"):
        assert find_layout_problems(go.Figure(json.loads(chart.proto.spec))) == []
    assert at.query_params["country"] == "MDV"


def test_nato_delegation_profile_in_english():
    at = _partner_page(org="NATO Parliamentary Assembly", lang="en")
    assert at.title[0].value == "Partner profile: NATO Parliamentary Assembly"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Last meeting"] == "25 Nov 2025"
    history = _table(at, "Counterpart")
    assert history["Date"].tolist() == ["25 Nov 2025"]
    assert history["Event type"].tolist() == ["Visit to the coalition"]


def test_the_date_filter_narrows_the_history():
    at = _partner_page(country="MDV", lang="en", **{"from": "2025-11-24"})
    assert not at.metric
    assert "No meetings with Maldives match the current filters." in [i.value for i in at.info]


def test_the_picker_opens_another_partner_and_keeps_the_link():
    at = _partner_page(lang="en")
    assert "Choose a partner" in at.info[0].value
    directory = _table(at, "Profile")
    assert "Maldives" in " ".join(directory["Partner"])
    assert all(link.startswith("partner?lang=en&") for link in directory["Profile"])
    picker = at.selectbox(key="partner_pick")
    assert any("Malaysia" in option for option in picker.options)
    picker.set_value("country:MYS").run()
    assert not at.exception
    assert at.title[0].value == "Partner profile: Malaysia"
    assert at.query_params["country"] == "MYS"
    assert _table(at, "Counterpart")["Date"].tolist() == ["16 Sep 2025"]


def test_tables_that_name_a_partner_link_its_profile():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("dashboard/pages/data_tables.py")
    at.run()
    table = _table(at, "Profile")
    links = dict(zip(table["Partner"], table["Profile"]))
    assert links["Maldives"] == "partner?lang=en&country=MDV"
    assert links["UN Office of Counter-Terrorism"] == "partner?lang=en&org=UN+Office+of+Counter-Terrorism"


def test_a_source_link_opens_that_report():
    at = _partner_page(country="MDV", lang="en")
    link = _table(at, "Counterpart")["Sources"].iloc[0]
    article_id = link.split("article=")[1]
    sources = AppTest.from_file(APP, default_timeout=120)
    sources.query_params["lang"] = "en"
    sources.query_params["article"] = article_id
    sources.run()
    sources.switch_page("dashboard/pages/articles.py")
    sources.run()
    assert not sources.exception
    assert sources.query_params["article"] == article_id
    record = next(df.value for df in sources.dataframe if "Meeting" in df.value.columns)
    assert "إبراهيم حلمي" in record["Meeting"].astype(str).tolist()


def test_a_link_inside_the_app_opens_the_profile_it_names():
    """An "open profile" link (st.page_link with the partner in its query) in a session whose filters
    were already set: the link's partner wins over the session's filters."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("dashboard/pages/articles.py")
    at.run()
    at.query_params["country"] = "MDV"
    at.switch_page("dashboard/pages/partner.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Partner profile: Maldives"
    assert at.query_params["country"] == "MDV"
    # And changing the sidebar afterwards still works: the widget, not the old link, decides.
    at.multiselect(key="flt_country").set_value(["MYS"]).run()
    assert at.title[0].value == "Partner profile: Malaysia" and at.query_params["country"] == "MYS"


def test_an_unknown_code_in_the_link_says_so():
    at = _partner_page(country="XYZ", lang="en")
    assert [i.value for i in at.info] == ["No partner called XYZ is in the data: choose one from the list."]
    at = _partner_page(org="Nobody", lang="en")
    assert [i.value for i in at.info] == ["No partner called Nobody is in the data: choose one from the list."]


def test_the_picker_finds_a_partner_by_either_name_or_its_code():
    at = _partner_page(country="MDV", lang="en")
    option = at.selectbox(key="partner_pick")
    label = next(o for o in option.options if "Maldives" in o)
    plain = "".join(ch for ch in label if ch not in "\u2066\u2067\u2068\u2069")
    assert plain == "Maldives · المالديف · MDV (1)"
    assert label.startswith("\u2068Maldives\u2069")  # each name isolated


def test_an_organisation_outside_the_dates_is_not_called_unknown():
    at = _partner_page(org="NATO Parliamentary Assembly", lang="en", to="2025-01-01")
    assert [i.value for i in at.info] == ["No meetings with NATO Parliamentary Assembly match the current filters."]
