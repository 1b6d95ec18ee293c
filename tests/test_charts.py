"""Charts: the values a user would check, Arabic mirroring, and bidi hygiene of every figure."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

import samples
from dashboard import analytics, centroids, charts, i18n, rtl
from dashboard.analytics import time as timeline
from dashboard.preprocess import schema
from dashboard.rtl import PDI, RLI
from samples import NATO_AR, NATO_EN


def _all_figures(meetings, topics, lang, theme="light") -> dict[str, go.Figure]:
    return {
        "partner_map": charts.partner_map(meetings, lang, theme),
        "visits_timeline": charts.visits_timeline(meetings, lang, theme),
        "monthly_bar": charts.monthly_bar(meetings, lang, theme),
        "topic_bars": charts.topic_bars(topics, lang, theme=theme),
        "topic_bars_bg": charts.topic_bars(topics, lang, include_background=True, theme=theme),
        "topic_partner_heatmap": charts.topic_partner_heatmap(meetings, topics, lang, theme=theme),
        "topics_over_time": charts.topics_over_time(meetings, topics, lang, theme=theme),
        **_profile_figures(meetings, topics, lang, theme),
    }


def _profile_figures(meetings, topics, lang, theme) -> dict[str, go.Figure]:
    """A partner profile's charts: Egypt's topics against the others', the Maldives' counterparts."""
    egypt = meetings[analytics.partner_mask(meetings, analytics.Partner("country", "EGY"))]
    maldives = meetings[analytics.partner_mask(meetings, analytics.Partner("country", "MDV"))]
    comparison = analytics.topic_comparison(egypt, topics[analytics.member(topics["meeting_id"], egypt["meeting_id"])],
                                            meetings, topics, lang)
    people = analytics.partner_people(analytics.partner_history(maldives, topics, lang))
    return {"topic_comparison": charts.topic_comparison_bars(comparison, "مصر" if lang == "ar" else "Egypt", lang, theme),
            "people_timeline": charts.people_timeline(people, lang, theme)}


def _strip(values) -> list:
    return [rtl.strip_bidi_controls(v) for v in values]


# ---------------------------------------------------------------- map


def test_map_counts_meetings_per_country(meetings):
    fig = charts.partner_map(meetings, "ar")
    choropleth = fig.data[0]
    assert isinstance(choropleth, go.Choropleth)
    counts = dict(zip(choropleth.locations, choropleth.z))
    assert counts == {"EGY": 2, "MDV": 1, "MYS": 1, "DNK": 1}
    assert "MDV" in choropleth.locations


def test_map_marker_layer_shows_small_states(meetings):
    fig = charts.partner_map(meetings, "ar")
    markers = fig.data[1]
    assert isinstance(markers, go.Scattergeo)
    iso = [row[0] for row in markers.customdata]
    assert "MDV" in iso
    lat, lon = markers.lat[iso.index("MDV")], markers.lon[iso.index("MDV")]
    assert abs(lat - 3.2) < 2 and abs(lon - 73.2) < 1
    # Bigger marker for more meetings.
    sizes = dict(zip(iso, markers.marker.size))
    assert sizes["EGY"] > sizes["MDV"]


def test_map_customdata_carries_iso3_and_names_in_language(meetings):
    ar = charts.partner_map(meetings, "ar").data[0]
    en = charts.partner_map(meetings, "en").data[0]
    assert [row[0] for row in ar.customdata] == list(ar.locations)
    assert "المالديف" in _strip(row[1] for row in ar.customdata)
    assert "Maldives" in [row[1] for row in en.customdata]
    assert "25 نوفمبر 2025" in _strip(row[3] for row in ar.customdata)


def test_map_geo_settings(meetings):
    geo = charts.partner_map(meetings, "ar").layout.geo
    assert geo.resolution == 110  # the quick first paint; small states are markers
    assert charts.partner_map(meetings, "ar", detail=True).layout.geo.resolution == 50
    assert geo.projection.type == "natural earth"
    assert geo.showcountries is True and geo.showframe is False and geo.fitbounds is False


def test_organisations_are_not_mapped(meetings):
    fig = charts.partner_map(meetings, "ar")
    assert sum(fig.data[0].z) == 5  # six meetings, one with NATO PA only (listed: test_analytics_partners)


def test_centroid_table_covers_iso_and_known_positions():
    import pycountry

    assert {c.alpha_3 for c in pycountry.countries} <= set(centroids.CENTROIDS)
    expected = {"MDV": (3.2, 73.2), "BHR": (26.0, 50.55), "SGP": (1.35, 103.8),
                "EGY": (26.5, 30.0), "DNK": (56.0, 10.0), "MYS": (4.0, 102.0)}
    for iso, (lat, lon) in expected.items():
        got_lat, got_lon = centroids.CENTROIDS[iso]
        assert abs(got_lat - lat) < 1.5 and abs(got_lon - lon) < 1.5, iso


# ---------------------------------------------------------------- time


def test_timeline_plots_dated_meetings_only(meetings):
    fig = charts.visits_timeline(meetings, "ar")
    # Rows ordered by latest meeting, most recent on top (last category).
    order = [rtl.strip_bidi_controls(c) for c in fig.layout.yaxis.categoryarray]
    assert order == ["مصر", "ماليزيا", NATO_AR, "المالديف"]
    xs = sorted(str(pd.Timestamp(x).date()) for trace in fig.data for x in trace.x)
    assert xs == ["2025-05-10", "2025-05-20", "2025-07-01", "2025-09-03", "2025-11-25"]
    partners = {rtl.strip_bidi_controls(y) for trace in fig.data for y in trace.y}
    assert "الدنمارك" not in partners  # Denmark's only meeting is undated
    assert NATO_AR in partners  # organisations are rows of the timeline


def test_impossible_date_is_not_on_the_timeline(meetings):
    m = meetings.copy()
    m.loc[3, "date"] = "2025-02-30"  # listed as undated instead: test_analytics_time
    fig = charts.visits_timeline(m, "en")
    assert sum(len(tr.x) for tr in fig.data) == 4


def test_timeline_legend_hover_and_ticks_translated(meetings):
    fig = charts.visits_timeline(meetings, "ar")
    assert {rtl.strip_bidi_controls(tr.name) for tr in fig.data} == {
        "زيارة للتحالف", "زيارة خارجية", "اتفاقية", "اجتماع متعدد الأطراف"}
    mdv = next(tr for tr in fig.data if tr.name == "زيارة للتحالف")
    row = list(rtl.strip_bidi_controls(y) for y in mdv.y).index("المالديف")
    visitor, date = (rtl.strip_bidi_controls(v) for v in mdv.customdata[row])
    assert visitor == "محمد غسان مأمون، وزير الدفاع"
    assert date == "25 نوفمبر 2025"
    assert "زيارة للتحالف" in mdv.hovertemplate
    ticks = _strip(fig.layout.xaxis.ticktext)
    assert "مايو 2025" in ticks and "نوفمبر 2025" in ticks
    assert fig.layout.yaxis.side == "right"
    en = charts.visits_timeline(meetings, "en")
    assert {tr.name for tr in en.data} >= {"Visit to the coalition", "Agreement"}
    assert "May 2025" in en.layout.xaxis.ticktext


def test_monthly_bar_uses_reviewed_month_names(meetings):
    fig = charts.monthly_bar(meetings, "ar")
    ticks = _strip(fig.layout.xaxis.ticktext)
    assert ticks[0] == "مايو 2025"  # plotly's Arabic locale would say مارس
    assert all("مارس" not in t for t in ticks)
    assert list(fig.layout.xaxis.tickvals)[0] == "2025-05"
    assert list(fig.data[0].y) == [2, 0, 1, 0, 1, 0, 1]


# ---------------------------------------------------------------- topics


def test_topic_bars_count_in_account_only_by_default(topics):
    fig = charts.topic_bars(topics, "en")
    counts = dict(zip(fig.data[0].y, fig.data[0].x))
    assert counts == {"Military": 2, "Media": 2, "Ideology": 1}


def test_topic_bars_include_background_with_toggle(topics):
    fig = charts.topic_bars(topics, "en", include_background=True)
    counts = dict(zip(fig.data[0].y, fig.data[0].x))
    assert counts == {"Military": 3, "Media": 2, "Ideology": 2}


def test_topic_bars_sorted_largest_on_top(topics):
    fig = charts.topic_bars(topics, "en", include_background=True)
    order = list(fig.layout.yaxis.categoryarray)
    assert order[-1] == "Military"  # plotly's last category is the top bar


def test_topic_bars_mirrored_in_arabic(topics):
    ar = charts.topic_bars(topics, "ar")
    assert ar.layout.xaxis.autorange == "reversed"
    assert ar.layout.yaxis.side == "right"
    assert ar.data[0].orientation == "h"
    en = charts.topic_bars(topics, "en")
    assert en.layout.xaxis.autorange != "reversed"
    assert en.layout.yaxis.side == "left"


def test_topic_partner_heatmap_counts(meetings, topics):
    fig = charts.topic_partner_heatmap(meetings, topics, "en", include_background=True)
    heat = fig.data[0]
    z = pd.DataFrame(heat.z, index=list(heat.y), columns=list(heat.x))
    assert z.loc["Military", "Egypt"] == 2
    assert z.loc["Military", "Maldives"] == 1
    assert z.loc["Ideology", NATO_EN] == 1
    assert z.loc["Ideology", "Denmark"] == 1  # topics of undated meetings still count here
    in_account = charts.topic_partner_heatmap(meetings, topics, "en").data[0]
    z2 = pd.DataFrame(in_account.z, index=list(in_account.y), columns=list(in_account.x))
    assert z2.loc["Military", "Egypt"] == 1


def test_topics_over_time_counts_per_month(meetings, topics):
    fig = charts.topics_over_time(meetings, topics, "en")
    lines = {tr.name: dict(zip(tr.x, tr.y)) for tr in fig.data}
    assert lines["Military"]["2025-05"] == 1 and lines["Military"]["2025-11"] == 1
    assert lines["Media"]["2025-05"] == 1 and lines["Media"]["2025-07"] == 1
    assert "Ideology" not in lines  # in account only for the undated meeting


def test_topics_over_years_are_lines_without_a_marker_per_month(meetings, topics):
    assert {tr.mode for tr in charts.topics_over_time(meetings, topics, "en").data} == {"lines+markers"}
    years_earlier = meetings.copy()
    years_earlier.loc[years_earlier["meeting_id"] == "a2-m1", "date"] = "2021-05-10"
    fig = charts.topics_over_time(years_earlier, topics, "en")
    assert {tr.mode for tr in fig.data} == {"lines"}
    military = next(tr for tr in fig.data if tr.name == "Military")
    assert len(military.x) == 55 and dict(zip(military.x, military.y))["2021-05"] == 1  # May 2021 to Nov 2025


def test_heatmap_margins_hold_its_labels_and_colour_bar(meetings, topics):
    """The heatmap sizes its own margins (no automargin): room for the topic names on their side, the
    colour bar at the figure's edge on the other, and the slanted partner names below."""
    for lang, topic_side, bar_side in (("ar", "r", "l"), ("en", "l", "r")):
        fig = charts.topic_partner_heatmap(meetings, topics, lang, include_background=True)
        margin, heat = fig.layout.margin, fig.data[0]
        assert margin.autoexpand is False and fig.layout.xaxis.automargin is False
        longest_topic = max(len(rtl.strip_bidi_controls(y)) for y in heat.y)
        longest_partner = max(len(rtl.strip_bidi_controls(x)) for x in heat.x)
        assert margin[topic_side] >= 0.36 * 13 * longest_topic  # Naskh: at least 0.36 em a character
        assert margin.b >= 0.7 * 0.36 * 13 * longest_partner + 40  # slanted at 45 degrees, plus the axis title
        assert heat.colorbar.xref == "container" and margin[bar_side] >= 80
    assert charts.topic_partner_heatmap(meetings, topics, "ar").data[0].colorbar.x == 0.0  # left, in Arabic


