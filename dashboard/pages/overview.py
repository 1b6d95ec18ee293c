"""Overview: headline figures and small versions of the three charts."""

import streamlit as st

from dashboard import charts, i18n
from dashboard.i18n import t
from dashboard.ui import context, no_data_note, show_chart

ctx = context()
lang = ctx.lang
st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

if not no_data_note(ctx):
    figures = charts.headline_figures(ctx.meetings, ctx.topics)
    cols = st.columns([1, 1, 1, 1, 2])
    cols[0].metric(t("metric_meetings", lang), figures["meetings"])
    cols[1].metric(t("metric_partner_countries", lang), figures["partner_countries"])
    cols[2].metric(t("metric_organisations", lang), figures["organisations"])
    cols[3].metric(t("metric_topics", lang), figures["topics"])
    latest_partner = figures.get(f"latest_partner_{'ar' if lang == 'ar' else 'en'}") or ""
    cols[4].metric(t("metric_latest", lang), i18n.date_label(figures["latest_date"], lang) if figures["latest_date"]
                   else "—", latest_partner or None, delta_color="off", delta_arrow="off")
    left, right = st.columns(2)
    with left:
        show_chart(charts.partner_map(ctx.meetings, lang), key="overview_map")
    with right:
        show_chart(charts.monthly_bar(ctx.meetings, lang), key="overview_monthly")
    show_chart(charts.topic_bars(ctx.topics, lang, include_background=ctx.filters.include_background),
               key="overview_topics")
