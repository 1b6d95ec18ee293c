"""The filters every page applies, their round trip through a shared link, and what analytics may import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import samples
from dashboard import analytics
from dashboard.analytics import Filters, apply_filters, member, topics_for
from dashboard.preprocess import schema


def _table(table: schema.Table, rows: pd.DataFrame) -> pd.DataFrame:
    return schema.conform(table, pd.concat([schema.empty_frame(table), rows], ignore_index=True))


@pytest.fixture
def meetings() -> pd.DataFrame:
    return _table(schema.MEETINGS, pd.DataFrame({
        "meeting_id": ["m-mdv", "m-egy", "m-unoct", "m-dnk"],
        "event_type": ["visit_received", "visit_received", "visit_received", "multilateral"],
        "date": ["2025-11-23", "", "", "2025-11-25"],
        "partner_country_iso3": ["MDV", "EGY", "", "DNK"],
        "partner_org_en": ["", "", "UNOCT", "NATO PA"],
    }))


@pytest.fixture
def topics() -> pd.DataFrame:
    return _table(schema.MEETING_TOPICS, pd.DataFrame({
        "meeting_id": ["m-mdv", "m-unoct", "m-unoct", "m-dnk"],
        "topic_id": ["training", "hate_speech_moderation", "partnership_mou", "cyber"],
        "in_account": [True, True, False, True],
    }))


def _ids(frame: pd.DataFrame) -> list[str]:
    return frame["meeting_id"].tolist()


def test_no_filter_keeps_every_meeting(meetings, topics):
    assert _ids(apply_filters(meetings, topics, Filters())) == ["m-mdv", "m-egy", "m-unoct", "m-dnk"]


def test_date_range_keeps_undated_meetings_unless_asked_not_to(meetings, topics):
    window = Filters(date_from=dt.date(2025, 11, 24), date_to=dt.date(2025, 12, 31))
    assert _ids(apply_filters(meetings, topics, window)) == ["m-egy", "m-unoct", "m-dnk"]
    dated_only = Filters(date_from=dt.date(2025, 11, 24), include_undated=False)
    assert _ids(apply_filters(meetings, topics, dated_only)) == ["m-dnk"]


def test_a_country_and_an_organisation_chosen_together_mean_either(meetings, topics):
    chosen = Filters(countries=("MDV",), organisations=("UNOCT",))
    assert _ids(apply_filters(meetings, topics, chosen)) == ["m-mdv", "m-unoct"]


def test_topic_filter_counts_background_mentions_only_when_asked(meetings, topics):
    assert _ids(apply_filters(meetings, topics, Filters(topics=("partnership_mou",)))) == []
    with_background = Filters(topics=("partnership_mou",), include_background=True)
    assert _ids(apply_filters(meetings, topics, with_background)) == ["m-unoct"]


def test_topics_for_keeps_the_rows_of_the_given_meetings(meetings, topics):
    unoct = meetings[meetings["meeting_id"] == "m-unoct"]
    assert topics_for(unoct, topics, include_background=False)["topic_id"].tolist() == ["hate_speech_moderation"]
    assert sorted(topics_for(unoct, topics, include_background=True)["topic_id"]) == [
        "hate_speech_moderation", "partnership_mou"]


def test_member_matches_isin_and_never_counts_missing_values():
    values = pd.Series(["a", None, "b", "c"], dtype="string")
    assert member(values, ["b", "c", "z"]).tolist() == [False, False, True, True]
    assert member(values, pd.Series(["a", None], dtype="string")).tolist() == [True, False, False, False]
    assert member(values, []).tolist() == [False] * 4
    assert member(pd.Series([], dtype="string"), ["a"]).dtype == np.bool_


def test_member_agrees_with_pandas_on_many_ids():
    rng = np.random.default_rng(7)
    values = pd.Series([f"m{i}" for i in rng.integers(0, 5000, 20_000)], dtype="string")
    allowed = pd.Series([f"m{i}" for i in range(0, 5000, 3)], dtype="string")
    assert (member(values, allowed) == values.isin(allowed).to_numpy()).all()


def test_shared_link_round_trip_keeps_the_selection():
    chosen = Filters(date_from=dt.date(2025, 1, 1), countries=("MDV", "DNK"), organisations=("NATO PA",),
                     event_types=("multilateral",), topics=("cyber",), include_undated=False,
                     include_background=True, lang="en")
    query = analytics.filters_to_query(chosen)
    assert query["country"] == "MDV,DNK" and query["undated"] == "0"
    assert analytics.filters_from_query(query) == chosen
    assert analytics.filters_to_query(Filters()) == {}


def test_malformed_links_are_ignored_not_errors():
    parsed = analytics.filters_from_query({"from": "2025-02-31", "country": "MDV,../x,12", "event": "bogus",
                                           "lang": "fr"})
    assert parsed == Filters(countries=("MDV",))


def test_a_multilateral_meeting_counts_for_every_state_it_lists():
    from dashboard.analytics import partner_countries
    rows = partner_countries(samples.multilateral_and_bilateral())
    assert rows[["row", "iso3"]].values.tolist() == [[0, "PAK"], [0, "EGY"], [0, "MDV"], [1, "MDV"]]
    assert rows.set_index("iso3").loc["EGY", "name_en"] == "Egypt"


def test_the_country_filter_keeps_a_multilateral_meeting_of_that_country():
    meetings = samples.multilateral_and_bilateral()
    topics = pd.DataFrame({"meeting_id": pd.Series(dtype="string"), "topic_id": pd.Series(dtype="string"),
                           "in_account": pd.Series(dtype="boolean")})
    kept = apply_filters(meetings, topics, Filters(countries=("EGY",)))
    assert kept["meeting_id"].tolist() == ["m1"]
    kept = apply_filters(meetings, topics, Filters(countries=("MDV",)))
    assert kept["meeting_id"].tolist() == ["m1", "m2"]


@pytest.mark.parametrize("package, forbidden", [("dashboard.analytics", ("streamlit", "plotly")),
                                                ("dashboard.charts", ("streamlit",))])
def test_analytics_and_charts_stay_out_of_the_page_layer(package, forbidden):
    """Analytics return tables and numbers (no Streamlit, no plotly); charts return figures (no Streamlit)."""
    code = (f"import sys, {package}; "
            f"print(','.join(m for m in {forbidden!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    assert loaded == ""