def test_topic_charts_follow_meeting_filters(meetings, topics):
    only_egypt = meetings[meetings["partner_country_iso3"] == "EGY"]
    heat = charts.topic_partner_heatmap(only_egypt, topics, "en").data[0]
    assert list(heat.x) == ["Egypt"]


# ---------------------------------------------------------------- layout and bidi


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_figure_has_layout_problems(meetings, topics, lang, theme):
    for name, fig in _all_figures(meetings, topics, lang, theme).items():
        assert rtl.find_layout_problems(fig) == [], name


def test_mixed_label_is_wrapped_in_isolates(meetings):
    fig = charts.visits_timeline(meetings, "ar")
    labels = [y for trace in fig.data for y in trace.y]
    assert RLI + NATO_AR + PDI in labels


def test_no_presentation_forms_anywhere(meetings, topics):
    for lang in ("ar", "en"):
        for name, fig in _all_figures(meetings, topics, lang).items():
            assert not rtl.PRESENTATION_FORMS_RE.search(fig.to_json()), name


def test_arabic_layout_is_right_aligned(meetings, topics):
    for name, fig in _all_figures(meetings, topics, "ar").items():
        assert fig.layout.title.x == 1 and fig.layout.title.xanchor == "right", name
        assert fig.layout.hoverlabel.align == "right", name
        assert fig.layout.uirevision, name
    for name, fig in _all_figures(meetings, topics, "en").items():
        assert fig.layout.title.x == 0 and fig.layout.hoverlabel.align == "left", name


