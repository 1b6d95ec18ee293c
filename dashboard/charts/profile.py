"""A partner's charts: its topics against the other partners', and the counterparts it sent over time.

The tables come from ``dashboard.analytics.profile``; the topics over time chart
is ``charts.topics_over_time`` on the partner's own rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.charts.style import (ChartStyle, _hover, _label_px, _labels, _layout, _legend, _month_ticks, _st,
                                    empty_figure)
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = ["topic_comparison_bars", "people_timeline", "OTHERS_GREY"]

#: The other partners' bars: a mid grey that reads on the light and the dark background alike.
OTHERS_GREY = "#9CA3AF"


def topic_comparison_bars(comparison: pd.DataFrame, partner: str, lang: str = "ar",
                          theme: str | ChartStyle = "light") -> go.Figure:
    """Share of the partner's meetings that raised each topic, beside the share with every other partner.

    Args:
        comparison: ``analytics.topic_comparison`` (most raised with the partner, relative to others, first).
        partner: the partner's display name (plain text), for the legend.
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        Two horizontal ``Bar`` traces in percent, the topic raised most above the others' share on top;
        mirrored in Arabic (topic names on the right, bars growing leftwards).
    """
    st = _st(lang, theme)
    title = t("chart_topic_comparison", st.lang)
    if comparison.empty:
        return empty_figure(st.lang, title, st)
    rows = comparison.iloc[::-1]  # plotly draws the first category at the bottom
    labels = _labels(rows["topic"])
    difference = (rows["difference"] * 100).round().fillna(0).astype(int).to_numpy()
    points = np.array([browser_label(t("points_difference", st.lang, n=f"{d:+d}")) for d in difference], dtype=object)
    traces = []
    # Others first: plotly draws a group's first bar at the bottom, so the partner's bar is on top. The
    # others are grey: the comparison, not the subject.
    for column, name, colour in (("others_share", t("other_partners", st.lang), OTHERS_GREY),
                                 ("partner_share", partner, st.palette[4])):
        share = (rows[column].astype("float64").fillna(0) * 100).round(1).to_numpy()
        traces.append(go.Bar(
            x=share, y=labels, orientation="h", name=browser_label(name), marker_color=colour,
            customdata=np.stack([labels, points], axis=1),
            hovertemplate=_hover("%{customdata[0]}", f"{name}: %{{x}}%", "%{customdata[1]}"),
        ))
    return go.Figure(data=traces, layout=_layout(
        st, title, "topic_comparison", subtitle=t("chart_topic_comparison_sub", st.lang),
        barmode="group", height=max(320, 44 * len(rows) + 150),
        # A horizontal legend runs left to right: the partner, drawn last, comes first in Arabic (at the
        # right, the reading start) as it is, and in English once reversed.
        legend=_legend(st, placement="top") | {"traceorder": "normal" if st.rtl else "reversed"},
        margin=dict(l=10, r=10, t=110, b=10),
        xaxis=dict(title=dict(text=browser_label(t("axis_share_of_meetings", st.lang))), ticksuffix="%",
                   autorange="reversed" if st.rtl else True, rangemode="tozero"),
        yaxis=dict(type="category", categoryorder="array", categoryarray=labels.tolist(),
                   side="right" if st.rtl else "left"),
    ))


def people_timeline(people: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light") -> go.Figure:
    """The partner's counterparts as rows of markers, one per dated meeting: a change of minister shows
    as one row ending and another starting.

    Args:
        people: ``analytics.partner_people`` (the person met most recently first).
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        One ``Scatter`` trace; people met only on undated occasions have no marker (the table lists them).
    """
    st = _st(lang, theme)
    title = t("chart_people", st.lang)
    dated = people[people["dates"].astype("string").fillna("") != ""]
    if dated.empty:
        return empty_figure(st.lang, title, st)
    who = dated["name"].where(dated["name"] != "", dated["title"]).astype("string")
    person = (who + " — " + dated["title"]).where((dated["name"] != "") & (dated["title"] != ""), who)
    points = pd.DataFrame({"person": person.to_numpy(), "date": dated["dates"].str.split("; ").to_numpy()})
    points = points.explode("date")
    labels = _labels(points["person"])
    order = _labels(person.iloc[::-1])  # the most recent at the top
    when = pd.to_datetime(points["date"], format="%Y-%m-%d")
    date_text = np.array([browser_label(i18n.date_label(d, st.lang)) for d in points["date"]], dtype=object)
    marker = go.Scatter(
        x=when, y=labels, mode="markers", marker=dict(size=13, color=st.palette[4], symbol="circle"),
        customdata=np.stack([labels, date_text], axis=1),
        hovertemplate=_hover("%{customdata[0]}", "%{customdata[1]}"), showlegend=False,
    )
    side = min(_label_px(list(order)), 460)
    # Time runs left to right in both languages, as on the visits timeline; month names from the reviewed table.
    months = pd.period_range(when.min(), when.max(), freq="M").strftime("%Y-%m").tolist()
    tickvals, ticktext = _month_ticks(months, st.lang)
    return go.Figure(data=[marker], layout=_layout(
        st, title, "people_timeline", height=max(260, 46 * len(order) + 140),
        margin=dict(l=40 if st.rtl else side, r=side if st.rtl else 40, t=60, b=48, autoexpand=False),
        xaxis=dict(type="date", tickvals=[f"{m}-01" for m in tickvals], ticktext=ticktext),
        yaxis=dict(type="category", categoryorder="array", categoryarray=list(order),
                   side="right" if st.rtl else "left", automargin=False),
    ))
