"""The overview's headline numbers as a figure, so they can sit on a slide like the charts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, i18n
from dashboard.charts.style import style
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = ["headline_figure"]


def headline_figure(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar") -> go.Figure:
    """The overview's headline numbers as a figure, so they can sit on a slide like the charts.

    Five numbers (meetings, partner countries, organisations, topics, undated),
    read from the right in Arabic, and the latest meeting beneath them.

    Args:
        meetings: filtered meetings.
        meeting_topics: their topic rows (``analytics.headline_figures`` counts
            ``in_account`` rows only, as the overview does).
        lang: ``"ar"`` or ``"en"``.
    """
    st = style(lang)
    figures = analytics.headline_figures(meetings, meeting_topics)
    items = [("metric_meetings", "meetings"), ("metric_partner_countries", "partner_countries"),
             ("metric_organisations", "organisations"), ("metric_topics", "topics"),
             ("metric_undated", "undated")]
    if st.rtl:
        items = items[::-1]  # first number on the right
    width = 1.0 / len(items)
    traces = [
        go.Indicator(
            mode="number", value=figures[field],
            number=dict(font=dict(size=64, color=st.palette[4]), valueformat=",d"),
            title=dict(text=browser_label(t(key, st.lang)), font=dict(size=20)),
            domain=dict(x=[i * width + 0.01, (i + 1) * width - 0.01], y=[0.3, 0.95]),
        )
        for i, (key, field) in enumerate(items)
    ]
    if figures["latest_date"]:
        partner = figures["latest_partner_en" if st.lang == "en" else "latest_partner_ar"] or ""
        latest = f"{t('metric_latest', st.lang)}: {i18n.date_label(figures['latest_date'], st.lang)}"
        latest += f" — {partner}" if partner else ""
    else:
        latest = f"{t('metric_latest', st.lang)}: —"
    return go.Figure(data=traces, layout=dict(
        font=dict(family=st.font_family, color=st.font_color, size=16),
        paper_bgcolor=st.paper_bgcolor, plot_bgcolor=st.plot_bgcolor,
        title=dict(text=browser_label(t("export_headline", st.lang)), x=1.0 if st.rtl else 0.0,
                   xanchor=st.align, font=dict(size=17)),
        annotations=[dict(text=browser_label(latest), x=0.5, y=0.08, xref="paper", yref="paper",
                          showarrow=False, font=dict(size=24))],
        margin=dict(l=10, r=10, t=60, b=10), height=440, uirevision="headline",
    ))
