"""Topic charts: meetings per topic, topics by partner, topics over time."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.analytics.topics import topic_counts, topic_meetings
from dashboard.charts.style import (_DASHES, ChartStyle, _hover, _int_ticks, _label_px, _labels, _layout,
                                    _legend, _month_texts, _month_ticks, _st, empty_figure)
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = ["topic_bars", "topic_partner_heatmap", "topics_over_time", "MONTHS_WITH_MARKERS"]

#: Longest span, in months, for which topics over time marks each month's value.
MONTHS_WITH_MARKERS = 36


def topic_bars(meeting_topics: pd.DataFrame, lang: str = "ar", include_background: bool = False,
               theme: str | ChartStyle = "light") -> go.Figure:
    """Meetings per topic as horizontal bars, largest on top; mirrored in Arabic.

    In Arabic the topic names are on a right-hand axis and bars grow leftwards
    (x axis reversed), as an Arabic reader scans from the right.

    Args:
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure (one horizontal ``Bar`` trace).
    """
    st = _st(lang, theme)
    title = t("chart_topics", st.lang)
    tc = topic_counts(meeting_topics, st.lang, include_background)
    if tc.empty:
        return empty_figure(st.lang, title, st)
    tc = tc.iloc[::-1]  # plotly draws the first category at the bottom
    labels = _labels(tc["topic"])
    bar = go.Bar(
        x=tc["meetings"].to_numpy(), y=labels, orientation="h", marker_color=st.palette[4],
        text=tc["meetings"].to_numpy(), textposition="outside", cliponaxis=False,
        customdata=labels.reshape(-1, 1),
        hovertemplate=_hover("%{customdata[0]}", f"{t('hover_meetings', st.lang)}: %{{x}}"),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    return go.Figure(data=[bar], layout=_layout(
        st, title, "topic_bars",
        height=max(300, 30 * len(tc) + 120),
        xaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))),
                   autorange="reversed" if st.rtl else True, rangemode="tozero",
                   **_int_ticks(tc["meetings"].to_numpy())),
        yaxis=dict(type="category", categoryorder="array", categoryarray=labels.tolist(),
                   side="right" if st.rtl else "left"),
    ))


def topic_partner_heatmap(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar",
                          include_background: bool = False, theme: str | ChartStyle = "light",
                          max_partners: int = 30) -> go.Figure:
    """Topics (rows) by partners (columns): how many meetings with each partner raised each topic.

    Args:
        meetings: ``meetings`` table (only topics of these meetings count).
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).
        max_partners: keep the partners with the most topic-bearing meetings;
            a matrix wider than this is unreadable.

    Returns:
        The figure (one ``Heatmap``); in Arabic topics are on the right and
        the busiest partner is the right-most column.
    """
    st = _st(lang, theme)
    title = t("chart_topic_partner", st.lang)
    tm = topic_meetings(meetings, meeting_topics, st.lang, include_background)
    if tm.empty:
        return empty_figure(st.lang, title, st)
    matrix = tm.groupby(["topic", "partner"], sort=False).size().unstack("partner", fill_value=0)
    partner_total = tm.drop_duplicates(["meeting_id", "partner"]).groupby("partner").size()
    partners = partner_total.sort_values(ascending=False, kind="stable").index[:max_partners]
    matrix = matrix.reindex(columns=partners, fill_value=0)
    topic_total = tm.groupby("topic")["meeting_id"].nunique()
    # Busiest topic at the top (plotly's first row is the bottom one).
    topics = topic_total.reindex(matrix.index).sort_values(kind="stable").index
    matrix = matrix.reindex(index=topics)
    z = matrix.to_numpy(dtype="int64")
    x, y = _labels(matrix.columns.to_series()), _labels(matrix.index.to_series())
    show_text = z.size <= 400
    # Margins sized here, not by plotly's automargin, which draws the chart a second time once it
    # has measured the labels. Partner names slant at -45 degrees: each reaches 0.71 of its width
    # (plus a line) below the plot, and the outermost one as far sideways past the plot's edge.
    slant = [math.ceil(0.71 * (_label_px([label]) + 13)) for label in x]
    outer_slant = slant[-1] if st.rtl else slant[0]  # the left-most column: last in Arabic (reversed axis)
    colour_title = t("axis_meetings", st.lang)
    # The bar's title is as wide as its box: a gap keeps it off the plot.
    bar_side = max(_label_px([colour_title]), 12 + _label_px([f"{int(z.max()):,}"])) + 40
    topic_side = _label_px(list(y)) + 12
    heat = go.Heatmap(
        z=z, x=x, y=y, colorscale=[list(p) for p in st.sequential], zmin=0, xgap=1, ygap=1,
        texttemplate="%{z}" if show_text else None,
        hovertemplate=_hover(f"{t('hover_topic', st.lang)}: %{{y}}",
                             f"{t('hover_partner', st.lang)}: %{{x}}",
                             f"{t('hover_meetings', st.lang)}: %{{z}}"),
        # In Arabic the topic names take the right-hand side, so the colour bar moves to the left.
        # It sits at the figure's edge (container coordinates): its room does not depend on the
        # plot's width.
        colorbar=dict(title=dict(text=browser_label(colour_title)), thickness=12, xref="container",
                      x=0.0 if st.rtl else 1.0, xanchor="left" if st.rtl else "right",
                      **_int_ticks(z)),
    )
    bottom = max(slant) + 56  # and the axis title under the names
    return go.Figure(data=[heat], layout=_layout(
        st, title, "topic_partner_heatmap",
        height=max(380, 34 * len(topics) + 60 + bottom),
        xaxis=dict(type="category", tickangle=-45, autorange="reversed" if st.rtl else True,
                   title=dict(text=browser_label(t("axis_partner", st.lang))), automargin=False),
        yaxis=dict(type="category", side="right" if st.rtl else "left", automargin=False),
        margin=dict(l=max(bar_side, outer_slant) if st.rtl else max(topic_side, outer_slant),
                    r=topic_side if st.rtl else bar_side, t=60, b=bottom, autoexpand=False),
    ))


def topics_over_time(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar",
                     include_background: bool = False, theme: str | ChartStyle = "light") -> go.Figure:
    """Monthly number of meetings raising each topic, one line per topic.

    Lines rather than stacked bars: with a dozen topics, stacked segments
    cannot be compared, while lines can be toggled from the legend. Colours
    cycle through Okabe-Ito and the dash pattern changes on each cycle, so
    no two topics look the same. Undated meetings are not counted.

    Args:
        meetings: ``meetings`` table (dates and page filters).
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure: one ``Scatter`` line per topic, busiest topic first.
    """
    st = _st(lang, theme)
    title = t("chart_topics_over_time", st.lang)
    tm = topic_meetings(meetings, meeting_topics, st.lang, include_background, with_partner=False)
    tm = tm[tm["dated"].to_numpy(dtype=bool)]
    if tm.empty:
        return empty_figure(st.lang, title, st)
    tm = tm.assign(month=tm["date"].str[:7])
    months = pd.period_range(tm["month"].min(), tm["month"].max(), freq="M").strftime("%Y-%m")
    table = tm.groupby(["topic", "month"], sort=False).size().unstack("month", fill_value=0)
    table = table.reindex(columns=months, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    month_text = np.array(_month_texts(list(months), st.lang), dtype=object)
    hover = _hover("%{customdata[0]}", "%{customdata[1]}", f"{t('hover_meetings', st.lang)}: %{{y}}")
    x = np.asarray(months, dtype=object)
    # Over a few years a marker per month is clutter that the browser draws one by one (a dozen
    # topics over ten years is 1,500 markers); the line alone shows the trend and still has hover.
    mode = "lines+markers" if len(months) <= MONTHS_WITH_MARKERS else "lines"
    traces = []
    for i, (topic, counts) in enumerate(zip(_labels(table.index.to_series()), table.to_numpy())):
        traces.append(go.Scatter(
            x=x, y=counts, mode=mode, name=topic,
            line=dict(color=st.palette[i % len(st.palette)], dash=_DASHES[(i // len(st.palette)) % len(_DASHES)],
                      width=2),
            marker=dict(size=5),
            customdata=np.column_stack([np.full(len(months), topic, dtype=object), month_text]),
            hovertemplate=hover,
        ))
    tickvals, ticktext = _month_ticks(list(months), st.lang)
    return go.Figure(data=traces, layout=_layout(
        st, title, "topics_over_time",
        xaxis=dict(type="category", tickvals=tickvals, ticktext=ticktext,
                   title=dict(text=browser_label(t("axis_month", st.lang)))),
        # Time runs left to right in both languages (as in the Arabic press),
        # so the value axis stays at the time origin, on the left.
        yaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))), rangemode="tozero",
                   **_int_ticks(table.to_numpy())),
        legend=_legend(st, t("legend_topic", st.lang)),
    ))
