"""Meetings in time: one rule for "dated", months, and the timeline's pages and grouping."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import samples
from dashboard import analytics, presentation, tables
from dashboard.analytics import Filters, apply_filters
from dashboard.preprocess import schema
from dashboard.rtl import strip_bidi_controls
from samples import NATO_EN, meeting


def test_a_meeting_is_dated_only_by_a_real_padded_iso_day():
    dates = pd.Series(["2025-11-25", " 2025-11-25 ", "2025-02-30", "2025-2-3", "2025-02", "25/11/2025", "",
                       None, "2024-02-29"], dtype="string")
    frame = pd.DataFrame({"date": dates})
    assert analytics.is_dated(frame).tolist() == [True, True, False, False, False, False, False, False, True]
    assert analytics.meeting_dates(frame)[0] == pd.Timestamp("2025-11-25")
    assert not analytics.is_dated(pd.DataFrame({"meeting_id": ["m"]})).any()  # no date column: undated


def test_every_place_reads_the_same_rule(meetings):
    m = meetings.copy()
    m.loc[3, "date"] = "2025-7-1"  # Malaysia: unpadded, so undated everywhere
    m.loc[0, "date"] = "2025-02-30"  # the Maldives: impossible, so undated everywhere
    undated = {"a1-m1", "a4-m1", "a5-m1"}
    assert set(analytics.undated_meetings(m)["meeting_id"]) == undated
    assert analytics.headline_figures(m, samples.topics())["undated"] == 3
    topics = schema.empty_frame(schema.MEETING_TOPICS)
    # The date filter keeps undated meetings (unless told not to), and drops none of them as out of range.
    in_may = apply_filters(m, topics, Filters(date_from=dt.date(2025, 5, 1), date_to=dt.date(2025, 5, 31)))
    assert set(in_may["meeting_id"]) == undated | {"a2-m1", "a3-m1"}
    dated_only = apply_filters(m, topics, Filters(include_undated=False))
    assert set(dated_only["meeting_id"]) == {"a2-m1", "a3-m1", "a6-m1"}
    # Tables and slides list them last.
    assert set(tables.meetings_for_display(m, "en")["Meeting id"].tail(3)) == undated
    slide, _ = presentation.partner_table(m, "en", limit=6)
    assert [strip_bidi_controls(d) for d in slide.iloc[:3, 0]] == ["3 Sep 2025", "20 May 2025", "10 May 2025"]


def test_newest_first_keeps_the_undated_in_their_order(meetings):
    assert analytics.newest_first(meetings)["meeting_id"].tolist() == [
        "a1-m1", "a6-m1", "a4-m1", "a3-m1", "a2-m1", "a5-m1"]


def test_undated_meetings_are_listed(meetings):
    undated = analytics.undated_meetings(meetings)
    assert undated["meeting_id"].tolist() == ["a5-m1"]
    assert len(analytics.dated_meetings(meetings)) + len(undated) == len(meetings)


def test_impossible_date_is_listed_as_undated_not_lost(meetings):
    m = meetings.copy()
    m.loc[3, "date"] = "2025-02-30"
    assert analytics.undated_meetings(m)["meeting_id"].tolist() == ["a4-m1", "a5-m1"]


def test_na_dates_are_undated(meetings):
    m = meetings.copy()
    m.loc[0, "date"] = pd.NA
    assert analytics.undated_meetings(m)["meeting_id"].tolist() == ["a1-m1", "a5-m1"]


def test_only_undated_meetings_are_listed(meetings):
    assert len(analytics.undated_meetings(meetings[meetings["date"] == ""])) == 1


def test_empty_input_gives_empty_tables(meetings):
    assert analytics.monthly_counts(meetings.iloc[:0]).empty
    assert analytics.undated_meetings(meetings.iloc[:0]).empty


def test_monthly_counts_fill_empty_months(meetings):
    mc = analytics.monthly_counts(meetings)
    assert mc["month"].tolist() == ["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]
    assert mc["meetings"].tolist() == [2, 0, 1, 0, 1, 0, 1]
    assert mc["meetings"].sum() == len(meetings) - 1  # the undated one is not in any month


def test_timeline_pages_hold_the_partners_most_recent_first_and_every_dated_meeting(meetings, dense):
    both = pd.concat([meetings, dense], ignore_index=True)
    pages, partners = analytics.timeline_partner_pages(both, per_page=2)
    assert partners == 5 and len(pages) == 3  # Denmark's only meeting is undated
    rows = [sorted(set(analytics.partner_labels(both[page], "en"))) for page in pages]
    assert rows == [["Maldives", NATO_EN], ["Egypt", "Malaysia"], ["Bahrain"]]  # latest: Nov, Sep; Jul, May; Mar
    assert sum(int(page.sum()) for page in pages) == len(analytics.dated_meetings(both))
    assert not (pages[0] & pages[1]).any()
    assert analytics.timeline_partner_pages(both[both["date"] == ""]) == ([], 0)


def test_timeline_groups_by_the_finest_period_that_fits(dense):
    assert analytics.timeline_grouping(dense) is None  # 11 meetings: a marker each
    assert analytics.timeline_grouping(dense, max_markers=4) == "month"  # 4 partner-type-months
    assert analytics.timeline_grouping(dense, max_markers=3) == "quarter"  # 2 partner-type-quarters
    assert analytics.timeline_grouping(dense, max_markers=1) == "year"  # nothing finer fits: years


def test_a_date_only_the_pipeline_could_not_read_is_not_grouped_into_a_period(dense):
    m = pd.concat([dense, samples.meetings_table([meeting("z1-m1", date="2025-13-01")])], ignore_index=True)
    assert analytics.timeline_grouping(m, max_markers=4) == "month"