def test_style_fonts_and_palette():
    st = charts.style("ar", "dark")
    assert st.font_family.startswith('"Noto Naskh Arabic"')
    assert st.rtl and st.theme == "dark"
    assert "#000000" not in st.palette  # black is invisible on the dark background
    assert charts.style("en").palette[0] == "#E69F00"  # Okabe-Ito


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_empty_input_gives_friendly_empty_figures(meetings, topics, lang):
    empty_m, empty_t = meetings.iloc[:0], topics.iloc[:0]
    message = i18n.t("no_data", lang)
    figs = _all_figures(empty_m, empty_t, lang)
    for name, fig in figs.items():
        assert isinstance(fig, go.Figure), name
        texts = [a.text for a in fig.layout.annotations]
        assert message in texts, name


def test_topic_comparison_shows_both_shares_in_percent(meetings, topics):
    fig = _profile_figures(meetings, topics, "en", "light")["topic_comparison"]
    others, egypt = fig.data
    shares = dict(zip(_strip(egypt.y), egypt.x))
    # Egypt: military in both meetings (once in the background), media in 1 of 2; the other 4 meetings:
    # military once, media once, ideology twice.
    assert shares == {"Military": 100.0, "Media": 50.0, "Ideology": 0.0}
    assert dict(zip(_strip(others.y), others.x)) == {"Military": 25.0, "Media": 25.0, "Ideology": 50.0}
    assert rtl.strip_bidi_controls(others.name) == "Other partners"


