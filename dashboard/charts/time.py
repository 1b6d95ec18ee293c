"""Time charts: the visits timeline (one row per partner) and meetings per month."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.analytics import time as timeline
from dashboard.analytics._frames import event_codes, group, meeting_dates, text
from dashboard.analytics.partners import partner_labels
from dashboard.charts.style import (_EVENT_SYMBOLS, EVENT_TYPE_ORDER, ChartStyle, _hover, _int_ticks, _label_px,
                                    _labels, _layout, _legend, _month_texts, _month_ticks, _st, empty_figure)
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = ["visits_timeline", "monthly_bar"]


def _period_labels(ordinals: np.ndarray, period: str, lang: str) -> list[str]:
    """Reviewed labels for distinct period ordinals: "نوفمبر 2025", "الربع 3 من 2025", "2025"."""
    start, _ = timeline.period_bounds(ordinals, period)
    years = start.astype("datetime64[Y]").astype("int64") + 1970
    if period == "year":
        return [str(y) for y in years]
    if period == "quarter":
        quarters = (start.astype("datetime64[M]").astype("int64") % 12) // 3 + 1
        return [t("quarter_label", lang, q=int(q), year=int(y)) for q, y in zip(quarters, years)]
    return [i18n.month_label(str(day)[:7], lang) for day in start]


def visits_timeline(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light") -> go.Figure:
    """Dated meetings as markers on a time axis, one row per partner, coloured by event type.

    Rows are ordered by each partner's latest meeting, most recent at the top.
    Month ticks come from the reviewed month table. In Arabic the partner
    names sit on a right-hand axis. Undated meetings are not plotted; list
    them with ``analytics.undated_meetings``. Up to
    ``analytics.TIMELINE_MAX_MARKERS`` meetings each have a marker; beyond
    that, markers group a partner's meetings of one type by month, quarter or
    year (see ``analytics.timeline_grouping``), are sized by count, say so in
    the subtitle, and their hover gives the period, the count and the latest
    visit.

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure: one ``Scatter`` trace per event type present.
    """
    st = _st(lang, theme)
    title = t("chart_timeline", st.lang)
    d = timeline.dated_meetings(meetings)
    if d.empty:
        return empty_figure(st.lang, title, st)
    grouping = timeline.timeline_grouping(d)
    dates = text(d, "date")
    partner = partner_labels(d, st.lang).to_numpy(dtype=object)
    visitor_name, visitor_title = text(d, "visitor_name_ar"), text(d, "visitor_title_ar")
    both = (visitor_name != "") & (visitor_title != "")
    visitor = (visitor_name + "، " + visitor_title).where(both, visitor_name + visitor_title)
    visitor = visitor.where(visitor != "", "—").to_numpy(dtype=object)
    codes = event_codes(d).to_numpy(dtype=object)
    days = meeting_dates(d).to_numpy("datetime64[D]")
    date_text = i18n.date_labels(dates, st.lang).to_numpy(dtype=object)
    event_names = {c: i18n.event_type_label(c, st.lang) for c in EVENT_TYPE_ORDER}
    event_line = {c: f"{t('hover_event_type', st.lang)}: {event_names[c]}" for c in EVENT_TYPE_ORDER}
    # Row order: latest meeting per partner, most recent on top (plotly draws the first category
    # at the bottom, hence ascending). Worked out on the meetings themselves, grouped or not.
    row_codes, rows = pd.factorize(_labels(partner))
    latest = np.full(len(rows), np.iinfo("int64").min, dtype="int64")
    np.maximum.at(latest, row_codes, days.astype("int64"))
    order = rows[np.argsort(latest, kind="stable")].tolist()

    if grouping is None:
        x, sizes = days, None
        # Per-point hover data kept to two columns: the partner is the y value
        # and the event type is constant per trace, so both go in the template.
        # (Plotly deep-copies object arrays element by element; at thousands of
        # points every column costs milliseconds.)
        customdata = np.column_stack([_labels(visitor), _labels(date_text)])
        hover_lines = ("%{y}", f"{t('hover_visitor', st.lang)}: %{{customdata[0]}}",
                       f"{t('hover_date', st.lang)}: %{{customdata[1]}}")
    else:
        ordinals = timeline.period_ordinals(days, grouping)
        # Sorted by date, so the last row of each group is its latest meeting.
        order_by_date = np.argsort(days, kind="stable")
        frame = pd.DataFrame({"partner": partner, "code": codes, "period": ordinals, "visitor": visitor,
                              "date_text": date_text}).iloc[order_by_date]
        frame["key"] = frame["partner"] + "\x1f" + frame["code"] + "\x1f" + frame["period"].astype(str)
        groups = group(frame, "key", meetings="size", partner=("partner", "first"), code=("code", "first"),
                       period=("period", "first"), visitor=("visitor", "last"), date_text=("date_text", "last"))
        period = groups["period"].to_numpy(dtype="int64")
        start, end = timeline.period_bounds(period, grouping)
        x = start + (end - start) // 2  # the middle of the period
        distinct, index = np.unique(period, return_inverse=True)
        period_text = np.array(_period_labels(distinct, grouping, st.lang), dtype=object)[index]
        counts = groups["meetings"].to_numpy(dtype="int64")
        # Area proportional to the count: the largest group 22 px across, a single meeting 7 px.
        sizes = 7 + 15 * np.sqrt(counts / counts.max())
        partner, codes = groups["partner"].to_numpy(dtype=object), groups["code"].to_numpy(dtype=object)
        customdata = np.column_stack([_labels(period_text), counts.astype(str),
                                      _labels(groups["visitor"]), _labels(groups["date_text"])])
        hover_lines = ("%{y}", f"{t('hover_period', st.lang)}: %{{customdata[0]}}",
                       f"{t('hover_meetings', st.lang)}: %{{customdata[1]}}",
                       f"{t('hover_latest_visitor', st.lang)}: %{{customdata[2]}}",
                       f"{t('hover_last_meeting', st.lang)}: %{{customdata[3]}}")
    partner = _labels(partner)
    traces = []
    for code in EVENT_TYPE_ORDER:
        sel = codes == code
        if not sel.any():
            continue
        traces.append(go.Scatter(
            x=x[sel], y=partner[sel], customdata=customdata[sel], mode="markers",
            name=browser_label(event_names[code]), legendgroup=code,
            # No marker outline: plotly styles each marker one by one, and an outline is one more
            # property per marker (translucency already shows markers that overlap).
            marker=dict(color=st.event_color(code), symbol=_EVENT_SYMBOLS[code], opacity=0.85,
                        size=14 if sizes is None else sizes[sel], sizemode="diameter"),
            hovertemplate=_hover(*hover_lines, event_line[code]),
        ))
    months = pd.period_range(dates.min()[:7], dates.max()[:7], freq="M").strftime("%Y-%m").tolist()
    tickvals, ticktext = _month_ticks(months, st.lang)
    subtitle = "" if grouping is None else \
        t("timeline_grouped_subtitle", st.lang, period=t(f"period_{grouping}", st.lang))
    subtitle_room = 24 if subtitle else 0
    # Plotly draws no legend for a single trace: then the title band is all the top needs.
    top = (120 if st.rtl else 100) if len(traces) > 1 else 60
    # Margins sized here rather than by plotly's automargin: automargin draws every marker a
    # second time once it has measured the labels.
    labels_side = _label_px(order) + 8
    return go.Figure(data=traces, layout=_layout(
        st, title, "visits_timeline", subtitle=subtitle,
        height=max(380, 26 * len(order) + 100 + top + subtitle_room),  # the plot: 26 px a row, plus 36
        xaxis=dict(type="date", title=dict(text=browser_label(t("axis_date", st.lang))),
                   tickvals=[f"{m}-01" for m in tickvals], ticktext=ticktext, automargin=False),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order,
                   side="right" if st.rtl else "left", title=dict(text=""), automargin=False),
        legend=_legend(st, t("legend_event_type", st.lang), placement="top"),
        # Top: room under the title for the legend's title and up to two rows of entries (see
        # _legend), and for the subtitle when markers are grouped. Bottom: month labels and the
        # axis title. The far side: half a month label.
        margin=dict(l=40 if st.rtl else labels_side, r=labels_side if st.rtl else 40,
                    t=top + subtitle_room, b=64, autoexpand=False),
    ))



def monthly_bar(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light") -> go.Figure:
    """Meetings per month as vertical bars, month names from the reviewed table.

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure (one ``Bar`` trace; x categories are ``"yyyy-mm"``).
    """
    st = _st(lang, theme)
    title = t("chart_monthly", st.lang)
    mc = timeline.monthly_counts(meetings)
    if mc.empty:
        return empty_figure(st.lang, title, st)
    months = mc["month"].tolist()
    tickvals, ticktext = _month_ticks(months, st.lang)
    bar = go.Bar(
        x=months, y=mc["meetings"].to_numpy(), marker_color=st.palette[4],
        customdata=np.array(_month_texts(months, st.lang), dtype=object).reshape(-1, 1),
        hovertemplate=_hover("%{customdata[0]}", f"{t('hover_meetings', st.lang)}: %{{y}}"),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    return go.Figure(data=[bar], layout=_layout(
        st, title, "monthly_bar",
        xaxis=dict(type="category", tickvals=tickvals, ticktext=ticktext,
                   title=dict(text=browser_label(t("axis_month", st.lang)))),
        # Time runs left to right in both languages (as in the Arabic press),
        # so the value axis stays at the time origin, on the left.
        yaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))), rangemode="tozero",
                   **_int_ticks(mc["meetings"].to_numpy())),
        bargap=0.15,
    ))