def test_people_timeline_has_a_marker_per_dated_meeting(meetings, topics):
    fig = _profile_figures(meetings, topics, "ar", "light")["people_timeline"]
    assert _strip(fig.data[0].y) == ["محمد غسان مأمون — وزير الدفاع"]
    assert [str(x)[:10] for x in fig.data[0].x] == ["2025-11-25"]


def test_only_undated_meetings_give_an_empty_timeline(meetings):
    undated_only = meetings[meetings["date"] == ""]
    fig = charts.visits_timeline(undated_only, "en")
    assert [a.text for a in fig.layout.annotations] == ["No data"]


def test_na_dates_and_missing_names_do_not_break_charts(meetings, topics):
    m = meetings.copy()
    m.loc[0, "date"] = pd.NA
    m.loc[3, "partner_country_en"] = pd.NA  # Malaysia's only meeting
    fig = charts.partner_map(m, "en")
    names = [row[1] for row in fig.data[0].customdata]
    assert "ماليزيا" in _strip(names)  # falls back to the Arabic name
    assert all(rtl.find_layout_problems(f) == [] for f in _all_figures(m, topics, "en").values())


# ---------------------------------------------------------------- i18n


def test_month_labels_reviewed():
    assert i18n.MONTH_LABELS_AR[5] == "مايو"
    assert list(i18n.MONTH_LABELS_AR.values()) == [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    assert i18n.month_label("2025-11-25", "ar") == "نوفمبر 2025"
    assert i18n.month_label(pd.Period("2025-11", "M"), "en") == "Nov 2025"
    assert i18n.date_label("2025-11-05", "ar") == "5 نوفمبر 2025"
    assert i18n.month_label("", "ar") == "بدون تاريخ"


def test_month_bars_read_the_reviewed_month_names_and_counts():
    """What a reader sees on a small hand-made year: every month from the first meeting to the last,
    named from the reviewed table (the one the date parser reads), with its count; empty months as 0."""
    frame = samples.meetings_table([
        samples.meeting("m1-m1", date="2025-01-31"), samples.meeting("m2-m1", date="2025-03-02"),
        samples.meeting("m3-m1", date="2025-03-15"), samples.meeting("m4-m1", date="2025-05-01"),
        samples.meeting("m5-m1", date=""),  # undated: in no month
    ])
    ar = charts.monthly_bar(frame, "ar")
    months_ar = ["يناير 2025", "فبراير 2025", "مارس 2025", "أبريل 2025", "مايو 2025"]
    assert _strip(ar.layout.xaxis.ticktext) == months_ar
    assert _strip(row[0] for row in ar.data[0].customdata) == months_ar  # hover
    assert list(ar.data[0].y) == [1, 0, 2, 0, 1]
    en = charts.monthly_bar(frame, "en")
    assert list(en.layout.xaxis.ticktext) == ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025"]
    # The pipeline writes dates with the same month names the charts show.
    dates = pytest.importorskip("dashboard.preprocess.dates")
    assert dates.format_date_ar(dt.date(2025, 5, 1)) == i18n.date_label("2025-05-01", "ar") == "1 مايو 2025"


def test_event_type_labels():
    assert i18n.event_type_label("visit_received", "ar") == "زيارة للتحالف"
    assert i18n.event_type_label("multilateral", "en") == "Multilateral meeting"
    assert i18n.event_type_label("nonsense", "ar") == "أخرى"
    assert i18n.t("missing_key_xyz", "ar") == "missing_key_xyz"


def test_benchmark_data_conform_and_every_chart_builds():
    """Speed is measured by ``python -m benchmarks.bench_charts``, not asserted here."""
    from benchmarks import bench_charts

    m, t = bench_charts.synthetic_tables(2_000)
    schema.validate(schema.MEETINGS, m)
    figs = _all_figures(m, t, "ar")
    assert all(isinstance(f, go.Figure) for f in figs.values())


# ------------------------------------------------------- dense timelines


def _markers(fig: go.Figure) -> list[tuple[str, str, str, int]]:
    """(partner, event type, period, count) per marker of a grouped timeline."""
    return sorted((rtl.strip_bidi_controls(y), rtl.strip_bidi_controls(tr.name), rtl.strip_bidi_controls(cd[0]),
                   int(cd[1])) for tr in fig.data for y, cd in zip(tr.y, tr.customdata))


def test_timeline_draws_a_marker_per_meeting_while_they_fit(dense):
    fig = charts.visits_timeline(dense, "ar")
    assert sum(len(tr.x) for tr in fig.data) == 11
    assert not fig.layout.title.subtitle.text


def test_dense_timeline_groups_by_the_finest_period_that_fits(dense, monkeypatch):
    monkeypatch.setattr(timeline, "TIMELINE_MAX_MARKERS", 4)  # a month each (analytics.timeline_grouping)
    fig = charts.visits_timeline(dense, "ar")
    assert _markers(fig) == sorted([
        ("المالديف", "زيارة للتحالف", "يناير 2025", 6),
        ("المالديف", "زيارة للتحالف", "فبراير 2025", 2),
        ("البحرين", "اتفاقية", "يناير 2025", 2),
        ("البحرين", "اتفاقية", "مارس 2025", 1),
    ])  # 11 meetings, every one of them in a marker
    assert "شهر" in rtl.strip_bidi_controls(fig.layout.title.subtitle.text)


def test_grouped_markers_sit_mid_period_sized_by_count_with_the_latest_visit(dense, monkeypatch):
    monkeypatch.setattr(timeline, "TIMELINE_MAX_MARKERS", 2)
    fig = charts.visits_timeline(dense, "ar")
    maldives = next(tr for tr in fig.data if "زيارة للتحالف" in tr.name)
    (x,), (size,), (row,) = maldives.x, maldives.marker.size, maldives.customdata
    assert pd.Timestamp(x).date().isoformat() == "2025-02-15"  # middle of Q1 2025
    assert [rtl.strip_bidi_controls(v) for v in row] == ["الربع 1 من 2025", "8", "زائر 8", "27 فبراير 2025"]
    bahrain = next(tr for tr in fig.data if "اتفاقية" in tr.name)
    assert size == pytest.approx(22) and bahrain.marker.size[0] < size  # area follows the count
    en = charts.visits_timeline(dense, "en")
    assert "Q1 2025" in [row[0] for tr in en.data for row in tr.customdata]
    assert "quarter" in en.layout.title.subtitle.text
    assert rtl.find_layout_problems(fig) == [] and rtl.find_layout_problems(en) == []


def test_the_map_counts_a_multilateral_meeting_under_each_of_its_states():
    choropleth = charts.partner_map(samples.multilateral_and_bilateral(), "en").data[0]
    assert dict(zip(choropleth.locations, choropleth.z)) == {"MDV": 2, "EGY": 1, "PAK": 1}
    assert "Egypt" in [row[1] for row in choropleth.customdata]  # named from the gazetteer
